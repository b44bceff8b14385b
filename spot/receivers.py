"""Signals from Django and allauth: sign-ins, sign-outs and account changes; migrations (deployments)."""

from allauth.account.signals import password_changed, password_reset
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from spot import public_cache
from spot.audit import AccountAction, client_ip, record


@receiver(user_logged_in)
def record_sign_in(sender, request, user, **kwargs):
    record(AccountAction.SIGNED_IN, actor=user, ip=client_ip(request))


@receiver(user_logged_out)
def record_sign_out(sender, request, user, **kwargs):
    if user is not None:
        record(AccountAction.SIGNED_OUT, actor=user, ip=client_ip(request))


@receiver(user_login_failed)
def record_failed_sign_in(sender, credentials, request=None, **kwargs):
    email = str(credentials.get("email") or credentials.get("username") or "")[:254]
    record(AccountAction.SIGN_IN_FAILED, email=email, ip=client_ip(request))


@receiver(password_changed)
def record_password_change(sender, request, user, **kwargs):
    record(AccountAction.PASSWORD_CHANGED, actor=user, ip=client_ip(request))


@receiver(password_reset)
def record_password_reset(sender, request, user, **kwargs):
    record(AccountAction.PASSWORD_RESET, actor=user, ip=client_ip(request))


@receiver(authenticator_added)
@receiver(authenticator_removed)
@receiver(authenticator_reset)
def record_two_factor_change(sender, request, user, authenticator, **kwargs):
    record(AccountAction.TWO_FACTOR_CHANGED, actor=user, ip=client_ip(request), detail=authenticator.get_type_display())


@receiver(post_migrate)
def render_public_pages_afresh_after_migrating(sender, app_config=None, **kwargs):
    """A deployment migrates: pages kept in a shared cache (Redis) must not outlive the templates that made them."""
    if app_config is not None and app_config.name == "spot":
        public_cache.bump()
