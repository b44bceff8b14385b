"""The audit log: who did what, to what, when, and from where.

Each app owns the names of its actions: a `TextChoices` class registered with
`register_actions` (as a class decorator, in the app's models module). The
column holds only the name, so an app adds an action without a migration of
`spot`:

    @register_actions
    class ReportAction(models.TextChoices):
        SUBMITTED = "report-submitted", _("Report submitted")

    record(ReportAction.SUBMITTED, actor=user, ip=ip, target=report, country=report.country)

Services call `record` with the actor and the client's address (`client_ip`
of the request, taken by the view); they never receive the request itself.
"""

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from spot.models import AuditEvent

# Every registered action name with its label, across all apps.
ACTIONS = {}


def register_actions(choices):
    """Make a `TextChoices` class's members valid audit actions. Names are unique across apps."""
    for member in choices:
        if member.value in ACTIONS and ACTIONS[member.value] is not member:
            raise ImproperlyConfigured(f"The audit action {member.value!r} is registered twice.")
        ACTIONS[member.value] = member
    return choices


def action_label(name):
    member = ACTIONS.get(name)
    return member.label if member is not None else name


@register_actions
class AccountAction(models.TextChoices):
    """What happens to accounts: sign-ins, passwords, two-factor, roles."""

    SIGNED_IN = "signed-in", _("Signed in")
    SIGN_IN_FAILED = "sign-in-failed", _("Sign-in failed")
    SIGNED_OUT = "signed-out", _("Signed out")
    ROLE_CHANGED = "role-changed", _("Role changed")
    PASSWORD_CHANGED = "password-changed", _("Password changed")
    PASSWORD_RESET = "password-reset", _("Password reset")
    TWO_FACTOR_CHANGED = "two-factor-changed", _("Two-factor settings changed")


def client_ip(request):
    """The client's address as the sign-in rate limits see it (honours TRUSTED_PROXY_COUNT)."""
    if request is None:
        return None
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None


def clean_text(text):
    """PostgreSQL refuses NUL characters in text; what a person typed is recorded without them."""
    return str(text).replace("\x00", "")


def record(action, *, actor=None, ip=None, email="", target=None, country=None, detail=""):
    """Write one audit event. `target` is the object acted on (any model); `country` defaults to its country."""
    if action not in ACTIONS:
        raise ValueError(f"{action!r} is not a registered audit action.")
    if actor is not None and not actor.is_authenticated:
        actor = None
    if country is None and target is not None:
        country = getattr(target, "country", None)
    return AuditEvent.objects.create(
        actor=actor,
        email=clean_text(email or (actor.email if actor else ""))[:254],
        action=action,
        target=target,
        country=country,
        detail=clean_text(detail),
        ip_address=ip,
    )
