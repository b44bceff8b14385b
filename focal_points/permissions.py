"""Who may do what in the focal-point network: each rule written once, here.

Views fetch objects through the querysets below, so that an outsider gets 404 by
construction, and ask the predicates for a known role without the right (403).
Other apps build on `acting_membership` / `acting_country`: a person acts for
the one country of their active membership.
"""

from focal_points.models import FocalPoint, Invitation


def can_manage_network(user):
    """ESCAP staff: invite to any country, deactivate memberships, see every invitation."""
    return user.is_authenticated and user.is_staff and user.has_perm("focal_points.manage_network")


def acting_membership(user):
    """The person's active focal-point membership, or None; cached on the user for the request."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_acting_membership"):
        user._acting_membership = FocalPoint.objects.active().select_related("country").filter(user=user).first()
    return user._acting_membership


def acting_country(user):
    """The country the person acts for, or None."""
    membership = acting_membership(user)
    return membership.country if membership is not None else None


def is_lead_of(user, country):
    membership = acting_membership(user)
    return membership is not None and membership.is_lead and membership.country_id == country.pk


def can_invite(user):
    """Staff invite to any country; a lead focal point to their own."""
    membership = acting_membership(user)
    return can_manage_network(user) or (membership is not None and membership.is_lead)


def can_invite_to(user, country):
    return can_manage_network(user) or is_lead_of(user, country)


def invitable_country(user):
    """The one country a person may invite to, or None when they may invite to any (staff)."""
    if can_manage_network(user):
        return None
    return acting_country(user)


def can_read_network(user):
    """The network directory is for signed-in focal points and staff."""
    return can_manage_network(user) or acting_membership(user) is not None


def invitations_manageable_by(user):
    """Invitations the person may see and revoke: all for staff, their country's for a lead."""
    if can_manage_network(user):
        return Invitation.objects.all()
    membership = acting_membership(user)
    if membership is not None and membership.is_lead:
        return Invitation.objects.filter(country=membership.country)
    return Invitation.objects.none()


def memberships_manageable_by(user):
    """Memberships the person may deactivate: staff only."""
    return FocalPoint.objects.all() if can_manage_network(user) else FocalPoint.objects.none()
