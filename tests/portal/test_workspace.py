import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from focal_points.models import FocalPoint
from tests.conftest import invite
from tests.good_practices.conftest import make_practice
from tests.progress_reports.conftest import complete, make_cycle, published, start

pytestmark = pytest.mark.django_db


def test_it_sends_anonymous_visitors_to_sign_in(client):
    assert client.get("/my/")["Location"] == "/accounts/login/?next=/my/"


def test_it_shows_a_focal_point_their_country_and_team(colleague_client, focal_point, colleague):
    content = colleague_client.get("/my/").content.decode()
    assert "focal point of" in content and 'href="/countries/tha/"' in content
    assert "The team of Thailand" in content
    assert "Niran Lead" in content and "Ploy Colleague" in content
    assert "Invite a colleague" not in content


def test_it_offers_a_lead_to_invite_and_lists_their_invitations(focal_point, focal_point_client, thailand):
    invite(focal_point, thailand, "pending@m.go.th")
    content = focal_point_client.get("/my/").content.decode()
    assert "Invite a colleague" in content
    assert "pending@m.go.th" in content
    assert "1 invitation to your team not yet accepted" in content


def test_it_never_shows_another_country_team(other_client, focal_point):
    content = other_client.get("/my/").content.decode()
    assert "The team of Fiji" in content
    assert "Niran Lead" not in content


def test_it_shows_staff_the_open_invitations_of_every_country(staff, staff_client, fiji, thailand):
    invite(staff, fiji, "a@m.gov.fj")
    invite(staff, thailand, "b@m.go.th")
    content = staff_client.get("/my/").content.decode()
    assert "a@m.gov.fj" in content and "b@m.go.th" in content
    assert "2 invitations not yet accepted" in content


def test_it_lets_a_focal_point_change_their_public_listing(colleague_client, colleague):
    response = colleague_client.post("/my/membership/", {"position": "Senior analyst", "listed_publicly": "on"})
    assert response.status_code == 302
    membership = FocalPoint.objects.get(user=colleague)
    assert (membership.position, membership.listed_publicly) == ("Senior analyst", True)


def test_it_keeps_the_workspace_queries_few(staff_client, django_assert_max_num_queries):
    # and for good practices: the person's own, those returned for changes, those awaiting review
    with django_assert_max_num_queries(11):
        assert staff_client.get("/my/").status_code == 200


def test_it_makes_the_same_queries_however_many_reports_and_practices_the_country_has(
    focal_point_client, focal_point, staff
):
    def queries():
        focal_point_client.get("/my/")  # the session and caches warmed
        with CaptureQueriesContext(connection) as captured:
            assert focal_point_client.get("/my/").status_code == 200
        return len(captured)

    first = make_cycle("2024", opened_days_ago=800, deadline_in_days=-700)
    report = start(focal_point, first)
    complete(report)
    published(report, focal_point, staff)
    make_practice(title="A practice", author=focal_point)
    few = queries()
    for number, slug in enumerate(["2025", "2026", "2027"]):
        start(focal_point, make_cycle(slug, opened_days_ago=10 + number))
    for number in range(5):
        make_practice(title=f"Practice {number}", author=focal_point)
    assert queries() == few
