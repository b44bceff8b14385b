"""Every page in each of ESCAP's four languages, linked to its versions in the others."""

import re

import pytest
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db

PREFIXES = {"en": "", "fr": "/fr", "ru": "/ru", "zh-hans": "/zh-hans"}
TAGS = {"en": "en", "fr": "fr", "ru": "ru", "zh-hans": "zh-Hans"}


@pytest.mark.parametrize("language", PREFIXES)
@pytest.mark.parametrize("path", ["/", "/measures/7/", "/countries/tha/", "/reports/", "/good-practices/", "/about/"])
def test_it_answers_every_page_in_every_language_with_the_right_lang(client, language, path):
    response = client.get(PREFIXES[language] + path)
    assert response.status_code == 200
    assertContains(response, f'<html lang="{TAGS[language]}">')


@pytest.mark.parametrize("language", PREFIXES)
def test_it_links_the_same_page_in_every_language_keeping_the_query(client, language):
    response = client.get(PREFIXES[language] + "/countries/tha/?tab=reports")
    content = response.content.decode()
    switcher = re.search(r'<nav class="language-nav".*?</nav>', content, re.S).group(0)
    for other, prefix in PREFIXES.items():
        assert f'href="{prefix}/countries/tha/?tab=reports"' in switcher
        assert f'hreflang="{TAGS[other]}"' in switcher
    assert switcher.count('aria-current="true"') == 1
    assert f'lang="{TAGS[language]}" hreflang="{TAGS[language]}" aria-current="true"' in switcher


def test_it_declares_the_alternates_with_absolute_addresses_and_a_default(client, settings):
    content = client.get("/fr/measures/").content.decode()
    site = settings.SITE_URL
    for language, prefix in PREFIXES.items():
        assert f'<link rel="alternate" hreflang="{TAGS[language]}" href="{site}{prefix}/measures/">' in content
    assert f'<link rel="alternate" hreflang="x-default" href="{site}/measures/">' in content


def test_it_keeps_english_addresses_without_a_prefix_whatever_the_browser_prefers(client):
    response = client.get("/measures/", HTTP_ACCEPT_LANGUAGE="ru,fr;q=0.8")
    assert response.status_code == 200
    assertContains(response, '<html lang="en">')


def test_it_offers_the_browser_s_language_once_through_the_script_only(client):
    content = client.get("/countries/fji/").content.decode()
    suggestion = re.search(r"<aside class=\"language-suggestion\".*?</aside>", content, re.S).group(0)
    assert "hidden" in suggestion.split(">")[0]
    for language in ("fr", "ru", "zh-hans"):
        assert f'data-language="{language}" hidden' in suggestion
        assert f'href="{PREFIXES[language]}/countries/fji/"' in suggestion
    assert 'data-language="en"' not in suggestion


def test_it_links_an_unknown_address_to_each_language_s_home_page(client):
    content = client.get("/fr/no-such-page/").content.decode()
    switcher = re.search(r'<nav class="language-nav".*?</nav>', content, re.S).group(0)
    assert 'href="/"' in switcher and 'href="/ru/"' in switcher
