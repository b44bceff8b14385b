"""A good practice's way from a focal point's draft to the public search, as people go through it in Chromium."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from playwright.sync_api import expect

from good_practices.models import GoodPractice, State
from tests.browser.conftest import AXE, SCREENSHOTS
from tests.conftest import PASSWORD
from tests.good_practices.conftest import make_practice

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def staff_with_known_secret(staff):
    staff.authenticator_set.all().delete()
    TOTP.activate(staff, SECRET)
    return staff


def sign_in(page, live_server, email, *, two_factor=False):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if two_factor:
        # A code is valid for its 30-second window only: never type one in its last seconds.
        left = 30 - time.time() % 30
        if left < 6:
            time.sleep(left + 0.5)
        page.get_by_label("Code").fill(format_hotp_value(hotp_value(SECRET, int(time.time()) // 30)))
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My workspace")


@pytest.fixture
def staff_page(browser, browser_context_args):
    """The secretariat's own browser, beside the focal point's (a code of the authenticator signs in once)."""
    context = browser.new_context(**browser_context_args)
    yield context.new_page()
    context.close()


def test_it_takes_a_practice_from_draft_to_the_public_search(
    page, staff_page, live_server, focal_point, staff_with_known_secret, screenshot, axe_violations
):
    # A focal point proposes a practice; a first save with a mistake keeps everything typed.
    sign_in(page, live_server, focal_point.email)
    page.get_by_role("link", name="Propose a good practice").first.click()
    page.get_by_label("Title", exact=True).fill("Mobile money for the old-age allowance")
    page.get_by_label("Programme or policy name").fill("Old-Age Allowance")
    page.get_by_label("First year").fill("2019")
    page.get_by_label("Last year").fill("2015")
    page.get_by_label("Measure 4: Efficient, transparent and accountable delivery").check()
    page.get_by_label("Older persons").check()
    page.get_by_label("Digital delivery").check()
    page.get_by_label("Summary").fill("The allowance is paid into mobile wallets instead of cash at district offices.")
    page.get_by_label("The practice", exact=True).fill(
        "Older persons choose a **mobile wallet** at enrolment.\n\n- No travel\n- No queues"
    )
    page.get_by_label("Results and evidence").fill("Payments arrive within two days.")
    page.get_by_label("Lessons and conditions for replication").fill("Agents in every village are needed.")
    page.get_by_label("Agency to contact").fill("Department of Older Persons")
    page.locator("#id_sources-0-title").fill("Allowance review 2024")
    page.locator("#id_sources-0-url").fill("https://example.org/review")
    screenshot("practice-1-form")
    page.get_by_role("button", name="Save and preview").click()
    expect(page.locator(".error-summary")).to_contain_text(
        "The last year must be the same as the first year or after it"
    )
    expect(page.get_by_label("Summary")).to_have_value(
        "The allowance is paid into mobile wallets instead of cash at district offices."
    )
    screenshot("practice-2-form-error")
    assert axe_violations() == []

    page.get_by_label("Last year").fill("")
    page.get_by_role("button", name="Save and preview").click()
    expect(page.locator(".preview-banner")).to_contain_text("Nobody else can see it yet.")
    expect(page.locator(".prose strong")).to_have_text("mobile wallet")
    screenshot("practice-3-preview")
    assert axe_violations() == []
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".message--success")).to_contain_text("Submitted.")
    screenshot("practice-4-submitted")

    # The secretariat, in its own browser, asks for a figure.
    sign_in(staff_page, live_server, staff_with_known_secret.email, two_factor=True)
    staff_page.goto(live_server.url + "/review/")
    staff_page.screenshot(path=SCREENSHOTS / "practice-5-review-queue.png", full_page=True)
    assert staff_axe(staff_page) == []
    staff_page.get_by_role("link", name="Mobile money for the old-age allowance").click()
    staff_page.screenshot(path=SCREENSHOTS / "practice-6-review-page.png", full_page=True)
    assert staff_axe(staff_page) == []
    staff_page.get_by_role("button", name="Send back for changes").click()
    expect(staff_page.locator(".error-summary")).to_contain_text("Say what the author should change")
    staff_page.get_by_label("What should the author change?").fill("How many older persons use the wallets?")
    staff_page.get_by_role("button", name="Send back for changes").click()
    expect(staff_page.locator(".message--success")).to_contain_text("Changes requested")

    # The focal point reads the comment beside the practice, revises and resubmits.
    page.goto(live_server.url + "/my/")
    page.get_by_role("link", name="Mobile money for the old-age allowance").click()
    expect(page.locator(".feedback")).to_contain_text("How many older persons use the wallets?")
    page.get_by_role("link", name="Edit", exact=True).click()
    expect(page.locator(".feedback--beside")).to_contain_text("How many older persons use the wallets?")
    page.get_by_label("Results and evidence").fill("1.2 million older persons, 85% of recipients, use a wallet.")
    screenshot("practice-7-revise")
    page.get_by_role("button", name="Save and preview").click()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".message--success")).to_contain_text("Submitted.")

    # Published.
    staff_page.goto(live_server.url + "/review/")
    staff_page.get_by_role("link", name="Mobile money for the old-age allowance").click()
    staff_page.get_by_role("button", name="Publish", exact=True).click()
    expect(staff_page.locator(".message--success")).to_contain_text("is published")
    expect(staff_page.locator(".history")).to_contain_text("How many older persons use the wallets?")
    staff_page.screenshot(path=SCREENSHOTS / "practice-8-published-history.png", full_page=True)

    # Anyone finds it, matched words marked, and reads it.
    page.get_by_role("button", name="Sign out").click()
    page.goto(live_server.url + "/good-practices/?q=wallet")
    expect(page.locator(".practice-card mark").first).to_have_text(re.compile("wallet", re.I))
    screenshot("practice-9-search")
    page.get_by_role("link", name=re.compile("Mobile money for the old-age allowance")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mobile money for the old-age allowance")
    expect(page.get_by_text("1.2 million older persons")).to_be_visible()
    screenshot("practice-10-public-page")
    assert GoodPractice.objects.get().state == State.PUBLISHED


def staff_axe(staff_page):
    staff_page.add_script_tag(path=str(AXE))
    result = staff_page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
    )
    return [violation["id"] for violation in result["violations"]]


PUBLIC = ["/good-practices/", "/good-practices/?q=pension&country=THA", "/good-practices/?q=pensoin&country=FJI"]


def grow_public_practices():
    for number in range(24):
        make_practice(
            country=["THA", "FJI", "NPL", "KAZ"][number % 4],
            title=f"Social pension reform {number}" if number % 2 else f"Child grant paid digitally {number}",
            measures=(number % 12 + 1,),
            themes=(["children", "older-persons", "digital-delivery"][number % 3],),
            days_ago=number * 30,
        )


def test_it_has_no_accessibility_violations_on_the_practice_pages(
    page, live_server, axe_violations, focal_point, screenshot
):
    grow_public_practices()
    practice = GoodPractice.objects.published().first()
    archived = make_practice(title="Archived pilot", state=State.ARCHIVED)
    found = {}
    for path in [*PUBLIC, practice.get_absolute_url(), archived.get_absolute_url(), "/feeds/good-practices/"][:-1]:
        page.goto(live_server.url + path)
        violations = axe_violations()
        if violations:
            found[path] = violations
    sign_in(page, live_server, focal_point.email)
    draft = make_practice(title="A draft", state=State.DRAFT)
    for path in [
        "/my/",
        "/my/practices/",
        "/my/practices/new/",
        f"/my/practices/{draft.pk}/",
        f"/my/practices/{draft.pk}/edit/",
        f"/my/practices/{draft.pk}/delete/",
        practice.get_absolute_url(),
    ]:
        page.goto(live_server.url + path)
        violations = axe_violations()
        if violations:
            found[path] = violations
    page.goto(live_server.url + f"/my/practices/{draft.pk}/")
    page.get_by_role("button", name="Submit for review").click()
    violations = axe_violations()
    if violations:
        found["missing parts on submit"] = violations
    assert found == {}


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_it_fits_the_practice_pages_to_the_screen(page, live_server, width, screenshot, staff_with_known_secret):
    grow_public_practices()
    practice = GoodPractice.objects.published().first()
    page.set_viewport_size({"width": width, "height": 800})
    for name, path in [
        ("list", "/good-practices/?q=pension"),
        ("detail", practice.get_absolute_url()),
        ("empty", PUBLIC[2]),
    ]:
        page.goto(live_server.url + path)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        screenshot(f"practices-{name}-{width}")
        assert overflow <= 0, path
    sign_in(page, live_server, staff_with_known_secret.email, two_factor=True)
    page.goto(live_server.url + f"/review/practices/{practice.pk}/")
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    screenshot(f"practices-review-{width}")
