"""The moves of a practice: each kept in the history and the audit log, mailed, and never made twice."""

import threading

import pytest
from django.core import mail
from django.db import connection

from good_practices import services
from good_practices.models import GoodPractice, ModerationStep, State
from spot.models import AuditEvent
from tests.conftest import emails_sent
from tests.good_practices.conftest import history, make_practice, submitted_practice

pytestmark = pytest.mark.django_db


def test_it_records_who_moved_a_practice_from_where_to_where_and_why(focal_point, staff):
    practice = submitted_practice(focal_point)
    services.request_changes(practice, actor=staff, ip="10.0.0.1", comment="Add the results for 2023.")
    step = ModerationStep.objects.get(action="request_changes")
    assert (step.actor, step.from_state, step.to_state, step.comment) == (
        staff,
        State.SUBMITTED,
        State.CHANGES_REQUESTED,
        "Add the results for 2023.",
    )
    event = AuditEvent.objects.get(action="practice-changes-requested")
    assert (event.actor, event.ip_address, event.country.iso3) == (staff, "10.0.0.1", "THA")
    assert "Add the results for 2023." in event.detail


def test_it_emails_the_author_at_each_step_with_what_to_do_next(focal_point, colleague, staff):
    with emails_sent():
        practice = submitted_practice(colleague)
    confirmation, to_staff = mail.outbox
    assert confirmation.to == [colleague.email]
    assert "was submitted for review" in confirmation.subject
    assert to_staff.to == [staff.email]
    assert f"/review/practices/{practice.pk}/" in to_staff.body

    with emails_sent():
        services.request_changes(practice, actor=staff, ip=None, comment="Please add a source.")
    assert mail.outbox[-1].to == [colleague.email]
    assert "Please add a source." in mail.outbox[-1].body
    assert f"http://127.0.0.1:8000/my/practices/{practice.pk}/" in mail.outbox[-1].body

    with emails_sent():
        services.submit(practice, actor=focal_point, ip=None)
        services.publish(practice, actor=staff, ip=None, comment="Thank you.")
    published_mail = mail.outbox[-1]
    assert sorted(published_mail.to) == sorted([colleague.email, focal_point.email])
    assert "is published" in published_mail.subject
    assert practice.get_absolute_url() in published_mail.body


def test_it_refuses_a_move_the_state_does_not_allow_and_says_who_handled_it(focal_point, staff):
    practice = submitted_practice(focal_point)
    services.publish(practice, actor=staff, ip=None)
    with pytest.raises(services.MoveRefused, match="already published \\(published by Dana Staff"):
        services.reject(practice, actor=staff, ip=None, comment="Too late")
    assert history(practice) == [("submit", "draft", "submitted"), ("publish", "submitted", "published")]


def test_it_refuses_a_decision_on_a_version_the_moderator_did_not_read(focal_point, staff):
    practice = submitted_practice(focal_point)
    read_version = practice.version
    services.withdraw(practice, actor=focal_point, ip=None)
    practice.refresh_from_db()
    services.submit(practice, actor=focal_point, ip=None)
    with pytest.raises(services.MoveRefused, match="edited or moved since you opened it"):
        services.publish(practice, actor=staff, ip=None, expected_version=read_version)
    practice.refresh_from_db()
    assert practice.state == State.SUBMITTED


def test_it_refuses_to_submit_a_practice_with_missing_parts(focal_point):
    practice = make_practice(state=State.DRAFT, author=focal_point, results="", lessons="", measures=())
    with pytest.raises(services.Incomplete) as refusal:
        services.submit(practice, actor=focal_point, ip=None)
    assert refusal.value.missing == ["measures", "results", "lessons"]
    practice.refresh_from_db()
    assert practice.state == State.DRAFT


def test_it_dates_the_first_publication_and_keeps_it_when_archived_and_republished(focal_point, staff):
    practice = submitted_practice(focal_point)
    services.publish(practice, actor=staff, ip=None)
    practice.refresh_from_db()
    first = practice.published_at
    services.archive(practice, actor=staff, ip=None, comment="Out of date")
    practice.refresh_from_db()
    assert (practice.state, practice.archived_at is not None) == (State.ARCHIVED, True)
    services.republish(practice, actor=staff, ip=None)
    practice.refresh_from_db()
    assert (practice.state, practice.published_at, practice.archived_at) == (State.PUBLISHED, first, None)
    assert [action for action, *_ in history(practice)] == ["submit", "publish", "archive", "republish"]


