"""The secretariat's side: the review queue, the review page and its decisions."""

from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from good_practices import services
from good_practices.models import GoodPractice, ModerationStep, State
from tests.conftest import make_user, signed_in
from tests.good_practices.conftest import history, make_practice, submitted_practice

pytestmark = pytest.mark.django_db


def test_it_keeps_the_review_pages_for_staff(client, focal_point_client, focal_point):
    practice = submitted_practice(focal_point)
    assert client.get("/review/")["Location"].startswith("/accounts/login/")
    assert focal_point_client.get("/review/").status_code == 403
    assert focal_point_client.get("/review/practices/").status_code == 403
    assert focal_point_client.get(f"/review/practices/{practice.pk}/").status_code == 403
    response = focal_point_client.post(
        f"/review/practices/{practice.pk}/publish/", {"publish-version": practice.version}
    )
    assert response.status_code == 403
    practice.refresh_from_db()
    assert practice.state == State.SUBMITTED


def test_it_lists_submitted_practices_oldest_first(staff_client, focal_point, other_focal_point):
    newer = submitted_practice(focal_point, title="Newer submission")
    older = submitted_practice(other_focal_point, country="FJI", title="Older submission")
    GoodPractice.objects.filter(pk=older.pk).update(submitted_at=timezone.now() - timedelta(days=3))
    make_practice(title="Already published practice")
    make_practice(state=State.DRAFT, title="A draft nobody sent")

    content = staff_client.get("/review/").content.decode()

    assert content.index("Older submission") < content.index("Newer submission")
    assert "Already published practice" not in content and "A draft nobody sent" not in content
    assert f'href="/review/practices/{newer.pk}/"' in content


def test_it_shows_the_practice_its_history_and_the_decisions_possible(staff_client, focal_point):
    practice = submitted_practice(focal_point, body="The **body** as written.")
    response = staff_client.get(f"/review/practices/{practice.pk}/")
    assertContains(response, "<strong>body</strong>")
    assertContains(response, "Submitted for review")
    assertContains(response, "Niran Lead")
    for button in ["Publish", "Send back for changes", "Reject"]:
        assertContains(response, f">{button}</button>")
    assertNotContains(response, ">Archive</button>")
    assertContains(response, f'href="/my/practices/{practice.pk}/preview/"')


def test_it_publishes_from_the_review_page(staff_client, client, focal_point):
    practice = submitted_practice(focal_point)
    response = staff_client.post(
        f"/review/practices/{practice.pk}/publish/", {"publish-version": practice.version, "publish-comment": ""}
    )
    assert response["Location"] == f"/review/practices/{practice.pk}/"
    assert client.get(practice.get_absolute_url()).status_code == 200
    assertContains(staff_client.get(response["Location"]), "is published. The author was told by email.")


@pytest.mark.parametrize(
    ("action", "message"),
    [
        ("request_changes", "Say what the author should change"),
        ("reject", "Give the reason the practice cannot be published"),
    ],
)
def test_it_needs_a_comment_to_return_or_reject(staff_client, focal_point, action, message):
    practice = submitted_practice(focal_point)
    response = staff_client.post(
        f"/review/practices/{practice.pk}/{action}/", {f"{action}-version": practice.version, f"{action}-comment": ""}
    )
    assert response.status_code == 400
    assertContains(response, message, count=2, status_code=400)
    assertContains(response, "<title>Error: ", status_code=400)
    practice.refresh_from_db()
    assert practice.state == State.SUBMITTED


def test_it_keeps_a_comment_typed_with_an_error(staff_client, focal_point):
    practice = submitted_practice(focal_point)
    response = staff_client.post(
        f"/review/practices/{practice.pk}/reject/",
        {"reject-version": "not a number", "reject-comment": "My long careful reason"},
    )
    assertContains(response, "My long careful reason", status_code=400)


def test_it_tells_the_second_moderator_that_it_was_already_handled(staff, focal_point):
    second = make_user("second@escap.example.org", "Second Staff", is_staff=True)
    second.groups.add(*staff.groups.all())
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(second, generate_totp_secret())
    practice = submitted_practice(focal_point)
    seen_version = practice.version  # both opened the page at this version

    signed_in(staff).post(f"/review/practices/{practice.pk}/publish/", {"publish-version": seen_version})
    response = signed_in(second).post(
        f"/review/practices/{practice.pk}/reject/",
        {"reject-version": seen_version, "reject-comment": "Not relevant"},
        follow=True,
    )

    assertContains(response, "Nothing was changed: this practice is already published (published by Dana Staff")
    assert history(practice) == [("submit", "draft", "submitted"), ("publish", "submitted", "published")]


