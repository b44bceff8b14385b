"""Browser tests: Debian's Chromium driven by Playwright against the live test server."""

import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent.parent
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = PROJECT / "artifacts" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def browser_database(reference_data, live_server):
    """A live server for each browser test, on a database with its reference data."""


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name):
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    return take


@pytest.fixture
def axe_violations(page):
    """Run axe-core on the current page against WCAG 2.2 A and AA; return its violations."""

    def run():
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
        )
        return [
            f"{violation['id']}: {violation['help']} ({[node['target'] for node in violation['nodes']]})"
            for violation in result["violations"]
        ]

    return run


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # The portal's Content-Security-Policy forbids inline scripts, which is how axe-core is injected.
    return {**browser_context_args, "bypass_csp": True}
