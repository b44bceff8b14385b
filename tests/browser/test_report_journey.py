"""A progress report's journey in Chromium: drafted, refused at a cell, submitted, returned, revised, published."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from playwright.sync_api import expect

from progress_reports.models import ProgressReport
from tests.conftest import PASSWORD
from tests.progress_reports.conftest import complete, make_cycle

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


@pytest.fixture
def staff_with_known_secret(staff):
    staff.authenticator_set.all().delete()
    TOTP.activate(staff, SECRET)
    return staff


USED_CODES = set()


def fresh_code():
    """A two-factor code not used yet: a code works once, so a second sign-in waits for the next one."""
    while (code := format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))) in USED_CODES:
        time.sleep(1)
    USED_CODES.add(code)
    return code


def sign_in(page, live_server, email, *, two_factor=False):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if two_factor:
        page.get_by_label("Code").fill(fresh_code())
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My workspace")


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_a_report_is_drafted_returned_revised_and_published_in_chromium(
    page, live_server, focal_point, staff_with_known_secret, screenshot, axe_violations
):
    make_cycle("2026")
    found = {}

    def check(name):
        violations = axe_violations()
        if violations:
            found[name] = violations

    # The focal point starts the report from the workspace.
    page.set_viewport_size(DESKTOP)
    sign_in(page, live_server, focal_point.email)
    page.get_by_role("link", name="start your country's report").click()
    page.get_by_role("button", name="Start the report").click()
    expect(page.locator(".message--success")).to_contain_text("Your country's report is started")
    report = ProgressReport.objects.get()
    screenshot("report-1-workspace-desktop")
    check("workspace report")

    # Measure 7: an impossible percentage is refused at its cell, and what was typed stays.
    page.goto(f"{live_server.url}/my/reports/{report.pk}/sections/7/")
    page.get_by_label("Largely in place").check()
    page.get_by_label("Actions taken").fill("Targets set with the statistics office.")
    page.locator("#id_cov-CHILD-female-baseline_2021").fill("140")
    page.locator("#id_cov-CHILD-female-target_2030").fill("70")
    page.get_by_role("button", name="Save draft").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator("#id_cov-CHILD-female-baseline_2021_error")).to_contain_text("it cannot be more than 100")
    expect(page.locator("#id_cov-CHILD-female-target_2030")).to_have_value("70")
    expect(page.get_by_label("Actions taken")).to_have_value("Targets set with the statistics office.")
    screenshot("report-2-coverage-error-desktop")
    check("section with a coverage error")
    page.set_viewport_size(PHONE)
    screenshot("report-2-coverage-error-phone")
    page.set_viewport_size(DESKTOP)
    page.locator("#id_cov-CHILD-female-baseline_2021").fill("40.5")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".message--success")).to_contain_text("Measure 7 is saved.")

    # The other parts, filled in (their own pages are tried in the web-view tests), then submitted.
    complete(ProgressReport.objects.get())
    page.goto(f"{live_server.url}/my/reports/{report.pk}/")
    page.get_by_role("link", name="Submit to ESCAP").click()
    check("submit")
    page.get_by_role("button", name="Submit the report").click()
    expect(page.locator(".message--success")).to_contain_text("Your report is submitted.")
    sign_out(page)

    # Staff return it with a comment on measure 5.
    sign_in(page, live_server, staff_with_known_secret.email, two_factor=True)
    page.goto(live_server.url + "/review/")
    check("review queue")
    page.get_by_role("link", name="Review the report of Thailand").click()
    check("review a report")
    page.get_by_label("General comment to the country").fill("Please say how much is spent.")
    page.locator("summary", has_text="Comment on single sections").click()
    page.get_by_label("Comment on measure 5: Sufficient public funding").fill("Give the share of GDP.")
    screenshot("report-3-review-desktop")
    page.get_by_role("button", name="Return the report").click()
    expect(page.locator(".message--success")).to_contain_text("The report of Thailand is returned")
    sign_out(page)

    # The focal point sees the comment beside measure 5 (on a phone), revises and submits again.
    sign_in(page, live_server, focal_point.email)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/my/reports/{report.pk}/sections/5/")
    expect(page.locator(".staff-comment")).to_contain_text("Give the share of GDP.")
    screenshot("report-4-returned-section-phone")
    check("returned section")
    page.get_by_label("Actions taken").fill("Spending reached 3.8 per cent of GDP in 2025.")
    page.get_by_role("button", name="Save and go back to the report").click()
    page.get_by_role("link", name="Submit to ESCAP").click()
    page.get_by_role("button", name="Submit the report").click()
    expect(page.locator(".message--success")).to_contain_text("Your report is submitted.")
    page.set_viewport_size(DESKTOP)
    sign_out(page)

    # Staff see what changed and publish.
    sign_in(page, live_server, staff_with_known_secret.email, two_factor=True)
    page.goto(f"{live_server.url}/review/reports/{report.pk}/")
    expect(page.locator("section.change")).to_have_count(1)
    expect(page.locator("section.change")).to_contain_text("3.8 per cent")
    page.get_by_role("button", name="Publish the report").click()
    expect(page.locator(".message--success")).to_contain_text("is published")
    sign_out(page)

    # The public reads it, on a desktop and on a phone, and finds it on the country and measure pages.
    page.goto(live_server.url + "/reports/")
    check("report list")
    page.get_by_role("link", name="Thailand").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thailand: Progress reports 2026")
    expect(page.get_by_text("Spending reached 3.8 per cent of GDP in 2025.")).to_be_visible()
    screenshot("report-5-public-desktop")
    check("public report")
    page.set_viewport_size(PHONE)
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    screenshot("report-5-public-phone")
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/countries/tha/")
    expect(page.get_by_role("link", name="Read the full report")).to_be_visible()
    screenshot("report-6-country-desktop")
    check("country page with a report")
    page.goto(live_server.url + "/measures/5/")
    expect(page.get_by_role("link", name=re.compile("Progress reports 2026"))).to_be_visible()
    check("measure page with statuses")
    assert found == {}
