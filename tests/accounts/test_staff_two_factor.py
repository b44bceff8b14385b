"""Staff accounts must use two-factor sign-in before reaching any staff page or the admin."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group

from tests.conftest import PASSWORD, make_user, signed_in

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def staff_without_two_factor(db):
    user = make_user("new.officer@escap.example.org", "New Officer", is_staff=True)
    user.groups.add(Group.objects.get(name="ESCAP staff"))
    return user


@pytest.mark.parametrize("path", ["/my/", "/admin/", "/network/", "/network/invite/", "/admin/spot/auditevent/"])
def test_it_sends_staff_without_two_factor_to_set_it_up(staff_without_two_factor, path):
    response = signed_in(staff_without_two_factor).get(path, follow=True)
    assert response.redirect_chain[0][0] == "/accounts/2fa/totp/activate/"
    content = response.content.decode()
    assert "Staff accounts must use two-factor sign-in" in content
    assert "<h1" in content


def test_it_lets_staff_with_two_factor_reach_the_admin_and_their_queues(staff_client):
    assert staff_client.get("/admin/").status_code == 200
    content = staff_client.get("/my/").content.decode()
    assert "Invitations not yet accepted" in content


def test_it_does_not_ask_focal_points_for_two_factor(focal_point_client):
    response = focal_point_client.get("/my/")
    assert response.status_code == 200
    assert "set up two-factor sign-in" in response.content.decode()


def test_it_asks_staff_for_the_authenticator_code_when_signing_in(client):
    user = make_user("coded@escap.example.org", "Coded Officer", is_staff=True)
    TOTP.activate(user, SECRET)
    response = client.post("/accounts/login/", {"login": "coded@escap.example.org", "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session

    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert "Incorrect code." in wrong.content.decode()

    code = format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/admin/").status_code == 200


def test_it_lets_staff_set_up_an_authenticator_and_then_reach_the_admin(client, staff_without_two_factor):
    response = client.post("/accounts/login/", {"login": staff_without_two_factor.email, "password": PASSWORD})
    assert response["Location"] == "/my/"
    page = client.get("/my/", follow=True)
    # Setting up an authenticator asks for the password again, as any change to sign-in settings does.
    assert page.redirect_chain[-1][0] == "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    page = client.post(page.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    assert page.redirect_chain[-1][0] == "/accounts/2fa/totp/activate/"
    secret = page.context["form"].secret
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    client.post("/accounts/2fa/totp/activate/", {"code": code})
    assert Authenticator.objects.filter(user=staff_without_two_factor, type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/").status_code == 200
