"""No address and no form value, however malformed, gives a 500: each is refused with a page or a message."""

import pytest
from pytest_django.asserts import assertContains

from focal_points.models import Invitation
from spot.models import User
from tests.conftest import invite

pytestmark = pytest.mark.django_db

# Addresses with a NUL character (PostgreSQL refuses it in text), anywhere a value is read.
NUL_ADDRESSES = [
    "/countries/%00/",
    "/countries/t%00a/",
    "/measures/%00/",
    "/invitations/%00/",
    "/accounts/password/reset/key/%00-x/",
    "/network/?country=%00",
    "/network/?subregion=%00&page=2",
    "/accounts/login/?next=%00",
    "/?%00=1",
]


@pytest.mark.parametrize("path", NUL_ADDRESSES)
@pytest.mark.parametrize("persona", ["anonymous_client", "focal_point_client", "staff_client"])
def test_it_refuses_a_nul_character_in_an_address_with_the_portal_400_page(request, persona, path):
    response = request.getfixturevalue(persona).get(path)
    assert response.status_code == 400
    assertContains(response, "The portal could not read this request", status_code=400)


@pytest.mark.parametrize(
    "path",
    [
        "/countries/%ED%A0%80/",  # a lone surrogate, percent-encoded
        "/countries/th%0Aa/",  # a line break
        "/countries/" + "x" * 5000 + "/",
        "/measures/99999999999999999999999/",
        "/measures/-1/",
        "/invitations/" + "a" * 3000 + "/",
    ],
)
def test_it_answers_other_malformed_addresses_with_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "query", ["country=%ED%A0%80", "subregion=%0A", "page=-1", "page=1e309", "country=" + "x" * 5000]
)
def test_it_keeps_the_directory_answering_odd_filters(focal_point_client, query):
    assert focal_point_client.get("/network/?" + query).status_code == 200


def test_it_refuses_ten_megabytes_of_text_with_the_400_page(staff_client):
    response = staff_client.post("/network/invite/", {"email": "a@b.org", "agency": "x" * 10_000_000})
    assert response.status_code == 400
    assert Invitation.objects.count() == 0


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("agency", "Ministry\x00of Labour", "Null characters are not allowed."),
        ("agency", "Ministry\nof Labour", "Enter this on one line"),
        ("position", "Head\r\nof unit", "Enter this on one line"),
        ("country", "\x00", "Null characters are not allowed."),
        ("country", "99999999999999999999", "Choose a country from the list"),
        ("email", "a@b.org\nBcc: x@y.org", "Enter an email address in the correct format"),
        ("agency", "x" * 201, "Ensure this value has at most 200 characters"),
    ],
)
def test_it_shows_hostile_form_values_as_errors_at_their_field(staff_client, fiji, field, value, message):
    data = {"email": "new@labour.go.th", "country": fiji.pk, "agency": "Ministry of Labour", field: value}
    response = staff_client.post("/network/invite/", data)
    assert response.status_code == 200
    assertContains(response, f'id="id_{field}_error"')
    assertContains(response, message)
    assert Invitation.objects.count() == 0


def test_it_refuses_a_line_break_in_the_name_before_creating_the_account(client, staff, fiji):
    _, link = invite(staff, fiji, "new@welfare.gov.fj")
    password = "a-good-new-password-31"
    response = client.post(
        link, {"name": "Sera\r\nBcc: everyone@example.org", "password1": password, "password2": password}
    )
    assertContains(response, "Enter this on one line")
    assert not User.objects.filter(email="new@welfare.gov.fj").exists()
    # The link still works: nothing was used up.
    response = client.post(link, {"name": "Sera New", "password1": password, "password2": password})
    assert response.status_code == 302
    assert User.objects.get(email="new@welfare.gov.fj").name == "Sera New"


def test_it_answers_a_wrong_method_with_the_portal_page(focal_point_client):
    response = focal_point_client.get("/network/invitations/1/revoke/")
    assert response.status_code == 405
    assertContains(response, "This action is not possible at this address", status_code=405)
    assert response["Allow"] == "POST"
