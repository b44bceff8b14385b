"""Realistic volumes for the benchmark, one function per kind of content.

Each function grows its content to the number asked and is idempotent, so the
benchmark seeds a small size, measures, then grows to the full size. Practices are
written as `bench/search.py` writes them.
"""

from datetime import UTC

from django.utils import timezone

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
    first = ProgressReport.objects.filter(cycle__slug="bench-1", country__iso3="THA", version=1).first()
    if first is not None and not ProgressReport.objects.filter(based_on=first).exists():
        seed_second_version(first)
    return ProgressReport.objects.published().count()


def seed_second_version(report):
    """A revised version of `report`: another summary, one section rewritten, one status raised."""
    from datetime import timedelta

    from progress_reports.models import ImplementationStatus, ProgressReport

    second = ProgressReport.objects.create(
        country=report.country,
        cycle=report.cycle,
        version=2,
        based_on=report,
        state=report.state,
        summary=report.summary + " Since the first version, the registry covers every province.",
        challenges=report.challenges,
        submitted_at=report.submitted_at + timedelta(days=40),
        published_at=report.published_at + timedelta(days=45),
    )
    sections = list(report.sections.all())
    for section in sections:
        section.pk, section.report = None, second
        if section.measure.number == 4:
            section.actions_taken = "Payments now reach every household through its bank account. " * 6
            section.status = ImplementationStatus.IN_PLACE
    type(sections[0]).objects.bulk_create(sections)
    coverage = list(report.coverage.all())
    for entry in coverage:
        entry.pk, entry.report = None, second
    type(coverage[0]).objects.bulk_create(coverage)


def seed_practices(total):
    """Good practices spread over countries, measures, themes and years (`bench.search` writes them):
    returns how many there are."""
    import random

    from bench.search import grow, sample_texts
    from good_practices.models import GoodPractice

    grow(total, random.Random(total), sample_texts())
    # One in a hundred archived (benchmark-practice-20, -120, ...): the public pages leave them out.
    GoodPractice.objects.filter(slug__regex=r"-[0-9]*20$", state="published").update(
        state="archived", archived_at=timezone.now()
    )
    return GoodPractice.objects.count()


# One function per kind of content, by the name SIZES uses.
SEEDERS = {"focal_points": seed_focal_points, "report_cycles": seed_reports, "practices": seed_practices}


def seed(size):
    """Grow every kind of content to `size`; return what each now holds (None: not built yet)."""
    return {kind: SEEDERS[kind](count) for kind, count in SIZES[size].items()}
