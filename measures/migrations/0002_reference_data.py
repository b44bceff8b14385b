"""The 12 measures of the Action Plan, measure 7's sub-targets and the SDG 1.3.1 coverage categories.

Texts are verbatim from the Action Plan; categories from the ILO's SDG indicator 1.3.1 series.
"""

from django.db import migrations

MEASURES = [
    (
        1,
        "Right to social protection for all",
        "Ensure the right to social protection for all without discrimination throughout the life cycle, including by adopting necessary legislative, regulatory, administrative and other measures to this end;",
    ),
    (
        2,
        "Comprehensive and sustainable systems",
        "Progressively design and realize, including through social dialogue, comprehensive and sustainable social protection systems for all that enable every person to access social protection at adequate benefit levels and thereby enjoy an adequate standard of living, in accordance with national circumstances, throughout his or her lifetime;",
    ),
    (
        3,
        "Shock-responsive, gender-sensitive systems",
        "Ensure that social protection systems are shock responsive, gender sensitive and relevant to the needs of vulnerable populations;",
    ),
    (
        4,
        "Efficient, transparent and accountable delivery",
        "Ensure that the implementation of social protection is efficient, coordinated, non-discriminatory, reliable and transparent, with public availability of appeal and complaint mechanisms institutionalized as part of the service delivery process;",
    ),
    (
        5,
        "Sufficient public funding",
        "Allocate sufficient public funds, and increase these levels where required, towards the realization of social protection for all at the national level, with due regard to social and intergenerational solidarity and the sustainability of national social protection systems;",
    ),
    (
        6,
        "Civil society and private sector engagement",
        "Encourage national civil society entities and private sector organizations to engage actively in the field of social protection, as appropriate, towards the realization of social protection for all;",
    ),
    (
        7,
        "National coverage targets (SDG 1.3)",
        "Consider setting achievable national targets, including intermediate targets, based on country contexts within the indicator framework of Sustainable Development Goal 1.3, including through the establishment of the following:",
    ),
    (
        8,
        "Strategies in national plans",
        "Develop strategies to achieve these targets and integrate them into national development plans and social protection sectoral plans and frameworks;",
    ),
    (
        9,
        "Social protection data systems",
        "Develop and strengthen national data management systems and processes to facilitate the collection, management and analysis of social protection data that are accurate, relevant and timely;",
    ),
    (
        10,
        "Partnerships and peer learning",
        "Promote partnerships, peer learning, knowledge exchange and the sharing of good practices among countries in Asia and the Pacific through North-South, South-South and triangular cooperation frameworks;",
    ),
    (
        11,
        "Aligned development support",
        "Ensure that development support from partners is aligned with core national social protection priorities and corresponding technical assistance and capacity building needs;",
    ),
    (
        12,
        "Voluntary progress reports",
        "Share national experiences in the form of a progress report, to be produced on a voluntary basis, on the progress made and challenges faced in implementing the Action Plan, at future sessions of the Committee on Social Development.",
    ),
]

# Measure 7: (sub-target number, year, text).
MEASURE_7_TARGETS = [
    (
        1,
        2021,
        "A national baseline of the population covered by social protection programmes for 2021, by sex and age;",
    ),
    (
        2,
        2025,
        "Intermediate targets for the population covered by social protection programmes by 2025, by sex and age;",
    ),
    (
        3,
        2030,
        "National targets to reach the entire population with social protection programmes by 2030, by sex and age;",
    ),
]

# (code, ILO series code, name, age group, sexes)
COVERAGE_CATEGORIES = [
    (
        "TOTAL",
        "SOC_CONTIG_TOTAL",
        "Population covered by at least one social protection benefit",
        "all ages",
        ["total", "female", "male"],
    ),
    (
        "CHILD",
        "SOC_CONTIG_CHILD",
        "Children covered by social protection benefits",
        "children",
        ["total", "female", "male"],
    ),
    ("MAT", "SOC_CONTIG_MAT", "Mothers with newborns receiving maternity cash benefits", "working age", ["female"]),
    (
        "DISAB",
        "SOC_CONTIG_DISAB",
        "Persons with severe disabilities receiving disability cash benefits",
        "all ages",
        ["total", "female", "male"],
    ),
    (
        "UNE",
        "SOC_CONTIG_UNE",
        "Unemployed persons receiving unemployment cash benefits",
        "working age",
        ["total", "female", "male"],
    ),
    (
        "PENSION",
        "SOC_CONTIG_PENSION",
        "Older persons receiving a pension",
        "older persons",
        ["total", "female", "male"],
    ),
    (
        "VULN",
        "SOC_CONTIG_VULN",
        "Vulnerable persons covered by social assistance",
        "all ages",
        ["total", "female", "male"],
    ),
    ("POOR", "SOC_CONTIG_POOR", "Poor persons covered by social assistance", "all ages", ["total", "female", "male"]),
    (
        "INJ",
        "SOC_CONTIG_INJ",
        "Employed persons covered in case of employment injury",
        "working age",
        ["total", "female", "male"],
    ),
]


def load(apps, schema_editor):
    Measure = apps.get_model("measures", "Measure")
    MeasureTarget = apps.get_model("measures", "MeasureTarget")
    CoverageCategory = apps.get_model("measures", "CoverageCategory")
    for number, title, text in MEASURES:
        Measure.objects.update_or_create(number=number, defaults={"title": title, "text": text})
    measure_7 = Measure.objects.get(number=7)
    for number, year, text in MEASURE_7_TARGETS:
        MeasureTarget.objects.update_or_create(measure=measure_7, number=number, defaults={"year": year, "text": text})
    for position, (code, series, name, age_group, sexes) in enumerate(COVERAGE_CATEGORIES, start=1):
        CoverageCategory.objects.update_or_create(
            code=code,
            defaults={
                "ilo_series_code": series,
                "name": name,
                "age_group": age_group,
                "sexes": sexes,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("measures", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
