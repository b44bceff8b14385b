"""Starting a report for an open cycle: empty, from the last published report, or as a new version."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.asserts import assertContains, assertNotContains

from progress_reports import services
from progress_reports.models import ProgressReport, ReportState
from tests.progress_reports.conftest import IP, make_cycle, pdf_bytes, published, start

pytestmark = pytest.mark.django_db


def test_the_workspace_offers_to_start_the_report_of_an_open_cycle(focal_point_client, cycle):
    response = focal_point_client.get("/my/")
    assertContains(response, "Progress reports of Thailand")
    assertContains(response, 'href="/my/reports/start/2026/"')
    assertContains(response, "Your country has not started its report for this cycle yet.")


def test_a_focal_point_starts_an_empty_report_with_every_measure(focal_point_client, cycle):
    response = focal_point_client.post("/my/reports/start/2026/")
    report = ProgressReport.objects.get()
    assert response["Location"] == f"/my/reports/{report.pk}/"
    assert (report.country.iso3, report.version, report.state) == ("THA", 1, ReportState.DRAFT)
    assert report.sections.count() == 12
    assert report.coverage.count() == 25
    assert report.transitions.get().to_state == ReportState.DRAFT


def test_it_starts_from_the_last_published_report_when_asked(focal_point, focal_point_client, staff):
    earlier = make_cycle("2024", opened_days_ago=900, deadline_in_days=-700)
    old = start(focal_point, earlier)
    old.summary = "What we did by 2024."
    old.save()
    published(old, focal_point, staff)
    earlier.closed_at = old.published_at
    earlier.save()
    make_cycle("2026")
    page = focal_point_client.get("/my/reports/start/2026/")
    assertContains(page, "From our last published report, to update it")
    focal_point_client.post("/my/reports/start/2026/", {"prefill": "yes"})
    report = ProgressReport.objects.get(cycle__slug="2026")
    assert report.summary == "What we did by 2024."
    assert report.based_on is None  # a first version of this cycle revises nothing
    assert report.sections.get(measure__number=3).actions_taken == "We extended the child benefit. (measure 3)"


def test_it_starts_empty_when_asked(focal_point, focal_point_client, staff):
    earlier = make_cycle("2024", opened_days_ago=900, deadline_in_days=-700)
    published(start(focal_point, earlier), focal_point, staff)
    make_cycle("2026")
    focal_point_client.post("/my/reports/start/2026/", {"prefill": "no"})
    assert ProgressReport.objects.get(cycle__slug="2026").summary == ""


def test_a_new_version_starts_from_the_published_one_with_its_files(focal_point, focal_point_client, staff, cycle):
    first = start(focal_point, cycle)
    services.add_attachment(
        first, actor=focal_point, ip=IP, upload=SimpleUploadedFile("annex.pdf", pdf_bytes()), kind="pdf"
    )
    published(first, focal_point, staff)
    assertContains(focal_point_client.get("/my/"), "Start a new version")
    focal_point_client.post("/my/reports/start/2026/")
    second = ProgressReport.objects.get(version=2)
    assert second.based_on == first and second.state == ReportState.DRAFT
    assert second.summary == first.summary
    copied, original = second.attachments.get(), first.attachments.get()
    assert copied.original_name == "annex.pdf" and copied.file.name != original.file.name


def test_starting_twice_leads_to_the_report_in_progress(focal_point_client, draft):
    response = focal_point_client.post("/my/reports/start/2026/", follow=True)
    assertContains(response, "already started")
    assert ProgressReport.objects.count() == 1


@pytest.mark.parametrize("closed, opened_days_ago", [(True, 10), (False, -5)])
def test_a_closed_or_unopened_cycle_accepts_no_new_report(focal_point_client, closed, opened_days_ago):
    make_cycle("2026", closed=closed, opened_days_ago=opened_days_ago, deadline_in_days=60)
    response = focal_point_client.post("/my/reports/start/2026/")
    assertContains(response, "is not open", status_code=403)
    assert not ProgressReport.objects.exists()


def test_staff_choose_the_country_whose_report_they_start(staff_client, cycle):
    page = staff_client.get("/my/reports/start/2026/")
    assertContains(page, "<h1>Start a report on a country's behalf</h1>", html=True)
    assertContains(page, '<option value="THA">Thailand</option>', html=True)
    staff_client.post("/my/reports/start/2026/")  # no country chosen: nothing starts
    assert not ProgressReport.objects.exists()


def test_staff_are_told_to_choose_a_country_from_the_list(staff_client, cycle):
    page = staff_client.get("/my/reports/start/2026/", {"country": "XXX"})
    assertContains(page, "Error: Start a report for")
    assertContains(page, "Choose a country from the list", count=2)
    assertContains(staff_client.get("/my/reports/start/2026/", {"country": ""}), "Choose the country whose report")


def test_staff_start_a_report_on_a_country_s_behalf(staff, staff_client, focal_point, focal_point_client, cycle):
    page = staff_client.get("/my/reports/start/2026/", {"country": "THA"})
    assertContains(page, "Start the progress report of Thailand")
    assertContains(page, "only they can submit it")
    response = staff_client.post("/my/reports/start/2026/?country=THA", follow=True)
    report = ProgressReport.objects.get()
    assert (report.country.iso3, report.created_by, report.state) == ("THA", staff, ReportState.DRAFT)
    assertContains(response, "The report of Thailand is started on its focal points&#x27; behalf.")
    # The country's focal points find it in their workspace and can submit it; staff cannot.
    assertContains(focal_point_client.get("/my/"), f'href="/my/reports/{report.pk}/"')
    assert staff_client.post(f"/my/reports/{report.pk}/submit/").status_code == 403


def test_staff_starting_a_report_already_started_are_led_to_it(staff_client, draft):
    response = staff_client.post("/my/reports/start/2026/?country=THA", follow=True)
    assertContains(response, "The report of Thailand for this cycle is already started")
    assert ProgressReport.objects.count() == 1


def test_staff_cannot_start_a_report_in_a_closed_cycle(staff_client):
    make_cycle("2026", closed=True)
    assertContains(staff_client.get("/my/reports/start/2026/"), "is not open", status_code=403)
    assertContains(staff_client.post("/my/reports/start/2026/?country=THA"), "is not open", status_code=403)
    assert not ProgressReport.objects.exists()


def test_the_cycle_list_offers_staff_to_start_a_report_for_an_open_cycle(staff_client, cycle):
    make_cycle("2024", closed=True, opened_days_ago=900, deadline_in_days=-700)
    page = staff_client.get("/review/cycles/")
    assertContains(page, 'href="/my/reports/start/2026/"', count=1)
    assertNotContains(page, 'href="/my/reports/start/2024/"')


def test_people_without_a_country_do_not_start_reports(client, cycle):
    from tests.conftest import PASSWORD, make_user

    make_user("someone@example.org", "Someone")
    client.login(email="someone@example.org", password=PASSWORD)
    assertContains(client.post("/my/reports/start/2026/"), "Only a country", status_code=403)
    assert client.get("/my/reports/start/unknown/").status_code == 404
    assert not ProgressReport.objects.exists()
