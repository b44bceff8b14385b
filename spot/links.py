"""Addresses of objects, reversed once per process.

`reverse()` costs tens of microseconds, and a page that lists the 62 countries would
spend a fifth of its rendering time on it (see bench/RESULTS.md). An object's address
depends only on the view, its arguments, the URL configuration, the language (once
addresses carry a language prefix) and the script prefix, so it is kept per process
under exactly those.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


@functools.lru_cache(maxsize=8192)
def _reversed(viewname, args, urlconf, language, script_prefix):
    return reverse(viewname, urlconf=urlconf, args=args)


def cached_reverse(viewname, *args):
    """`reverse(viewname, args=args)`, remembered for this process."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reversed(viewname, args, urlconf, get_language(), get_script_prefix())
