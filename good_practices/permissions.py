"""Who may do what with good practices: each rule written once, here.

Focal points write for the country they act for, staff for any country; only
staff with the moderation permission publish, return, reject and archive. Views
fetch practices through the querysets below (an outsider gets 404 by
construction) and ask the predicates for the rest (403, or a message when the
practice's state is what stands in the way).
"""

from focal_points.permissions import acting_country
from good_practices.models import MOVES, GoodPractice, State
from spot.models import Country


def can_moderate(user):
    """ESCAP staff with the moderation permission."""
    return user.is_authenticated and user.is_staff and user.has_perm("good_practices.moderate_practice")


def can_propose(user):
    """Focal points (for their country) and moderators (for any) write practices."""
    return can_moderate(user) or acting_country(user) is not None


def proposable_countries(user):
    """The countries the person may write practices for."""
    if can_moderate(user):
        return Country.objects.all()
    country = acting_country(user)
    if country is None:
        return Country.objects.none()
    return Country.objects.filter(pk=country.pk)


def practices_editable_by(user):
    """Practices and revisions a person works on in their workspace: their country's, or any for staff."""
    if can_moderate(user):
        return GoodPractice.objects.all()
    country = acting_country(user)
    if country is None:
        return GoodPractice.objects.none()
    return GoodPractice.objects.filter(country=country)


def practices_in_workspace_of(user):
    """What a person's workspace lists: their country's practices and updates, or, for staff, those they wrote."""
    practices = practices_editable_by(user).exclude(state=State.APPLIED)
    if acting_country(user) is None:
        practices = practices.filter(created_by=user)
    return practices


def practices_moderated_by(user):
    """Everything the secretariat may see and decide on."""
    return GoodPractice.objects.all() if can_moderate(user) else GoodPractice.objects.none()


def awaiting_moderation_by(user):
    """The review queue: submitted practices and revisions, oldest submission first."""
    return practices_moderated_by(user).awaiting_review()


def move_allowed(practice, action):
    from_states, _to_state = MOVES[action]
    return practice.state in from_states


# The predicates below are asked about a practice fetched through `practices_editable_by(user)`.


def can_edit(user, practice):
    """Change the text: a draft, or one the secretariat asked to change."""
    return practice.is_editable and can_propose(user)


def can_submit(user, practice):
    return move_allowed(practice, "submit") and can_propose(user)


def can_withdraw(user, practice):
    return move_allowed(practice, "withdraw") and can_propose(user)


def can_delete(user, practice):
    """A draft that never reached the secretariat can be thrown away; anything else is kept for the record."""
    return practice.state == State.DRAFT and not practice.steps.exists() and can_propose(user)


def can_revise(user, practice):
    """Propose a change to a published practice (the published text stays online meanwhile)."""
    return not practice.is_revision and practice.state == State.PUBLISHED and can_propose(user)


def allowed_moderation(user, practice):
    """The moderation actions this person may take on the practice now, in the order the page offers them."""
    if not can_moderate(user):
        return []
    actions = ["publish", "request_changes", "reject"]
    if not practice.is_revision:
        actions += ["archive", "republish"]
    return [action for action in actions if move_allowed(practice, action)]
