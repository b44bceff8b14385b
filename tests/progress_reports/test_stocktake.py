"""The regional stocktake at /dashboard/: what it counts, its filters, its queries and its cache."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from progress_reports import services, stocktake
from progress_reports.models import ImplementationStatus, ProgressReport
from tests.conftest import emails_sent, make_focal_point, signed_in
from tests.progress_reports.conftest import IP, make_cycle, published, start, submitted

pytestmark = pytest.mark.django_db

S = ImplementationStatus


def write(report, *, statuses=None, asks=(), offers=(), coverage=None):
    """Set the statuses of measures (number → status), asks and offers of support, and the total coverage row."""
    for section in report.sections.select_related("measure"):
        number = section.measure.number
        section.status = (statuses or {}).get(number, S.IN_PROGRESS)
        section.actions_taken = f"Actions on measure {number}."
        section.wants_support = number in asks
        section.offers_experience = number in offers
        section.save()
    if coverage:
        row = report.coverage.get(category__code="TOTAL", sex="total")
        for name, value in coverage.items():
            setattr(row, name, value)
        row.save()
    return report


def publish_new(author, cycle, staff, **content):
    return published(write(start(author, cycle, prefill=False), **content), author, staff)


@pytest.fixture
def region(focal_point, other_focal_point, staff, cycle):
    """Thailand published; Fiji published twice (the second version differs); Indonesia's draft was returned and
    the Philippines' is only submitted: neither counts."""
    publish_new(
        focal_point,
        cycle,
        staff,
        statuses={3: S.IN_PLACE},
        offers=(10,),
        coverage={"baseline_2021": 40, "latest_value": 47, "latest_year": 2023, "target_2025": 60, "target_2030": 80},
    )
    first = publish_new(other_focal_point, cycle, staff, statuses={3: S.NOT_STARTED}, asks=(11,))
    revised = write(start(other_focal_point, cycle), statuses={3: S.PLANNING}, asks=(10,))
    second = published(revised, other_focal_point, staff)
    assert second.version == first.version + 1
    indonesia = make_focal_point("fp@kemensos.go.id", "Ayu Indonesia", "IDN")
    returned = submitted(write(start(indonesia, cycle), statuses={3: S.IN_PLACE}, offers=(10,)), indonesia)
    with emails_sent():
        services.return_report(returned, actor=staff, ip=IP, comment="Please add sources.")
    philippines = make_focal_point("fp@dswd.gov.ph", "Jo Philippines", "PHL")
    submitted(write(start(philippines, cycle), offers=(10,)), philippines)
    return {"cycle": cycle, "fiji_latest": second}


def matrix_rows(context):
    return {row.country.iso3: row for _subregion, rows in context["matrix"] for row in rows}


def test_the_matrix_shows_each_countrys_latest_published_statuses(region):
    rows = matrix_rows(stocktake.status_matrix())
    assert rows["THA"].cells[2].status == S.IN_PLACE
    assert rows["FJI"].report == region["fiji_latest"]  # the later version wins
    assert rows["FJI"].cells[2].status == S.PLANNING
    # A returned and a submitted report never count.
    assert rows["IDN"].report is None
    assert rows["PHL"].report is None
    assert [cell.measure.number for cell in rows["THA"].cells] == list(range(1, 13))


def test_the_page_links_each_cell_to_the_section_behind_it(client, region):
    response = client.get("/dashboard/")
    assertContains(response, 'href="/reports/tha/2026/#measure-3"')
    assertContains(response, 'href="/reports/fji/2026/#measure-12"')
    assertNotContains(response, 'href="/reports/idn/')
    assertNotContains(response, 'href="/reports/phl/')
    # Colour and a symbol, with the status in words for those who cannot see either.
    assertContains(response, 'class="matrix-cell matrix-cell--in-place"')
    assertContains(response, '<span aria-hidden="true">●</span><span class="visually-hidden">In place</span>')
    assertContains(response, "No report published yet")
    assertContains(response, 'href="/data/about/"')


def test_the_reporting_coverage_counts_countries_that_published(client, region):
    tables = stocktake.reporting_coverage([region["cycle"]])["reporting_coverage"]
    (table,) = tables
    assert (table["published"], table["total"]) == (2, 62)
    by_subregion = {row.subregion: row for row in table["rows"]}
    assert [country.iso3 for country in by_subregion["South-East Asia"].published] == ["THA"]
    assert "IDN" in [country.iso3 for country in by_subregion["South-East Asia"].missing]
    assert [country.iso3 for country in by_subregion["Pacific"].published] == ["FJI"]
    response = client.get("/dashboard/")
    assertContains(response, "Progress reports 2026: 2 of 62 countries published a report")
    assertContains(response, "1 of 11")


