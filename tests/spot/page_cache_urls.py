"""Views for the page cache's tests: each counts how often it really ran."""

from collections import Counter

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from spot.page_cache import public_page
from spot.urls import urlpatterns as portal_urlpatterns

RUNS = Counter()


def counted(name, respond):
    def view(request):
        RUNS[name] += 1
        return respond(request)

    return view


def with_cookie(request):
    response = HttpResponse("hello")
    response.set_cookie("flavour", "oat")
    return response


def with_message(request):
    messages.info(request, "Told once")
    return HttpResponse("hello")


def private(request):
    return HttpResponse("yours", headers={"Cache-Control": "private"})


def with_nonce(request):
    return HttpResponse(f"nonce {request.csp_nonce}")


urlpatterns = [
    path("plain/", public_page(counted("plain", lambda request: HttpResponse("hello")))),
    path("unmarked/", counted("unmarked", lambda request: HttpResponse("hello"))),
    path("cookie/", public_page(counted("cookie", with_cookie))),
    path("csrf/", public_page(counted("csrf", lambda request: HttpResponse(get_token(request))))),
    path("message/", public_page(counted("message", with_message))),
    path("private/", public_page(counted("private", private))),
    path("nonce/", public_page(counted("nonce", with_nonce))),
    path("missing/", public_page(counted("missing", lambda request: HttpResponse("no", status=404)))),
    path("moved/", public_page(counted("moved", lambda request: HttpResponse(status=301, headers={"Location": "/"})))),
    # The error pages link to the portal's own.
    *portal_urlpatterns,
]
