import pytest

from focal_points.models import Invitation, NetworkAction
from spot.models import AuditEvent
from tests.conftest import invite

pytestmark = pytest.mark.django_db


def test_it_lets_a_lead_revoke_an_invitation_to_their_team(focal_point, focal_point_client, thailand):
    invitation, link = invite(focal_point, thailand, "invitee@m.go.th")
    response = focal_point_client.post(f"/network/invitations/{invitation.pk}/revoke/", follow=True)
    assert "The invitation to invitee@m.go.th was revoked; its link no longer works." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED
    assert invitation.revoked_by == focal_point
    assert AuditEvent.objects.filter(action=NetworkAction.INVITATION_REVOKED, email="invitee@m.go.th").exists()
    assert "This invitation is no longer valid" in focal_point_client.get(link).content.decode()


def test_it_lets_staff_revoke_any_invitation(staff, staff_client, fiji):
    invitation, _ = invite(staff, fiji, "invitee@m.go.th")
    staff_client.post(f"/network/invitations/{invitation.pk}/revoke/")
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED


def test_it_hides_another_country_invitation_from_a_lead(staff, other_client, thailand):
    invitation, _ = invite(staff, thailand, "invitee@m.go.th")
    assert other_client.post(f"/network/invitations/{invitation.pk}/revoke/").status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def test_it_hides_invitations_from_a_focal_point_who_is_not_lead(staff, colleague_client, thailand):
    invitation, _ = invite(staff, thailand, "invitee@m.go.th")
    assert colleague_client.post(f"/network/invitations/{invitation.pk}/revoke/").status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def test_it_only_revokes_on_post(staff, staff_client, fiji):
    invitation, _ = invite(staff, fiji, "invitee@m.go.th")
    assert staff_client.get(f"/network/invitations/{invitation.pk}/revoke/").status_code == 405
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING
