import pytest

from focal_points.models import FocalPoint, Invitation, NetworkAction
from spot.models import AuditEvent
from tests.conftest import invite

pytestmark = pytest.mark.django_db


def test_it_asks_staff_to_confirm_before_deactivating(staff_client, colleague):
    membership = FocalPoint.objects.get(user=colleague)
    content = staff_client.get(f"/network/members/{membership.pk}/deactivate/").content.decode()
    assert "Deactivate Ploy Colleague?" in content
    membership.refresh_from_db()
    assert membership.is_active


def test_it_lets_staff_deactivate_a_membership(staff, staff_client, colleague):
    membership = FocalPoint.objects.get(user=colleague)
    response = staff_client.post(f"/network/members/{membership.pk}/deactivate/", follow=True)
    assert "Ploy Colleague can no longer act for Thailand." in response.content.decode()
    membership.refresh_from_db()
    assert (membership.is_active, membership.deactivated_by) == (False, staff)
    assert AuditEvent.objects.filter(
        action=NetworkAction.MEMBERSHIP_DEACTIVATED, actor=staff, email=colleague.email
    ).exists()


def test_it_stops_a_deactivated_person_acting_for_the_country(staff_client, colleague, colleague_client):
    membership = FocalPoint.objects.get(user=colleague)
    staff_client.post(f"/network/members/{membership.pk}/deactivate/")
    assert colleague_client.get("/network/").status_code == 403
    content = colleague_client.get("/my/").content.decode()
    assert "No active membership" in content
    assert "The team of Thailand" not in content


def test_it_stops_a_deactivated_lead_inviting(staff_client, focal_point, focal_point_client):
    membership = FocalPoint.objects.get(user=focal_point)
    staff_client.post(f"/network/members/{membership.pk}/deactivate/")
    assert focal_point_client.get("/network/invite/").status_code == 403


@pytest.mark.parametrize("persona", ["focal_point_client", "other_client", "colleague_client"])
def test_it_refuses_deactivation_to_focal_points(request, persona, colleague):
    membership = FocalPoint.objects.get(user=colleague)
    client = request.getfixturevalue(persona)
    assert client.post(f"/network/members/{membership.pk}/deactivate/").status_code == 404
    membership.refresh_from_db()
    assert membership.is_active


def test_it_revokes_the_open_invitations_a_deactivated_lead_sent(staff, staff_client, focal_point, thailand, client):
    sent, link = invite(focal_point, thailand, "invited.by.lead@m.go.th")
    staff_sent, _ = invite(staff, thailand, "invited.by.staff@m.go.th")
    membership = FocalPoint.objects.get(user=focal_point)
    staff_client.post(f"/network/members/{membership.pk}/deactivate/")
    sent.refresh_from_db()
    staff_sent.refresh_from_db()
    assert (sent.status, sent.revoked_by) == (Invitation.Status.REVOKED, staff)
    assert staff_sent.status == Invitation.Status.PENDING
    assert client.get(link).status_code == 410
    assert AuditEvent.objects.filter(action=NetworkAction.INVITATION_REVOKED, email="invited.by.lead@m.go.th").exists()
