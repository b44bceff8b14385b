"""Where reports appear in the portal: the country page, the measure pages, the home page, the workspace."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.conftest import make_focal_point
from tests.progress_reports.conftest import published, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(focal_point, staff, draft):
    row = draft.coverage.get(category__code="TOTAL", sex="total")
    row.baseline_2021, row.target_2025, row.target_2030, row.latest_value, row.latest_year = 40, 50, 70, 47.5, 2024
    row.save()
    return published(draft, focal_point, staff)


def test_the_country_page_shows_the_latest_report_statuses_and_coverage(client, report):
    response = client.get("/countries/tha/")
    assertContains(response, 'href="/reports/tha/2026/"')
    assertContains(response, "In progress")
    assertContains(response, "Population covered by at least one social protection benefit")
    assertContains(response, "47.5%")
    assertContains(response, 'id="country-coverage-chart-title"')
    assertNotContains(response, "has not published social protection coverage")


def test_the_country_page_uses_a_fixed_number_of_queries(client, report, django_assert_num_queries):
    # focal points, the report, its sections, its coverage rows, the count of its cycles, its good practices
    with django_assert_num_queries(7):
        client.get("/countries/tha/")


def test_a_measure_page_shows_each_countrys_latest_status_by_subregion(client, report, other_focal_point, staff, cycle):
    published(start(other_focal_point, cycle), other_focal_point, staff)
    response = client.get("/measures/3/")
    assertContains(response, "South-East Asia</caption>", html=False)
    assertContains(response, "Pacific</caption>", html=False)
    assertContains(response, 'href="/reports/tha/2026/#measure-3"')
    assertContains(response, 'href="/reports/fji/2026/#measure-3"')


def test_a_measure_page_uses_a_fixed_number_of_queries(client, report, staff, cycle, django_assert_num_queries):
    for index, iso3 in enumerate(["IDN", "PHL", "VNM", "KHM"]):
        author = make_focal_point(f"fp{index}@example.org", f"Person {index}", iso3)
        published(start(author, cycle), author, staff)
    # the measures, their sub-targets, the latest sections on this measure, the good practices illustrating it
    with django_assert_num_queries(4):
        response = client.get("/measures/3/")
    assertContains(response, "Viet Nam")


def test_the_home_page_shows_reporting_at_a_glance(client, report):
    response = client.get("/")
    assertContains(response, "Reporting progress at a glance")
    assertContains(response, "<strong>1 of 62</strong>", html=True)
    assertContains(response, 'href="/reports/?cycle=2026"')


def test_the_workspace_shows_each_report_with_its_state_and_next_step(focal_point_client, report, draft):
    response = focal_point_client.get("/my/")
    assertContains(response, "Published")
    assertContains(response, "Read the published report")
    assertContains(response, "Start a new version")


def test_the_workspace_never_shows_another_countrys_reports(other_client, draft):
    response = other_client.get("/my/")
    assertNotContains(response, f"/my/reports/{draft.pk}/")
    assertContains(response, "Progress reports of Fiji")


def test_staff_find_the_review_queue_from_their_workspace(staff_client):
    assertContains(staff_client.get("/my/"), 'href="/review/"')
