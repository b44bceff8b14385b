from urllib.parse import quote, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal.httpkit import clean_client_ip
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from spot.emails import absolute_url, in_language


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        """Accounts come only from invitations sent by staff or a lead focal point."""
        return False

    def get_reset_password_from_key_url(self, key):
        # Built from SITE_URL: a forged Host header must never put another site's address in the email.
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))

    def send_mail(self, template_prefix, email, context):
        context = {**context, "site_url": settings.SITE_URL, "secretariat_email": settings.SECRETARIAT_EMAIL}
        # Links allauth builds from the request are rebuilt on the portal's own address.
        for key in ("password_reset_url", "signup_url"):
            if context.get(key):
                context[key] = absolute_url(urlsplit(context[key]).path)
        # Written in the language on the person's account; for an unknown address, the page's.
        language = (
            get_user_model().objects.filter(email__iexact=email).values_list("language", flat=True).first()
            or translation.get_language()
        )
        with translation.override(language):
            for key in ("password_reset_url", "signup_url"):
                if context.get(key):
                    context[key] = in_language(context[key], language)
            super().send_mail(template_prefix, email, context)

    def format_email_subject(self, subject):
        return " ".join(super().format_email_subject(subject).split())

    def get_client_ip(self, request):
        """The client as the nearest trusted proxy saw it (TRUSTED_PROXY_COUNT), else the connection's peer.

        A forwarded-for list shorter than the number of trusted proxies did not come through
        them all: its leftmost address is the best that can be said, never an error page.
        """
        count = settings.ALLAUTH_TRUSTED_PROXY_COUNT
        forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",") if part.strip()]
        if count > 0 and forwarded:
            candidate = forwarded[-count] if len(forwarded) >= count else forwarded[0]
        else:
            candidate = request.META.get("REMOTE_ADDR")
        ip = clean_client_ip(candidate) if candidate else None
        if not ip:
            raise PermissionDenied("Unable to determine the client's address.")
        return ip
