"""The open data: the CSV and JSON files, their filters, datapackage.json, the zip and the /data/ page."""

import csv
import io
import json
import zipfile
from decimal import Decimal

import frictionless
import pycountry
import pytest
from django.utils import timezone
from django.utils.html import escape
from pytest_django.asserts import assertContains

from progress_reports import open_data, services
from progress_reports.models import ReportState
from spot.models import Country
from tests.conftest import emails_sent, make_focal_point
from tests.progress_reports.conftest import IP, make_cycle, published, start, submitted

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(body(response).decode("utf-8"))))


def json_rows(response):
    return json.loads(body(response))


def with_pension_figures(report, *, baseline=31.4, latest=38.2, source="Social Security Office"):
    row = report.coverage.get(category__code="PENSION", sex="female")
    row.baseline_2021, row.target_2025, row.target_2030 = baseline, 45, 60.5
    row.latest_value, row.latest_year, row.source = latest, 2024, source
    row.save()
    return report


@pytest.fixture
def cycle(db):
    return make_cycle()


@pytest.fixture
def draft(focal_point, cycle):
    """Thailand's draft for the open cycle."""
    return start(focal_point, cycle)


@pytest.fixture
def report(focal_point, staff, draft):
    """Thailand's published report for the open cycle, with figures for older women's pensions."""
    return published(with_pension_figures(draft), focal_point, staff)


@pytest.fixture
def unpublished(other_focal_point, staff, cycle):
    """Fiji's report, returned for revision, and Kazakhstan's, submitted: neither may appear anywhere."""
    fiji = with_pension_figures(start(other_focal_point, cycle), baseline=99.9, source="Returned")
    fiji = submitted(fiji, other_focal_point)
    with emails_sent():
        fiji = services.return_report(fiji, actor=staff, ip=IP, comment="Please add sources.")
    kazakhstan = make_focal_point("kz@example.org", "Aigerim", "KAZ", is_lead=True)
    submitted(with_pension_figures(start(kazakhstan, cycle), baseline=88.8), kazakhstan)
    return fiji


def pension_rows(rows):
    return {row["VALUE_TYPE"]: row for row in rows if row["CATEGORY"] == "PENSION" and row["SEX"] == "F"}


