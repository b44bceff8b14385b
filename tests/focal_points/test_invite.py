"""Staff invite to any country; a lead focal point invites to their own country only."""

import pytest
from django.core import mail
from pytest_django.asserts import assertContains, assertNotContains

from focal_points.models import Invitation, NetworkAction
from spot.models import AuditEvent
from tests.conftest import emails_sent, invite, make_focal_point

pytestmark = pytest.mark.django_db


def invitation_data(**overrides):
    return {
        "email": "New.Person@Labour.go.th",
        "name": "New Person",
        "country": "",
        "agency": "Ministry of Labour",
        "position": "Policy officer",
        **overrides,
    }


def test_it_lets_staff_invite_to_any_country(staff_client, fiji):
    response = staff_client.post("/network/invite/", invitation_data(country=fiji.pk, is_lead="on"), follow=True)
    assert "Invitation sent to new.person@labour.go.th for Fiji." in response.content.decode()
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.country, invitation.is_lead) == ("new.person@labour.go.th", fiji, True)
    assert invitation.status == Invitation.Status.PENDING


def test_it_emails_a_single_use_expiring_link(staff_client, staff, fiji):
    with emails_sent():
        staff_client.post("/network/invite/", invitation_data(country=fiji.pk))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.person@labour.go.th"]
    assert "focal-point team of Fiji" in message.subject
    assert "Dana Staff (officer@escap.example.org) has invited you" in message.body
    assert "Is this invitation genuine?" in message.body
    assert "http://127.0.0.1:8000/invitations/" in message.body
    assert "The link works once and expires on" in message.body
    invitation = Invitation.objects.get()
    token = message.body.split("/invitations/")[1].split("/")[0]
    assert invitation.token_hash == Invitation.hash_token(token)
    assert token not in invitation.token_hash


def test_it_records_the_invitation_in_the_audit_log(staff_client, staff, fiji):
    staff_client.post("/network/invite/", invitation_data(country=fiji.pk), REMOTE_ADDR="203.0.113.9")
    event = AuditEvent.objects.get(action=NetworkAction.INVITATION_SENT)
    assert (event.actor, event.email, event.country, event.ip_address) == (
        staff,
        "new.person@labour.go.th",
        fiji,
        "203.0.113.9",
    )


def test_it_fixes_a_lead_invitation_to_their_own_country_whatever_the_form_says(focal_point_client, thailand, fiji):
    focal_point_client.post("/network/invite/", invitation_data(country=fiji.pk))
    assert Invitation.objects.get().country == thailand


def test_it_shows_a_lead_their_country_in_the_form(focal_point_client):
    content = focal_point_client.get("/network/invite/").content.decode()
    assert "Invite a focal point of Thailand" in content
    assert "You can invite colleagues to your own country" in content


def test_it_refuses_invitations_from_a_focal_point_who_is_not_lead(colleague_client):
    assert colleague_client.get("/network/invite/").status_code == 403
    assert colleague_client.post("/network/invite/", invitation_data(country=1)).status_code == 403
    assert not Invitation.objects.exists()


def test_it_sends_anonymous_visitors_to_sign_in(client):
    response = client.post("/network/invite/", invitation_data(country=1))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not Invitation.objects.exists()


def test_it_refuses_an_email_already_in_use_and_keeps_the_rest(staff_client, fiji):
    make_focal_point("taken@m.go.th", "Taken Person", "THA")
    response = staff_client.post("/network/invite/", invitation_data(email="Taken@m.go.th", country=fiji.pk))
    content = response.content.decode()
    assert response.status_code == 200
    assert "An account with this email address already exists" in content
    assert 'value="Ministry of Labour"' in content
    assert 'value="Policy officer"' in content
    assert not Invitation.objects.exists()


def test_it_shows_every_missing_field_next_to_it(staff_client):
    response = staff_client.post("/network/invite/", {"email": "not-an-email"})
    form = response.context["form"]
    assert set(form.errors) == {"email", "country", "agency"}
    assert 'id="id_email_error"' in response.content.decode()


def test_it_replaces_an_earlier_invitation_when_inviting_again(staff_client, fiji):
    with emails_sent():
        staff_client.post("/network/invite/", invitation_data(country=fiji.pk))
    first = Invitation.objects.get()
    with emails_sent():
        response = staff_client.post("/network/invite/", invitation_data(country=fiji.pk), follow=True)
    assert "The earlier invitation to this address no longer works." in response.content.decode()
    first.refresh_from_db()
    assert first.status == Invitation.Status.REVOKED
    assert Invitation.objects.pending().count() == 1
    assert len(mail.outbox) == 2


def test_it_does_not_let_a_lead_replace_another_country_invitation(staff, focal_point_client, fiji):
    earlier, _ = invite(staff, fiji, "sought.after@m.gov")
    response = focal_point_client.post("/network/invite/", invitation_data(email="sought.after@m.gov"))
    # The lead learns only that the secretariat can help, not which country invited the address.
    assertContains(response, "This person cannot be invited to the team of Thailand from here.")
    assertNotContains(response, "Fiji")
    earlier.refresh_from_db()
    assert earlier.status == Invitation.Status.PENDING
    assert Invitation.objects.count() == 1


def test_it_lets_a_lead_replace_their_own_country_invitation(focal_point, focal_point_client, thailand):
    earlier, _ = invite(focal_point, thailand, "again@m.go.th")
    focal_point_client.post("/network/invite/", invitation_data(email="again@m.go.th"))
    earlier.refresh_from_db()
    assert earlier.status == Invitation.Status.REVOKED
    assert Invitation.objects.pending().get().country == thailand


def test_it_limits_how_many_invitations_one_person_sends_and_keeps_what_was_typed(focal_point_client):
    for number in range(5):
        response = focal_point_client.post("/network/invite/", invitation_data(email=f"person{number}@m.go.th"))
        assert response.status_code == 302
    response = focal_point_client.post("/network/invite/", invitation_data(email="one.too.many@m.go.th"))
    assert response.status_code == 429
    assertContains(response, "You have sent many invitations in a short time", status_code=429)
    assertContains(response, 'value="one.too.many@m.go.th"', status_code=429)
    assert Invitation.objects.count() == 5


def test_it_does_not_tell_a_lead_that_an_address_has_an_account(focal_point_client, other_focal_point):
    response = focal_point_client.post("/network/invite/", invitation_data(email=other_focal_point.email))
    assertContains(response, "This person cannot be invited to the team of Thailand from here.")
    assertNotContains(response, "already exists")
    assertNotContains(response, "Fiji")
