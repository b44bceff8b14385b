from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect

# Pages a staff member without two-factor sign-in may still reach: sign-in and
# account pages (to set it up, or to sign out) and static files.
OPEN_PREFIXES = ("/accounts/", "/" + settings.STATIC_URL.lstrip("/"))


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
                "Staff accounts must use two-factor sign-in. Set up an authenticator app to continue.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
