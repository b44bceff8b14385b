"""Writing a practice: drafts save at any time, nothing typed is lost, a stale save is refused."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from good_practices.models import GoodPractice, State
from spot.models import AuditEvent
from tests.good_practices.conftest import make_practice

pytestmark = pytest.mark.django_db


def form_data(**changes):
    data = {
        "title": "Social pension for remote islands",
        "programme_name": "Island Pension",
        "period_start": "2018",
        "period_end": "",
        "measures": ["1", "7"],
        "themes": [],
        "summary": "A pension paid on every island.",
        "body": "The pension is paid **monthly**.",
        "results": "Coverage doubled.",
        "lessons": "Post offices help.",
        "contact_agency": "Ministry of Welfare",
        "language": "en",
        "sources-TOTAL_FORMS": "2",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "20",
        "sources-0-title": "Annual report 2023",
        "sources-0-url": "https://example.org/report",
        "sources-1-title": "",
        "sources-1-url": "",
    }
    data.update(changes)
    return data


def theme_ids(*slugs):
    from good_practices.models import Theme

    return [str(pk) for pk in Theme.objects.filter(slug__in=slugs).values_list("pk", flat=True)]


def measure_ids(*numbers):
    from measures.models import Measure

    return [str(pk) for pk in Measure.objects.filter(number__in=numbers).values_list("pk", flat=True)]


def test_it_saves_a_draft_for_the_focal_points_own_country(focal_point_client, focal_point):
    response = focal_point_client.post(
        "/my/practices/new/", form_data(measures=measure_ids(1, 7), themes=theme_ids("older-persons"))
    )
    practice = GoodPractice.objects.get()
    assert response["Location"] == f"/my/practices/{practice.pk}/"
    assert (practice.country.iso3, practice.state, practice.created_by) == ("THA", State.DRAFT, focal_point)
    assert practice.slug == "social-pension-for-remote-islands"
    assert practice.body_html == "<p>The pension is paid <strong>monthly</strong>.</p>"
    assert sorted(practice.measures.values_list("number", flat=True)) == [1, 7]
    assert practice.sources == [{"title": "Annual report 2023", "url": "https://example.org/report"}]
    assert AuditEvent.objects.filter(action="practice-created", target_id=str(practice.pk)).exists()


def test_it_saves_a_draft_with_only_a_title(focal_point_client):
    data = {key: "" for key in form_data() if key not in ("measures", "themes")}
    data |= {"title": "Just an idea", "language": "en", "sources-TOTAL_FORMS": "0"}
    data.update({"sources-INITIAL_FORMS": "0", "sources-MIN_NUM_FORMS": "0", "sources-MAX_NUM_FORMS": "20"})
    response = focal_point_client.post("/my/practices/new/", data)
    assert response.status_code == 302
    assert GoodPractice.objects.get().title == "Just an idea"


def test_it_ignores_a_country_sent_by_a_focal_point(focal_point_client, fiji):
    focal_point_client.post("/my/practices/new/", form_data(country=str(fiji.pk)))
    assert GoodPractice.objects.get().country.iso3 == "THA"


def test_it_lets_staff_write_for_any_country(staff_client, fiji):
    staff_client.post("/my/practices/new/", form_data(country=str(fiji.pk)))
    assert GoodPractice.objects.get().country == fiji


def test_it_asks_staff_to_choose_a_country(staff_client):
    response = staff_client.post("/my/practices/new/", form_data())
    assertContains(response, "Choose the country of the practice")
    assert not GoodPractice.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "Enter a title: a draft needs at least its title"),
        ({"title": "Two\nlines"}, "Enter this on one line"),
        ({"period_start": "1e309"}, "Enter the year as four digits, like 2019"),
        ({"period_start": "NaN"}, "Enter the year as four digits, like 2019"),
        ({"period_start": "99999999999999999999"}, "Enter a year from 1950 to 2100"),
        (
            {"period_start": "2020", "period_end": "2010"},
            "The last year must be the same as the first year or after it",
        ),
        ({"measures": ["999999"]}, "Choose measures from the list"),
        ({"measures": ["-1"]}, "Choose measures from the list"),
        ({"measures": ["abc"]}, "Choose measures from the list"),
        ({"language": "klingon"}, "Choose a language from the list"),
        ({"summary": "x" * 601}, "Shorten the summary to 600 characters or fewer (it has 601)"),
        ({"body": "x" * 20_001}, "Shorten this text to 20000 characters or fewer (it has 20001)"),
        ({"sources-0-url": "javascript:alert(1)"}, "Enter a web address starting with https:// or http://"),
        ({"sources-0-title": "", "sources-0-url": "https://example.org"}, "Enter the title of this source"),
        ({"body": "nul\x00byte"}, "Null characters are not allowed."),
    ],
)
def test_it_refuses_bad_input_beside_the_field_and_keeps_what_was_typed(focal_point_client, changes, message):
    data = form_data(**changes)
    response = focal_point_client.post("/my/practices/new/", data)
    assert response.status_code == 200
    assertContains(response, message, count=2)  # in the summary and beside the field
    assertContains(response, "<title>Error: ")
    assertContains(response, "Island Pension")
    assertContains(response, "Post offices help.")
    assert not GoodPractice.objects.exists()


def test_it_refuses_a_tampered_number_of_sources(focal_point_client):
    response = focal_point_client.post("/my/practices/new/", form_data(**{"sources-TOTAL_FORMS": "100000"}))
    assert response.status_code == 200
    assert not GoodPractice.objects.exists()


def test_it_keeps_people_without_a_country_out(client, staff):
    from tests.conftest import make_user, signed_in

    nobody = signed_in(make_user("nobody@example.org", "No Body"))
    assert client.get("/my/practices/new/")["Location"].startswith("/accounts/login/")
    assert nobody.get("/my/practices/new/").status_code == 403
    assert nobody.get("/my/practices/").status_code == 403


def test_it_lets_a_colleague_edit_the_countrys_draft(colleague_client, focal_point):
    practice = make_practice(state=State.DRAFT, author=focal_point)
    response = colleague_client.post(
        f"/my/practices/{practice.pk}/edit/", form_data(title="Better title", base_version=practice.version)
    )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert (practice.title, practice.version) == ("Better title", 2)
    assert practice.slug == "social-pension-for-older-persons"  # the address stays


def test_it_refuses_another_countrys_focal_point_with_404(other_client, focal_point):
    practice = make_practice(state=State.DRAFT, author=focal_point)
    for path in ["", "edit/", "preview/", "delete/"]:
        assert other_client.get(f"/my/practices/{practice.pk}/{path}").status_code == 404
    for path in ["edit/", "submit/", "withdraw/", "update/", "delete/"]:
        assert other_client.post(f"/my/practices/{practice.pk}/{path}", form_data()).status_code == 404
    practice.refresh_from_db()
    assert (practice.title, practice.state) == ("Social pension for older persons", State.DRAFT)


def test_it_never_lists_another_countrys_drafts(other_client, focal_point):
    make_practice(state=State.DRAFT, author=focal_point, title="Thai draft")
    assertNotContains(other_client.get("/my/practices/"), "Thai draft")
    assertNotContains(other_client.get("/my/"), "Thai draft")


def test_it_refuses_a_stale_save_and_shows_both_texts(focal_point_client, colleague_client, focal_point):
    practice = make_practice(state=State.DRAFT, author=focal_point, lessons="Original lessons.")
    opened_version = practice.version
    colleague_client.post(
        f"/my/practices/{practice.pk}/edit/",
        form_data(lessons="The colleague's lessons.", base_version=opened_version),
    )

    response = focal_point_client.post(
        f"/my/practices/{practice.pk}/edit/", form_data(lessons="My own lessons.", base_version=opened_version)
    )

    assert response.status_code == 200
    assertContains(response, "Not saved: someone saved this practice after you opened it.")
    assertContains(response, "My own lessons.")  # what I typed, in the form
    assertContains(response, "The colleague&#x27;s lessons.")  # what they saved, beside it
    practice.refresh_from_db()
    assert practice.lessons == "The colleague's lessons."
    # Saving again, having seen both, keeps mine.
    second = focal_point_client.post(
        f"/my/practices/{practice.pk}/edit/", form_data(lessons="My own lessons.", base_version=practice.version)
    )
    assert second.status_code == 302
    practice.refresh_from_db()
    assert practice.lessons == "My own lessons."


def test_it_does_not_edit_a_practice_under_review(focal_point_client, focal_point):
    practice = make_practice(state=State.SUBMITTED, author=focal_point)
    response = focal_point_client.get(f"/my/practices/{practice.pk}/edit/", follow=True)
    assertContains(response, "This practice is with the secretariat for review")
    response = focal_point_client.post(
        f"/my/practices/{practice.pk}/edit/", form_data(title="Changed", base_version=practice.version)
    )
    practice.refresh_from_db()
    assert practice.title == "Social pension for older persons"


def test_it_goes_to_the_preview_after_save_and_preview(focal_point_client, focal_point):
    practice = make_practice(state=State.DRAFT, author=focal_point)
    response = focal_point_client.post(
        f"/my/practices/{practice.pk}/edit/", form_data(base_version=practice.version, preview="1")
    )
    assert response["Location"] == f"/my/practices/{practice.pk}/preview/"


def test_it_previews_exactly_the_public_page(focal_point_client, client, focal_point, staff):
    from good_practices import services

    practice = make_practice(state=State.DRAFT, author=focal_point, body="A **bold** move.")
    preview = focal_point_client.get(f"/my/practices/{practice.pk}/preview/").content.decode()
    services.submit(practice, actor=focal_point, ip=None)
    services.publish(practice, actor=staff, ip=None)
    public = client.get(practice.get_absolute_url()).content.decode()

    def practice_part(page):
        return page.split('<div class="practice">')[1].split("</div>\n\n")[0].split("Last updated")[0]

    assert practice_part(preview) == practice_part(public)
    assert "<strong>bold</strong>" in preview
    assert "Nobody else can see it yet." in preview


def test_it_deletes_a_draft_never_submitted_and_keeps_the_rest(focal_point_client, focal_point):
    draft = make_practice(state=State.DRAFT, author=focal_point)
    assertContains(focal_point_client.get(f"/my/practices/{draft.pk}/delete/"), "Delete this draft?")
    assert focal_point_client.post(f"/my/practices/{draft.pk}/delete/")["Location"] == "/my/practices/"
    assert not GoodPractice.objects.filter(pk=draft.pk).exists()
    published = make_practice(author=focal_point)
    focal_point_client.post(f"/my/practices/{published.pk}/delete/")
    assert GoodPractice.objects.filter(pk=published.pk).exists()
