"""The audit log: who did what, when, and from where.

Sign-ins, sign-outs and account changes arrive as signals from Django and
allauth; everything else is recorded by the service function that does it.
"""

from allauth.account.adapter import get_adapter
from allauth.account.signals import password_changed, password_reset
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver

from spot.models import AuditEvent

Action = AuditEvent.Action


def client_ip(request):
    """The client's address as allauth's rate limits see it (honours the trusted proxy count)."""
    if request is None:
        return None
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None


def record(request, action, *, actor=None, email="", country=None, detail=""):
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    return AuditEvent.objects.create(
        actor=actor,
        email=email or (actor.email if actor else ""),
        action=action,
        country=country,
        detail=detail,
        ip_address=client_ip(request),
    )


@receiver(user_logged_in)
def record_sign_in(sender, request, user, **kwargs):
    record(request, Action.SIGNED_IN, actor=user)


@receiver(user_logged_out)
def record_sign_out(sender, request, user, **kwargs):
    if user is not None:
        record(request, Action.SIGNED_OUT, actor=user)


@receiver(user_login_failed)
def record_failed_sign_in(sender, credentials, request=None, **kwargs):
    email = str(credentials.get("email") or credentials.get("username") or "")[:254]
    record(request, Action.SIGN_IN_FAILED, email=email)


@receiver(password_changed)
def record_password_change(sender, request, user, **kwargs):
    record(request, Action.PASSWORD_CHANGED, actor=user)


@receiver(password_reset)
def record_password_reset(sender, request, user, **kwargs):
    record(request, Action.PASSWORD_RESET, actor=user)


@receiver(authenticator_added)
@receiver(authenticator_removed)
@receiver(authenticator_reset)
def record_two_factor_change(sender, request, user, authenticator, **kwargs):
    record(request, Action.TWO_FACTOR_CHANGED, actor=user, detail=f"{authenticator.get_type_display()}")
