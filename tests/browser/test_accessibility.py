"""axe-core finds no WCAG 2.2 A/AA violation, and pages fit a phone's width."""

import pytest

from tests.conftest import PASSWORD

PUBLIC_PAGES = [
    "/",
    "/about/",
    "/measures/",
    "/measures/7/",
    "/countries/",
    "/countries/tha/",
    "/countries/xyz/",
    "/accounts/login/",
    "/accounts/password/reset/",
    "/accounts/signup/",
    "/contact/",
    "/privacy/",
    "/accessibility/",
    "/data/",
    "/countries/%00/",
]


def test_it_has_no_accessibility_violations_on_public_pages(page, live_server, axe_violations, focal_point):
    found = {}
    for path in PUBLIC_PAGES:
        page.goto(live_server.url + path)
        violations = axe_violations()
        if violations:
            found[path] = violations
    assert found == {}


def sign_in(page, live_server, email):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_it_has_no_accessibility_violations_on_focal_point_pages(
    page, live_server, axe_violations, focal_point, colleague, screenshot
):
    sign_in(page, live_server, focal_point.email)
    found = {}
    for path in [
        "/my/",
        "/network/",
        "/network/invite/",
        "/my/membership/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/accounts/reauthenticate/",
    ]:
        page.goto(live_server.url + path)
        violations = axe_violations()
        if violations:
            found[path] = violations
    # A form with errors shown next to its fields.
    page.goto(live_server.url + "/network/invite/")
    page.get_by_role("button", name="Send invitation").click()
    screenshot("invite-form-errors")
    violations = axe_violations()
    if violations:
        found["/network/invite/ with errors"] = violations
    assert found == {}


PHONE_PAGES = ["/", "/measures/7/", "/countries/tha/", "/network/", "/privacy/", "/contact/", "/data/"]


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_it_fits_a_phone_width_without_sideways_scrolling(page, live_server, path, focal_point, screenshot):
    if path == "/network/":
        sign_in(page, live_server, focal_point.email)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + path)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    screenshot("phone-" + (path.strip("/").replace("/", "-") or "home"))
    assert overflow <= 0
