"""Contact, privacy and accessibility: linked from every page, saying what the portal really does."""

import pytest
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/measures/", "/countries/fji/", "/about/", "/accounts/login/"])
def test_it_links_the_trust_pages_and_the_action_plan_from_every_footer(client, path, settings):
    response = client.get(path)
    for url in ["/contact/", "/privacy/", "/accessibility/", settings.ACTION_PLAN_URL]:
        assertContains(response, f'href="{url}"')


def test_it_gives_the_secretariat_s_address_from_the_settings(client, settings):
    settings.SECRETARIAT_EMAIL = "social-protection@secretariat.example.org"
    response = client.get("/contact/")
    assertContains(response, 'href="mailto:social-protection@secretariat.example.org"')


def test_it_says_what_is_stored_about_focal_points_why_who_sees_it_and_for_how_long(client):
    response = client.get("/privacy/")
    for heading in ["What the portal keeps", "Why", "Who sees it", "For how long", "Seeing, correcting and removing"]:
        assertContains(response, heading)
    assertContains(response, "work email address")
    assertContains(response, "Email addresses are never public")


def test_it_states_the_accessibility_standard_and_how_to_report_a_problem(client):
    response = client.get("/accessibility/")
    assertContains(response, "WCAG")
    assertContains(response, "2.2 at level AA")
    assertContains(response, "Report a problem")


def test_it_links_contact_the_secretariat_from_the_403_page(colleague_client):
    response = colleague_client.get("/network/invite/")
    assert response.status_code == 403
    assertContains(response, 'href="/contact/"', status_code=403)
