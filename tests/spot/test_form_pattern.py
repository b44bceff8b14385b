"""Every form, sent empty or wrong, answers in one pattern: a summary linking to each field in error,
"Error: " before the page title, and each message again beside its field."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core import mail

from tests.conftest import PASSWORD, invite, make_user

pytestmark = pytest.mark.django_db


def assert_error_pattern(response, *fields):
    content = response.content.decode()
    assert re.search(r"<title>Error: ", content), "the title does not start with Error:"
    summary = re.search(r'<div class="error-summary".*?</div>', content, re.S)
    assert summary, "no error summary"
    main = content.index("<main")
    assert content.index('class="error-summary"') < content.index("<form", main), "the summary is not above the form"
    assert content.index('class="error-summary"') < content.index("<h1"), "the summary is not first on the page"
    links = re.findall(r'href="#([^"]+)"', summary.group(0))
    for target in links:
        assert f'id="{target}"' in content, f"the summary links to #{target}, which is not on the page"
    for field in fields:
        assert f"id_{field}" in links, f"the summary does not link to {field}"
        assert f'id="id_{field}_error"' in content, f"no error beside {field}"
        assert re.search(rf'<[^>]+aria-invalid="true"[^>]*id="id_{field}"', content), f"{field} is not aria-invalid"
    assert "This field is required." not in content, "a generic message instead of one that says what to do"
    return content


def test_the_invite_form(staff_client):
    content = assert_error_pattern(staff_client.post("/network/invite/", {}), "email", "country", "agency")
    assert "Enter the person&#x27;s work email address" in content


def test_the_invitation_acceptance_form(client, staff, fiji):
    _, link = invite(staff, fiji, "new@welfare.gov.fj")
    content = assert_error_pattern(client.post(link, {}), "name", "password1", "password2")
    assert "Enter your full name" in content


def test_the_invitation_acceptance_form_shows_every_password_problem_at_once(client, staff, fiji):
    _, link = invite(staff, fiji, "new@welfare.gov.fj")
    response = client.post(link, {"name": "Sera", "password1": "short", "password2": "different"})
    content = assert_error_pattern(response, "password1", "password2")
    assert "This password is too short" in content
    assert "You must type the same password each time." in content


def test_the_membership_form(colleague_client):
    assert_error_pattern(colleague_client.post("/my/membership/", {"position": "Head\nof unit"}), "position")


def test_the_sign_in_form(client):
    content = assert_error_pattern(client.post("/accounts/login/", {}), "login", "password")
    assert "Enter your work email address" in content and "Enter your password" in content


def test_the_sign_in_form_with_a_wrong_password_links_to_the_email_field(client, focal_point):
    response = client.post("/accounts/login/", {"login": focal_point.email, "password": "wrong"})
    content = assert_error_pattern(response)
    assert '<a href="#id_login">The email address and/or password you specified are not correct.</a>' in content


def test_the_password_reset_form(client):
    assert_error_pattern(client.post("/accounts/password/reset/", {}), "email")
    assert_error_pattern(client.post("/accounts/password/reset/", {"email": "not an address"}), "email")


def test_the_password_change_form_shows_every_problem_at_once(focal_point_client):
    assert_error_pattern(
        focal_point_client.post("/accounts/password/change/", {}), "oldpassword", "password1", "password2"
    )
    response = focal_point_client.post(
        "/accounts/password/change/", {"oldpassword": PASSWORD, "password1": "short", "password2": "other"}
    )
    content = assert_error_pattern(response, "password1", "password2")
    assert "This password is too short" in content and "You must type the same password each time." in content


def test_the_new_password_form_of_a_reset_link(client, focal_point):
    client.post("/accounts/password/reset/", {"email": focal_point.email})
    link = re.search(r"http://[^/]+(/accounts/password/reset/key/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    assert_error_pattern(client.post(form_url, {}), "password1", "password2")


def test_the_reauthentication_form(focal_point_client):
    response = focal_point_client.post("/accounts/reauthenticate/", {})
    assert_error_pattern(response, "password")


def test_the_two_factor_code_form(client):
    user = make_user("coded@escap.example.org", "Coded Officer", is_staff=True)
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    page = client.get("/accounts/2fa/authenticate/").content.decode()
    assert 'inputmode="numeric"' in page and 'autocomplete="one-time-code"' in page
    content = assert_error_pattern(client.post("/accounts/2fa/authenticate/", {"code": ""}), "code")
    assert "Enter the 6-digit code from your authenticator app" in content
    assert_error_pattern(client.post("/accounts/2fa/authenticate/", {"code": "000000"}), "code")


def test_the_authenticator_set_up_form(client, focal_point):
    client.post("/accounts/login/", {"login": focal_point.email, "password": PASSWORD})
    # Changing sign-in settings asks for the password again first.
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    assert 'inputmode="numeric"' in page.content.decode()
    assert_error_pattern(client.post("/accounts/2fa/totp/activate/", {"code": ""}), "code")
    assert_error_pattern(client.post("/accounts/2fa/totp/activate/", {"code": "123456"}), "code")
