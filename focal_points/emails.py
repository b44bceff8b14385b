from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from focal_points.models import Invitation


def send_invitation(invitation, token):
    context = {
        "invitation": invitation,
        "url": Invitation.acceptance_url(token),
        "valid_days": settings.INVITATION_VALID_DAYS,
        "site_url": settings.SITE_URL,
    }
    send_mail(
        subject=f"[SPOT] Invitation to join the focal-point team of {invitation.country.name}",
        message=render_to_string("focal_points/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


def send_invitation_accepted(invitation):
    inviter = invitation.invited_by
    if inviter is None or not inviter.is_active:
        return
    send_mail(
        subject=f"[SPOT] {invitation.accepted_by} accepted your invitation",
        message=render_to_string(
            "focal_points/email/invitation_accepted.txt",
            {"invitation": invitation, "site_url": settings.SITE_URL},
        ),
        from_email=None,
        recipient_list=[inviter.email],
    )
