"""Addresses of objects, reversed once per process.

`reverse()` costs tens of microseconds, and a page that lists the 62 countries would
spend a fifth of its rendering time on it (see bench/RESULTS.md). An object's address
depends only on the view, its arguments, the URL configuration, the script prefix and,
once addresses carry a language prefix (`i18n_patterns`), the language; so it is kept
per process under exactly those.
"""

import functools

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


@functools.lru_cache(maxsize=8192)
def _reversed(viewname, args, urlconf, script_prefix, language):
    return reverse(viewname, urlconf=urlconf, args=args)


def cached_reverse(viewname, *args):
    """`reverse(viewname, args=args)`, remembered for this process."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    prefixed_by_language, _prefix_default = is_language_prefix_patterns_used(urlconf)
    language = get_language() if prefixed_by_language else None
    return _reversed(viewname, args, urlconf, get_script_prefix(), language)
