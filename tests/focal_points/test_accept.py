"""An invitation link creates the account once, before it expires, and lands the person on /my/."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from focal_points.models import FocalPoint, Invitation, NetworkAction
from spot.models import AuditEvent, User
from tests.conftest import emails_sent, invite

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-good-new-password-31"


@pytest.fixture
def invitation_link(staff, fiji):
    _, link = invite(
        staff, fiji, "new@welfare.gov.fj", agency="Department of Social Welfare", name="Sera New", position="Officer"
    )
    return link


def accept(client, link, **overrides):
    data = {"name": "Sera New", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, **overrides}
    return client.post(link, data, follow=True)


def test_it_shows_who_invited_and_for_which_country(client, invitation_link):
    content = client.get(invitation_link).content.decode()
    assert "Join the focal-point team of Fiji" in content
    assert "Dana Staff invited you" in content
    assert "new@welfare.gov.fj" in content
    assert 'value="Sera New"' in content


def test_it_creates_the_account_and_lands_the_focal_point_on_their_workspace(client, invitation_link, fiji):
    response = accept(client, invitation_link, listed_publicly="on")
    assert response.redirect_chain[-1][0] == "/my/"
    content = response.content.decode()
    assert "Welcome to SPOT. You are now a focal point of Fiji." in content
    assert "The team of Fiji" in content
    user = User.objects.get(email="new@welfare.gov.fj")
    assert user.check_password(NEW_PASSWORD)
    membership = FocalPoint.objects.get(user=user)
    assert (membership.country, membership.agency, membership.is_lead, membership.listed_publicly) == (
        fiji,
        "Department of Social Welfare",
        False,
        True,
    )
    assert AuditEvent.objects.filter(action=NetworkAction.INVITATION_ACCEPTED, actor=user).exists()


def test_it_tells_the_inviter_the_invitation_was_accepted(client, invitation_link, staff):
    with emails_sent():
        accept(client, invitation_link)
    message = mail.outbox[-1]
    assert message.to == [staff.email]
    assert "Sera New (new@welfare.gov.fj) accepted your invitation" in message.body


def test_it_cannot_be_used_twice(client, invitation_link):
    accept(client, invitation_link)
    client.post("/accounts/logout/")
    response = client.get(invitation_link)
    assert response.status_code == 410
    assert "This invitation has already been used" in response.content.decode()
    second = accept(client, invitation_link, name="Someone Else")
    assert second.status_code == 410
    assert User.objects.filter(email="new@welfare.gov.fj").count() == 1
    assert User.objects.get(email="new@welfare.gov.fj").name == "Sera New"


def test_it_expires(client, invitation_link):
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = accept(client, invitation_link)
    content = response.content.decode()
    assert response.status_code == 410
    assert "This invitation has expired" in content
    assert "ask Dana Staff (officer@escap.example.org) to send you a new invitation" in content
    assert not User.objects.filter(email="new@welfare.gov.fj").exists()


def test_it_says_a_revoked_link_no_longer_works(client, invitation_link):
    Invitation.objects.update(revoked_at=timezone.now())
    response = client.get(invitation_link)
    assert response.status_code == 410
    assert "This invitation is no longer valid" in response.content.decode()


def test_it_answers_an_unknown_link_with_404(client):
    response = client.get("/invitations/not-a-real-token/")
    assert response.status_code == 404
    assert "This invitation link is not valid" in response.content.decode()


def test_it_refuses_a_weak_password_and_keeps_the_name(client, invitation_link):
    response = client.post(invitation_link, {"name": "Sera Typed", "password1": "short", "password2": "short"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "This password is too short." in content
    assert 'value="Sera Typed"' in content
    assert not User.objects.filter(email="new@welfare.gov.fj").exists()


def test_it_refuses_passwords_that_do_not_match(client, invitation_link):
    data = {"name": "Sera", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "x"}
    response = client.post(invitation_link, data)
    assert "You must type the same password each time." in response.content.decode()


def test_it_refuses_when_the_email_got_an_account_meanwhile(client, invitation_link):
    User.objects.create_user(email="new@welfare.gov.fj", password="x" * 20)
    response = accept(client, invitation_link)
    assert response.status_code == 410
    assert "This invitation has already been used" in response.content.decode()


def test_it_makes_a_lead_invitation_a_lead_membership(client, staff, fiji):
    _, link = invite(staff, fiji, "lead@new.gov.fj", is_lead=True)
    accept(client, link)
    assert FocalPoint.objects.get(user__email="lead@new.gov.fj").is_lead
