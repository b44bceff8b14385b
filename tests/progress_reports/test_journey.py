"""The whole journey of a report through the web views, as its people go through it."""

import pytest
from django.core import mail
from pytest_django.asserts import assertContains

from progress_reports.models import ProgressReport, ReportState
from tests.conftest import emails_sent
from tests.progress_reports.conftest import overview_data, section_data

pytestmark = pytest.mark.django_db


def test_a_report_goes_from_draft_to_publication_through_a_return(
    focal_point_client, colleague_client, staff_client, client, cycle, staff
):
    # The lead focal point starts the report; a colleague writes the summary; both fill the measures.
    focal_point_client.post("/my/reports/start/2026/")
    report = ProgressReport.objects.get()
    assert colleague_client.post(f"/my/reports/{report.pk}/summary/", overview_data(report, summary="Five years on."))
    for number in range(1, 13):
        client_for = focal_point_client if number % 2 else colleague_client
        data = section_data(report, number, status="in-progress", actions_taken=f"Actions on measure {number}.")
        if number == 7:
            data.update({"cov-TOTAL-total-baseline_2021": "42.0", "cov-TOTAL-total-target_2030": "75"})
        assert client_for.post(f"/my/reports/{report.pk}/sections/{number}/", data).status_code == 302
    page = focal_point_client.get(f"/my/reports/{report.pk}/")
    assertContains(page, "13 of 13 parts complete")

    # Submitted: staff are told.
    with emails_sent():
        focal_point_client.post(f"/my/reports/{report.pk}/submit/", {"comment": "Our first report."})
    assert mail.outbox[-1].to == [staff.email]
    assertContains(staff_client.get("/review/"), "Thailand: Progress reports 2026")

    # Returned with a comment on measure 5.
    with emails_sent():
        staff_client.post(
            f"/review/reports/{report.pk}/return/",
            {"return-comment": "Nearly there.", "return-section_5": "Say how much is spent."},
        )
    assert "returned for revision" in mail.outbox[-1].subject

    # The focal point sees the comment beside measure 5, fixes it and submits again.
    page = focal_point_client.get(f"/my/reports/{report.pk}/sections/5/")
    assertContains(page, "Say how much is spent.")
    data = section_data(report, 5, actions_taken="Spending reached 3.8 per cent of GDP.")
    focal_point_client.post(f"/my/reports/{report.pk}/sections/5/", data)
    with emails_sent():
        focal_point_client.post(f"/my/reports/{report.pk}/submit/", {"comment": "Spending added."})

    # Staff see exactly what changed, and publish.
    review = staff_client.get(f"/review/reports/{report.pk}/")
    assertContains(review, "What changed since the last submission")
    assertContains(review, "Spending reached 3.8 per cent of GDP.")
    with emails_sent():
        staff_client.post(f"/review/reports/{report.pk}/publish/", {"comment": ""})
    assert ProgressReport.objects.get().state == ReportState.PUBLISHED
    assert "is published" in mail.outbox[-1].subject

    # The public finds it on /reports/, the country page and the measure pages.
    assertContains(client.get("/reports/"), 'href="/reports/tha/2026/"')
    public = client.get("/reports/tha/2026/")
    assertContains(public, "Five years on.")
    assertContains(public, "Spending reached 3.8 per cent of GDP.")
    assertContains(public, "42.0%")
    assertContains(client.get("/countries/tha/"), 'href="/reports/tha/2026/"')
    assertContains(client.get("/measures/5/"), 'href="/reports/tha/2026/#measure-5"')
