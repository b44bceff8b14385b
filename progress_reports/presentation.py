"""What every page of a report shows (its public page, the review, the preview, the PDF), fetched with a
fixed number of queries whatever the number of sections, coverage rows, attachments or versions."""

from progress_reports import charts
from progress_reports.models import ImplementationStatus, ProgressReport


def report_parts(report):
    """A report's sections, coverage rows and attachments: one query each, whatever their number."""
    sections = list(report.sections.select_related("measure"))
    coverage = list(report.coverage.select_related("category"))
    attachments = list(report.attachments.all())
    return {
        "sections": sections,
        "coverage": coverage,
        "coverage_reported": [row for row in coverage if row.has_values],
        "coverage_chart": charts.coverage_chart(coverage),
        "attachments": attachments,
        "status_scale": ImplementationStatus.explanations(),
    }


def published_reports(iso3, cycle_slug):
    return ProgressReport.objects.published().filter(country__iso3=iso3, cycle__slug=cycle_slug)


def public_report_context(report):
    versions = list(
        published_reports(report.country.iso3, report.cycle.slug).order_by("-version").only("version", "published_at")
    )
    return {
        "report": report,
        **report_parts(report),
        "versions": versions,
        "is_latest": versions[0].version == report.version,
        "latest_version": versions[0],
    }