def test_it_gives_back_the_published_measure_statuses_as_csv(client, report, unpublished):
    response = client.get("/data/measure-statuses.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="measure-statuses.csv"'
    rows = csv_rows(response)
    assert list(rows[0]) == open_data.MEASURE_STATUSES.column_names
    assert [(row["REF_AREA_ISO3"], row["MEASURE"]) for row in rows] == [("THA", str(n)) for n in range(1, 13)]
    measure_7 = rows[6]
    assert measure_7["REF_AREA"] == "764"
    assert measure_7["REF_AREA_NAME"] == "Thailand"
    assert measure_7["ESCAP_SUBREGION"] == "South-East Asia"
    assert measure_7["CYCLE"] == report.cycle.slug
    assert (measure_7["STATUS"], measure_7["STATUS_NAME"]) == ("in-progress", "In progress")
    assert measure_7["REPORT_VERSION"] == "1"
    assert measure_7["REPORT_URL"] == f"http://testserver/reports/tha/{report.cycle.slug}/versions/1/"
    assert measure_7["REPORT_PUBLISHED"] == timezone.localdate(report.published_at).isoformat()
    assert measure_7["SAMPLE"] == "false"


def test_sample_reports_are_marked_as_sample(client, report):
    report.is_sample = True
    report.save()
    assert {row["SAMPLE"] for row in csv_rows(client.get("/data/measure-statuses.csv"))} == {"true"}
    with_pension_figures(report)
    assert {row["SAMPLE"] for row in json_rows(client.get("/data/coverage.json"))} == {True}


def test_it_gives_back_the_published_coverage_values_as_csv_and_json(client, report, unpublished):
    csv_pension = pension_rows(csv_rows(client.get("/data/coverage.csv")))
    json_response = client.get("/data/coverage.json")
    every_json_row = json_rows(json_response)
    json_pension = pension_rows(every_json_row)

    assert json_response["Content-Type"] == "application/json"
    expected = {
        "BASELINE_2021": (2021, Decimal("31.4")),
        "LATEST": (2024, Decimal("38.2")),
        "TARGET_2025": (2025, Decimal("45.0")),
        "TARGET_2030": (2030, Decimal("60.5")),
    }
    assert {key: (int(row["TIME_PERIOD"]), Decimal(row["OBS_VALUE"])) for key, row in csv_pension.items()} == expected
    assert {key: (row["TIME_PERIOD"], Decimal(str(row["OBS_VALUE"]))) for key, row in json_pension.items()} == expected
    for row in [*csv_pension.values(), *json_pension.values()]:
        assert row["ILO_SERIES"] == "SOC_CONTIG_PENSION"
        assert row["UNIT_MEASURE"] == "PT"
        assert row["SOURCE"] == "Social Security Office"
    assert json_pension["LATEST"]["REF_AREA"] == 764
    # Only the values the report gives have a row: nothing else of Thailand's table was filled in.
    assert {row["REF_AREA_ISO3"] for row in every_json_row} == {"THA"}
    assert len(every_json_row) == 4


def test_drafts_submitted_and_returned_reports_never_appear(client, focal_point, unpublished, cycle):
    start(focal_point, cycle)  # Thailand's draft

    for name in ["measure-statuses", "coverage"]:
        assert csv_rows(client.get(f"/data/{name}.csv")) == []
        assert json_rows(client.get(f"/data/{name}.json")) == []
    assert unpublished.state == ReportState.RETURNED


def test_a_newer_published_version_replaces_the_older_one(client, focal_point, staff, report, cycle):
    second = start(focal_point, cycle)
    section = second.sections.get(measure__number=7)
    section.status = "in-place"
    section.save()
    with_pension_figures(second, latest=41.0)
    published(second, focal_point, staff)

    statuses = csv_rows(client.get("/data/measure-statuses.csv"))
    coverage = pension_rows(json_rows(client.get("/data/coverage.json")))

    assert len(statuses) == 12
    assert {row["REPORT_VERSION"] for row in statuses} == {"2"}
    assert statuses[6]["STATUS"] == "in-place"
    assert coverage["LATEST"]["OBS_VALUE"] == 41.0
    assert coverage["LATEST"]["REPORT_URL"].endswith(f"/reports/tha/{cycle.slug}/versions/2/")


def test_a_file_changes_the_moment_a_report_is_published(client, focal_point, staff, draft):
    assert csv_rows(client.get("/data/measure-statuses.csv")) == []

    published(draft, focal_point, staff)

    assert len(csv_rows(client.get("/data/measure-statuses.csv"))) == 12


def test_country_names_keep_their_letters(client, staff, cycle):
    turkiye = make_focal_point("tr@example.org", "Ayşe", "TUR", is_lead=True)
    published(start(turkiye, cycle), turkiye, staff)

    raw = body(client.get("/data/measure-statuses.csv"))

    assert not raw.startswith(b"\xef\xbb\xbf")  # no byte-order mark: it would join the first column's name
    assert csv_rows(client.get("/data/measure-statuses.csv"))[0]["REF_AREA_NAME"] == "Türkiye"
    assert json_rows(client.get("/data/measure-statuses.json"))[0]["REF_AREA_NAME"] == "Türkiye"


def test_the_files_filter_by_country_in_any_case_and_by_cycle(client, staff, report, cycle):
    earlier = make_cycle("2024", opened_days_ago=800, deadline_in_days=-700)
    fiji = make_focal_point("fj@example.org", "Mere", "FJI", is_lead=True)
    published(start(fiji, earlier), fiji, staff)

    thailand = client.get("/data/measure-statuses.csv?country=tha")
    assert {row["REF_AREA_ISO3"] for row in csv_rows(thailand)} == {"THA"}
    assert thailand["Content-Disposition"] == 'attachment; filename="measure-statuses-tha.csv"'
    assert {row["CYCLE"] for row in csv_rows(client.get("/data/measure-statuses.csv?cycle=2024"))} == {"2024"}
    assert {row["REF_AREA_ISO3"] for row in json_rows(client.get("/data/coverage.json?country=FJI&cycle=2024"))} <= {
        "FJI"
    }
    both = csv_rows(client.get(f"/data/measure-statuses.csv?country=FJI&cycle={cycle.slug}"))
    assert both == []


@pytest.mark.parametrize("query", ["country=JPN", "cycle=1999", "country=jpn&cycle=2026"])
def test_a_filter_that_matches_nothing_gives_the_header_only(client, report, query):
    response = client.get(f"/data/coverage.csv?{query}")

    assert response.status_code == 200
    assert body(response).decode() == ",".join(open_data.COVERAGE.column_names) + "\r\n"
    assert json_rows(client.get(f"/data/coverage.json?{query}")) == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("country=TH", "three-letter ISO 3166 code"),
        ("country=<script>alert(1)</script>", "three-letter ISO 3166 code"),
        ("country=' OR 1=1 --", "three-letter ISO 3166 code"),
        ("cycle=../../etc/passwd", "reporting cycle's short name"),
        ("cycle=" + "9" * 61, "reporting cycle's short name"),
        ("cycle=%E2%80%AE2026", "reporting cycle's short name"),
    ],
)
def test_a_filter_of_the_wrong_shape_is_refused_with_what_is_expected(client, report, query, message):
    for extension in ["csv", "json"]:
        response = client.get(f"/data/coverage.{extension}?{query}")

        assert response.status_code == 400
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert message in response.content.decode()


def test_only_the_two_tables_have_files(client):
    assert client.get("/data/users.csv").status_code == 404
    assert client.get("/data/coverage.xml").status_code == 404