def test_it_bumps_the_public_content_version_when_the_public_pages_change(focal_point, staff):
    from spot.public_cache import content_version

    practice = submitted_practice(focal_point)
    versions = [content_version()]
    with emails_sent():
        services.publish(practice, actor=staff, ip=None)
    versions.append(content_version())
    with emails_sent():
        services.archive(practice, actor=staff, ip=None)
    versions.append(content_version())
    with emails_sent():
        services.republish(practice, actor=staff, ip=None)
    versions.append(content_version())
    with emails_sent():
        services.withdraw(submitted_practice(focal_point, title="Another"), actor=focal_point, ip=None)
    versions.append(content_version())
    assert len(set(versions)) == 4  # a withdrawal changes nothing public


def test_it_keeps_the_published_text_online_while_an_update_is_reviewed(focal_point, staff):
    practice = make_practice(author=focal_point, summary="The published summary.")
    revision, created = services.start_revision(practice, actor=focal_point, ip=None)
    assert created
    again, created_again = services.start_revision(practice, actor=focal_point, ip=None)
    assert (again, created_again) == (revision, False)

    revision.summary = "The proposed summary."
    services.save_practice(
        revision,
        actor=focal_point,
        ip=None,
        measures=revision.measures.all(),
        themes=revision.themes.all(),
        expected_version=revision.version,
    )
    services.submit(revision, actor=focal_point, ip=None)
    practice.refresh_from_db()
    assert practice.summary == "The published summary."

    with emails_sent():
        services.publish(revision, actor=staff, ip=None)
    practice.refresh_from_db()
    revision.refresh_from_db()
    assert practice.summary == "The proposed summary."
    assert (practice.state, practice.slug, revision.state) == (State.PUBLISHED, practice.slug, State.APPLIED)
    assert practice.last_updated_at > practice.published_at
    assert "Your update to" in mail.outbox[-1].subject
    # The copies the search reads follow the links.
    assert practice.measure_numbers == sorted(practice.measures.values_list("number", flat=True))
    assert practice.theme_slugs == sorted(practice.themes.values_list("slug", flat=True))
    assert GoodPractice.objects.published().count() == 1


def test_it_rejects_an_update_and_leaves_the_published_text_as_it_was(focal_point, staff):
    practice = make_practice(author=focal_point, title="Stable title")
    revision, _ = services.start_revision(practice, actor=focal_point, ip=None)
    revision.title = "Sneaky title"
    services.save_practice(
        revision,
        actor=focal_point,
        ip=None,
        measures=practice.measures.all(),
        themes=practice.themes.all(),
        expected_version=revision.version,
    )
    services.submit(revision, actor=focal_point, ip=None)
    services.reject(revision, actor=staff, ip=None, comment="The title is not accurate.")
    practice.refresh_from_db()
    assert practice.title == "Stable title"
    # A new update can be started once the last one was decided.
    new_revision, created = services.start_revision(practice, actor=focal_point, ip=None)
    assert created and new_revision.revision_number == 2


def test_it_does_not_start_an_update_of_an_unpublished_practice(focal_point):
    practice = make_practice(state=State.DRAFT, author=focal_point)
    with pytest.raises(services.MoveRefused):
        services.start_revision(practice, actor=focal_point, ip=None)


@pytest.mark.django_db(transaction=True)
def test_it_applies_only_one_of_two_simultaneous_decisions(reference_data, focal_point, staff):
    """Two moderators decide at the same moment: the row lock makes the second see the first's decision."""
    from tests.conftest import make_user

    other_staff = make_user("second@escap.example.org", "Second Staff", is_staff=True)
    practice = submitted_practice(focal_point)
    outcomes = []
    barrier = threading.Barrier(2)

    def decide(actor, action):
        barrier.wait()
        try:
            action(practice, actor=actor, ip=None, comment="Decided", expected_version=practice.version)
            outcomes.append("applied")
        except services.MoveRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=(staff, services.publish)),
        threading.Thread(target=decide, args=(other_staff, services.reject)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["applied", "refused"]
    decisions = ModerationStep.objects.filter(practice=practice).exclude(action="submit")
    assert decisions.count() == 1
    practice.refresh_from_db()
    assert practice.state == decisions.get().to_state
