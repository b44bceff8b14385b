"""What the portal's gathering pages show of progress reports, one function per place.

Each returns the context of one partial in templates/progress_reports/ (the review queue, the
workspace's reports, a country's latest report, a measure's statuses, the home page's glance), with
a fixed number of queries whatever the number of reports.
"""

from django.db.models import Count, Prefetch, Q

from focal_points.permissions import acting_country
from measures.models import CoverageCategory, Measure
from progress_reports import charts, permissions
from progress_reports.changes import compare
from progress_reports.models import (
    CoverageEntry,
    ImplementationStatus,
    ProgressReport,
    ReportingCycle,
    ReportSection,
    ReportState,
    ReportTransition,
)
from spot.models import Country, Subregion


def review_queue():
    """Submitted reports, oldest first, each with what changed since its previous submission."""
    reports = list(
        ProgressReport.objects.filter(state=ReportState.SUBMITTED)
        .select_related("country", "cycle")
        .prefetch_related(
            Prefetch(
                "transitions",
                queryset=ReportTransition.objects.filter(
                    to_state=ReportState.SUBMITTED, snapshot__isnull=False
                ).order_by("-at", "-pk"),
                to_attr="submissions",
            )
        )
        .order_by("submitted_at", "pk")
    )
    names = None
    for report in reports:
        report.changes_since_last = None
        if len(report.submissions) >= 2:
            if names is None:
                names = (
                    {measure.number: measure for measure in Measure.objects.all()},
                    {category.code: category for category in CoverageCategory.objects.all()},
                )
            latest, previous = report.submissions[:2]
            report.changes_since_last = compare(previous.snapshot, latest.snapshot, *names)
    return {"submitted_reports": reports, "open_cycles": ReportingCycle.objects.open().order_by("deadline")}


NEXT_STEPS = {
    ReportState.DRAFT: "draft",
    ReportState.RETURNED: "returned",
    ReportState.SUBMITTED: "submitted",
    ReportState.PUBLISHED: "published",
}


def workspace_reports(user):
    """A focal point's country's reports (every cycle, every version), and the open cycles they may start."""
    country = acting_country(user)
    if country is None:
        return {"country_reports": None}
    reports = list(
        ProgressReport.objects.for_country(country)
        .select_related("cycle", "country")
        .annotate(complete_count=Count("sections", filter=~Q(sections__status="") & ~Q(sections__actions_taken="")))
        .order_by("-cycle__opens_on", "-version")
    )
    for report in reports:
        report.can_edit = permissions.can_edit(user, report)
        report.can_submit = permissions.can_submit(user, report)
    cycles_with_work = {report.cycle_id for report in reports if not report.is_published}
    published_cycles = {report.cycle_id for report in reports if report.is_published}
    open_cycles = [
        cycle for cycle in ReportingCycle.objects.open().order_by("deadline") if cycle.pk not in cycles_with_work
    ]
    for cycle in open_cycles:
        cycle.has_published = cycle.pk in published_cycles
    return {
        "country_reports": reports,
        "startable_cycles": open_cycles,
        "has_published_report": bool(published_cycles),
        "report_country": country,
    }


def country_report(country):
    """The country's latest published report with its statuses and coverage, or None."""
    report = (
        ProgressReport.objects.latest_published_per_country()
        .filter(country=country)
        .select_related("cycle")
        .prefetch_related(
            Prefetch("sections", queryset=ReportSection.objects.select_related("measure")),
            Prefetch("coverage", queryset=CoverageEntry.objects.select_related("category")),
        )
        .first()
    )
    if report is None:
        return {"latest_report": None}
    coverage = list(report.coverage.all())
    published_count = ProgressReport.objects.published().for_country(country).values("cycle").distinct().count()
    return {
        "latest_report": report,
        "latest_sections": list(report.sections.all()),
        "latest_coverage": [row for row in coverage if row.has_values],
        "latest_chart": charts.coverage_chart(coverage, chart_id="country-coverage-chart"),
        "published_cycle_count": published_count,
    }


def measure_statuses(measure):
    """Each country's latest published status on the measure, grouped by subregion in the portal's order."""
    sections = (
        ReportSection.objects.filter(measure=measure, report__in=ProgressReport.objects.latest_published_per_country())
        .select_related("measure", "report__country", "report__cycle")
        .order_by("report__country__name")
    )
    groups = {value: [] for value in Subregion.values}
    for section in sections:
        groups[section.report.country.subregion].append(section)
    return {
        "status_groups": [(Subregion(value).label, rows) for value, rows in groups.items() if rows],
        "status_scale": ImplementationStatus.explanations(),
    }


def reporting_at_a_glance():
    """The current cycle and how many countries have published a report for it, by subregion."""
    cycle = ReportingCycle.objects.current()
    if cycle is None:
        return {"glance_cycle": None}
    published = set(ProgressReport.objects.published().for_cycle(cycle).values_list("country_id", flat=True))
    by_subregion = {value: [0, 0] for value in Subregion.values}
    for country_id, subregion in Country.objects.values_list("pk", "subregion"):
        by_subregion[subregion][1] += 1
        if country_id in published:
            by_subregion[subregion][0] += 1
    total = sum(count for _published, count in by_subregion.values())
    return {
        "glance_cycle": cycle,
        "glance_published": len(published),
        "glance_total": total,
        "glance_percent": round(100 * len(published) / total) if total else 0,
        "glance_subregions": [
            (Subregion(value).label, done, count) for value, (done, count) in by_subregion.items() if count
        ],
    }