def test_the_regional_coverage_shows_each_target_and_both_statuses(client, region):
    (group,) = stocktake.regional_coverage()["region_categories"]
    (row,) = group["rows"]
    assert row.report.country.iso3 == "THA"
    # 40 → 47 in two years: 8.4 % a year, against 10.7 % needed for 60 by 2025 and 8.0 % for 80 by 2030.
    assert row.progress_2025.status == "acceleration-needed"
    assert row.progress_2030.status == "on-track"
    response = client.get("/dashboard/")
    assertContains(response, 'id="region-chart-total-title"')
    assertContains(response, "<desc ", html=False)
    assertContains(response, "Progress, acceleration needed")
    assertContains(response, "On track")
    assertContains(response, "47.0%")


def test_the_regional_coverage_shows_one_population_group_at_a_time(client, focal_point, staff, cycle):
    report = start(focal_point, cycle, prefill=False)
    for code, baseline in (("TOTAL", 40), ("PENSION", 70)):
        report.coverage.filter(category__code=code, sex="total").update(baseline_2021=baseline, target_2030=90)
    published(write(report), focal_point, staff)
    page = client.get("/dashboard/")
    assertContains(page, 'id="region-chart-total-title"')
    assertNotContains(page, 'id="region-chart-pension-title"')
    assertContains(page, 'href="?group=PENSION#region-coverage-heading"')
    chosen = client.get("/dashboard/", {"cycle": "2026", "group": "PENSION"})
    assertContains(chosen, 'id="region-chart-pension-title"')
    assertNotContains(chosen, 'id="region-chart-total-title"')
    assertContains(chosen, '<input type="hidden" name="group" value="PENSION">', html=True)
    assertContains(chosen, 'href="?cycle=2026&amp;group=TOTAL#region-coverage-heading"')
    # A group with no values, or no group at all, shows the first group that has values.
    assertContains(client.get("/dashboard/", {"group": "<script>"}), 'id="region-chart-total-title"')


def test_the_matches_pair_asks_with_offers_of_published_reports(client, region):
    learning = {item.measure.number: item for item in stocktake.peer_learning()}
    pairs = [
        (seeker.report.country.iso3, [offer.report.country.iso3 for offer in offers])
        for seeker, offers in learning[10].pairs
    ]
    # Fiji's latest version asks on 10 (its first asked on 11); Thailand offers; the Philippines' and Indonesia's
    # offers are in reports that are not published.
    assert pairs == [("FJI", ["THA"])]
    assert learning[11].seekers == []
    response = client.get("/dashboard/")
    assertContains(response, 'href="/reports/fji/2026/#measure-10"')
    assertContains(response, 'href="/reports/tha/2026/#measure-10"')


def test_a_focal_point_sees_their_own_countrys_matches(region, focal_point_client, other_client):
    response = other_client.get("/my/")
    assertContains(response, "You asked for support. Countries that offered experience:")
    assertContains(response, 'href="/reports/tha/2026/#measure-10"')
    response = focal_point_client.get("/my/")
    assertContains(response, "You offered experience. Countries that asked for support:")
    assertContains(response, 'href="/reports/fji/2026/#measure-10"')


def test_no_match_leaks_to_a_focal_point_of_a_country_without_one(region):
    outsider = make_focal_point("fp@mof.gov.mn", "Bat Mongolia", "MNG")
    response = signed_in(outsider).get("/my/")
    assertContains(response, "No match yet.")
    assertNotContains(response, "#measure-10")
    # Indonesia offered in a returned report: no match until it is published.
    indonesia = signed_in(ProgressReport.objects.get(country__iso3="IDN").created_by).get("/my/")
    assertContains(indonesia, "No match yet.")
    assertNotContains(indonesia, 'href="/reports/fji/2026/#measure-10"')


def test_the_filters_choose_a_cycle_and_a_subregion(client, region, focal_point, staff):
    earlier = make_cycle("2024", opened_days_ago=400, deadline_in_days=-300, title="Progress reports 2024")
    response = client.get("/dashboard/?cycle=2024")
    assertContains(response, "No report published for this cycle")
    assertNotContains(response, 'href="/reports/tha/2026/#measure-3"')
    assertContains(response, f"{earlier.title}: 0 of 62 countries published a report")
    response = client.get("/dashboard/?cycle=2026&subregion=pacific")
    assertContains(response, 'href="/reports/fji/2026/#measure-3"')
    assertNotContains(response, 'href="/reports/tha/2026/#measure-3"')
    assertContains(response, "Progress reports 2026: 1 of 21 countries published a report")
    assertContains(response, '<option value="pacific" selected>', html=False)


