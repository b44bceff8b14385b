"""The "About the data" page, and the progress toward each target on the report and country pages."""

import pytest
from pytest_django.asserts import assertContains

from progress_reports.models import CoverageEntry
from progress_reports.progress import progress_toward
from tests.progress_reports.conftest import published

pytestmark = pytest.mark.django_db


def test_the_worked_example_is_computed_by_the_portals_own_code(client):
    response = client.get("/data/about/")
    # (47 / 40)^(1/2) − 1 = 8.4 % a year; (60 / 40)^(1/4) − 1 = 10.7 % needed by 2025, (80 / 40)^(1/9) − 1 = 8.0 %
    # by 2030: ratios 0.79 and 1.05.
    for text in ["8.4%", "10.7%", "8.0%", "0.79", "1.05", "Progress, acceleration needed", "On track"]:
        assertContains(response, text)
    # The zero baseline: 6 points in 3 years (2 a year) against 20 by 2025 (5 a year) and 40 by 2030 (4.44).
    for text in ["2.00 points", "5.00 points", "4.44 points", "0.40", "0.45", "Limited progress"]:
        assertContains(response, text)
    example = progress_toward(baseline=40, latest=47, latest_year=2023, target=60, target_year=2025)
    assert round(example.ratio, 2) == 0.79


def test_it_explains_the_scale_what_counts_and_not_enough_data(client):
    response = client.get("/data/about/")
    for anchor in ["what-counts", "status-scale", "progress", "worked-example", "zero-baseline", "not-enough-data"]:
        assertContains(response, f'id="{anchor}"')
    assertContains(response, "Largely in place")
    assertContains(response, "Open SDG, after Statistics Canada")
    assertContains(response, "Drafts, reports waiting for review and reports returned")


@pytest.mark.parametrize(
    "baseline, latest, latest_year, target_2025, target_2030, toward_2025, toward_2030",
    [
        # 40 → 47 in 2023: 8.4 % a year against 10.7 % (2025) and 8.0 % (2030).
        (40, 47, 2023, 60, 80, "acceleration-needed", "on-track"),
        # Zero baseline: 0 → 6 in 2024, 2 points a year against 5 (2025: 20) and 1 (2030: 9) a year.
        (0, 6, 2024, 20, 9, "limited", "on-track"),
        # Latest equal to the 2025 target: achieved there, on track toward 2030.
        (40, 60, 2024, 60, 80, "achieved", "on-track"),
        # Observed in 2021: no time to measure progress over, unless a target is already met.
        (40, 50, 2021, 50, 80, "achieved", "no-data"),
        # No year for the latest value; no 2030 target.
        (40, 50, None, 60, 80, "no-data", "no-data"),
        (40, 38, 2023, 60, None, "deterioration", "no-data"),
    ],
)
def test_progress_is_computed_separately_toward_each_target(
    baseline, latest, latest_year, target_2025, target_2030, toward_2025, toward_2030
):
    entry = CoverageEntry(
        sex="total",
        baseline_2021=baseline,
        latest_value=latest,
        latest_year=latest_year,
        target_2025=target_2025,
        target_2030=target_2030,
    )
    assert (entry.progress_2025.status, entry.progress_2030.status) == (toward_2025, toward_2030)


@pytest.fixture
def report(focal_point, staff, draft):
    entry = draft.coverage.get(category__code="TOTAL", sex="total")
    entry.baseline_2021, entry.latest_value, entry.latest_year = 40, 47, 2023
    entry.target_2025, entry.target_2030 = 60, 80
    entry.save()
    return published(draft, focal_point, staff)


@pytest.mark.parametrize("path", ["/reports/tha/2026/", "/countries/tha/"])
def test_the_report_and_country_pages_show_both_statuses(client, report, path):
    response = client.get(path)
    assertContains(response, "Progress toward 2025")
    assertContains(response, "Progress toward 2030")
    assertContains(
        response,
        '<span class="progress progress--acceleration-needed"><span aria-hidden="true">◆</span> '
        "Progress, acceleration needed</span>",
        html=True,
    )
    assertContains(
        response,
        '<span class="progress progress--on-track"><span aria-hidden="true">▲</span> On track</span>',
        html=True,
    )
    assertContains(response, 'href="/data/about/#progress"')
