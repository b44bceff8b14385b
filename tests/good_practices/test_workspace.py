"""Practices in the workspace: the country's, with their state and what comes next."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from good_practices import services
from good_practices.models import State
from tests.good_practices.conftest import make_practice, submitted_practice

pytestmark = pytest.mark.django_db


def test_it_shows_a_focal_point_the_countrys_practices_with_their_next_step(colleague_client, focal_point, staff):
    make_practice(state=State.DRAFT, title="Our draft", author=focal_point)
    returned = submitted_practice(focal_point, title="Returned one")
    services.request_changes(returned, actor=staff, ip=None, comment="More figures.")
    make_practice(title="Published one")
    make_practice(title="Fiji's draft", country="FJI", state=State.DRAFT)

    content = colleague_client.get("/my/").content.decode()

    assert "Good practices of Thailand" in content
    assert "Our draft" in content and "Finish it, preview it and submit it for review." in content
    assert "Returned one" in content and "Make the changes the secretariat asked for" in content
    assert "The secretariat asked for changes to 1 good practice" in content
    assert "Published one" in content
    assert "Fiji&#x27;s draft" not in content
    assert 'href="/my/practices/new/"' in content


def test_it_lists_all_the_countrys_practices_and_updates(focal_point_client, focal_point, django_assert_num_queries):
    for number in range(30):
        make_practice(state=State.DRAFT, title=f"Draft {number}")
    published = make_practice(title="Published one", author=focal_point)
    services.start_revision(published, actor=focal_point, ip=None)
    with django_assert_num_queries(5):  # session, user, membership, count, page
        response = focal_point_client.get("/my/practices/")
    assertContains(response, "Update 1")
    assertContains(response, "Page 1 of 2")


def test_it_shows_staff_the_practices_they_wrote(staff_client, staff, focal_point):
    make_practice(state=State.DRAFT, title="Written by staff", author=staff, country="FJI")
    make_practice(state=State.DRAFT, title="Written by a focal point", author=focal_point)
    response = staff_client.get("/my/")
    assertContains(response, "Good practices you wrote")
    assertContains(response, "Written by staff")
    assertNotContains(response, "Written by a focal point")


def test_it_shows_the_secretariats_comment_beside_the_practice(focal_point_client, focal_point, staff):
    practice = submitted_practice(focal_point)
    services.request_changes(practice, actor=staff, ip=None, comment="Please add the 2023 figures.")
    response = focal_point_client.get(f"/my/practices/{practice.pk}/")
    assertContains(response, "What the secretariat asks you to change")
    assertContains(response, "Please add the 2023 figures.")
    assertContains(response, "Changes requested")


def test_it_shows_a_practices_page_in_a_fixed_number_of_queries(
    focal_point_client, focal_point, staff, django_assert_num_queries
):
    practice = submitted_practice(focal_point)
    services.request_changes(practice, actor=staff, ip=None, comment="More.")
    practice.refresh_from_db()
    services.submit(practice, actor=focal_point, ip=None)
    services.request_changes(practice, actor=staff, ip=None, comment="Again.")
    # session, user, membership, the practice, the latest comment, any update on its way, the history
    with django_assert_num_queries(7):
        focal_point_client.get(f"/my/practices/{practice.pk}/")
