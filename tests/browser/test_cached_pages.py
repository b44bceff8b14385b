"""Pages served from the page cache look and behave as rendered ones, under the real Content-Security-Policy."""

import pytest

from tests.browser.conftest import SCREENSHOTS

PAGES = ["/", "/about/", "/measures/", "/measures/7/", "/countries/", "/countries/tha/"]


@pytest.fixture
def strict_page(browser):
    """A page whose browser context enforces the portal's CSP (the other tests bypass it to run axe)."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.errors = errors
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_it_serves_the_same_styled_page_from_the_cache_without_csp_errors(strict_page, live_server, path):
    first = strict_page.goto(live_server.url + path)
    rendered = strict_page.content()
    again = strict_page.goto(live_server.url + path)
    assert first.status == again.status == 200
    assert again.headers["etag"] == first.headers["etag"]
    assert strict_page.content() == rendered
    header = strict_page.evaluate("() => getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    assert header not in ("rgba(0, 0, 0, 0)", "transparent")  # the stylesheet applied
    assert strict_page.errors == []


@pytest.mark.parametrize("width", [1280, 390])
def test_it_looks_the_same_from_the_cache_at_desktop_and_phone_widths(strict_page, live_server, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    strict_page.set_viewport_size({"width": width, "height": 900})
    for path in ["/", "/countries/tha/"]:
        strict_page.goto(live_server.url + path)
        strict_page.goto(live_server.url + path)  # from the cache
        name = path.strip("/").replace("/", "-") or "home"
        strict_page.screenshot(path=SCREENSHOTS / f"cached-{name}-{width}.png", full_page=True)
        overflow = strict_page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0


@pytest.mark.parametrize("width", [1280, 390])
def test_it_shows_the_briefly_unavailable_page_accessibly_while_the_database_is_away(
    page, live_server, axe_violations, monkeypatch, width
):
    from django.db import OperationalError

    def unreachable(*args, **kwargs):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr("spot.models.CountryQuerySet.by_subregion", unreachable)
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(live_server.url + "/countries/")
    assert response.status == 503
    assert page.get_by_role("heading", level=1).inner_text() == "The portal is briefly unavailable"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"database-unavailable-{width}.png", full_page=True)
    assert axe_violations() == []
