"""Who may do what in the network, checked for every persona: refused by the server, not hidden."""

import pytest

from focal_points.models import FocalPoint, Invitation
from tests.conftest import invite

pytestmark = pytest.mark.django_db


@pytest.fixture
def thai_invitation(staff, thailand):
    invitation, _ = invite(staff, thailand, "pending@m.go.th")
    return invitation


@pytest.mark.parametrize(
    "persona, expected",
    [("anonymous_client", 302), ("colleague_client", 404), ("other_client", 404), ("focal_point_client", 302)],
)
def test_only_staff_and_the_country_lead_can_revoke_a_country_invitation(request, persona, expected, thai_invitation):
    response = request.getfixturevalue(persona).post(f"/network/invitations/{thai_invitation.pk}/revoke/")
    assert response.status_code == expected
    thai_invitation.refresh_from_db()
    is_revoked = thai_invitation.status == Invitation.Status.REVOKED
    assert is_revoked == (persona == "focal_point_client")


@pytest.mark.parametrize("persona", ["colleague_client", "other_client", "focal_point_client"])
def test_no_focal_point_can_deactivate_a_membership(request, persona, colleague):
    membership = FocalPoint.objects.get(user=colleague)
    client = request.getfixturevalue(persona)
    assert client.get(f"/network/members/{membership.pk}/deactivate/").status_code == 404
    assert client.post(f"/network/members/{membership.pk}/deactivate/").status_code == 404
    membership.refresh_from_db()
    assert membership.is_active


def test_a_lead_of_another_country_cannot_invite_to_this_one(other_client, thailand):
    other_client.post(
        "/network/invite/", {"email": "x@m.go.th", "country": thailand.pk, "agency": "Ministry", "position": ""}
    )
    assert Invitation.objects.get().country.iso3 == "FJI"


@pytest.mark.parametrize("persona", ["focal_point_client", "colleague_client", "other_client"])
@pytest.mark.parametrize("path", ["/admin/", "/admin/spot/auditevent/", "/admin/focal_points/invitation/"])
def test_focal_points_never_reach_the_admin(request, persona, path):
    response = request.getfixturevalue(persona).get(path)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith("/admin/login/") or response["Location"].startswith("/accounts/")


def test_a_focal_point_sees_only_their_own_membership_settings(other_client, other_focal_point, colleague):
    content = other_client.get("/my/membership/").content.decode()
    assert "Focal point of Fiji" in content
    other_client.post("/my/membership/", {"position": "Changed", "listed_publicly": "on"})
    assert FocalPoint.objects.get(user=colleague).position == ""
    assert FocalPoint.objects.get(user=other_focal_point).position == "Changed"
