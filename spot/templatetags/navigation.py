from django import template

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
