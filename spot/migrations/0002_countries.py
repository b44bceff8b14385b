"""The 62 ESCAP members and associate members, from the ESCAP membership list."""

from django.db import migrations

# (ISO3, name, subregion, membership)
COUNTRIES = [
    ("CHN", "China", "enea", "member"),
    ("PRK", "Democratic People's Republic of Korea", "enea", "member"),
    ("JPN", "Japan", "enea", "member"),
    ("MNG", "Mongolia", "enea", "member"),
    ("KOR", "Republic of Korea", "enea", "member"),
    ("HKG", "Hong Kong, China", "enea", "associate"),
    ("MAC", "Macao, China", "enea", "associate"),
    ("BRN", "Brunei Darussalam", "sea", "member"),
    ("KHM", "Cambodia", "sea", "member"),
    ("IDN", "Indonesia", "sea", "member"),
    ("LAO", "Lao People's Democratic Republic", "sea", "member"),
    ("MYS", "Malaysia", "sea", "member"),
    ("MMR", "Myanmar", "sea", "member"),
    ("PHL", "Philippines", "sea", "member"),
    ("SGP", "Singapore", "sea", "member"),
    ("THA", "Thailand", "sea", "member"),
    ("TLS", "Timor-Leste", "sea", "member"),
    ("VNM", "Viet Nam", "sea", "member"),
    ("AFG", "Afghanistan", "sswa", "member"),
    ("BGD", "Bangladesh", "sswa", "member"),
    ("BTN", "Bhutan", "sswa", "member"),
    ("IND", "India", "sswa", "member"),
    ("IRN", "Iran (Islamic Republic of)", "sswa", "member"),
    ("MDV", "Maldives", "sswa", "member"),
    ("NPL", "Nepal", "sswa", "member"),
    ("PAK", "Pakistan", "sswa", "member"),
    ("LKA", "Sri Lanka", "sswa", "member"),
    ("TUR", "Türkiye", "sswa", "member"),
    ("ARM", "Armenia", "nca", "member"),
    ("AZE", "Azerbaijan", "nca", "member"),
    ("GEO", "Georgia", "nca", "member"),
    ("KAZ", "Kazakhstan", "nca", "member"),
    ("KGZ", "Kyrgyzstan", "nca", "member"),
    ("RUS", "Russian Federation", "nca", "member"),
    ("TJK", "Tajikistan", "nca", "member"),
    ("TKM", "Turkmenistan", "nca", "member"),
    ("UZB", "Uzbekistan", "nca", "member"),
    ("AUS", "Australia", "pacific", "member"),
    ("FJI", "Fiji", "pacific", "member"),
    ("KIR", "Kiribati", "pacific", "member"),
    ("MHL", "Marshall Islands", "pacific", "member"),
    ("FSM", "Micronesia (Federated States of)", "pacific", "member"),
    ("NRU", "Nauru", "pacific", "member"),
    ("NZL", "New Zealand", "pacific", "member"),
    ("PLW", "Palau", "pacific", "member"),
    ("PNG", "Papua New Guinea", "pacific", "member"),
    ("WSM", "Samoa", "pacific", "member"),
    ("SLB", "Solomon Islands", "pacific", "member"),
    ("TON", "Tonga", "pacific", "member"),
    ("TUV", "Tuvalu", "pacific", "member"),
    ("VUT", "Vanuatu", "pacific", "member"),
    ("ASM", "American Samoa", "pacific", "associate"),
    ("COK", "Cook Islands", "pacific", "associate"),
    ("PYF", "French Polynesia", "pacific", "associate"),
    ("GUM", "Guam", "pacific", "associate"),
    ("NCL", "New Caledonia", "pacific", "associate"),
    ("NIU", "Niue", "pacific", "associate"),
    ("MNP", "Northern Mariana Islands", "pacific", "associate"),
    ("FRA", "France", "non-regional", "member"),
    ("NLD", "Netherlands (Kingdom of the)", "non-regional", "member"),
    ("GBR", "United Kingdom of Great Britain and Northern Ireland", "non-regional", "member"),
    ("USA", "United States of America", "non-regional", "member"),
]


def load(apps, schema_editor):
    Country = apps.get_model("spot", "Country")
    for iso3, name, subregion, membership in COUNTRIES:
        Country.objects.update_or_create(
            iso3=iso3, defaults={"name": name, "subregion": subregion, "membership": membership}
        )


class Migration(migrations.Migration):
    dependencies = [("spot", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
