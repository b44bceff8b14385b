"""Every public page type keeps to the Content-Security-Policy: nothing inline that the policy would block."""

import re

import pytest

from tests.conftest import emails_sent
from tests.good_practices.conftest import make_practice
from tests.progress_reports.conftest import make_cycle, published, start

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/about/",
    "/measures/",
    "/measures/7/",
    "/countries/",
    "/countries/tha/",
    "/fr/countries/tha/",
    "/reports/",
    "/reports/tha/2026/",
    "/reports/tha/2026/versions/1/",
    "/reports/tha/2026/versions/1/changes/",
    "/good-practices/",
    "/good-practices/?q=pension&subregion=sea",
    "/contact/",
    "/privacy/",
    "/accessibility/",
    "/dashboard/",
    "/dashboard/?cycle=2026&subregion=sea",
    "/data/",
    "/data/about/",
]
# What a policy without 'unsafe-inline' blocks: style attributes, <style> elements, scripts without src, handlers.
INLINE = re.compile(r"""\sstyle=|<style[\s>]|<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+=""", re.IGNORECASE)


@pytest.fixture
def content(focal_point, staff):
    with emails_sent():
        published(start(focal_point, make_cycle(), prefill=False), focal_point, staff)
    return make_practice(author=focal_point, title="Social pension for older persons", measures=(7,))


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_it_puts_nothing_inline_that_the_policy_blocks(client, content, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "default-src 'self'" in policy
    assert INLINE.findall(response.content.decode()) == []


def test_it_puts_nothing_inline_in_a_practice_page(client, content):
    response = client.get(content.get_absolute_url())
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert INLINE.findall(response.content.decode()) == []
