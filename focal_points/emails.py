from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from spot.emails import absolute_url, send


def send_invitation(invitation, token):
    send(
        to=[invitation.email],
        subject=_("Invitation to join the focal-point team of %(country)s"),
        subject_params={"country": invitation.country},
        language=invitation.language,
        template="focal_points/email/invitation.txt",
        context={
            "invitation": invitation,
            "url": absolute_url(reverse("invitation_accept", args=[token])),
            "valid_days": settings.INVITATION_VALID_DAYS,
        },
    )


def send_invitation_accepted(invitation):
    inviter = invitation.invited_by
    if inviter is None or not inviter.is_active:
        return
    send(
        to=[inviter.email],
        subject=_("%(person)s accepted your invitation"),
        subject_params={"person": invitation.accepted_by},
        template="focal_points/email/invitation_accepted.txt",
        context={"invitation": invitation, "workspace_url": absolute_url(reverse("workspace"))},
    )
