"""The public report pages: the list, a report and its versions, what changed, and the PDF."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader
from pytest_django.asserts import assertContains, assertNotContains

from progress_reports import services
from progress_reports.models import ProgressReport, ReportState
from spot import public_cache
from tests.conftest import make_focal_point
from tests.progress_reports.conftest import (
    IP,
    complete,
    make_cycle,
    pdf_bytes,
    published,
    section_data,
    start,
    submitted,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(focal_point, staff, draft):
    """Thailand's published report, with coverage figures."""
    row = draft.coverage.get(category__code="PENSION", sex="female")
    row.baseline_2021, row.target_2025, row.target_2030, row.latest_value, row.latest_year = 31.4, 45, 60.5, 38.2, 2024
    row.source = "Social Security Office"
    row.save()
    return published(draft, focal_point, staff)


def grow(staff, *, versions=3, attachments=4):
    """Many countries, each with several published versions with files and full coverage tables."""
    cycle = make_cycle("grown", title="Grown cycle")
    for index, iso3 in enumerate(["IDN", "PHL", "VNM", "KHM", "LAO", "MYS", "SGP", "BRN"]):
        author = make_focal_point(f"fp{index}@example.org", f"Person {index}", iso3)
        for _version in range(versions):
            report = start(author, cycle)
            for number in range(attachments):
                upload = SimpleUploadedFile(f"annex {number}.pdf", pdf_bytes())
                services.add_attachment(report, actor=author, ip=IP, upload=upload, kind="pdf")
            for row in report.coverage.all():
                row.baseline_2021, row.target_2030, row.latest_value, row.latest_year = 20, 60, 30, 2024
                row.save()
            published(report, author, staff)
    return cycle


def test_it_lists_published_reports_with_filters(client, report):
    response = client.get("/reports/")
    assertContains(response, 'href="/reports/tha/2026/"')
    assertContains(response, "1 report")
    assertContains(response, "0 of 12")  # every measure "in progress": none largely or fully in place
    assertContains(client.get("/reports/?subregion=sea&cycle=2026"), 'href="/reports/tha/2026/"')
    filtered = client.get("/reports/?subregion=pacific")
    assertNotContains(filtered, 'href="/reports/tha/2026/"')
    assertContains(filtered, "No published report matches these filters.")


@pytest.mark.parametrize("query", ["cycle=nope", "country=ZZZ", "subregion=mars", "page=-1", "page=99999999999999"])
def test_unknown_filter_values_are_not_errors(client, report, query):
    assert client.get(f"/reports/?{query}").status_code == 200


def test_the_list_uses_a_fixed_number_of_queries(client, staff, django_assert_num_queries):
    grow(staff)
    with django_assert_num_queries(4):  # the reports on the page, their count, the filter's cycles and countries
        response = client.get("/reports/")
    assertContains(response, "8 reports")


def test_a_report_page_shows_everything_the_country_published(client, report):
    response = client.get("/reports/tha/2026/")
    assertContains(response, "<h1>Thailand: Progress reports 2026</h1>", html=False)
    assertContains(response, "Our progress since 2024.")
    assertContains(response, "We extended the child benefit. (measure 9)")
    assertContains(response, "Older persons receiving a pension")
    assertContains(response, "31.4%")
    assertContains(response, '38.2% <span class="muted">(2024)</span>')
    assertContains(response, "<svg")
    assertContains(response, '<title id="coverage-chart-title">')
    assertContains(response, 'href="/reports/tha/2026/report.pdf"')
    assertContains(response, "Version 1</strong> (this page)")


def test_a_report_page_uses_a_fixed_number_of_queries(client, staff, django_assert_num_queries):
    grow(staff, versions=3, attachments=5)
    # report, sections, coverage rows, attachments, versions
    with django_assert_num_queries(5):
        response = client.get("/reports/idn/grown/")
    assertContains(response, "annex 4.pdf")
    with django_assert_num_queries(5):
        client.get("/reports/idn/grown/versions/2/")


def test_each_version_stays_readable_at_its_own_address(client, focal_point, staff, report, cycle):
    second = start(focal_point, cycle)
    assert (second.version, second.based_on_id) == (2, report.pk)
    second.summary = "Revised summary."
    second.save()
    published(second, focal_point, staff)
    assertContains(client.get("/reports/tha/2026/"), "Revised summary.")
    old = client.get("/reports/tha/2026/versions/1/")
    assertContains(old, "Our progress since 2024.")
    assertContains(old, "which a later version replaces")
    assert client.get("/reports/tha/2026/versions/3/").status_code == 404


def test_what_changed_shows_exactly_the_edited_sections(client, focal_point, focal_point_client, staff, report, cycle):
    second = start(focal_point, cycle)
    focal_point_client.post(
        f"/my/reports/{second.pk}/sections/3/",
        section_data(second, 3, actions_taken="We extended the child benefit to all islands. (measure 3)"),
    )
    focal_point_client.post(
        f"/my/reports/{second.pk}/sections/7/",
        section_data(
            second, 7, **{"cov-PENSION-female-latest_value": "41.0", "cov-PENSION-female-latest_year": "2025"}
        ),
    )
    second.refresh_from_db()
    published(second, focal_point, staff)

    response = client.get("/reports/tha/2026/versions/2/changes/")
    content = response.content.decode()
    assert content.count('class="change"') == 2
    assert "Measure 3: Shock-responsive, gender-sensitive systems" in content
    assert "Measure 7: National coverage targets (SDG 1.3)" in content
    assert "Measure 4:" not in content.split("What changed in version 2</h1>")[1]
    assertContains(response, '<ins><span class="visually-hidden">[added: </span>benefit to all islands.')
    assertContains(response, "Older persons receiving a pension, female: Latest value (%)")
    assertContains(response, '<del><span class="visually-hidden">[deleted: </span>38.2')


