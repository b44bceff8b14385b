"""Realistic volumes for the benchmark, one function per kind of content.

Each function grows its content to the number asked and is idempotent, so the
benchmark seeds a small size, measures, then grows to the full size. When an app
gains its content (reports, good practices), its function here fills it; until
then it says so and seeds nothing.
"""

from datetime import UTC

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
    """Reporting cycles, each with a published report from two thirds of the countries (Thailand always),
    every section written at length and every coverage cell filled; returns the number of published reports."""
    from datetime import date, datetime

    from measures.models import CoverageCategory, Measure
    from progress_reports.models import (
        CoverageEntry,
        ImplementationStatus,
        ProgressReport,
        ReportingCycle,
        ReportSection,
        ReportState,
    )
    from spot.models import Country

    countries = [
        country
        for index, country in enumerate(Country.objects.order_by("iso3"))
        if index % 3 != 2 or country.iso3 == "THA"
    ]
    measures = list(Measure.objects.all())
    categories = list(CoverageCategory.objects.all())
    statuses = ImplementationStatus.values
    text = (
        "The ministry extended the child benefit to every district, linked it to the civil registry and paid it "
        "through mobile money; coverage rose fastest among the poorest households. "
    ) * 3
    for number in range(ReportingCycle.objects.filter(slug__startswith="bench-").count() + 1, cycles + 1):
        year = 2020 + 2 * number
        cycle = ReportingCycle.objects.create(
            title=f"Progress reports {year}",
            slug=f"bench-{number}",
            session=f"Committee on Social Development, session {number}",
            opens_on=date(year, 1, 15),
            deadline=date(year, 6, 30),
            closed_at=datetime(year, 8, 1, tzinfo=UTC),
        )
        reports = ProgressReport.objects.bulk_create(
            ProgressReport(
                country=country,
                cycle=cycle,
                state=ReportState.PUBLISHED,
                summary=text,
                challenges=text[:300],
                submitted_at=datetime(year, 6, 20, tzinfo=UTC),
                published_at=datetime(year, 7, 15, tzinfo=UTC),
            )
            for country in countries
        )
        ReportSection.objects.bulk_create(
            ReportSection(
                report=report,
                measure=measure,
                status=statuses[(index + measure.number) % len(statuses)],
                actions_taken=text,
                challenges=text[:300],
                support_needed=text[:200],
                wants_support=measure.number % 3 == 0,
                experience_to_share=text[:200],
                offers_experience=measure.number % 4 == 0,
            )
            for index, report in enumerate(reports)
            for measure in measures
        )
        CoverageEntry.objects.bulk_create(
            CoverageEntry(
                report=report,
                category=category,
                sex=sex,
                baseline_2021=20 + (index + category.position) % 50,
                target_2025=30 + (index + category.position) % 50,
                target_2030=45 + (index + category.position) % 50,
                latest_value=18 + (index * 3 + category.position) % 60,
                latest_year=year - 1,
                source="National statistics office, administrative data",
            )
            for index, report in enumerate(reports)
            for category in categories
            for sex in category.sexes
        )
    return ProgressReport.objects.published().count()


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
