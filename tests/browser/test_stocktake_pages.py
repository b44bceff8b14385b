"""axe-core finds no WCAG 2.2 A/AA violation on the dashboard and "About the data", at a desktop's and a phone's
width; neither they nor a country page with its coverage scroll sideways on a phone. Screenshots of each at both."""

import pytest

from tests.conftest import make_focal_point
from tests.progress_reports.conftest import make_cycle, published, start
from tests.progress_reports.test_stocktake import write

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def region(focal_point, other_focal_point, staff):
    cycle = make_cycle("2026")
    coverage = {"baseline_2021": 40, "latest_value": 47, "latest_year": 2023, "target_2025": 60, "target_2030": 80}
    published(write(start(focal_point, cycle), offers=(10,), coverage=coverage), focal_point, staff)
    published(write(start(other_focal_point, cycle), asks=(10,), coverage=coverage), other_focal_point, staff)
    kazakhstan = make_focal_point("fp@enbek.gov.kz", "Aida Kazakhstan", "KAZ")
    published(write(start(kazakhstan, cycle), statuses={1: "in-place", 2: "planning"}), kazakhstan, staff)


def test_the_stocktake_pages_at_desktop_and_phone_widths(page, live_server, region, axe_violations, screenshot):
    found = {}
    for name, size in WIDTHS.items():
        page.set_viewport_size(size)
        for path in ["/dashboard/", "/data/about/", "/dashboard/?cycle=2026&subregion=sea", "/countries/tha/"]:
            page.goto(live_server.url + path)
            if path != "/countries/tha/":  # the country page is in the accessibility test's list already
                violations = axe_violations()
                if violations:
                    found[f"{path} ({name})"] = violations
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                found[f"{path} ({name})"] = f"scrolls sideways by {overflow}px"
            if "?" not in path:
                screenshot(f"stocktake-{path.strip('/').replace('/', '-')}-{size['width']}")
    assert found == {}
    page.goto(live_server.url + "/dashboard/")
    page.get_by_label("Subregion").select_option("pacific")
    page.get_by_role("button", name="Show").click()
    assert page.url.endswith("/dashboard/?cycle=&subregion=pacific&group=TOTAL")
    assert page.get_by_role("link", name="Fiji").first.is_visible()
