"""The base template's accessibility scaffolding, checked on every public page."""

import re

import pytest

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/about/", "/measures/", "/measures/3/", "/countries/", "/countries/fji/"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_it_has_language_skip_link_landmarks_and_one_h1(client, path):
    content = client.get(path).content.decode()
    assert '<html lang="en">' in content
    assert '<a class="skip-link" href="#main">' in content
    assert '<main id="main"' in content
    assert "<header" in content and "<footer" in content and 'aria-label="Main"' in content
    assert len(re.findall(r"<h1[ >]", content)) == 1


@pytest.mark.parametrize("path", PUBLIC_PAGES[1:])
def test_it_shows_breadcrumbs_on_inner_pages(client, path):
    content = client.get(path).content.decode()
    assert 'aria-label="Breadcrumb"' in content
    assert 'aria-current="page"' in content


def test_it_serves_its_stylesheet_from_static_without_a_cdn(client):
    content = client.get("/").content.decode()
    assert re.search(r'href="/static/css/site[^"]*\.css"', content)
    assert "//cdn" not in content and "https://" not in content.split("<body")[0]


def test_it_sends_a_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
