import pytest

from tests.conftest import make_focal_point

pytestmark = pytest.mark.django_db


def test_it_sends_anonymous_visitors_to_sign_in(client):
    response = client.get("/network/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/network/"


def test_it_shows_signed_in_focal_points_the_directory_with_work_emails(
    other_client, focal_point, colleague, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = other_client.get("/network/")
    content = response.content.decode()
    assert "Focal-point network" in content
    assert "South-East Asia" in content and "Pacific" in content
    assert "Niran Lead" in content and "Ministry of Social Development" in content
    assert 'href="mailto:colleague@sso.go.th"' in content
    assert "3 focal points" in content
    assert "Deactivate" not in content


def test_it_filters_by_country(other_client, focal_point, colleague, other_focal_point):
    content = other_client.get("/network/?country=FJI").content.decode()
    assert "Mere Other" in content
    assert "Niran Lead" not in content
    assert "1 focal point" in content


def test_it_filters_by_subregion(other_client, focal_point, other_focal_point):
    content = other_client.get("/network/?subregion=sea").content.decode()
    assert "Niran Lead" in content
    assert "Mere Other" not in content


def test_it_says_when_nothing_matches(other_client):
    content = other_client.get("/network/?country=NPL").content.decode()
    assert "No focal point matches these filters." in content


def test_it_rejects_an_unknown_filter_value_next_to_the_field(other_client):
    response = other_client.get("/network/?country=XYZ")
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()


def test_it_queries_the_same_whatever_the_size_of_the_network(other_client, django_assert_max_num_queries):
    for number in range(60):
        make_focal_point(f"person{number}@m.gov", f"Person {number}", "THA" if number % 2 else "KAZ")
    with django_assert_max_num_queries(6):
        response = other_client.get("/network/")
    content = response.content.decode()
    assert "Page 1 of 2" in content


def test_it_leaves_deactivated_people_out(other_client, staff_client, colleague):
    from focal_points.models import FocalPoint

    membership = FocalPoint.objects.get(user=colleague)
    staff_client.post(f"/network/members/{membership.pk}/deactivate/")
    assert "Ploy Colleague" not in other_client.get("/network/").content.decode()


def test_it_lets_staff_read_the_directory_and_offers_deactivation(staff_client, colleague):
    content = staff_client.get("/network/").content.decode()
    assert "Ploy Colleague" in content
    assert "Deactivate" in content


def test_it_refuses_a_signed_in_account_without_membership(client):
    from tests.conftest import make_user, signed_in

    person = make_user("nobody@example.org", "Nobody")
    assert signed_in(person).get("/network/").status_code == 403
