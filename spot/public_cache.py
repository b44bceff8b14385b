"""The version of what the public pages show.

Every write that changes a public page (a report or a practice published, returned,
archived; a focal point's public listing; a translation entered) calls
`content_changed()`. Cached public pages are keyed by `content_version()`
(see `spot.page_cache`), so the next anonymous request after such a change renders afresh.

The version is an opaque token, never a counter that could start again from a value
that old pages are still stored under. It lives where every server process sees it
and where reading it costs no SQL query:

- in Redis (the default cache) when `REDIS_URL` is set, shared by every server;
- otherwise in a small file (`PUBLIC_CONTENT_VERSION_FILE`), shared by every process
  on the machine: reading it is one small read, and a change atomically replaces it.

`content_version()` answers None when the version cannot be read (Redis down, the
file unwritable): pages are then rendered afresh, never served from the cache.
"""

import logging
import os
import secrets
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger("spot.public_cache")

VERSION_KEY = "spot:public-content-version"


def content_version():
    path = settings.PUBLIC_CONTENT_VERSION_FILE
    if path:
        return _file_version(Path(path))
    return _cached_version()


def content_changed():
    """Change the version once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(bump)


def bump():
    path = settings.PUBLIC_CONTENT_VERSION_FILE
    if path:
        _replace_version_file(Path(path))
    else:
        cache.set(VERSION_KEY, secrets.token_hex(8), timeout=None)


def _cached_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _file_version(path):
    for _attempt in range(2):
        try:
            return path.read_text()
        except FileNotFoundError:
            # The first request on a new machine creates the file.
            if not _replace_version_file(path):
                return None
        except OSError as error:
            logger.error("The public content version could not be read (%s): %s", path, error)
            return None
    return None


def _replace_version_file(path):
    """Put a file with a new random token in place, atomically: a reader sees the old token or the new."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".version-")
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_hex(8))
        os.replace(temporary, path)
        return True
    except OSError as error:
        logger.error("The public content version could not be changed (%s): %s", path, error)
        return False
