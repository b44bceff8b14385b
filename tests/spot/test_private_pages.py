"""Pages with personal data are never stored by a browser or a shared cache."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/my/", "/network/", "/my/membership/", "/network/invite/", "/accounts/2fa/"])
def test_it_forbids_storing_personal_pages(focal_point_client, path):
    response = focal_point_client.get(path)
    assert response.status_code == 200
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives


@pytest.mark.parametrize("path", ["/", "/countries/tha/"])
def test_it_forbids_storing_what_a_signed_in_person_sees_even_on_public_pages(focal_point_client, path):
    directives = focal_point_client.get(path)["Cache-Control"]
    assert "private" in directives and "no-store" in directives


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/password/reset/"])
def test_it_forbids_storing_the_sign_in_pages(client, path):
    assert "no-store" in client.get(path)["Cache-Control"]
