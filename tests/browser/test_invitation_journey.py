"""The whole journey of a new focal point, as a person goes through it in Chromium."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core import mail
from playwright.sync_api import expect

from focal_points.models import FocalPoint
from tests.conftest import PASSWORD

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def staff_with_known_secret(staff):
    staff.authenticator_set.all().delete()
    TOTP.activate(staff, SECRET)
    return staff


def current_code():
    return format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))


def test_it_takes_a_new_focal_point_from_invitation_email_to_workspace(
    page, live_server, staff_with_known_secret, screenshot
):
    # ESCAP staff sign in with password and authenticator code, then invite.
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(staff_with_known_secret.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile("/accounts/2fa/authenticate/"))
    screenshot("journey-1-staff-two-factor")
    page.get_by_label("Code").fill(current_code())
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My workspace")

    page.get_by_role("link", name="Invite a focal point").click()
    page.get_by_label("Work email address").fill("sera@welfare.gov.fj")
    page.get_by_label("Full name").fill("Sera Navua")
    page.get_by_label("Country").select_option(label="Fiji")
    page.get_by_label("Ministry or agency").fill("Department of Social Welfare")
    page.get_by_label("Position").fill("Principal welfare officer")
    screenshot("journey-2-invite-form")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.locator(".message--success")).to_contain_text("Invitation sent to sera@welfare.gov.fj for Fiji")
    screenshot("journey-3-invitation-sent")
    page.get_by_role("button", name="Sign out").click()

    # The invitee opens the link from the email, chooses a password and lands on the workspace.
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/invitations/\S+/", mail.outbox[0].body).group(0)
    path = "/invitations/" + link.split("/invitations/")[1]
    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Join the focal-point team of Fiji")
    expect(page.get_by_label("Your full name")).to_have_value("Sera Navua")

    page.get_by_label("Choose a password").fill("short")
    page.get_by_label("Type the password again").fill("short")
    page.get_by_role("button", name="Create my account and sign in").click()
    expect(page.locator(".field-errors").first).to_contain_text("This password is too short")
    expect(page.get_by_label("Your full name")).to_have_value("Sera Navua")
    screenshot("journey-4-accept-error")

    page.get_by_label("Choose a password").fill("a-sound-password-for-sera")
    page.get_by_label("Type the password again").fill("a-sound-password-for-sera")
    page.get_by_label("List my name and position on my country's public page").check()
    page.get_by_role("button", name="Create my account and sign in").click()
    expect(page).to_have_url(live_server.url + "/my/")
    expect(page.locator(".message--success")).to_contain_text("You are now a focal point of Fiji")
    expect(page.get_by_role("heading", name="The team of Fiji")).to_be_visible()
    screenshot("journey-5-workspace")
    assert FocalPoint.objects.get(user__email="sera@welfare.gov.fj").country.iso3 == "FJI"

    # The link cannot be used twice; the person signs in again with the new password.
    page.get_by_role("button", name="Sign out").click()
    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text("This invitation has already been used")
    page.get_by_role("link", name="Sign in").first.click()
    page.get_by_label("Email").fill("sera@welfare.gov.fj")
    page.get_by_label("Password").fill("a-sound-password-for-sera")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(live_server.url + "/my/")
    page.goto(live_server.url + "/countries/fji/")
    expect(page.get_by_text("Sera Navua, Principal welfare officer")).to_be_visible()
    screenshot("journey-6-country-page")


def test_it_makes_a_new_staff_member_set_up_two_factor_before_the_admin(page, live_server, screenshot):
    from django.contrib.auth.models import Group

    from tests.conftest import make_user

    officer = make_user("new.officer@escap.example.org", "New Officer", is_staff=True)
    officer.groups.add(Group.objects.get(name="ESCAP staff"))

    page.goto(live_server.url + "/admin/")
    page.get_by_label("Email").fill(officer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # Sent to set up an authenticator app, after confirming the password once more.
    expect(page.locator(".message--warning")).to_contain_text("Staff accounts must use two-factor sign-in")
    screenshot("staff-1-confirm-password")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile("/accounts/2fa/totp/activate/"))
    screenshot("staff-2-set-up-two-factor")

    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(format_hotp_value(hotp_value(secret, int(time.time()) // 30)))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Recovery codes", re.I))
    screenshot("staff-3-recovery-codes")

    page.goto(live_server.url + "/admin/")
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
