import logging

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

logger = logging.getLogger("spot.middleware")

# How soon a person (or a crawler) may try again while the database is away.
RETRY_AFTER_SECONDS = 30

# Pages a staff member without two-factor sign-in may still reach: sign-in and
# account pages (to set it up, or to sign out) and static files.
OPEN_PREFIXES = ("/accounts/", "/" + settings.STATIC_URL.lstrip("/"))

# Pages that speak to one person (their account, an invitation meant for them): never stored by a cache.
PERSONAL_PREFIXES = ("/accounts/", "/invitations/", "/my/", "/network/", "/review/")


class StaffTwoFactorMiddleware:
    """Staff accounts must use two-factor sign-in before reaching any page as staff."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and user.is_staff
            and not request.path.startswith(OPEN_PREFIXES)
            and not is_mfa_enabled(user, types=[Authenticator.Type.TOTP])
        ):
            messages.warning(
                request,
                _("Staff accounts must use two-factor sign-in. Set up an authenticator app to continue."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def has_nul(text):
    return "\x00" in text


class MalformedRequestMiddleware:
    """Refuse, with the portal's 400 page, addresses that no page can mean.

    A NUL character in the path or the query string cannot be stored or compared by
    PostgreSQL; rather than let each view trip over it, the request is refused here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.GET
        if has_nul(request.path) or any(has_nul(key) or any(has_nul(v) for v in query.getlist(key)) for key in query):
            return HttpResponseBadRequest(render_to_string("400.html", request=request))
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Personal pages, and every page a signed-in person sees, are never kept by a shared or browser cache.

    Also gives a 405 (method not allowed) the portal's page instead of an empty body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(PERSONAL_PREFIXES) or request.user.is_authenticated:
            add_never_cache_headers(response)
        if response.status_code == 405 and not response.streaming and not response.content:
            response.content = render_to_string("405.html", request=request)
            response["Content-Type"] = "text/html; charset=utf-8"
        return response


class PermissionsPolicyMiddleware:
    """Tell browsers which powerful features (camera, location...) no page of the portal may use."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """A database that cannot be reached (restarting, failing over) gives a 503 'try again shortly' page.

    Not a 500: nothing is wrong with the portal, and the person should simply retry. The page is
    rendered without the request, whose session or user would need the very database that is away.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable for %s %s: %s", request.method, request.path, exception)
        page = render_to_string("503.html", {"action_plan_url": settings.ACTION_PLAN_URL})
        response = HttpResponse(page, status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
        add_never_cache_headers(response)
        return response