def test_it_archives_a_published_practice_whose_address_then_explains_it(staff_client, client, focal_point):
    practice = make_practice(author=focal_point, title="Pilot that ended")
    staff_client.post(
        f"/review/practices/{practice.pk}/archive/",
        {"archive-version": practice.version, "archive-comment": "The pilot ended."},
    )
    response = client.get(practice.get_absolute_url())
    assert response.status_code == 410
    assertContains(response, "This practice is no longer published", status_code=410)
    assertContains(response, "Pilot that ended", status_code=410)
    assertNotContains(response, "The pilot ended.", status_code=410)  # the reason is for the author

    practice.refresh_from_db()
    staff_client.post(f"/review/practices/{practice.pk}/republish/", {"republish-version": practice.version})
    assert client.get(practice.get_absolute_url()).status_code == 200


def test_it_shows_what_an_update_changes(staff_client, focal_point):
    practice = make_practice(author=focal_point, lessons="Old lessons.")
    revision, _ = services.start_revision(practice, actor=focal_point, ip=None)
    GoodPractice.objects.filter(pk=revision.pk).update(lessons="New lessons.")
    services.submit(revision, actor=focal_point, ip=None)

    response = staff_client.get(f"/review/practices/{revision.pk}/")

    assertContains(response, "What the update changes")
    assertContains(response, "Old lessons.")
    assertContains(response, "New lessons.")
    assertContains(response, "Update 1 to a published good practice")


def test_it_answers_404_for_an_unknown_decision_or_practice(staff_client, focal_point):
    practice = submitted_practice(focal_point)
    assert staff_client.post(f"/review/practices/{practice.pk}/delete-everything/").status_code == 404
    assert staff_client.get("/review/practices/999999/").status_code == 404
    assert staff_client.get(f"/review/practices/{practice.pk}/publish/").status_code == 405


def test_it_lists_every_practice_for_staff_by_state(staff_client, focal_point, django_assert_num_queries):
    for number in range(30):
        make_practice(title=f"Practice number {number}", state=State.ARCHIVED if number % 2 else State.PUBLISHED)
    # session, user, its two-factor check, its permissions (own and group's), the count, the countries to filter by,
    # the page
    with django_assert_num_queries(8):
        response = staff_client.get("/review/practices/?state=archived")
    assertContains(response, "15 practices")
    assertNotContains(response, "Practice number 0<")
    assertContains(response, "Practice number 1<")


def test_it_shows_the_queue_and_a_review_page_in_a_fixed_number_of_queries(
    staff_client, focal_point, other_focal_point, django_assert_num_queries
):
    for number in range(12):
        submitted_practice(
            focal_point if number % 2 else other_focal_point,
            title=f"Waiting {number}",
            country="THA" if number % 2 else "FJI",
        )
    # session, user, two-factor check, permissions (own and group's), the reports' queue and cycles, the practices'
    with django_assert_num_queries(8):
        assertContains(staff_client.get("/review/"), "12 submissions, oldest first.")
    practice = submitted_practice(focal_point)
    # and the practice, its measures, its themes, the history, any update awaiting review
    with django_assert_num_queries(10):
        staff_client.get(f"/review/practices/{practice.pk}/")


def test_it_shows_staff_a_count_of_waiting_practices_in_the_workspace(staff_client, focal_point):
    submitted_practice(focal_point)
    assertContains(staff_client.get("/my/"), "1 good practice awaits review")


def test_it_shows_the_history_of_a_practice_with_its_updates(staff_client, focal_point, staff):
    practice = make_practice(author=focal_point)
    revision, _ = services.start_revision(practice, actor=focal_point, ip=None)
    services.submit(revision, actor=focal_point, ip=None)
    services.request_changes(revision, actor=staff, ip=None, comment="Please shorten.")
    response = staff_client.get(f"/review/practices/{practice.pk}/")
    assertContains(response, "Please shorten.")
    assertContains(response, "Update 1")
    assert ModerationStep.objects.filter(practice=revision).count() == 2
