"""Public pages served to anonymous visitors from a cache.

A public view opts in with one line:

    @public_page
    def country_detail(request, iso3):
        ...

`PageCacheMiddleware` does the rest. The first anonymous GET (or HEAD) of an address
renders the page and keeps the finished response (body and headers, CSP included);
later ones are answered by the middleware before sessions, authentication, CSRF or
the view run, without a SQL query, until what the public pages show changes.

The key is the address (path and query), the language and
`spot.public_cache.content_version()`, which every write that changes a public page
bumps: invalidation is a new version, so nothing is ever deleted and no page can miss
a change. Old versions simply age out (`PAGE_CACHE_SECONDS`).

Never from or into the cache: a request that carries a session or a pending message
(a signed-in person, or someone just told something), any method but GET and HEAD, a
view not marked public, and any response that is not a plain 200, sets a cookie (a
session, a CSRF token, a message), says it is private, or carries a CSP nonce. Without
a session cookie, the session every page reads is empty: a public page varies on it
only in saying "Sign in".

Each cached page carries an ETag, so a browser that asks again with `If-None-Match`
gets a 304 without the body. The middleware sits after the security middleware, so
the HTTPS redirect, HSTS and the other security headers apply to hits as to misses.
"""

import functools
import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags

from spot.public_cache import content_version

CACHE_ALIAS = "pages"
CACHEABLE_METHODS = ("GET", "HEAD")
LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"


def public_page(view):
    """Mark `view`'s answers as the same for every anonymous visitor, so that they may be cached."""

    @functools.wraps(view)
    def marked_view(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.public_page = True
        return response

    return marked_view


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # Until the portal speaks several languages, every page is in LANGUAGE_CODE.
        self.negotiates_language = LOCALE_MIDDLEWARE in settings.MIDDLEWARE

    def __call__(self, request):
        key = self.key_for(request)
        if key is None:
            return self.get_response(request)
        pages = caches[CACHE_ALIAS]
        entry = pages.get(key)
        if entry is not None:
            return response_from(entry, request)
        response = self.get_response(request)
        if may_store(request, response):
            pages.set(key, entry_from(response), settings.PAGE_CACHE_SECONDS)
        return response

    def key_for(self, request):
        """The page's key, or None when this request must not be answered from the cache."""
        if not may_serve_from_cache(request):
            return None
        request.get_host()  # a host outside ALLOWED_HOSTS is refused on hits too
        # Read the version before rendering: a change committed while the page renders
        # bumps the version after it, so the page is stored under the older key.
        version = content_version()
        if version is None:
            return None
        # The address decides the language (English has no prefix), never the browser's preference.
        language = (self.negotiates_language and translation.get_language_from_path(request.path_info)) or (
            settings.LANGUAGE_CODE
        )
        return page_key(request.get_full_path(), language, version)


def may_serve_from_cache(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in CACHEABLE_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def page_key(address, language, version):
    digest = hashlib.blake2b(address.encode(), digest_size=16).hexdigest()
    return f"page:{version}:{language}:{digest}"


def may_store(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        getattr(response, "public_page", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and getattr(request, "_csp_nonce", None) is None
    )


class Entry:
    """A finished page: its headers, its body and its ETag."""

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
    """Keep `response` (made revalidatable first, so that hits carry the same headers)."""
    content = response.content
    etag = f'"{hashlib.blake2b(content, digest_size=16).hexdigest()}"'
    mark_revalidatable(response, etag)
    return Entry(dict(response.items()), content, etag)


def response_from(entry, request):
    if entry.etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
        for header in ("ETag", "Cache-Control", "Vary"):
            response[header] = entry.headers[header]
        return response
    return HttpResponse(entry.content, headers=entry.headers)


def mark_revalidatable(response, etag):
    """Browsers may keep the page but must ask again (cheaply, with its ETag) before showing it.

    Shared caches on the way must keep signed-in people's requests (which carry a cookie) apart.
    """
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
