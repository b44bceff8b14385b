"""Sample progress reports for the demo: two cycles, ten countries, a range of progress, one returned draft.

Every report is marked `is_sample` and shown as "Sample". Idempotent: reports are found again by
country, cycle and version, and their content rewritten.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from measures.models import CoverageCategory
from progress_reports.changes import report_content
from progress_reports.models import (
    ImplementationStatus,
    ProgressReport,
    ReportingCycle,
    ReportState,
    ReportTransition,
    SectionComment,
)
from progress_reports.services import create_sections

S = ImplementationStatus

# What each measure's section says, with {country} filled in; the status comes from the country's profile.
ACTIONS = {
    1: "{country} amended its social security law to extend the right to social protection to workers in all "
    "forms of employment, and adopted a non-discrimination clause covering migrants and persons with disabilities.",
    2: "A national social protection strategy adopted after consultations with workers' and employers' "
    "organizations sets a floor of benefits for every stage of life, financed by contributions and taxes.",
    3: "Cash transfers can now be scaled up within two weeks of a disaster through a pre-agreed protocol; "
    "benefits are paid to women in the household by default.",
    4: "A single registry links the main programmes; a toll-free line and local offices take appeals and "
    "complaints, which are answered within 30 days and published every quarter.",
    5: "Public spending on social protection (excluding health) rose from 3.1 to 3.8 per cent of GDP; "
    "a medium-term expenditure framework protects it from cuts.",
    6: "A council with civil society and private insurers advises on the design of programmes; "
    "non-governmental organizations help register informal workers.",
    7: "National targets for 2025 and 2030 were set with the national statistics office, using the SDG "
    "indicator 1.3.1 categories.",
    8: "The targets are part of the national development plan, with a costed action plan in the social "
    "protection sector plan.",
    9: "An integrated management information system covers the main programmes; coverage data by sex and "
    "age are published each year.",
    10: "{country} hosted a peer-learning visit on digital payments and joined a South-South exchange on "
    "unemployment insurance.",
    11: "Officials took part in ESCAP's online course on social protection and regional workshops of the "
    "focal-point network.",
    12: "This report was prepared by the focal points of {country} with the ministries concerned.",
}
CHALLENGES = {
    3: "Reaching households in remote islands and mountains quickly after a shock.",
    5: "Fiscal space remains tight while debt service rises.",
    9: "Programmes run by local governments are not yet linked to the registry.",
}

# (ISO3, statuses for measures 1–12 as steps 0–4, coverage trend, wants support on, offers experience on)
# Trends: "fast" (on track), "slow" (limited progress), "falling" (deterioration), "partial" (some data missing).
# Measures 10 and 11 (peer learning, capacity building) pair those who ask with those who offer on the dashboard.
PROFILES = {
    "THA": ([4, 3, 3, 3, 3, 2, 3, 3, 3, 3, 2, 3], "fast", [9], [4, 7, 10]),
    "FJI": ([2, 2, 3, 1, 1, 2, 2, 1, 1, 2, 2, 2], "slow", [3, 5, 9, 10, 11], [3]),
    "MNG": ([3, 3, 2, 2, 2, 1, 3, 2, 2, 2, 1, 2], "falling", [5, 9, 11], [1]),
    "KAZ": ([4, 4, 2, 3, 3, 2, 3, 3, 3, 2, 3, 3], "fast", [3], [2, 5, 11]),
    "IDN": ([3, 3, 3, 3, 2, 2, 3, 3, 3, 3, 3, 3], "fast", [5], [3, 9, 10, 11]),
    "PHL": ([3, 3, 4, 2, 2, 3, 2, 2, 2, 3, 2, 2], "slow", [9], [3]),
    "BGD": ([2, 2, 3, 2, 1, 2, 1, 2, 1, 2, 2, 2], "partial", [1, 5, 9, 10], [3]),
    "WSM": ([1, 2, 2, 1, 1, 1, 1, 1, 0, 2, 2, 1], "partial", [2, 7, 9, 11], []),
    "KHM": ([2, 3, 2, 2, 2, 2, 2, 3, 2, 2, 2, 2], "slow", [9, 11], [10]),
    "UZB": ([3, 2, 2, 3, 2, 1, 2, 2, 3, 2, 2, 2], "falling", [2, 6, 10], [4]),
}
# (cycle slug, ISO3, version): published; the 2026 cycle also has a submitted and a returned report.
PUBLISHED = [
    *[("2024", iso3, 1) for iso3 in ["THA", "FJI", "MNG", "KAZ", "IDN", "PHL", "BGD", "WSM", "KHM", "UZB"]],
    ("2026", "IDN", 1),
    ("2026", "PHL", 1),
    ("2026", "PHL", 2),
    ("2026", "KAZ", 1),
]
SUBMITTED = [("2026", "MNG", 1)]
RETURNED = [("2026", "THA", 1)]


def cycles(today):
    past, _ = ReportingCycle.objects.update_or_create(
        slug="2024",
        defaults={
            "title": "Progress reports 2024",
            "session": "Committee on Social Development, eighth session",
            "opens_on": today.replace(year=2024, month=1, day=15),
            "deadline": today.replace(year=2024, month=6, day=30),
            "closed_at": timezone.now().replace(year=2024, month=8, day=1),
        },
    )
    current, _ = ReportingCycle.objects.update_or_create(
        slug="2026",
        defaults={
            "title": "Progress reports 2026",
            "session": "Committee on Social Development, ninth session",
            "opens_on": today - timedelta(days=60),
            "deadline": today + timedelta(days=45),
            "closed_at": None,
        },
    )
    return {"2024": past, "2026": current}


def coverage_values(trend, category, sex, latest_year, country_index):
    """Baseline, targets and latest value of one row, following the country's trend."""
    base = Decimal(25 + (category.position * 7 + country_index * 5) % 55)
    if sex == "female":
        base -= 4
    elif sex == "male":
        base += 3
    # Countries on a slow path set a modest 2030 target: limited progress toward 2025, closer to pace for 2030.
    target_2025, target_2030 = min(base + 10, Decimal(100)), min(base + (12 if trend == "slow" else 22), Decimal(100))
    years = latest_year - 2021
    if trend == "partial" and category.position % 3 == 0:
        return dict.fromkeys(["target_2025", "target_2030", "latest_value", "latest_year"], None) | {
            "baseline_2021": base
        }
    step = {"fast": Decimal("3.2"), "slow": Decimal("0.9"), "falling": Decimal("-1.1"), "partial": Decimal("1.5")}[
        trend
    ]
    latest = max(Decimal(0), min(base + step * years, Decimal(100)))
    return {
        "baseline_2021": base,
        "target_2025": target_2025,
        "target_2030": target_2030,
        "latest_value": latest.quantize(Decimal("0.1")),
        "latest_year": latest_year,
        "source": "National statistics office, administrative data of social protection programmes",
    }


