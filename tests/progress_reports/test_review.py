"""Staff's review: the queue oldest first with what changed since the last submission; cycles."""

import datetime

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from progress_reports import services
from progress_reports.models import ReportAction, ReportingCycle
from spot.models import AuditEvent
from tests.conftest import make_focal_point
from tests.progress_reports.conftest import IP, reload, section_data, start, submitted

pytestmark = pytest.mark.django_db


def test_the_queue_lists_submitted_reports_oldest_first(staff_client, focal_point, other_focal_point, cycle):
    fiji = submitted(start(other_focal_point, cycle), other_focal_point)
    thailand = submitted(start(focal_point, cycle), focal_point)
    fiji.submitted_at = thailand.submitted_at - datetime.timedelta(days=2)
    fiji.save()
    response = staff_client.get("/review/")
    content = response.content.decode()
    assert content.index("Fiji: Progress reports 2026") < content.index("Thailand: Progress reports 2026")
    assertContains(response, "2 reports are waiting, oldest first.")
    assertContains(response, 'href="/review/cycles/"')


def test_the_queue_says_what_changed_since_the_last_submission(
    staff, staff_client, focal_point, focal_point_client, draft
):
    submitted(draft, focal_point)
    services.return_report(draft, actor=staff, ip=IP, comment="More on data.")
    focal_point_client.post(f"/my/reports/{draft.pk}/sections/9/", section_data(draft, 9, actions_taken="A registry."))
    services.submit(reload(draft), actor=focal_point, ip=IP)

    response = staff_client.get("/review/")
    assertContains(response, "Resubmitted after return. Changed since the last submission:")
    assertContains(response, "<li>Measure 9: Social protection data systems</li>", html=True)
    assertNotContains(response, "<li>Measure 8: Strategies in national plans</li>", html=True)

    page = staff_client.get(f"/review/reports/{draft.pk}/")
    assertContains(page, "What changed since the last submission")
    assertContains(page, "[added: </span>A registry.")


def test_the_review_page_shows_the_report_and_both_decisions(staff_client, focal_point, draft):
    submitted(draft, focal_point)
    response = staff_client.get(f"/review/reports/{draft.pk}/")
    assertContains(response, "Publish the report")
    assertContains(response, "Return the report")
    assertContains(response, "Comment on measure 5: Sufficient public funding")
    assertContains(response, "We extended the child benefit. (measure 1)")


def test_an_empty_queue_says_so(staff_client):
    assertContains(staff_client.get("/review/"), "No report is waiting for review.")


def test_staff_open_a_cycle(staff_client):
    data = {
        "title": "Progress reports 2028",
        "slug": "2028",
        "session": "Committee on Social Development, tenth session",
        "opens_on": "2028-01-15",
        "deadline": "2028-06-30",
    }
    response = staff_client.post("/review/cycles/new/", data, follow=True)
    assertContains(response, "The cycle “Progress reports 2028” is created.")
    assert ReportingCycle.objects.get().deadline == datetime.date(2028, 6, 30)
    assert AuditEvent.objects.filter(action=ReportAction.CYCLE_CREATED).exists()


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"deadline": "2028-01-01"}, "Enter a deadline on or after the opening date"),
        ({"slug": "has spaces"}, "Use only lower-case letters, digits and hyphens"),
        ({"opens_on": "2028-02-30"}, "Enter the opening date as a real date"),
        ({"title": ""}, "Enter the cycle&#x27;s title"),
        ({"title": "Two\nlines"}, "Enter this on one line"),
    ],
)
def test_a_cycle_with_a_mistake_is_refused_at_its_field(staff_client, changes, message):
    data = {
        "title": "Progress reports 2028",
        "slug": "2028",
        "session": "Tenth session",
        "opens_on": "2028-01-15",
        "deadline": "2028-06-30",
        **changes,
    }
    response = staff_client.post("/review/cycles/new/", data)
    assertContains(response, message, status_code=200)
    assertContains(response, "<title>Error: ")
    assert not ReportingCycle.objects.exists()


def test_staff_close_and_reopen_a_cycle(staff_client, cycle, draft, focal_point_client):
    staff_client.post("/review/cycles/2026/close/")
    assert reload(draft).cycle.is_closed
    assertContains(focal_point_client.get(f"/my/reports/{draft.pk}/"), "The reporting cycle was closed on")
    response = staff_client.get("/review/cycles/")
    assertContains(response, "Closed on")
    staff_client.post("/review/cycles/2026/reopen/")
    assert not ReportingCycle.objects.get().is_closed


def test_staff_edit_a_cycle(staff_client, cycle):
    data = {
        "title": "Reports 2026",
        "slug": "2026",
        "session": "Ninth session",
        "opens_on": cycle.opens_on,
        "deadline": cycle.deadline,
    }
    staff_client.post("/review/cycles/2026/edit/", data)
    assert ReportingCycle.objects.get().title == "Reports 2026"


def test_the_cycle_list_counts_reports(staff_client, focal_point, other_focal_point, cycle):
    submitted(start(focal_point, cycle), focal_point)
    start(other_focal_point, cycle)
    make_focal_point("x@example.org", "X", "IDN")
    assertContains(staff_client.get("/review/cycles/"), "1 countries submitted, 0 published; 1 in draft")
