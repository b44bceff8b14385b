"""Public pages served to anonymous visitors from a cache.

A public view opts in with one line:

    @public_page
    def country_detail(request, iso3):
        ...

The first anonymous GET (or HEAD) of an address renders the page and keeps it in the
"pages" cache; later ones are answered from there without a SQL query, until what the
public pages show changes. The key is the address (path and query), the language and
`spot.public_cache.content_version()`, which every write that changes a public page
bumps: invalidation is a new version, so nothing is ever deleted and no page can miss
a change. Old versions simply age out (`PAGE_CACHE_SECONDS`).

Never from or into the cache: a request that carries a session or a pending message
(a signed-in person, or someone just told something), any method but GET and HEAD,
and any response that is not a plain 200, sets a cookie (a session, a CSRF token, a
message), or says it is private. Without a session cookie, the session every page
reads is empty: the page varies on the session only in saying "Sign in".

Each cached page carries an ETag, so a browser that asks again with `If-None-Match`
gets a 304 without the body.

The middleware runs on hits as on misses: security headers, CSP and the request log
are the same whether a page was rendered or not.
"""

import functools
import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language

from spot.public_cache import content_version

CACHE_ALIAS = "pages"
CACHEABLE_METHODS = ("GET", "HEAD")


def public_page(view):
    """Serve `view` to anonymous visitors from the page cache (see the module's docstring)."""

    @functools.wraps(view)
    def cached_view(request, *args, **kwargs):
        if not may_serve_from_cache(request):
            return view(request, *args, **kwargs)
        # Read the version before rendering: a change committed while the page renders
        # bumps the version after it, so the page is stored under the older key.
        version = content_version()
        if version is None:
            return view(request, *args, **kwargs)
        key = page_key(request, version)
        pages = caches[CACHE_ALIAS]
        entry = pages.get(key)
        if entry is not None:
            return response_from(entry, request)
        response = view(request, *args, **kwargs)
        if may_store(request, response):
            entry = entry_from(response)
            pages.set(key, entry, settings.PAGE_CACHE_SECONDS)
            mark_revalidatable(response, entry.etag)
        return response

    return cached_view


def may_serve_from_cache(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in CACHEABLE_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def page_key(request, version):
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{version}:{get_language()}:{address}"


def may_store(request, response):
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # Every page reads the (empty) session to know the visitor is anonymous; one that writes to it sets a cookie.
        and not (session is not None and session.modified)
        and not (messages is not None and messages.added_new)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class Entry:
    """What a cached page keeps: its headers as the view set them, its body and its ETag."""

    __slots__ = ("headers", "content", "etag")

    def __init__(self, headers, content, etag):
        self.headers = headers
        self.content = content
        self.etag = etag

    def __getstate__(self):
        return (self.headers, self.content, self.etag)

    def __setstate__(self, state):
        self.headers, self.content, self.etag = state


def entry_from(response):
    content = response.content
    etag = f'"{hashlib.blake2b(content, digest_size=16).hexdigest()}"'
    return Entry(tuple(response.items()), content, etag)


def response_from(entry, request):
    if entry.etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(entry.content, headers=dict(entry.headers))
    mark_revalidatable(response, entry.etag)
    return response


def mark_revalidatable(response, etag):
    """Browsers may keep the page but must ask again (cheaply, with its ETag) before showing it.

    Shared caches on the way must keep signed-in people's requests (which carry a cookie) apart.
    """
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
