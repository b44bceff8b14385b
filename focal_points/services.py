"""Writes on the focal-point network that span several models, each recorded in the audit log."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from focal_points import emails
from focal_points.models import FocalPoint, Invitation
from spot.audit import record
from spot.models import AuditEvent

Action = AuditEvent.Action


class InvitationUnusable(Exception):
    """The invitation was accepted, revoked or has expired; `status` says which."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status


def invite_focal_point(*, request, invited_by, email, country, agency, position="", is_lead=False, name=""):
    """Create an invitation and email its link. Any earlier open invitation to the address stops working.

    Returns the invitation and how many earlier invitations it replaced.
    """
    now = timezone.now()
    token = Invitation.new_token()
    with transaction.atomic():
        replaced = Invitation.objects.open().filter(email__iexact=email).update(revoked_at=now, revoked_by=invited_by)
        invitation = Invitation.objects.create(
            email=email,
            name=name,
            country=country,
            agency=agency,
            position=position,
            is_lead=is_lead,
            token_hash=Invitation.hash_token(token),
            invited_by=invited_by,
            created_at=now,
            expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
        )
        detail = f"{'Lead focal point' if is_lead else 'Focal point'}, {agency}"
        if replaced:
            detail += f"; replaces {replaced} earlier invitation(s)"
        record(request, Action.INVITATION_SENT, actor=invited_by, email=email, country=country, detail=detail)
    emails.send_invitation(invitation, token)
    return invitation, replaced


def find_invitation(token):
    """The invitation a link's token belongs to, or None."""
    return (
        Invitation.objects.select_related("country", "invited_by")
        .filter(token_hash=Invitation.hash_token(token))
        .first()
    )


def accept_invitation(*, request, invitation, name, password, listed_publicly):
    """Create the person's account and membership from a pending invitation."""
    User = get_user_model()
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.status != Invitation.Status.PENDING:
            raise InvitationUnusable(invitation.status)
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise InvitationUnusable(Invitation.Status.ACCEPTED)
        user = User.objects.create_user(email=invitation.email, password=password, name=name)
        FocalPoint.objects.create(
            user=user,
            country=invitation.country,
            agency=invitation.agency,
            position=invitation.position,
            is_lead=invitation.is_lead,
            listed_publicly=listed_publicly,
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        record(request, Action.INVITATION_ACCEPTED, actor=user, country=invitation.country)
    emails.send_invitation_accepted(invitation)
    return user


def revoke_invitation(*, request, invitation, by):
    with transaction.atomic():
        updated = Invitation.objects.open().filter(pk=invitation.pk).update(revoked_at=timezone.now(), revoked_by=by)
        if updated:
            record(request, Action.INVITATION_REVOKED, actor=by, email=invitation.email, country=invitation.country)
    return bool(updated)


def deactivate_membership(*, request, membership, by):
    """The person can no longer act for the country; their account stays for the record."""
    with transaction.atomic():
        updated = FocalPoint.objects.filter(pk=membership.pk, is_active=True).update(
            is_active=False, deactivated_at=timezone.now(), deactivated_by=by
        )
        if updated:
            record(
                request,
                Action.MEMBERSHIP_DEACTIVATED,
                actor=by,
                email=membership.user.email,
                country=membership.country,
                detail=membership.agency,
            )
    return bool(updated)


def reactivate_membership(*, request, membership, by):
    """Let the person act for the country again; refused if they are active elsewhere meanwhile."""
    with transaction.atomic():
        if membership.person_active_elsewhere():
            return False
        updated = FocalPoint.objects.filter(pk=membership.pk, is_active=False).update(
            is_active=True, deactivated_at=None, deactivated_by=None
        )
        if updated:
            record(
                request,
                Action.MEMBERSHIP_CHANGED,
                actor=by,
                email=membership.user.email,
                country=membership.country,
                detail="Reactivated",
            )
    return bool(updated)
