from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        """Accounts come only from invitations sent by staff or a lead focal point."""
        return False

    def send_mail(self, template_prefix, email, context):
        # The portal's own address, as in the invitation emails, for the signature of every email.
        super().send_mail(template_prefix, email, {**context, "site_url": settings.SITE_URL})