def write_content(report, iso3, country_index, *, revised=False):
    statuses, trend, support, experience = PROFILES[iso3]
    country = report.country.name
    report.summary = (
        f"{country} continued to build its social protection system along the life cycle since the last report. "
        "Coverage grew most among older persons and children; informal workers remain the hardest to reach.\n\n"
        "This is sample text for the demonstration of the portal, not a statement of the government."
    )
    if revised:
        report.summary += "\n\nRevised to add the latest coverage figures from the national statistics office."
    report.challenges = "Fiscal space, the capacity of local offices, and data on informal workers."
    report.save()
    sections = {section.measure.number: section for section in report.sections.select_related("measure")}
    for number, section in sections.items():
        step = min(statuses[number - 1] + (1 if revised and number == 9 else 0), 4)
        section.status = S.values[step]
        section.actions_taken = ACTIONS[number].format(country=country)
        section.challenges = CHALLENGES.get(number, "")
        section.wants_support = number in support
        section.support_needed = (
            "Technical advice and a peer exchange with a country further ahead." if number in support else ""
        )
        section.offers_experience = number in experience
        section.experience_to_share = (
            f"{country} can share how it designed and rolled this out, and what it would do differently."
            if number in experience
            else ""
        )
        section.save()
    latest_year = 2023 if report.cycle.slug == "2024" else 2025
    categories = {category.pk: category for category in CoverageCategory.objects.all()}
    for entry in report.coverage.all():
        values = coverage_values(trend, categories[entry.category_id], entry.sex, latest_year, country_index)
        for name, value in values.items():
            setattr(entry, name, value)
        entry.save()


