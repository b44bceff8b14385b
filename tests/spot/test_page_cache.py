"""Public pages are served to anonymous visitors from a cache that every public change invalidates."""

import pytest
from django.core.cache import caches
from pytest_django.asserts import assertContains, assertNotContains

from focal_points.models import FocalPoint
from spot import public_cache
from spot.page_cache import page_key
from tests.conftest import emails_sent, make_focal_point
from tests.spot import page_cache_urls

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/about/",
    "/measures/",
    "/measures/7/",
    "/countries/",
    "/countries/tha/",
    "/contact/",
    "/privacy/",
    "/accessibility/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_it_serves_every_public_page_again_without_a_query(client, path, django_assert_num_queries):
    first = client.get(path)
    with django_assert_num_queries(0):
        again = client.get(path)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == "text/html; charset=utf-8"


def test_it_keeps_the_security_headers_on_a_cached_page(client):
    client.get("/countries/")
    response = client.get("/countries/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_shows_a_consent_change_at_the_next_anonymous_request(client, focal_point, django_assert_num_queries):
    assertNotContains(client.get("/countries/tha/"), "Niran Lead")
    with django_assert_num_queries(0):
        assertNotContains(client.get("/countries/tha/"), "Niran Lead")

    member = client.__class__()
    member.force_login(focal_point)
    with emails_sent():
        response = member.post("/my/membership/", {"position": "Director", "listed_publicly": "on"})
    assert response.status_code == 302

    assertContains(client.get("/countries/tha/"), "Niran Lead, Director")


def test_it_shows_a_withdrawn_consent_at_the_next_anonymous_request(client):
    person = make_focal_point("listed@m.go.th", "Listed Person", "THA", listed_publicly=True)
    assertContains(client.get("/countries/tha/"), "Listed Person")

    member = client.__class__()
    member.force_login(person)
    with emails_sent():
        member.post("/my/membership/", {"position": ""})
    assert not FocalPoint.objects.get(user=person).listed_publicly

    assertNotContains(client.get("/countries/tha/"), "Listed Person")


def test_it_keeps_showing_the_cached_page_until_something_public_changes(client):
    client.get("/countries/tha/")
    # A write that forgets to announce itself is not seen: the version is the only invalidation.
    make_focal_point("quiet@m.go.th", "Quiet Person", "THA", agency="Unannounced Agency")
    assertNotContains(client.get("/countries/tha/"), "Unannounced Agency")
    public_cache.bump()
    assertContains(client.get("/countries/tha/"), "Unannounced Agency")


def test_it_never_serves_a_signed_in_person_from_the_cache(client, focal_point_client):
    assertNotContains(client.get("/"), "Sign out")
    response = focal_point_client.get("/")
    assertContains(response, "Sign out")
    assert "private" in response["Cache-Control"]


def test_it_never_stores_what_a_signed_in_person_sees(client, focal_point_client):
    assertContains(focal_point_client.get("/measures/"), "Sign out")
    assertNotContains(client.get("/measures/"), "Sign out")


def test_it_does_not_serve_a_request_that_carries_a_session_from_the_cache(client, django_assert_max_num_queries):
    client.get("/countries/")
    client.cookies["sessionid"] = "a-session-that-does-not-exist"
    with django_assert_max_num_queries(3) as queries:
        client.get("/countries/")
    assert len(queries) >= 1


def test_it_keys_pages_by_their_query_string(client, django_assert_max_num_queries):
    client.get("/countries/")
    with django_assert_max_num_queries(3) as queries:
        client.get("/countries/?page=2")
    assert len(queries) >= 1


def test_it_answers_a_revalidation_with_304_when_the_page_is_unchanged(client):
    first = client.get("/measures/")
    assert first["ETag"]
    assert "no-cache" in first["Cache-Control"]
    assert "Cookie" in first["Vary"]
    again = client.get("/measures/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    public_cache.bump()
    assert client.get("/measures/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_it_is_off_when_page_cache_seconds_is_zero(client, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/countries/")
    with django_assert_max_num_queries(3) as queries:
        response = client.get("/countries/")
    assert len(queries) >= 1
    assert not response.has_header("ETag")


def test_it_renders_afresh_when_the_version_cannot_be_kept(client, settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    settings.PUBLIC_CONTENT_VERSION_FILE = str(blocker / "version")  # a directory that cannot exist
    assert public_cache.content_version() is None
    client.get("/countries/")
    assert caches["pages"]._cache == {}
    assert client.get("/countries/").status_code == 200


@pytest.fixture
def test_views(settings):
    settings.ROOT_URLCONF = "tests.spot.page_cache_urls"
    page_cache_urls.RUNS.clear()
    return page_cache_urls.RUNS


def runs_after_two_requests(client, name, method="get"):
    for _ in range(2):
        getattr(client, method)(f"/{name}/")
    return page_cache_urls.RUNS[name]


def test_it_stores_a_page_marked_public(client, test_views):
    assert runs_after_two_requests(client, "plain") == 1


def test_it_does_not_store_a_page_not_marked_public(client, test_views):
    assert runs_after_two_requests(client, "unmarked") == 2


@pytest.mark.parametrize("name", ["cookie", "csrf", "message"])
def test_it_does_not_store_a_page_that_sets_a_cookie(client, test_views, name):
    assert runs_after_two_requests(client, name) == 2


@pytest.mark.parametrize("name", ["missing", "moved"])
def test_it_does_not_store_other_answers_than_200(client, test_views, name):
    assert runs_after_two_requests(client, name) == 2


def test_it_does_not_store_a_private_page(client, test_views):
    assert runs_after_two_requests(client, "private") == 2


def test_it_does_not_store_a_page_with_a_csp_nonce(client, test_views):
    assert runs_after_two_requests(client, "nonce") == 2


def test_it_does_not_cache_a_post(client, test_views):
    assert runs_after_two_requests(client, "plain", method="post") == 2


def test_it_does_not_serve_a_request_carrying_messages_from_the_cache(client, test_views):
    client.get("/plain/")
    client.cookies["messages"] = "something"
    client.get("/plain/")
    assert test_views["plain"] == 2


def test_it_refuses_an_unknown_host_on_a_hit_too(client, test_views):
    client.get("/plain/")
    assert client.get("/plain/", HTTP_HOST="evil.example.com").status_code == 400


def test_it_keys_pages_by_language():
    assert page_key("/countries/", "en", "v1") != page_key("/countries/", "fr", "v1")
    assert page_key("/countries/", "en", "v1") != page_key("/countries/", "en", "v2")
    assert page_key("/countries/", "en", "v1") != page_key("/countries/?page=2", "en", "v1")


def test_it_keeps_languages_apart_by_address_never_by_the_browser_preference(client):
    english = client.get("/about/", HTTP_ACCEPT_LANGUAGE="fr")
    french = client.get("/fr/about/", HTTP_ACCEPT_LANGUAGE="en")
    english_again = client.get("/about/", HTTP_ACCEPT_LANGUAGE="ru")
    assertContains(english, '<html lang="en">')
    assertContains(french, '<html lang="fr">')
    assert english_again.content == english.content


def test_it_renders_public_pages_afresh_after_a_migration(client, tmp_path, settings):
    from django.apps import apps

    from spot.receivers import render_public_pages_afresh_after_migrating

    before = public_cache.content_version()
    render_public_pages_afresh_after_migrating(
        sender=apps.get_app_config("spot"), app_config=apps.get_app_config("spot")
    )
    assert public_cache.content_version() != before


def test_it_refuses_an_unknown_host_with_the_portal_400_page_when_nothing_is_cached(client):
    response = client.get("/about/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assertContains(response, "Sign in", status_code=400)
