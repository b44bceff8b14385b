import pytest
from django.core import mail

from focal_points import services
from focal_points.models import Invitation
from spot.models import AuditEvent

pytestmark = pytest.mark.django_db


def invite(rf, by, country, email="invitee@m.go.th"):
    request = rf.post("/")
    request.user = by
    invitation, _ = services.invite_focal_point(
        request=request, invited_by=by, email=email, country=country, agency="Ministry"
    )
    return invitation


def test_it_lets_a_lead_revoke_an_invitation_to_their_team(rf, focal_point, focal_point_client, thailand):
    invitation = invite(rf, focal_point, thailand)
    response = focal_point_client.post(f"/network/invitations/{invitation.pk}/revoke/", follow=True)
    assert "The invitation to invitee@m.go.th was revoked; its link no longer works." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED
    assert invitation.revoked_by == focal_point
    assert AuditEvent.objects.filter(action=AuditEvent.Action.INVITATION_REVOKED, email="invitee@m.go.th").exists()
    link = "/invitations/" + mail.outbox[0].body.split("/invitations/")[1].split("/")[0] + "/"
    assert "This invitation is no longer valid" in focal_point_client.get(link).content.decode()


def test_it_lets_staff_revoke_any_invitation(rf, staff, staff_client, fiji):
    invitation = invite(rf, staff, fiji)
    staff_client.post(f"/network/invitations/{invitation.pk}/revoke/")
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED


def test_it_hides_another_country_invitation_from_a_lead(rf, staff, other_client, thailand):
    invitation = invite(rf, staff, thailand)
    assert other_client.post(f"/network/invitations/{invitation.pk}/revoke/").status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def test_it_hides_invitations_from_a_focal_point_who_is_not_lead(rf, staff, colleague_client, thailand):
    invitation = invite(rf, staff, thailand)
    assert colleague_client.post(f"/network/invitations/{invitation.pk}/revoke/").status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def test_it_only_revokes_on_post(rf, staff, staff_client, fiji):
    invitation = invite(rf, staff, fiji)
    assert staff_client.get(f"/network/invitations/{invitation.pk}/revoke/").status_code == 405
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING
