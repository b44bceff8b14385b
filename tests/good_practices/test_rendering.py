"""Markdown becomes safe HTML: what an author can write never runs in a reader's browser."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from good_practices import services
from good_practices.rendering import plain_text, render_markdown
from tests.good_practices.conftest import make_practice

HOSTILE_BODY = """Our programme **works**.

<script>alert("body")</script>
<img src="x.png" onerror="alert('img')">
[a javascript link](javascript:alert('link'))
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a data link</a>
<iframe src="https://evil.example.com/frame"></iframe>
<p style="position:fixed;top:0">styled paragraph</p>
<div onclick="alert('click')" onmouseover="alert('over')">handlers</div>
<svg onload="alert('svg')"><circle r="5"/></svg>
<style>body { display: none }</style>
[the ministry's page](https://ministry.example.org/programme) and [our list](/good-practices/)
"""


def test_it_keeps_formatting_and_drops_everything_that_could_run():
    html = render_markdown(HOSTILE_BODY)
    assert "<strong>works</strong>" in html
    for forbidden in [
        "<script",
        "onerror",
        "onclick",
        "onmouseover",
        "onload",
        "javascript:",
        "data:",
        "<iframe",
        "style=",
        "<style",
        "<svg",
        "<img",
    ]:
        assert forbidden not in html, forbidden
    assert "styled paragraph" in html and "handlers" in html


def test_it_marks_links_to_other_sites_nofollow_noopener_noreferrer_and_leaves_its_own_alone():
    html = render_markdown(HOSTILE_BODY)
    assert '<a href="https://ministry.example.org/programme" rel="nofollow noopener noreferrer">' in html
    assert '<a href="/good-practices/">our list</a>' in html


def test_it_puts_the_authors_headings_under_the_page_headings():
    html = render_markdown("# Background\n\n## Design\n\ntext")
    assert "<h3>Background</h3>" in html and "<h4>Design</h4>" in html
    assert "<h1" not in html and "<h2" not in html


def test_it_turns_sanitised_html_into_plain_words_for_the_search():
    assert plain_text("<p>Cash &amp; care</p>", "<ul><li>one</li></ul>") == "Cash & care one"


@pytest.mark.django_db
def test_it_publishes_a_hostile_body_without_any_of_its_dangers(client, staff, focal_point):
    practice = make_practice(state="draft", author=focal_point, body=HOSTILE_BODY, results=HOSTILE_BODY)
    services.submit(practice, actor=focal_point, ip=None)
    services.publish(practice, actor=staff, ip=None)

    response = client.get(practice.get_absolute_url())

    assertContains(response, "<strong>works</strong>", count=2)
    body = response.content.decode().split('<main id="main"')[1]
    for forbidden in [
        "<script",
        "onerror=",
        "onclick=",
        "onload=",
        "javascript:",
        "data:text",
        "<iframe",
        "style=",
        "<style",
    ]:
        assert forbidden not in body, forbidden
    assertContains(response, 'href="https://ministry.example.org/programme" rel="nofollow noopener noreferrer"')


@pytest.mark.django_db
def test_it_shows_typed_titles_and_sources_as_text(client):
    practice = make_practice(
        title='<b>Bold</b> "claims"',
        sources=[{"title": "<script>alert(1)</script>", "url": "https://example.org/report"}],
    )
    response = client.get(practice.get_absolute_url())
    assertContains(response, "&lt;b&gt;Bold&lt;/b&gt;")
    assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")
    assertNotContains(response, "<script>alert(1)")
