"""The portal's addresses plus /bench/bare/: the floor every public page is measured against."""

from django.http import HttpResponse
from django.urls import path

from bench import BARE_PATH
from spot.urls import urlpatterns as portal_urlpatterns


def bare(request):
    """Two bytes through the same middleware as every page: what Django itself costs."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path(BARE_PATH.strip("/") + "/", bare), *portal_urlpatterns]
