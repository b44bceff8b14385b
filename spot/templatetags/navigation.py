from babel import Locale
from django import template
from django.conf import settings
from django.utils import translation

from spot.languages import bcp47 as language_tag

register = template.Library()


@register.filter
def startswith(text, prefix):
    """For the main navigation: is this page in the section whose address starts with `prefix`?"""
    return bool(prefix) and str(text).startswith(str(prefix))


@register.filter
def bcp47(code):
    """A Django language code as HTML's lang and hreflang spell it (zh-hans: zh-Hans)."""
    return language_tag(code)


@register.filter
def other_than_page(code):
    """Whether text written in `code` is in another language than the page's (zh and zh-hans are one)."""
    page = translation.get_language() or settings.LANGUAGE_CODE
    return bool(code) and code.split("-")[0].lower() != page.split("-")[0].lower()


@register.filter
def language_name(code):
    """The name of the language `code` in the page's language, as CLDR writes it."""
    page = translation.get_language() or settings.LANGUAGE_CODE
    return Locale.parse(translation.to_locale(page)).languages.get(code.split("-")[0], code)
