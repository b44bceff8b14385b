import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from spot.audit import register_actions
from spot.models import Country
from spot.validators import validate_single_line


@register_actions
class NetworkAction(models.TextChoices):
    """What happens in the focal-point network, as the audit log names it."""

    INVITATION_SENT = "invitation-sent", _("Invitation sent")
    INVITATION_ACCEPTED = "invitation-accepted", _("Invitation accepted")
    INVITATION_REVOKED = "invitation-revoked", _("Invitation revoked")
    MEMBERSHIP_CHANGED = "membership-changed", _("Membership changed")
    MEMBERSHIP_DEACTIVATED = "membership-deactivated", _("Membership deactivated")


ONE_ACTIVE_MEMBERSHIP = _("This person already acts for a country; deactivate that membership first.")


class FocalPointQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, user__is_active=True)

    def for_country(self, country):
        return self.filter(country=country)

    def listed_publicly(self):
        return self.filter(listed_publicly=True)


class FocalPoint(models.Model):
    """A person's membership of a country's focal-point team."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="focal_points")
    agency = models.CharField(_("ministry or agency"), max_length=200, validators=[validate_single_line])
    position = models.CharField(max_length=200, blank=True, validators=[validate_single_line])
    is_lead = models.BooleanField(
        _("lead focal point"), default=False, help_text=_("A lead may invite colleagues of their own country.")
    )
    listed_publicly = models.BooleanField(
        _("listed by name publicly"),
        default=False,
        help_text=_("The person agrees that their name and position appear on the public country page."),
    )
    is_active = models.BooleanField(default=True)
    is_sample = models.BooleanField(default=False, help_text=_("Demonstration data, shown as such."))
    created_at = models.DateTimeField(auto_now_add=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)
    deactivated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = FocalPointQuerySet.as_manager()

    class Meta:
        ordering = ["country__name", "-is_lead", "user__name"]
        verbose_name = _("focal point")
        permissions = [
            ("manage_network", "Can invite focal points to any country and manage memberships"),
        ]
        constraints = [
            # A person acts for one country at a time.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(is_active=True),
                name="focalpoint_one_active_per_user",
                violation_error_message=ONE_ACTIVE_MEMBERSHIP,
            ),
            models.CheckConstraint(
                condition=models.Q(is_active=True) | models.Q(deactivated_at__isnull=False),
                name="focalpoint_deactivation_dated",
            ),
        ]
        indexes = [
            # Country pages and the directory list a country's active members.
            models.Index(fields=["country", "is_active"], name="focalpoint_country_active_idx"),
        ]

    def __str__(self):
        return f"{self.user} ({self.country.iso3}, {self.agency})"

    def clean(self):
        if self.is_active and self.user_id and self.person_active_elsewhere():
            raise ValidationError({"user": ONE_ACTIVE_MEMBERSHIP})

    def person_active_elsewhere(self):
        """Whether the same person has another active membership (a person acts for one country)."""
        return FocalPoint.objects.filter(user_id=self.user_id, is_active=True).exclude(pk=self.pk).exists()


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Neither accepted nor revoked (possibly expired)."""
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)

    def pending(self):
        return self.open().filter(expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An emailed, single-use, expiring invitation to join a country's focal-point team.

    Only a hash of the token is stored: the link in the email is the only copy.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    email = models.EmailField()
    name = models.CharField(_("full name"), max_length=150, blank=True, validators=[validate_single_line])
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="invitations")
    agency = models.CharField(_("ministry or agency"), max_length=200, validators=[validate_single_line])
    position = models.CharField(max_length=200, blank=True, validators=[validate_single_line])
    is_lead = models.BooleanField(_("lead focal point"), default=False)
    language = models.CharField(
        _("language of the email"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The invitation email is written in it; it becomes the person's language for later emails."),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # Re-inviting revokes the earlier invitation, so one link at most works per address.
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_one_open_per_email",
            ),
            models.CheckConstraint(
                condition=models.Q(accepted_at__isnull=True) | models.Q(revoked_at__isnull=True),
                name="invitation_not_accepted_and_revoked",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.country.iso3}"

    @staticmethod
    def hash_token(token):
        return hashlib.sha256(token.encode()).hexdigest()

    @staticmethod
    def new_token():
        return secrets.token_urlsafe(32)

    @property
    def status(self):
        if self.accepted_at:
            return self.Status.ACCEPTED
        if self.revoked_at:
            return self.Status.REVOKED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.PENDING

    def get_status_display(self):
        return self.Status(self.status).label
