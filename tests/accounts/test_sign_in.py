"""Sign-in by email, closed sign-up, sign-out, password reset and the admin's sign-in."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import global_settings, settings
from django.core import mail
from django.db import connection
from django.test import Client

from spot.audit import AccountAction
from spot.models import AuditEvent
from tests.conftest import PASSWORD, make_focal_point

pytestmark = pytest.mark.django_db


def test_it_signs_a_focal_point_in_by_email_and_lands_on_the_workspace(client, focal_point):
    response = client.post("/accounts/login/", {"login": "LEAD@social.go.th", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/my/"
    content = response.content.decode()
    assert "<h1>My workspace</h1>" in content
    assert "lead focal point of" in content and "Thailand" in content
    event = AuditEvent.objects.get(action=AccountAction.SIGNED_IN)
    assert event.actor == focal_point
    assert event.ip_address == "127.0.0.1"


def test_it_says_why_a_sign_in_failed_and_keeps_the_email(client, focal_point):
    response = client.post("/accounts/login/", {"login": "lead@social.go.th", "password": "wrong password"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in content
    assert 'value="lead@social.go.th"' in content
    event = AuditEvent.objects.get(action=AccountAction.SIGN_IN_FAILED)
    assert event.email == "lead@social.go.th"
    assert event.actor is None


def test_it_does_not_let_anyone_sign_up(client):
    response = client.get("/accounts/signup/")
    assert "Accounts by invitation only" in response.content.decode()
    client.post("/accounts/signup/", {"email": "someone@example.org", "password1": PASSWORD, "password2": PASSWORD})
    from spot.models import User

    assert not User.objects.filter(email="someone@example.org").exists()


def test_it_never_offers_sign_up_on_the_sign_in_page(client):
    content = client.get("/accounts/login/").content.decode()
    assert "/accounts/signup/" not in content
    assert "Accounts are created by invitation" in content


def test_it_signs_out_on_post(focal_point_client):
    response = focal_point_client.post("/accounts/logout/", follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert focal_point_client.get("/my/").status_code == 302
    assert AuditEvent.objects.filter(action=AccountAction.SIGNED_OUT).count() == 1


def test_it_resets_a_forgotten_password_by_email(client, focal_point):
    client.post("/accounts/password/reset/", {"email": "lead@social.go.th"})
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Someone (probably you) asked to reset the password of your SPOT account." in body
    link = next(word for word in body.split() if "/accounts/password/reset/key/" in word)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else "/" + path
    response = client.post(form_url, {"password1": "a-brand-new-password-7", "password2": "a-brand-new-password-7"})
    assert response.status_code == 302
    focal_point.refresh_from_db()
    assert focal_point.check_password("a-brand-new-password-7")
    assert AuditEvent.objects.filter(action=AccountAction.PASSWORD_RESET, actor=focal_point).exists()


def test_it_changes_a_password_for_a_signed_in_person(focal_point_client, focal_point):
    response = focal_point_client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "another-long-password-9", "password2": "another-long-password-9"},
    )
    assert response.status_code == 302
    focal_point.refresh_from_db()
    assert focal_point.check_password("another-long-password-9")


def test_it_sends_the_admin_sign_in_through_the_portal_sign_in(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_the_admin_to_a_focal_point(focal_point_client):
    assert focal_point_client.get("/admin/").status_code in (302, 403)
    assert focal_point_client.get("/admin/spot/auditevent/").status_code in (302, 403)


def failed_sign_in(client, email):
    return client.post("/accounts/login/", {"login": email, "password": "not the password"})


def test_it_slows_repeated_failed_sign_ins_across_clients(focal_point):
    for _attempt in range(5):
        client = Client()
        assert "are not correct" in failed_sign_in(client, "lead@social.go.th").content.decode()

    # The sixth attempt, even with the right password, is refused on yet another client.
    client = Client()
    response = client.post("/accounts/login/", {"login": "lead@social.go.th", "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


ANOTHER_PROCESS = """
import django
django.setup()
from django.test import Client
response = Client().post("/accounts/login/", {"login": "lead@social.go.th", "password": "%s"})
if response.status_code == 302 and response["Location"] == "/my/":
    print("signed in")
elif "Too many failed login attempts" in response.content.decode():
    print("refused")
else:
    print("unexpected", response.status_code)
"""


def another_process_signs_in():
    """Sign in with the right password from a separate Python process on the same database and cache."""
    # The portal's database URL, pointing at the test database.
    url = urlsplit(settings.DATABASE_URL)._replace(path="/" + connection.settings_dict["NAME"]).geturl()
    result = subprocess.run(
        [sys.executable, "-c", ANOTHER_PROCESS % PASSWORD],
        cwd=Path(__file__).resolve().parent.parent.parent,
        env={
            **os.environ,
            "DATABASE_URL": url,
            "ALLOWED_HOSTS": "testserver",
            "DJANGO_SETTINGS_MODULE": "spot.settings",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_it_slows_repeated_failed_sign_ins_across_server_processes(reference_data, settings):
    """Failures counted in this process refuse a sign-in in another: the counters live in the shared cache."""
    # The other process checks the password with the portal's real hashers, not the tests' fast one.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    make_focal_point("lead@social.go.th", "Niran Lead", "THA")
    assert another_process_signs_in() == "signed in"
    for _ in range(5):
        failed_sign_in(Client(), "lead@social.go.th")
    assert another_process_signs_in() == "refused"


def test_it_still_lets_another_account_sign_in_from_elsewhere(client, focal_point, colleague):
    for _ in range(5):
        failed_sign_in(client, "lead@social.go.th")
    response = client.post("/accounts/login/", {"login": "colleague@sso.go.th", "password": PASSWORD})
    assert response.status_code == 302


def test_it_refuses_a_deactivated_account(client):
    user = make_focal_point("gone@m.go.th", "Gone Person", "THA")
    user.is_active = False
    user.save()
    response = client.post("/accounts/login/", {"login": "gone@m.go.th", "password": PASSWORD}, follow=True)
    assert "_auth_user_id" not in client.session
    assert "This account is inactive." in response.content.decode()


def test_it_explains_accounts_are_by_invitation_when_resetting_an_unknown_address(client):
    client.post("/accounts/password/reset/", {"email": "stranger@example.org"})
    body = mail.outbox[0].body
    assert "there is no account with this address" in body
    assert "SPOT accounts are created by invitation" in body
    assert "/accounts/signup/" not in body


def test_it_tells_a_person_by_email_when_their_password_changed(focal_point_client):
    focal_point_client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "another-long-password-9", "password2": "another-long-password-9"},
    )
    assert mail.outbox[-1].to == ["lead@social.go.th"]
    assert "http://127.0.0.1:8000" in mail.outbox[-1].body


def test_it_does_not_let_a_person_change_their_sign_in_email_themselves(focal_point_client, focal_point):
    response = focal_point_client.post("/accounts/email/", {"action_add": "", "email": "else@example.org"}, follow=True)
    assert response.redirect_chain[-1][0] == "/my/"
    assert "To change it, ask the ESCAP secretariat" in response.content.decode()
    focal_point.refresh_from_db()
    assert focal_point.email == "lead@social.go.th"
    from allauth.account.models import EmailAddress

    assert not EmailAddress.objects.filter(email="else@example.org").exists()
