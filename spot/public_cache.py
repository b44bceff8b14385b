"""The version of what the public pages show.

Every write that changes a public page (a report or a practice published, returned,
archived; a focal point's public listing; a translation entered) calls
`content_changed()`. Caches of public pages are keyed by `content_version()`, so the
next anonymous request after such a change renders afresh.
"""

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "spot:public-content-version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def content_changed():
    """Bump the version once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(bump)


def bump():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, 2, timeout=None)
