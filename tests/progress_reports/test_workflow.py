"""The moves of a report: submit, return with comments, resubmit, publish; each kept, each emailed."""

import pytest
from django.core import mail
from pytest_django.asserts import assertContains

from progress_reports import services
from progress_reports.models import ReportAction, ReportState, ReportTransition, SectionComment
from spot.models import AuditEvent
from tests.conftest import emails_sent
from tests.progress_reports.conftest import IP, complete, reload, section_data, submitted

pytestmark = pytest.mark.django_db


def test_submitting_lists_what_is_missing_with_links(focal_point_client, draft):
    response = focal_point_client.get(f"/my/reports/{draft.pk}/submit/")
    assertContains(response, "The report is not complete yet")
    assertContains(response, "The overall summary is empty.")
    assertContains(response, "Measure 5: add the implementation status and actions taken.")
    assertContains(response, f'href="/my/reports/{draft.pk}/sections/5/"')
    response = focal_point_client.post(f"/my/reports/{draft.pk}/submit/", {"comment": ""})
    assert response.status_code == 400
    assert reload(draft).state == ReportState.DRAFT


def test_a_focal_point_submits_a_complete_report_and_staff_are_emailed(focal_point_client, draft, staff):
    complete(draft)
    with emails_sent():
        response = focal_point_client.post(f"/my/reports/{draft.pk}/submit/", {"comment": "Ready."}, follow=True)
    assertContains(response, "Your report is submitted.")
    draft = reload(draft)
    assert draft.state == ReportState.SUBMITTED and draft.submitted_at is not None
    assert [message.to for message in mail.outbox] == [[staff.email]]
    assert "Thailand submitted its progress report for review" in mail.outbox[0].subject
    assert f"/review/reports/{draft.pk}/" in mail.outbox[0].body
    assert "Ready." in mail.outbox[0].body
    step = draft.transitions.get(to_state=ReportState.SUBMITTED)
    assert (step.from_state, step.actor.email, step.comment) == (ReportState.DRAFT, "lead@social.go.th", "Ready.")
    assert step.snapshot["sections"]["5"]["actions_taken"].startswith("We extended")
    assert AuditEvent.objects.filter(action=ReportAction.REPORT_SUBMITTED, country__iso3="THA").exists()


def test_staff_cannot_submit_for_the_country(staff_client, draft):
    complete(draft)
    response = staff_client.post(f"/my/reports/{draft.pk}/submit/", {})
    assertContains(response, "Only the country&#x27;s own focal points can submit its report.", status_code=403)


def test_staff_return_with_a_comment_on_one_section_shown_beside_it(
    focal_point, colleague, focal_point_client, staff_client, draft
):
    submitted(draft, focal_point)
    mail.outbox.clear()
    data = {"return-comment": "Please add sources.", "return-section_5": "Give the share of GDP."}
    with emails_sent():
        response = staff_client.post(f"/review/reports/{draft.pk}/return/", data, follow=True)
    assertContains(response, "The report of Thailand is returned")
    assert reload(draft).state == ReportState.RETURNED
    # Both focal points of Thailand are told what to do next.
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        [focal_point.email, colleague.email]
    )
    assert "Please add sources." in mail.outbox[0].body
    assert "They also commented on 1 section" in mail.outbox[0].body
    assert SectionComment.objects.get().section.measure.number == 5

    page = focal_point_client.get(f"/my/reports/{draft.pk}/sections/5/")
    assertContains(page, "Comment from the ESCAP secretariat")
    assertContains(page, "Give the share of GDP.")
    assertContains(page, "Please add sources.")
    assert (
        "Give the share of GDP." not in focal_point_client.get(f"/my/reports/{draft.pk}/sections/4/").content.decode()
    )


def test_returning_needs_a_general_comment(focal_point, staff_client, draft):
    submitted(draft, focal_point)
    response = staff_client.post(f"/review/reports/{draft.pk}/return/", {"return-comment": "  "})
    assertContains(response, "Write a comment that says what the country should revise", status_code=400)
    assert reload(draft).state == ReportState.SUBMITTED


def test_a_returned_report_is_revised_and_submitted_again(focal_point, focal_point_client, staff, draft):
    submitted(draft, focal_point)
    services.return_report(draft, actor=staff, ip=IP, comment="More on financing.")
    data = section_data(draft, 5, actions_taken="Spending rose to 3.8 per cent of GDP.")
    assert focal_point_client.post(f"/my/reports/{draft.pk}/sections/5/", data).status_code == 302
    with emails_sent():
        focal_point_client.post(f"/my/reports/{draft.pk}/submit/", {"comment": "Financing added."})
    assert reload(draft).state == ReportState.SUBMITTED
    states = list(draft.transitions.values_list("from_state", "to_state"))
    assert states == [
        ("", "draft"),
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
    ]


def test_staff_publish_and_the_focal_points_are_told(focal_point, staff_client, draft, client):
    submitted(draft, focal_point)
    mail.outbox.clear()
    with emails_sent():
        response = staff_client.post(f"/review/reports/{draft.pk}/publish/", {"comment": "Thank you."})
    assert response["Location"] == "/reports/tha/2026/versions/1/"
    draft = reload(draft)
    assert draft.state == ReportState.PUBLISHED and draft.published_at is not None
    assert "published" in mail.outbox[0].subject
    assert "http://127.0.0.1:8000/reports/tha/2026/versions/1/" in mail.outbox[0].body
    assert client.get("/reports/tha/2026/").status_code == 200


@pytest.mark.parametrize("action", ["return", "publish"])
def test_a_draft_cannot_be_returned_or_published_and_the_page_says_why(staff_client, draft, action):
    response = staff_client.post(f"/review/reports/{draft.pk}/{action}/", {"return-comment": "x"}, follow=True)
    assertContains(response, "This report is draft: it cannot be")
    assert reload(draft).state == ReportState.DRAFT


def test_the_service_refuses_a_move_that_is_not_allowed(focal_point, staff, draft):
    with pytest.raises(services.ReportRefused):
        services.publish(draft, actor=staff, ip=IP)
    published = services.publish(submitted(draft, focal_point), actor=staff, ip=IP)
    with pytest.raises(services.ReportRefused):
        services.submit(published, actor=focal_point, ip=IP)
    assert ReportTransition.objects.filter(report=draft).count() == 3


def test_a_published_report_is_read_only(focal_point, focal_point_client, staff, draft):
    services.publish(submitted(draft, focal_point), actor=staff, ip=IP)
    response = focal_point_client.get(f"/my/reports/{draft.pk}/edit/")
    assertContains(response, "This report is published, so it is read-only.", status_code=403)
    workspace = focal_point_client.get(f"/my/reports/{draft.pk}/")
    assertContains(workspace, "This version is published and read-only.")


def test_the_history_shows_every_move(focal_point, focal_point_client, staff, draft):
    submitted(draft, focal_point)
    services.return_report(draft, actor=staff, ip=IP, comment="Add sources.")
    response = focal_point_client.get(f"/my/reports/{draft.pk}/")
    assertContains(response, "Returned for revision</strong>")
    assertContains(response, "by Dana Staff")
    assertContains(response, "Add sources.")


def test_a_closed_cycle_refuses_submission(focal_point, focal_point_client, draft, cycle):
    from django.utils import timezone

    complete(draft)
    cycle.closed_at = timezone.now()
    cycle.save()
    response = focal_point_client.post(f"/my/reports/{draft.pk}/submit/", {})
    assertContains(response, "The reporting cycle is closed", status_code=403)
