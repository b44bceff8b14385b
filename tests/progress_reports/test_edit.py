"""Editing a draft: one section, the summary, or the whole report; nothing typed is ever lost."""

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from progress_reports.models import ReportState
from tests.progress_reports.conftest import overview_data, reload, section_data, submitted, whole_report_data

pytestmark = pytest.mark.django_db


def test_it_saves_a_section_and_comes_back_to_it_with_a_message(focal_point_client, draft):
    data = section_data(draft, 3, status="planning", actions_taken="A shock-responsive cash transfer is designed.")
    response = focal_point_client.post(f"/my/reports/{draft.pk}/sections/3/", data, follow=True)
    assertContains(response, "Measure 3 is saved.")
    section = draft.sections.get(measure__number=3)
    assert (section.status, section.actions_taken) == ("planning", "A shock-responsive cash transfer is designed.")
    assert section.revision == 2


def test_it_goes_to_the_next_section_when_asked(focal_point_client, draft):
    data = {**section_data(draft, 3, actions_taken="Done."), "then": "next"}
    response = focal_point_client.post(f"/my/reports/{draft.pk}/sections/3/", data)
    assert response["Location"] == f"/my/reports/{draft.pk}/sections/4/"


def test_a_colleague_of_the_same_country_edits_the_same_draft(colleague_client, draft):
    response = colleague_client.post(f"/my/reports/{draft.pk}/summary/", overview_data(draft, summary="From Ploy."))
    assert response.status_code == 302
    assert reload(draft).summary == "From Ploy."


def test_it_keeps_what_was_typed_when_a_text_is_too_long(focal_point_client, draft):
    data = section_data(draft, 2, actions_taken="x" * 20_001, challenges="Keep me")
    response = focal_point_client.post(f"/my/reports/{draft.pk}/sections/2/", data)
    assert response.status_code == 400
    assertContains(response, "Shorten this text to 20000 characters or fewer", status_code=400)
    assertContains(response, "Keep me", status_code=400)
    assertContains(response, "<title>Error: ", status_code=400)
    assert draft.sections.get(measure__number=2).actions_taken == ""


def test_two_colleagues_saving_the_same_section_cannot_overwrite_each_other(
    focal_point_client, colleague_client, draft
):
    # Both open measure 4 at the same revision.
    niran = section_data(draft, 4, actions_taken="Niran's account of the grievance system.")
    ploy = section_data(draft, 4, actions_taken="Ploy's account of the appeal committees.", challenges="Backlog.")
    assert focal_point_client.post(f"/my/reports/{draft.pk}/sections/4/", niran).status_code == 302

    response = colleague_client.post(f"/my/reports/{draft.pk}/sections/4/", ploy)

    assert response.status_code == 409
    section = draft.sections.get(measure__number=4)
    assert section.actions_taken == "Niran's account of the grievance system."  # the first save stands
    assertContains(response, "A colleague saved", status_code=409)
    # Both texts are on the page: Ploy's in the box, Niran's beside it.
    assertContains(response, "Ploy&#x27;s account of the appeal committees.</textarea>", status_code=409)
    assertContains(response, "Niran&#x27;s account of the grievance system.", status_code=409)
    assertContains(response, "Backlog.", status_code=409)
    # Having seen both, Ploy saves again: this time it is accepted, based on Niran's revision.
    content = response.content.decode()
    assert f'name="s4-revision" value="{section.revision}"' in content
    again = {**ploy, "s4-revision": str(section.revision)}
    again["s4-actions_taken"] = "Niran's and Ploy's accounts, combined."
    assert colleague_client.post(f"/my/reports/{draft.pk}/sections/4/", again).status_code == 302
    assert draft.sections.get(measure__number=4).actions_taken == "Niran's and Ploy's accounts, combined."


def test_a_stale_summary_is_refused_too(focal_point_client, colleague_client, draft):
    first, second = overview_data(draft, summary="First."), overview_data(draft, summary="Second.")
    focal_point_client.post(f"/my/reports/{draft.pk}/summary/", first)
    response = colleague_client.post(f"/my/reports/{draft.pk}/summary/", second)
    assert response.status_code == 409
    assertContains(response, "Second.</textarea>", status_code=409)
    assertContains(response, "First.", status_code=409)
    assert reload(draft).summary == "First."


