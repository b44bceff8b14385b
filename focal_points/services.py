"""Writes on the focal-point network that span several models, each recorded in the audit log.

Every function takes the person acting (`actor`) and their address (`ip`), never
the request; emails leave only once the transaction has committed.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from focal_points import emails
from focal_points.models import FocalPoint, Invitation, NetworkAction
from spot.audit import record
from spot.public_cache import content_changed


class InvitationUnusable(Exception):
    """The invitation was accepted, revoked or has expired; `status` says which."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status


def invite_focal_point(*, actor, ip, email, country, agency, position="", is_lead=False, name="", language=None):
    """Create an invitation and email its link. Any earlier open invitation to the address stops working.

    Returns the invitation and how many earlier invitations it replaced.
    """
    now = timezone.now()
    token = Invitation.new_token()
    with transaction.atomic():
        replaced = Invitation.objects.open().filter(email__iexact=email).update(revoked_at=now, revoked_by=actor)
        invitation = Invitation.objects.create(
            email=email,
            name=name,
            country=country,
            agency=agency,
            position=position,
            is_lead=is_lead,
            language=language or settings.LANGUAGE_CODE,
            token_hash=Invitation.hash_token(token),
            invited_by=actor,
            created_at=now,
            expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
        )
        detail = f"{'Lead focal point' if is_lead else 'Focal point'}, {agency}"
        if replaced:
            detail += f"; replaces {replaced} earlier invitation(s)"
        record(NetworkAction.INVITATION_SENT, actor=actor, ip=ip, target=invitation, email=email, detail=detail)
        transaction.on_commit(lambda: emails.send_invitation(invitation, token))
    return invitation, replaced


def find_invitation(token):
    """The invitation a link's token belongs to, or None."""
    return (
        Invitation.objects.select_related("country", "invited_by")
        .filter(token_hash=Invitation.hash_token(token))
        .first()
    )


def accept_invitation(*, invitation, ip, name, password, listed_publicly):
    """Create the person's account and membership from a pending invitation."""
    User = get_user_model()
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("country", "invited_by")
            .get(pk=invitation.pk)
        )
        if invitation.status != Invitation.Status.PENDING:
            raise InvitationUnusable(invitation.status)
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise InvitationUnusable(Invitation.Status.ACCEPTED)
        user = User.objects.create_user(
            email=invitation.email, password=password, name=name, language=invitation.language
        )
        membership = FocalPoint.objects.create(
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
        record(NetworkAction.INVITATION_ACCEPTED, actor=user, ip=ip, target=membership)
        content_changed()  # the country page lists the team's agencies
        transaction.on_commit(lambda: emails.send_invitation_accepted(invitation))
    return user


def revoke_invitation(*, invitation, actor, ip):
    with transaction.atomic():
        updated = Invitation.objects.open().filter(pk=invitation.pk).update(revoked_at=timezone.now(), revoked_by=actor)
        if updated:
            record(NetworkAction.INVITATION_REVOKED, actor=actor, ip=ip, target=invitation, email=invitation.email)
    return bool(updated)


def deactivate_membership(*, membership, actor, ip):
    """The person can no longer act for the country; their account stays for the record.

    The invitations they sent and that are still open stop working too: a link must
    not outlive the authority of the person who sent it.
    """
    with transaction.atomic():
        now = timezone.now()
        updated = FocalPoint.objects.filter(pk=membership.pk, is_active=True).update(
            is_active=False, deactivated_at=now, deactivated_by=actor
        )
        if not updated:
            return False
        record(
            NetworkAction.MEMBERSHIP_DEACTIVATED,
            actor=actor,
            ip=ip,
            target=membership,
            email=membership.user.email,
            detail=membership.agency,
        )
        content_changed()
        sent = Invitation.objects.open().filter(invited_by=membership.user, country=membership.country)
        for invitation in sent.select_for_update():
            invitation.revoked_at, invitation.revoked_by = now, actor
            invitation.save(update_fields=["revoked_at", "revoked_by"])
            record(
                NetworkAction.INVITATION_REVOKED,
                actor=actor,
                ip=ip,
                target=invitation,
                email=invitation.email,
                detail=f"Sent by {membership.user.email}, whose membership was deactivated",
            )
    return True


def reactivate_membership(*, membership, actor, ip):
    """Let the person act for the country again; refused if they are active elsewhere meanwhile."""
    with transaction.atomic():
        if membership.person_active_elsewhere():
            return False
        updated = FocalPoint.objects.filter(pk=membership.pk, is_active=False).update(
            is_active=True, deactivated_at=None, deactivated_by=None
        )
        if updated:
            record(
                NetworkAction.MEMBERSHIP_CHANGED,
                actor=actor,
                ip=ip,
                target=membership,
                email=membership.user.email,
                detail="Reactivated",
            )
            content_changed()
    return bool(updated)


def change_membership(*, membership, actor, ip, changes):
    """Save changed fields of a membership (a person's own settings, or staff in the admin), recorded."""
    if not changes:
        return False
    with transaction.atomic():
        for field, value in changes.items():
            setattr(membership, field, value)
        membership.save(update_fields=list(changes))
        record(
            NetworkAction.MEMBERSHIP_CHANGED,
            actor=actor,
            ip=ip,
            target=membership,
            email=membership.user.email,
            detail="; ".join(f"{field}={value}" for field, value in changes.items()),
        )
        content_changed()  # a listing consent or position shows on the country page
    return True