def test_an_unknown_filter_value_is_a_field_error_not_a_failure(client, region):
    response = client.get("/dashboard/?cycle=%3Cscript%3E&subregion=nowhere")
    assert response.status_code == 200
    assertContains(response, "Choose a reporting cycle from the list")
    assertContains(response, "Choose a subregion from the list")
    assertContains(response, 'href="/reports/tha/2026/#measure-3"')  # the whole region, as without filters


def grow(staff, cycle, countries):
    """Published reports of `countries` countries, each in two versions, with coverage, asks and offers."""
    for index, iso3 in enumerate(["THA", "FJI", "IDN", "PHL", "VNM", "KHM", "MNG", "KAZ"][:countries]):
        author = make_focal_point(f"grow{index}@example.org", f"Person {index}", iso3)
        coverage = {"baseline_2021": 30 + index, "latest_value": 35 + index, "latest_year": 2024, "target_2025": 50}
        publish_new(author, cycle, staff, asks=(10,) if index % 2 else (), offers=(10, 11), coverage=coverage)
        asks, offers = ((11,), (10,)) if index % 2 else ((), (10, 11))
        published(write(start(author, cycle), asks=asks, offers=offers, coverage=coverage), author, staff)


@pytest.mark.parametrize("countries", [2, 8])
def test_the_dashboard_uses_a_fixed_number_of_queries(client, staff, cycle, countries, django_assert_num_queries):
    grow(staff, cycle, countries)
    # the cycles; the measures, the countries, the sections (matrix); the countries, the published pairs (who
    # has reported); the coverage rows; the measures 10 and 11, their sections (matches)
    with django_assert_num_queries(9):
        response = client.get("/dashboard/?cycle=2026")
    assertContains(response, f"2026: {countries} of 62 countries")
    with django_assert_num_queries(9):
        client.get("/dashboard/")


def test_the_workspace_matches_use_a_fixed_number_of_queries(staff, cycle, django_assert_num_queries):
    grow(staff, cycle, 2)
    fiji = signed_in(ProgressReport.objects.filter(country__iso3="FJI").first().created_by)
    # session, user, membership, ...; the matches: the measures 10 and 11, their sections
    with django_assert_num_queries(11):
        response = fiji.get("/my/")
    assertContains(response, 'href="/reports/tha/2026/#measure-11"')
    grow_more = make_focal_point("more@example.org", "More", "WSM")
    publish_new(grow_more, cycle, staff, offers=(10, 11))
    with django_assert_num_queries(11):
        response = fiji.get("/my/")
    assertContains(response, 'href="/reports/wsm/2026/#measure-11"')


def test_the_page_is_cached_for_visitors_until_a_report_is_published(
    client, focal_point, staff, cycle, django_assert_num_queries
):
    first = client.get("/dashboard/")
    assertNotContains(first, 'href="/reports/tha/2026/#measure-3"')
    with django_assert_num_queries(0):
        again = client.get("/dashboard/")
    assert again.content == first.content
    publish_new(focal_point, cycle, staff)
    assertContains(client.get("/dashboard/"), 'href="/reports/tha/2026/#measure-3"')


def test_a_signed_in_person_is_never_served_the_cached_page(client, focal_point_client, region):
    client.get("/dashboard/")
    response = focal_point_client.get("/dashboard/")
    assertContains(response, "Sign out")
    assertNotContains(client.get("/dashboard/"), "Sign out")


def test_the_dashboard_is_in_the_main_navigation_and_on_the_home_page(client, region):
    response = client.get("/")
    assertContains(response, '<a href="/dashboard/">See the regional stocktake</a>', html=True)
    response = client.get("/dashboard/")
    assertContains(response, '<a href="/dashboard/" aria-current="page">Dashboard</a>', html=True)


def test_each_chart_and_the_matrix_link_to_their_values_as_open_data(client, region, focal_point, staff):
    response = client.get("/dashboard/?cycle=2026")
    assertContains(response, '<a href="/data/coverage.csv?cycle=2026">Download CSV</a>', html=True)
    assertContains(response, '<a href="/data/measure-statuses.csv?cycle=2026">Download CSV</a>', html=True)
    assertContains(client.get("/dashboard/"), '<a href="/data/coverage.csv">Download CSV</a>', html=True)
    link = '<a href="/data/coverage.csv?country=THA&amp;cycle=2026">Download CSV</a>'
    assertContains(client.get("/countries/tha/"), link, html=True)
    assertContains(client.get("/reports/tha/2026/"), link, html=True)
    # An earlier version's page: the file holds the latest version's values, so it is not offered there.
    published(write(start(focal_point, region["cycle"])), focal_point, staff)
    assertNotContains(client.get("/reports/tha/2026/versions/1/"), "Download CSV")