def test_the_datapackage_is_valid_and_describes_the_files_as_they_are(client, report, tmp_path):
    response = client.get("/data/datapackage.json")
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="datapackage.json"'
    descriptor = json.loads(response.content)
    assert descriptor["profile"] == "tabular-data-package"
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    statuses = descriptor["resources"][0]["schema"]
    assert [field["name"] for field in statuses["fields"]] == open_data.MEASURE_STATUSES.column_names
    assert statuses["primaryKey"] == ["REF_AREA", "CYCLE", "MEASURE"]
    assert statuses["missingValues"] == [""]

    (tmp_path / "datapackage.json").write_bytes(response.content)
    for name in open_data.TABLES:
        (tmp_path / f"{name}.csv").write_bytes(body(client.get(f"/data/{name}.csv")))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [task.stats["rows"] for task in report.tasks] == [12, 4]


def test_the_zip_holds_every_file_the_datapackage_and_a_readme(client, report):
    response = client.get("/data/spot-open-data.zip")

    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="spot-open-data.zip"'
    archive = zipfile.ZipFile(io.BytesIO(body(response)))
    assert archive.testzip() is None
    assert archive.namelist() == [
        "measure-statuses.csv",
        "measure-statuses.json",
        "coverage.csv",
        "coverage.json",
        "datapackage.json",
        "README.txt",
    ]
    assert archive.read("coverage.csv") == body(client.get("/data/coverage.csv"))
    assert json.loads(archive.read("measure-statuses.json")) == json_rows(client.get("/data/measure-statuses.json"))
    assert json.loads(archive.read("datapackage.json"))["resources"][1]["name"] == "coverage"
    readme = archive.read("README.txt").decode()
    for table in open_data.TABLES.values():
        for column in table.columns:
            assert f"{column.name} ({column.type}): {column.description}" in readme
    assert "CC-BY-4.0" in readme
    assert "http://testserver/data/" in readme


def grow(staff, *, versions=2):
    """Eight countries, each with several published versions of full reports in two cycles."""
    cycles = [make_cycle("grown"), make_cycle("older", opened_days_ago=800, deadline_in_days=-700)]
    for index, iso3 in enumerate(["IDN", "PHL", "VNM", "KHM", "LAO", "MYS", "SGP", "BRN"]):
        author = make_focal_point(f"fp{index}@example.org", f"Person {index}", iso3)
        for reporting_cycle in cycles:
            for _version in range(versions):
                report = start(author, reporting_cycle)
                for row in report.coverage.all():
                    row.baseline_2021, row.target_2030, row.latest_value, row.latest_year = 20, 60, 30, 2024
                    row.save()
                published(report, author, staff)


def test_each_file_is_read_with_one_query_and_the_zip_with_four(client, staff, django_assert_num_queries):
    grow(staff)

    with django_assert_num_queries(1):
        assert len(csv_rows(client.get("/data/measure-statuses.csv"))) == 8 * 2 * 12
    with django_assert_num_queries(1):
        assert len(json_rows(client.get("/data/coverage.json"))) == 8 * 2 * 25 * 3
    with django_assert_num_queries(1):
        assert len(csv_rows(client.get("/data/coverage.csv?country=idn&cycle=GROWN"))) == 25 * 3
    with django_assert_num_queries(4):
        body(client.get("/data/spot-open-data.zip"))
    with django_assert_num_queries(0):
        client.get("/data/datapackage.json")


def test_the_data_page_documents_every_column_the_licence_and_the_citation(client):
    response = client.get("/data/")

    for table in open_data.TABLES.values():
        assertContains(response, f'href="/data/{table.name}.csv"')
        assertContains(response, f'href="/data/{table.name}.json"')
        for column in table.columns:
            assertContains(response, f"<code>{column.name}</code>", html=False)
            assertContains(response, escape(column.description))
    assertContains(response, 'href="/data/datapackage.json"')
    assertContains(response, 'href="/data/spot-open-data.zip"')
    assertContains(response, 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"')
    assertContains(response, "Retrieved ")
    assertContains(response, "from http://testserver/data/")


def test_the_data_page_is_cached_and_uses_no_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/data/").status_code == 200


def test_every_country_has_its_un_m49_code():
    codes = dict(Country.objects.values_list("iso3", "m49"))

    assert codes["THA"] == 764 and codes["AFG"] == 4 and codes["HKG"] == 344
    assert codes == {iso3: int(pycountry.countries.get(alpha_3=iso3).numeric) for iso3 in codes}


def test_the_files_are_the_same_in_every_language_of_the_portal(client, report):
    for path in ["data/coverage.csv", "data/measure-statuses.json"]:
        english = body(client.get(f"/{path}"))
        for prefix in ["fr", "ru", "zh-hans"]:
            assert body(client.get(f"/{prefix}/{path}")) == english
        assert b"/reports/tha/" in english and b"/fr/" not in english
    assert b'"STATUS_NAME": "In progress"' in english
    assert client.get("/fr/data/").status_code == 200