def test_the_whole_report_page_saves_only_what_was_changed(focal_point_client, colleague_client, draft):
    data = whole_report_data(draft)
    # Meanwhile a colleague saves measure 9 on its own page.
    colleague_client.post(f"/my/reports/{draft.pk}/sections/9/", section_data(draft, 9, actions_taken="Registry."))
    data["s2-actions_taken"] = "A strategy was adopted."
    data["overview-summary"] = "The summary."

    response = focal_point_client.post(f"/my/reports/{draft.pk}/edit/", data, follow=True)

    assertContains(response, "Your draft is saved.")
    assert draft.sections.get(measure__number=2).actions_taken == "A strategy was adopted."
    assert draft.sections.get(measure__number=9).actions_taken == "Registry."  # untouched here, kept
    assert reload(draft).summary == "The summary."


def test_the_whole_report_page_refuses_only_the_stale_part(focal_point_client, colleague_client, draft):
    data = whole_report_data(draft)
    colleague_client.post(f"/my/reports/{draft.pk}/sections/9/", section_data(draft, 9, actions_taken="Theirs."))
    data["s9-actions_taken"] = "Mine."
    data["s2-actions_taken"] = "Saved anyway."

    response = focal_point_client.post(f"/my/reports/{draft.pk}/edit/", data)

    assert response.status_code == 409
    assert draft.sections.get(measure__number=2).actions_taken == "Saved anyway."
    assert draft.sections.get(measure__number=9).actions_taken == "Theirs."
    assertContains(response, "Measure 9: Social protection data systems", status_code=409)
    assertContains(response, "Mine.</textarea>", status_code=409)


def test_it_refuses_to_edit_a_submitted_report_saying_why(focal_point, focal_point_client, draft):
    submitted(draft, focal_point)
    response = focal_point_client.get(f"/my/reports/{draft.pk}/sections/1/")
    assertContains(response, "with the ESCAP secretariat for review", status_code=403)
    response = focal_point_client.post(f"/my/reports/{draft.pk}/sections/1/", section_data(draft, 1, actions_taken="x"))
    assert response.status_code == 403
    assert reload(draft).state == ReportState.SUBMITTED


def test_it_refuses_edits_once_the_cycle_is_closed(focal_point_client, draft, cycle):
    cycle.closed_at = timezone.now()
    cycle.save()
    response = focal_point_client.post(f"/my/reports/{draft.pk}/summary/", overview_data(draft, summary="Late"))
    assertContains(response, "The reporting cycle is closed", status_code=403)


def test_it_says_a_late_draft_can_still_be_submitted_until_the_cycle_closes(focal_point_client, draft, cycle):
    cycle.deadline = cycle.opens_on
    cycle.save()
    response = focal_point_client.get(f"/my/reports/{draft.pk}/")
    assertContains(response, "You can still edit and submit the report until the ESCAP secretariat closes the cycle")
    assert (
        focal_point_client.post(f"/my/reports/{draft.pk}/summary/", overview_data(draft, summary="Late")).status_code
        == 302
    )


def test_staff_may_edit_a_draft_on_the_countrys_behalf(staff_client, draft):
    response = staff_client.post(f"/my/reports/{draft.pk}/summary/", overview_data(draft, summary="Typed by ESCAP."))
    assert response.status_code == 302
    assert reload(draft).summary == "Typed by ESCAP."


def test_it_shows_the_measures_wording_and_links_to_the_neighbouring_sections(focal_point_client, draft):
    response = focal_point_client.get(f"/my/reports/{draft.pk}/sections/5/")
    assertContains(response, "Allocate sufficient public funds")
    assertContains(response, f'href="/my/reports/{draft.pk}/sections/4/"')
    assertContains(response, f'href="/my/reports/{draft.pk}/sections/6/"')


@pytest.mark.parametrize("number", [0, 13, 99999999999])
def test_it_answers_404_for_a_measure_that_does_not_exist(focal_point_client, draft, number):
    assert focal_point_client.get(f"/my/reports/{draft.pk}/sections/{number}/").status_code == 404


@pytest.mark.parametrize("revision", ["-1", "abc", "99999999999999999999", ""])
def test_a_hostile_revision_is_a_form_error_not_a_crash(focal_point_client, draft, revision):
    data = {**section_data(draft, 1, actions_taken="x"), "s1-revision": revision}
    response = focal_point_client.post(f"/my/reports/{draft.pk}/sections/1/", data)
    assert response.status_code == 400
    assertNotContains(response, "Server error", status_code=400)
