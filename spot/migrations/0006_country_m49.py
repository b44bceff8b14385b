"""Each country's UN M49 numeric code, the REF_AREA of SDG data (the open data's country key).

For countries and areas, M49 uses the ISO 3166-1 numeric codes; these are pycountry's, written out here so that
the migration never changes with a library's release.
"""

from django.db import migrations, models

M49 = {
    "CHN": 156,
    "PRK": 408,
    "JPN": 392,
    "MNG": 496,
    "KOR": 410,
    "HKG": 344,
    "MAC": 446,
    "BRN": 96,
    "KHM": 116,
    "IDN": 360,
    "LAO": 418,
    "MYS": 458,
    "MMR": 104,
    "PHL": 608,
    "SGP": 702,
    "THA": 764,
    "TLS": 626,
    "VNM": 704,
    "AFG": 4,
    "BGD": 50,
    "BTN": 64,
    "IND": 356,
    "IRN": 364,
    "MDV": 462,
    "NPL": 524,
    "PAK": 586,
    "LKA": 144,
    "TUR": 792,
    "ARM": 51,
    "AZE": 31,
    "GEO": 268,
    "KAZ": 398,
    "KGZ": 417,
    "RUS": 643,
    "TJK": 762,
    "TKM": 795,
    "UZB": 860,
    "AUS": 36,
    "FJI": 242,
    "KIR": 296,
    "MHL": 584,
    "FSM": 583,
    "NRU": 520,
    "NZL": 554,
    "PLW": 585,
    "PNG": 598,
    "WSM": 882,
    "SLB": 90,
    "TON": 776,
    "TUV": 798,
    "VUT": 548,
    "ASM": 16,
    "COK": 184,
    "PYF": 258,
    "GUM": 316,
    "NCL": 540,
    "NIU": 570,
    "MNP": 580,
    "FRA": 250,
    "NLD": 528,
    "GBR": 826,
    "USA": 840,
}


def load(apps, schema_editor):
    Country = apps.get_model("spot", "Country")
    for country in Country.objects.all():
        country.m49 = M49[country.iso3]
        country.save(update_fields=["m49"])


class Migration(migrations.Migration):
    dependencies = [("spot", "0005_languages")]

    operations = [
        migrations.AddField(
            model_name="country",
            name="m49",
            field=models.PositiveSmallIntegerField(null=True, verbose_name="UN M49 numeric code"),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="country",
            name="m49",
            field=models.PositiveSmallIntegerField(
                help_text="The UN Statistics Division's code: REF_AREA in SDG data.",
                unique=True,
                verbose_name="UN M49 numeric code",
            ),
        ),
    ]
