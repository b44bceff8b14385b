"""axe-core finds no WCAG 2.2 A/AA violation on the report pages not walked through by the journey, at a
desktop's width, and none of them scrolls sideways on a phone."""

import pytest

from progress_reports.models import ProgressReport
from tests.browser.test_report_journey import sign_in, staff_with_known_secret  # noqa: F401 (a fixture)
from tests.progress_reports.conftest import make_cycle, published, start

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def two_versions(focal_point, staff):
    cycle = make_cycle("2026")
    first = published(start(focal_point, cycle), focal_point, staff)
    second = start(focal_point, cycle)
    section = second.sections.get(measure__number=4)
    section.actions_taken = "A new grievance mechanism."
    section.save()
    published(second, focal_point, staff)
    third = start(focal_point, cycle)
    return first, third


def problems(page, live_server, paths, axe_violations, screenshot, prefix):
    found = {}
    for path in paths:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(live_server.url + path)
        violations = axe_violations()
        if violations:
            found[path] = violations
        page.set_viewport_size(PHONE)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            found[path + " on a phone"] = f"scrolls sideways by {overflow}px"
        screenshot(prefix + (path.strip("/").replace("/", "-") or "home"))
    return found


def test_focal_point_and_public_report_pages(page, live_server, focal_point, two_versions, axe_violations, screenshot):
    _first, draft = two_versions
    public = ["/reports/", "/reports/tha/2026/versions/1/", "/reports/tha/2026/versions/2/changes/", "/"]
    found = problems(page, live_server, public, axe_violations, screenshot, "reports-public-")
    sign_in(page, live_server, focal_point.email)
    mine = [
        "/my/",
        f"/my/reports/{draft.pk}/",
        f"/my/reports/{draft.pk}/edit/",
        f"/my/reports/{draft.pk}/summary/",
        f"/my/reports/{draft.pk}/submit/",
        f"/my/reports/{draft.pk}/preview/",
    ]
    found |= problems(page, live_server, mine, axe_violations, screenshot, "reports-mine-")
    assert found == {}
    assert ProgressReport.objects.count() == 3


def test_staff_report_pages(page, live_server, staff_with_known_secret, two_versions, axe_violations, screenshot):  # noqa: F811
    sign_in(page, live_server, staff_with_known_secret.email, two_factor=True)
    first, _draft = two_versions
    paths = ["/review/", "/review/cycles/", "/review/cycles/new/", f"/review/reports/{first.pk}/"]
    found = problems(page, live_server, paths, axe_violations, screenshot, "reports-staff-")
    # The cycle form with its errors shown.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/review/cycles/new/")
    page.get_by_role("button", name="Open the cycle").click()
    screenshot("reports-staff-cycle-form-errors")
    violations = axe_violations()
    if violations:
        found["cycle form with errors"] = violations
    assert found == {}
