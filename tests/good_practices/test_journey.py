"""A practice's whole way through the web pages: propose, changes requested, revise, resubmit, publish."""

import re

import pytest
from django.core import mail
from pytest_django.asserts import assertContains, assertNotContains

from good_practices.models import GoodPractice, State
from measures.models import Measure
from tests.conftest import emails_sent
from tests.good_practices.conftest import history
from tests.good_practices.test_propose import form_data, measure_ids, theme_ids

pytestmark = pytest.mark.django_db


def test_it_takes_a_practice_from_proposal_to_publication(focal_point_client, staff_client, client, focal_point):
    # The focal point saves a first draft and previews it.
    data = form_data(
        title="Mobile payments for the social pension",
        measures=measure_ids(4),
        themes=theme_ids("older-persons", "digital-delivery"),
        results="Payments arrive on time.",
        preview="1",
    )
    response = focal_point_client.post("/my/practices/new/", data)
    practice = GoodPractice.objects.get()
    assert response["Location"] == f"/my/practices/{practice.pk}/preview/"
    assertContains(focal_point_client.get(response["Location"]), "Submit for review")

    # Not public yet.
    assert client.get(f"/good-practices/{practice.slug}/").status_code == 404

    # Submitted.
    with emails_sent():
        response = focal_point_client.post(f"/my/practices/{practice.pk}/submit/", follow=True)
    assertContains(response, "Submitted. The ESCAP secretariat will read it")
    assertContains(staff_client.get("/review/"), "Mobile payments for the social pension")

    # The secretariat asks for changes.
    practice.refresh_from_db()
    with emails_sent():
        staff_client.post(
            f"/review/practices/{practice.pk}/request_changes/",
            {"request_changes-version": practice.version, "request_changes-comment": "Give the on-time rate."},
        )
    assert "Give the on-time rate." in mail.outbox[-1].body
    link = re.search(r"http://127\.0\.0\.1:8000(/my/practices/\d+/)", mail.outbox[-1].body).group(1)

    # The focal point sees the comment beside the practice and beside the form, revises and resubmits.
    assertContains(focal_point_client.get(link), "Give the on-time rate.")
    edit_page = focal_point_client.get(f"/my/practices/{practice.pk}/edit/")
    assertContains(edit_page, "What the secretariat asks you to change")
    assertContains(edit_page, "Give the on-time rate.")
    practice.refresh_from_db()
    response = focal_point_client.post(
        f"/my/practices/{practice.pk}/edit/",
        {
            **data,
            "results": "98% of payments arrive on the due date (payment records, 2023).",
            "base_version": practice.version,
        },
    )
    assert response["Location"] == f"/my/practices/{practice.pk}/preview/"
    with emails_sent():
        focal_point_client.post(f"/my/practices/{practice.pk}/submit/")

    # Published, and public.
    practice.refresh_from_db()
    with emails_sent():
        staff_client.post(f"/review/practices/{practice.pk}/publish/", {"publish-version": practice.version})
    assert "is published" in mail.outbox[-1].subject

    public = client.get(f"/good-practices/{practice.slug}/")
    assertContains(public, "98% of payments arrive on the due date")
    assertContains(client.get("/good-practices/?q=on-time+rate+payments"), "Mobile payments for the social pension")
    assertContains(client.get("/"), "Mobile payments for the social pension")
    assertContains(client.get("/countries/tha/"), "Mobile payments for the social pension")
    assertContains(
        client.get(Measure.objects.get(number=4).get_absolute_url()), "Mobile payments for the social pension"
    )
    assert history(practice) == [
        ("submit", State.DRAFT, State.SUBMITTED),
        ("request_changes", State.SUBMITTED, State.CHANGES_REQUESTED),
        ("submit", State.CHANGES_REQUESTED, State.SUBMITTED),
        ("publish", State.SUBMITTED, State.PUBLISHED),
    ]


def test_it_updates_a_published_practice_through_moderation(focal_point_client, staff_client, client, focal_point):
    from tests.good_practices.conftest import make_practice

    practice = make_practice(author=focal_point, title="Village registry", lessons="Old lessons.")
    response = focal_point_client.post(f"/my/practices/{practice.pk}/update/")
    revision = GoodPractice.objects.get(revision_of=practice)
    assert response["Location"] == f"/my/practices/{revision.pk}/edit/"

    focal_point_client.post(
        f"/my/practices/{revision.pk}/edit/",
        form_data(
            title="Village registry",
            lessons="New lessons from 2024.",
            measures=measure_ids(1),
            themes=theme_ids("older-persons"),
            base_version=revision.version,
        ),
    )
    focal_point_client.post(f"/my/practices/{revision.pk}/submit/")
    # While the update waits, the public page keeps the published text.
    assertContains(client.get(practice.get_absolute_url()), "Old lessons.")
    assertNotContains(client.get(practice.get_absolute_url()), "New lessons from 2024.")

    revision.refresh_from_db()
    with emails_sent():  # the commit, after which the public pages render afresh
        staff_client.post(f"/review/practices/{revision.pk}/publish/", {"publish-version": revision.version})
    public = client.get(practice.get_absolute_url())
    assertContains(public, "New lessons from 2024.")
    assert GoodPractice.objects.published().count() == 1


def test_it_lists_what_is_missing_when_submitting_too_early(focal_point_client, focal_point):
    from tests.good_practices.conftest import make_practice

    practice = make_practice(state=State.DRAFT, author=focal_point, summary="", lessons="")
    response = focal_point_client.post(f"/my/practices/{practice.pk}/submit/")
    assert response.status_code == 400
    assertContains(response, "Before you submit, complete these parts", status_code=400)
    assertContains(response, f'href="/my/practices/{practice.pk}/edit/#id_summary">Summary</a>', status_code=400)
    assertContains(response, f'href="/my/practices/{practice.pk}/edit/#id_lessons">', status_code=400)
    practice.refresh_from_db()
    assert practice.state == State.DRAFT


def test_it_lets_the_author_withdraw_a_submission_to_change_it(focal_point_client, focal_point):
    from tests.good_practices.conftest import submitted_practice

    practice = submitted_practice(focal_point)
    response = focal_point_client.post(f"/my/practices/{practice.pk}/withdraw/", follow=True)
    assertContains(response, "Withdrawn from review: it is a draft again.")
    practice.refresh_from_db()
    assert practice.state == State.DRAFT
