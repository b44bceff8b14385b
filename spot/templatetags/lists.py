"""Lists as the page's language writes them: "A, B and C", "A, B et C", "A、B和C"."""

import functools

from babel import Locale
from babel.lists import format_list
from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, to_locale

register = template.Library()


@register.filter
def listed(items, tag=""):
    """The items joined by the language's separators and last "and", each escaped and, given a tag, inside it."""
    items = [format_html("<{0}>{1}</{0}>", tag, item) if tag else conditional_escape(item) for item in items]
    # The separators are the language's own words and punctuation (CLDR's), with nothing to escape in them.
    return mark_safe(format_list(items, locale=to_locale(get_language() or "en")))


@register.simple_tag
def list_separator():
    """What the language puts between two items of a list, for lists a template builds itself: ", " or "、"."""
    return separator(get_language() or "en")


@functools.cache
def separator(language):
    middle = Locale.parse(to_locale(language)).list_patterns["standard"]["middle"]
    return middle.replace("{0}", "").replace("{1}", "")