def test_what_changed_escapes_what_countries_typed(client, focal_point, staff, report, cycle):
    second = start(focal_point, cycle)
    section = second.sections.get(measure__number=1)
    section.actions_taken = "<script>alert('x')</script> and more"
    section.save()
    published(second, focal_point, staff)
    response = client.get("/reports/tha/2026/versions/2/changes/")
    assertNotContains(response, "<script>alert")
    assertContains(response, "&lt;script&gt;alert")


def test_the_first_version_has_nothing_to_compare_with(client, report):
    assertContains(client.get("/reports/tha/2026/versions/1/changes/"), "This is the first published version")


def test_the_pdf_opens_and_holds_the_reports_text_and_coverage_numbers(client, report):
    response = client.get("/reports/tha/2026/report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="spot-progress-report-tha-2026-v1.pdf"' in response["Content-Disposition"]
    document = response.content
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(document)).pages)
    text = " ".join(text.split())
    assert "Thailand: Progress reports 2026" in text
    assert "Our progress since 2024." in text
    assert "We extended the child benefit. (measure 12)" in text
    assert "Older persons receiving a pension" in text
    for number in ["31.4%", "38.2%", "45.0%", "60.5%"]:
        assert number in text


def test_the_pdf_is_rendered_once_and_anew_when_the_cycle_is_renamed(client, report, cycle):
    from django.core.files.storage import default_storage

    from progress_reports.pdf import stored_name

    first = client.get("/reports/tha/2026/report.pdf").content
    assert default_storage.exists(stored_name(report))
    assert client.get("/reports/tha/2026/versions/1/report.pdf").content == first
    cycle.title = "Voluntary reports 2026"
    cycle.save()
    public_cache.bump()  # as staff's save of a cycle does (services.save_cycle)
    renamed = ProgressReport.objects.select_related("cycle", "country").get(pk=report.pk)
    assert stored_name(renamed) != stored_name(report)
    document = client.get("/reports/tha/2026/report.pdf").content
    assert "Voluntary reports 2026" in " ".join(page.extract_text() for page in PdfReader(io.BytesIO(document)).pages)


def test_the_pdf_is_rendered_as_the_report_is_published(focal_point, staff, draft, settings):
    from django.core.files.storage import default_storage

    from progress_reports.pdf import stored_name

    settings.REPORT_PDF_ON_PUBLISH = True
    report = published(draft, focal_point, staff)
    report = ProgressReport.objects.select_related("cycle", "country").get(pk=report.pk)
    assert default_storage.exists(stored_name(report))


def test_the_report_page_has_a_print_stylesheet(client, report):
    assertContains(client.get("/reports/tha/2026/"), 'href="/static/css/report-print.css" media="print"')


def test_a_report_of_a_country_that_never_published_is_not_found(client, report):
    assert client.get("/reports/fji/2026/").status_code == 404
    assert client.get("/reports/xyz/2026/").status_code == 404
    assert client.get("/reports/tha/unknown-cycle/").status_code == 404


def test_the_query_vocabulary_finds_the_latest_published_versions(focal_point, staff, report, cycle):
    second = published(start(focal_point, cycle), focal_point, staff)
    third = start(focal_point, cycle)  # a draft: never the latest published
    assert list(ProgressReport.objects.latest_published()) == [second]
    assert list(ProgressReport.objects.latest_published_per_country()) == [second]
    assert set(ProgressReport.objects.published()) == {report, second}
    assert set(ProgressReport.objects.for_country(third.country).unpublished()) == {third}
    assert third.state == ReportState.DRAFT


def test_latest_published_per_country_prefers_the_most_recent_cycle(focal_point, staff, report):
    earlier = make_cycle("2024", opened_days_ago=900, deadline_in_days=-700)
    old = published(complete(start(focal_point, earlier)), focal_point, staff)
    assert old.version == 1
    assert list(ProgressReport.objects.latest_published_per_country()) == [report]
    assert set(ProgressReport.objects.latest_published()) == {report, old}


def test_it_is_submitted_only_once_per_cycle_in_progress(focal_point, cycle, report):
    draft = start(focal_point, cycle)
    with pytest.raises(services.ReportRefused):
        start(focal_point, cycle)
    submitted(draft, focal_point)


def test_the_pdf_is_in_the_language_of_the_page_it_is_downloaded_from(client, report):
    def text(path):
        document = client.get(path).content
        return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(document)).pages).split())

    french = text("/fr/reports/tha/2026/report.pdf")
    assert "Publié le" in french and "Our progress since 2024." in french  # the report's own text as written
    english = text("/reports/tha/2026/report.pdf")  # not the French one, kept first
    assert "Published" in english and "Publié le" not in english
