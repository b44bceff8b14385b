"""Every change a person makes that a public page shows is seen at the next anonymous request of that page.

Each test fills the page cache with every page that shows the change, in every language (and proves
they are served from it), makes the change through the web views or the admin as a person does, then
asks each page once more as an anonymous visitor.
"""

import io
import zipfile
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from focal_points.models import FocalPoint
from good_practices.models import GoodPractice
from measures.models import Measure
from progress_reports.models import ImplementationStatus, ProgressReport
from spot.models import Country
from tests.conftest import emails_sent, make_focal_point
from tests.good_practices.conftest import make_practice, submitted_practice
from tests.progress_reports.conftest import (
    complete,
    make_cycle,
    overview_data,
    published,
    section_data,
    start,
    submitted,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    """An anonymous visitor (the `client` fixture is the one `superuser_client` signs in)."""
    return Client()


PREFIXES = ["", "/fr", "/ru", "/zh-hans"]


def everywhere(*paths):
    """Each path under every language prefix."""
    return [prefix + path for prefix in PREFIXES for path in paths]


def in_language(path):
    prefix = next((prefix for prefix in PREFIXES[1:] if path.startswith(prefix + "/")), "")
    return prefix


def cached(visitor, paths, django_assert_num_queries, status_code=200):
    """Ask for every page twice: the second answer must come from the cache. Returns the answers."""
    answers = {}
    for path in paths:
        assert visitor.get(path).status_code == status_code, path
        with django_assert_num_queries(0):
            answers[path] = visitor.get(path)
    return answers


def fresh(visitor, paths, status_code=200):
    """Ask for every page once: it must be rendered afresh (with SQL queries), not served from the cache."""
    answers = {}
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            answers[path] = visitor.get(path)
        assert answers[path].status_code == status_code, path
        assert len(queries) > 0, f"{path} was served from the cache"
    return answers


class FormReader(HTMLParser):
    """The values a browser would send for the first form with a submit button named `_save` (the admin's)."""

    def __init__(self):
        super().__init__()
        self.data, self.textarea, self.select, self.in_form = {}, None, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.in_form = True
        if not self.in_form or not name:
            if tag == "option" and self.select and "selected" in attrs:
                self.data[self.select] = attrs.get("value", "")
            return
        if tag == "input" and attrs.get("type") not in ("submit", "button", "checkbox", "file"):
            self.data[name] = attrs.get("value", "")
        elif tag == "input" and attrs.get("type") == "checkbox" and "checked" in attrs:
            self.data[name] = attrs.get("value", "on")
        elif tag == "textarea":
            self.textarea = name
            self.data[name] = ""
        elif tag == "select":
            self.select = name

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += data


def save_in_admin(client, url, **changes):
    reader = FormReader()
    reader.feed(client.get(url).content.decode())
    with emails_sent():  # what the save commits to do: a new public content version
        response = client.post(url, {**reader.data, **changes, "_save": "Save"})
    assert response.status_code == 302, response.content.decode()[:3000]


# Progress reports ------------------------------------------------------------------------------------------

REPORT_PAGES = ["/", "/countries/tha/", "/measures/5/", "/reports/", "/dashboard/"]


def test_a_published_report_shows_on_every_page_in_every_language(
    visitor, focal_point, staff_client, django_assert_num_queries
):
    cycle = make_cycle()
    report = complete(start(focal_point, cycle))
    report.sections.filter(measure__number=5).update(status=ImplementationStatus.IN_PLACE)
    submitted(report, focal_point)
    before = cached(visitor, everywhere(*REPORT_PAGES), django_assert_num_queries)
    for path, response in before.items():
        assertNotContains(response, f"{in_language(path)}/reports/tha/2026/")
    assert visitor.get("/reports/tha/2026/").status_code == 404

    with emails_sent():
        response = staff_client.post(f"/review/reports/{report.pk}/publish/", {"comment": ""})
    assert response.status_code == 302

    after = fresh(visitor, everywhere(*REPORT_PAGES))
    for prefix in PREFIXES:
        for path in REPORT_PAGES[1:]:
            assertContains(after[prefix + path], f"{prefix}/reports/tha/2026/")
        assertContains(after[f"{prefix}/"], "bar__fill--1")  # South-East Asia: 1 of 11 countries published
        assertContains(after[f"{prefix}/measures/5/"], "status--in-place")
        assertContains(after[f"{prefix}/dashboard/"], f'href="{prefix}/reports/tha/2026/#measure-5"')
    fresh(visitor, everywhere("/reports/tha/2026/", "/reports/tha/2026/versions/1/"))


OPEN_DATA_FILES = [
    "/data/coverage.csv",
    "/data/coverage.json",
    "/data/measure-statuses.csv",
    "/data/measure-statuses.json",
    "/data/coverage.csv?country=THA",
]


def file_text(response):
    """The open data a download holds: the file itself, or the zip's tables (CSV)."""
    if response["Content-Type"] == "application/zip":
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            return "".join(archive.read(name).decode() for name in archive.namelist() if name.endswith(".csv"))
    return response.content.decode()


def test_a_published_report_shows_in_the_open_data_files_in_every_language(
    visitor, focal_point, staff_client, django_assert_num_queries
):
    report = start(focal_point, make_cycle())
    report.coverage.filter(category__code="PENSION", sex="female").update(baseline_2021=31.4)
    report = submitted(complete(report), focal_point)
    paths = everywhere(*OPEN_DATA_FILES, "/data/spot-open-data.zip")
    before = cached(visitor, paths, django_assert_num_queries)
    for path, response in before.items():
        assert "/reports/tha/2026/" not in file_text(response), path

    with emails_sent():
        assert staff_client.post(f"/review/reports/{report.pk}/publish/", {"comment": ""}).status_code == 302

    after = fresh(visitor, paths)
    for path, response in after.items():
        assert "/reports/tha/2026/" in file_text(response), path


def test_a_new_version_shows_once_published_and_not_while_it_is_returned(
    visitor, focal_point, staff, staff_client, django_assert_num_queries
):
    cycle = make_cycle()
    with emails_sent():
        first = published(start(focal_point, cycle, prefill=False), focal_point, staff)
    member = Client()
    member.force_login(focal_point)
    member.post("/my/reports/start/2026/")
    second = ProgressReport.objects.get(based_on=first)
    with emails_sent():
        member.post(f"/my/reports/{second.pk}/summary/", overview_data(second, summary="Our second summary, revised."))
    with emails_sent():
        member.post(
            f"/my/reports/{second.pk}/sections/5/", section_data(second, 5, status=ImplementationStatus.NOT_STARTED)
        )
    with emails_sent():
        member.post(f"/my/reports/{second.pk}/submit/", {})
    pages = everywhere("/reports/tha/2026/", "/countries/tha/", "/measures/5/")

    before = cached(visitor, pages, django_assert_num_queries)
    for _path, response in before.items():
        assertNotContains(response, "status--not-started")
    with emails_sent():
        staff_client.post(f"/review/reports/{second.pk}/return/", {"return-comment": "Say more on measure 5."})
    for path in pages:  # a returned version is not public: the pages stay as they were
        response = visitor.get(path)
        assertNotContains(response, "status--not-started")
        assertNotContains(response, "Say more on measure 5.")

    submitted(ProgressReport.objects.get(pk=second.pk), focal_point)
    with emails_sent():
        response = staff_client.post(f"/review/reports/{second.pk}/publish/", {"comment": ""})
    assert response["Location"] == "/reports/tha/2026/versions/2/"

    after = fresh(visitor, pages)
    for prefix in PREFIXES:
        assertContains(after[f"{prefix}/countries/tha/"], "status--not-started")
        assertContains(after[f"{prefix}/measures/5/"], "status--not-started")
        assertContains(after[f"{prefix}/reports/tha/2026/"], "Our second summary, revised.")
    fresh(visitor, everywhere("/reports/tha/2026/versions/2/", "/reports/tha/2026/versions/2/changes/"))


def test_a_cycle_opened_and_closed_by_staff_shows_at_once(visitor, staff_client, django_assert_num_queries):
    pages = everywhere("/", "/reports/")
    cached(visitor, pages, django_assert_num_queries)
    data = {
        "title": "Progress reports 2027",
        "slug": "2027",
        "session": "Committee on Social Development, tenth session",
        "opens_on": "2026-01-15",
        "deadline": "2027-06-30",
    }
    with emails_sent():
        assert staff_client.post("/review/cycles/new/", data).status_code == 302
    for response in fresh(visitor, pages).values():
        assertContains(response, "Progress reports 2027")

    cached(visitor, pages, django_assert_num_queries)
    with emails_sent():
        assert staff_client.post("/review/cycles/2027/close/").status_code == 302
    fresh(visitor, pages)  # what a closed cycle shows (its deadline passed) is rendered afresh


# Good practices --------------------------------------------------------------------------------------------

TITLE = "Mobile payments reach island households"
PRACTICE_PAGES = ["/", "/countries/tha/", "/measures/4/", "/good-practices/", "/feeds/good-practices/"]


def practice_pages(practice):
    return everywhere(*PRACTICE_PAGES, f"/good-practices/?country={practice.country.iso3}&measure=4")


def test_a_practice_published_archived_and_republished_shows_each_time(
    visitor, focal_point, staff_client, django_assert_num_queries
):
    practice = submitted_practice(focal_point, title=TITLE, measures=(4,))
    pages = practice_pages(practice)
    detail = everywhere(f"/good-practices/{practice.slug}/")
    for response in cached(visitor, pages, django_assert_num_queries).values():
        assertNotContains(response, TITLE)

    def decide(action):
        practice.refresh_from_db()
        with emails_sent():
            response = staff_client.post(
                f"/review/practices/{practice.pk}/{action}/",
                {f"{action}-version": practice.version, f"{action}-comment": "As agreed."},
            )
        assert response.status_code == 302

    decide("publish")
    for response in fresh(visitor, pages).values():
        assertContains(response, TITLE)
    cached(visitor, pages + detail, django_assert_num_queries)

    decide("archive")
    for response in fresh(visitor, pages).values():
        assertNotContains(response, TITLE)
    fresh(visitor, detail, status_code=410)

    decide("republish")
    for response in fresh(visitor, pages + detail).values():
        assertContains(response, TITLE)


def test_an_update_of_a_published_practice_shows_once_published(
    visitor, focal_point, staff_client, django_assert_num_queries
):
    practice = make_practice(author=focal_point, title=TITLE, measures=(4,))
    member = Client()
    member.force_login(focal_point)
    member.post(f"/my/practices/{practice.pk}/update/")
    revision = GoodPractice.objects.get(revision_of=practice)
    GoodPractice.objects.filter(pk=revision.pk).update(title="Mobile payments reach every island household")
    with emails_sent():
        member.post(f"/my/practices/{revision.pk}/submit/", {})
    revision.refresh_from_db()
    pages = practice_pages(practice) + everywhere(f"/good-practices/{practice.slug}/")
    cached(visitor, pages, django_assert_num_queries)

    with emails_sent():
        staff_client.post(f"/review/practices/{revision.pk}/publish/", {"publish-version": revision.version})

    for response in fresh(visitor, pages).values():
        assertContains(response, "Mobile payments reach every island household")


# Focal points ----------------------------------------------------------------------------------------------


def test_a_listing_consent_given_and_withdrawn_shows_in_every_language(visitor, focal_point, django_assert_num_queries):
    pages = everywhere("/countries/tha/")
    member = Client()
    member.force_login(focal_point)
    for response in cached(visitor, pages, django_assert_num_queries).values():
        assertNotContains(response, "Niran Lead")

    with emails_sent():
        member.post("/my/membership/", {"position": "Director", "listed_publicly": "on"})
    for response in fresh(visitor, pages).values():
        assertContains(response, "Niran Lead, Director")

    cached(visitor, pages, django_assert_num_queries)
    with emails_sent():
        member.post("/my/membership/", {"position": "Director"})
    for response in fresh(visitor, pages).values():
        assertNotContains(response, "Niran Lead")


def test_a_listed_focal_point_renaming_themselves_shows_at_once(visitor, django_assert_num_queries):
    person = make_focal_point("listed@m.go.th", "Listed Person", "THA", listed_publicly=True)
    pages = everywhere("/countries/tha/")
    cached(visitor, pages, django_assert_num_queries)
    member = Client()
    member.force_login(person)
    with emails_sent():
        member.post("/my/account/", {"name": "Listed Person-Renamed", "language": "en"})
    for response in fresh(visitor, pages).values():
        assertContains(response, "Listed Person-Renamed")


def test_a_focal_point_deactivated_by_staff_leaves_the_country_page(
    visitor, staff_client, superuser_client, django_assert_num_queries
):
    person = make_focal_point("listed@m.go.th", "Listed Person", "THA", listed_publicly=True, agency="Rare Agency")
    membership = FocalPoint.objects.get(user=person)
    pages = everywhere("/countries/tha/")
    for response in cached(visitor, pages, django_assert_num_queries).values():
        assertContains(response, "Rare Agency")

    with emails_sent():
        response = superuser_client.post(
            "/admin/focal_points/focalpoint/", {"action": "deactivate", "_selected_action": [membership.pk]}
        )
    assert response.status_code == 302
    for response in fresh(visitor, pages).values():
        assertNotContains(response, "Rare Agency")
        assertNotContains(response, "Listed Person")


def test_a_membership_changed_in_the_admin_shows_at_once(visitor, superuser_client, django_assert_num_queries):
    person = make_focal_point("listed@m.go.th", "Listed Person", "THA", agency="Rare Agency")
    membership = FocalPoint.objects.get(user=person)
    pages = everywhere("/countries/tha/")
    for response in cached(visitor, pages, django_assert_num_queries).values():
        assertNotContains(response, "Listed Person")

    save_in_admin(
        superuser_client,
        f"/admin/focal_points/focalpoint/{membership.pk}/change/",
        listed_publicly="on",
        agency="Renamed Agency",
    )
    for response in fresh(visitor, pages).values():
        assertContains(response, "Listed Person")
        assertContains(response, "Renamed Agency")


def test_a_name_changed_in_the_admin_shows_at_once(visitor, superuser_client, django_assert_num_queries):
    person = make_focal_point("listed@m.go.th", "Listed Person", "THA", listed_publicly=True)
    pages = everywhere("/countries/tha/")
    cached(visitor, pages, django_assert_num_queries)
    save_in_admin(superuser_client, f"/admin/spot/user/{person.pk}/change/", name="Listed Person-Renamed")
    for response in fresh(visitor, pages).values():
        assertContains(response, "Listed Person-Renamed")


# Official translations entered by staff ---------------------------------------------------------------------


def test_a_measure_translation_entered_in_the_admin_shows_on_its_pages(
    visitor, superuser_client, django_assert_num_queries
):
    pages = ["/fr/measures/", "/fr/measures/7/", "/fr/", "/fr/dashboard/"]
    measure = Measure.objects.get(number=7)
    cached(visitor, pages, django_assert_num_queries)

    save_in_admin(
        superuser_client,
        f"/admin/measures/measure/{measure.pk}/change/",
        title_fr="Couverture de protection sociale (officiel)",
        text_fr="Texte officiel de la mesure 7.",
    )
    # Rendered afresh: the pages show the measures through `display_title` and `display_text`.
    fresh(visitor, pages)
    measure.refresh_from_db()
    assert measure.text_fr == "Texte officiel de la mesure 7."


def test_a_country_name_entered_in_the_admin_shows_on_its_pages(
    visitor, superuser_client, focal_point, staff, django_assert_num_queries
):
    with emails_sent():
        published(start(focal_point, make_cycle(), prefill=False), focal_point, staff)
    make_practice(author=focal_point, title=TITLE, measures=(4,))
    pages = [
        "/fr/",
        "/fr/countries/",
        "/fr/countries/tha/",
        "/fr/good-practices/",
        "/fr/reports/",
        "/fr/reports/tha/2026/",
        "/fr/measures/4/",
        "/fr/dashboard/",
    ]
    shown_before = {
        path: "Thaïlande" in response.content.decode()
        for path, response in cached(visitor, pages, django_assert_num_queries).items()
    }

    thailand = Country.objects.get(iso3="THA")
    save_in_admin(superuser_client, f"/admin/spot/country/{thailand.pk}/change/", name_fr="Royaume de Thaïlande")

    after = fresh(visitor, pages)
    for path in pages:
        if shown_before[path]:
            assertContains(after[path], "Royaume de Thaïlande")
    assert shown_before["/fr/reports/"] and shown_before["/fr/dashboard/"]


# Demo data -------------------------------------------------------------------------------------------------


def test_loading_the_demo_data_shows_at_once(visitor, settings, django_assert_num_queries):
    pages = everywhere("/", "/good-practices/", "/reports/")
    for response in cached(visitor, pages, django_assert_num_queries).values():
        assertNotContains(response, "badge--sample")
    settings.DEBUG = True
    with emails_sent():
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DEBUG = False
    for response in fresh(visitor, pages).values():
        assertContains(response, "badge--sample")
