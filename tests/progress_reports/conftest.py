"""Reports in each state, and the form data a browser would send for them."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.utils import timezone

from focal_points.permissions import acting_country
from measures.models import CoverageCategory
from progress_reports import services
from progress_reports.forms import CoverageTable, OverviewForm, SectionForm
from progress_reports.models import ImplementationStatus, ProgressReport, ReportingCycle
from tests.conftest import emails_sent

IP = "127.0.0.1"


def make_cycle(slug="2026", *, opened_days_ago=10, deadline_in_days=30, closed=False, title=None):
    today = timezone.localdate()
    return ReportingCycle.objects.create(
        title=title or f"Progress reports {slug}",
        slug=slug,
        session="Committee on Social Development, ninth session",
        opens_on=today - timedelta(days=opened_days_ago),
        deadline=today + timedelta(days=deadline_in_days),
        closed_at=timezone.now() if closed else None,
    )


def start(user, cycle, *, prefill=True):
    return services.start_report(country=acting_country(user), cycle=cycle, actor=user, ip=IP, prefill=prefill)


def complete(report, *, summary="Our progress since 2024.", actions="We extended the child benefit."):
    """Fill what is still empty among the parts needed to submit: the summary, each status and actions taken."""
    if not report.summary:
        report.summary = summary
        report.save()
    for section in report.sections.all():
        section.status = section.status or ImplementationStatus.IN_PROGRESS
        section.actions_taken = section.actions_taken or f"{actions} (measure {section.measure.number})"
        section.save()
    return report


def submitted(report, user):
    complete(report)
    with emails_sent():
        return services.submit(report, actor=user, ip=IP)


def published(report, user, staff):
    report = submitted(report, user)
    with emails_sent():
        return services.publish(report, actor=staff, ip=IP)


def form_data(*forms):
    """What a browser sends for these forms as the page shows them (hidden revision and fingerprint included)."""
    data = {}
    for form in forms:
        for field in form:
            value = field.value()
            if value is None:
                continue
            data[field.html_name] = str(value)
    return data


def section_data(report, number, **changes):
    """The POST data of one section's page (measure 7's with its coverage table), with `changes` applied."""
    section = report.sections.select_related("measure").get(measure__number=number)
    coverage = list(report.coverage.select_related("category")) if number == 7 else []
    forms = [SectionForm(section=section, coverage=coverage)]
    if coverage:
        table = CoverageTable(
            categories=list(CoverageCategory.objects.all()),
            entries={(entry.category_id, entry.sex): entry for entry in coverage},
        )
        forms += table.forms
    data = form_data(*forms)
    data.update({key if key.startswith("cov-") else f"s{number}-{key}": value for key, value in changes.items()})
    return data


def overview_data(report, **changes):
    data = form_data(OverviewForm(report=report))
    data.update({f"overview-{key}": value for key, value in changes.items()})
    return data


def whole_report_data(report):
    data = overview_data(report)
    for number in range(1, 13):
        data.update(section_data(report, number))
    return data


@pytest.fixture
def cycle(db):
    return make_cycle()


@pytest.fixture
def draft(focal_point, cycle):
    """Thailand's draft for the open cycle."""
    return start(focal_point, cycle)


@pytest.fixture
def other_draft(other_focal_point, cycle):
    """Fiji's draft for the open cycle."""
    return start(other_focal_point, cycle)


def pdf_bytes():
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def office_bytes(main_type):
    """A minimal Office Open XML package whose [Content_Types].xml names `main_type` as its main part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Override PartName="/main.xml" ContentType="{main_type}"/></Types>',
        )
        package.writestr("main.xml", "<document/>")
    return buffer.getvalue()


DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def reload(report):
    return ProgressReport.objects.get(pk=report.pk)