def report_for(cycle, country, version, based_on=None):
    report, created = ProgressReport.objects.get_or_create(
        country=country,
        cycle=cycle,
        version=version,
        defaults={"is_sample": True, "based_on": based_on, "state": ReportState.DRAFT},
    )
    if created:
        create_sections(report)
    return report


def history(report, steps):
    """Rewrite the report's history: (at, actor, from, to, comment) steps."""
    report.transitions.all().delete()
    snapshot = report_content(report)
    for at, actor, from_state, to_state, comment in steps:
        ReportTransition.objects.create(
            report=report,
            at=at,
            actor=actor,
            from_state=from_state,
            to_state=to_state,
            comment=comment,
            snapshot=snapshot if to_state == ReportState.SUBMITTED else None,
        )


def load_sample_reports(*, staff, focal_points):
    """Build the sample reports. `focal_points` maps ISO3 to a demo focal point (the author where there is one)."""
    from spot.models import Country

    today = timezone.localdate()
    now = timezone.now()
    by_slug = cycles(today)
    countries = Country.objects.in_bulk(list(PROFILES), field_name="iso3")
    index = {iso3: position for position, iso3 in enumerate(PROFILES)}
    published = {}
    for slug, iso3, version in PUBLISHED:
        cycle = by_slug[slug]
        based_on = published.get((slug, iso3, version - 1))
        report = report_for(cycle, countries[iso3], version, based_on)
        write_content(report, iso3, index[iso3], revised=version > 1)
        if slug == "2024":
            when = timezone.make_aware(datetime.combine(cycle.deadline, time(12)))
        else:
            when = now - timedelta(days=20 - 5 * version)
        author = focal_points.get(iso3)
        report.state = ReportState.PUBLISHED
        report.submitted_at = when - timedelta(days=10)
        report.published_at = when
        report.based_on = based_on
        report.save()
        history(
            report,
            [
                (when - timedelta(days=30), author, "", ReportState.DRAFT, ""),
                (when - timedelta(days=10), author, ReportState.DRAFT, ReportState.SUBMITTED, ""),
                (when, staff, ReportState.SUBMITTED, ReportState.PUBLISHED, ""),
            ],
        )
        published[(slug, iso3, version)] = report
    for slug, iso3, version in SUBMITTED:
        report = report_for(by_slug[slug], countries[iso3], version)
        write_content(report, iso3, index[iso3])
        report.state, report.submitted_at = ReportState.SUBMITTED, now - timedelta(days=3)
        report.save()
        history(
            report,
            [
                (now - timedelta(days=12), focal_points.get(iso3), "", ReportState.DRAFT, ""),
                (now - timedelta(days=3), focal_points.get(iso3), ReportState.DRAFT, ReportState.SUBMITTED, ""),
            ],
        )
    for slug, iso3, version in RETURNED:
        report = report_for(by_slug[slug], countries[iso3], version)
        write_content(report, iso3, index[iso3])
        report.state, report.submitted_at = ReportState.RETURNED, now - timedelta(days=6)
        report.save()
        author = focal_points.get(iso3)
        history(
            report,
            [
                (now - timedelta(days=15), author, "", ReportState.DRAFT, ""),
                (now - timedelta(days=6), author, ReportState.DRAFT, ReportState.SUBMITTED, ""),
                (
                    now - timedelta(days=2),
                    staff,
                    ReportState.SUBMITTED,
                    ReportState.RETURNED,
                    "Thank you for a thorough report. Before we publish it, please give the source of the "
                    "coverage figures and say more about measure 5 (financing).",
                ),
            ],
        )
        returned = report.transitions.get(to_state=ReportState.RETURNED)
        section = report.sections.get(measure__number=5)
        SectionComment.objects.create(
            transition=returned,
            section=section,
            text="Please give the share of GDP spent on social protection and how it changed since 2021.",
        )
    return len(PUBLISHED)
