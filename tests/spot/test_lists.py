"""Lists joined as each language writes them, with what they hold escaped."""

from django.template import Context, Template
from django.utils import translation


def listed(items, language, tag=""):
    template = Template("{% load lists %}{{ items|listed:tag }}")
    with translation.override(language):
        return template.render(Context({"items": items, "tag": tag}))


def test_it_joins_items_with_the_language_s_separators_and_last_word():
    assert listed(["A", "B", "C"], "en") == "A, B, and C"
    assert listed(["A", "B", "C"], "fr") == "A, B et C"
    assert listed(["A", "B", "C"], "zh-hans") == "A、B和C"
    assert listed(["A", "B"], "ru") == "A и B"
    assert listed(["A"], "fr") == "A"


def test_it_wraps_each_item_in_the_tag_given_and_escapes_what_the_items_hold():
    assert listed(["REF_AREA", "<b>"], "fr", "code") == "<code>REF_AREA</code> et <code>&lt;b&gt;</code>"
    assert listed(["<script>"], "en") == "&lt;script&gt;"


def test_it_gives_the_separator_of_lists_a_template_builds():
    template = Template("{% load lists %}A{% list_separator %}B")
    for language, joined in [("en", "A, B"), ("fr", "A, B"), ("zh-hans", "A、B"), ("ru", "A, B")]:
        with translation.override(language):
            assert template.render(Context()) == joined
