"""Realistic volumes for the benchmark, one function per kind of content.

Each function grows its content to the number asked and is idempotent, so the
benchmark seeds a small size, measures, then grows to the full size. When an app
gains its content (reports, good practices), its function here fills it; until
then it says so and seeds nothing.
"""

from django.apps import apps

# The volumes: 62 countries come with the reference data (migrations).
SIZES = {
    "small": {"focal_points": 30, "report_cycles": 1, "practices": 500},
    "full": {"focal_points": 300, "report_cycles": 3, "practices": 5000},
}

AGENCIES = [
    "Ministry of Social Development",
    "Ministry of Labour and Social Protection",
    "Social Security Office",
    "National Statistics Office",
    "Ministry of Finance",
    "Ministry of Health",
    "Ministry of Women and Children",
]
POSITIONS = ["Director", "Deputy Director", "Policy analyst", "Statistician", "Chief expert", ""]


def seed_focal_points(total):
    """Focal points spread over every country; one lead per country, half listed by name."""
    from focal_points.models import FocalPoint
    from spot.models import Country, User

    countries = list(Country.objects.order_by("iso3"))
    existing = FocalPoint.objects.count()
    users = User.objects.bulk_create(
        User(email=f"person{n}@bench.example.org", name=f"Person {n} Bench") for n in range(existing, total)
    )
    FocalPoint.objects.bulk_create(
        FocalPoint(
            user=user,
            country=countries[n % len(countries)],
            agency=AGENCIES[n % len(AGENCIES)],
            position=POSITIONS[n % len(POSITIONS)],
            is_lead=n < len(countries),
            listed_publicly=n % 2 == 0,
        )
        for n, user in enumerate(users, start=existing)
    )
    return FocalPoint.objects.count()


def seed_reports(cycles):
    """Reporting cycles, each with a published report from most countries (a section per measure).

    To be filled when `progress_reports` has its models: create `cycles` cycles and, per cycle,
    a published report for about two thirds of the 62 countries, with 12 sections and measure 7's
    coverage table; return the number of published reports.
    """
    return _not_built_yet("progress_reports", "ProgressReport")


def seed_practices(total):
    """Published good practices spread over countries, measures and themes.

    To be filled when `good_practices` has its models: grow to `total` practices (most published,
    some drafts and archived ones), each tagged with 1-3 measures and themes; return the number.
    """
    return _not_built_yet("good_practices", "GoodPractice")


def _not_built_yet(app_label, model_name):
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        return None  # the app has no such content yet: nothing to seed
    raise NotImplementedError(f"{app_label}.{model_name} exists now: write its seeding function in bench/seed.py.")


# One function per kind of content, by the name SIZES uses.
SEEDERS = {"focal_points": seed_focal_points, "report_cycles": seed_reports, "practices": seed_practices}


def seed(size):
    """Grow every kind of content to `size`; return what each now holds (None: not built yet)."""
    return {kind: SEEDERS[kind](count) for kind, count in SIZES[size].items()}
