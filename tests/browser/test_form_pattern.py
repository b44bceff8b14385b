"""The error summary as a person meets it on a phone: focused, above the fold, its links reach the fields."""

import re

from playwright.sync_api import expect

from tests.conftest import PASSWORD, invite


def sign_in(page, live_server, email):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_it_brings_the_problems_into_view_on_a_phone_and_links_each_to_its_field(
    page, live_server, focal_point, screenshot, axe_violations
):
    page.set_viewport_size({"width": 360, "height": 740})
    sign_in(page, live_server, focal_point.email)
    page.goto(live_server.url + "/network/invite/")
    page.get_by_label("Full name").fill("Typed Before The Mistake")
    page.get_by_role("button", name="Send invitation").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(summary.get_by_role("link")).to_have_count(2)
    screenshot("form-errors-phone-invite")
    assert axe_violations() == []

    summary.get_by_role("link", name="Enter the person's work email address").click()
    email = page.get_by_label("Work email address")
    expect(email).to_be_focused()
    expect(email).to_be_in_viewport()
    expect(page.get_by_label("Full name")).to_have_value("Typed Before The Mistake")


def test_it_shows_the_invitation_form_errors_without_losing_the_name(page, live_server, staff, fiji, screenshot):
    _, link = invite(staff, fiji, "new@welfare.gov.fj", name="Sera Navua")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + link)
    page.get_by_label("Choose a password").fill("short")
    page.get_by_label("Type the password again").fill("different")
    page.get_by_role("button", name="Create my account and sign in").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("This password is too short")
    expect(summary).to_contain_text("You must type the same password each time.")
    expect(page.get_by_label("Your full name")).to_have_value("Sera Navua")
    screenshot("form-errors-phone-accept")


def test_it_shows_sign_in_problems_in_the_same_pattern(page, live_server, screenshot, axe_violations):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator("#id_login_error")).to_have_text(re.compile("Enter your work email address"))
    screenshot("form-errors-phone-sign-in")
    assert axe_violations() == []
