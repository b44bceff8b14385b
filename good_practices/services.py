"""The writes on good practices: drafting, the moves of the workflow, and applying a revision.

Every function takes the person acting (`actor`) and their address (`ip`), never the
request. Each locks the practice's row, refuses a move the state does not allow (or a
decision taken on a version the person did not see) with a clear exception, writes a
history row and an audit event, and sends its emails once the transaction commits.
"""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from good_practices import emails
from good_practices.models import (
    CONTENT_FIELDS,
    EDITABLE_STATES,
    MOVES,
    OPEN_REVISION_STATES,
    GoodPractice,
    ModerationStep,
    PracticeAction,
    State,
)
from spot.audit import record
from spot.public_cache import content_changed


class MoveRefused(Exception):
    """The practice's state does not allow this (someone else already acted, most often); the message says so."""


class StaleVersion(Exception):
    """Someone saved or moved the practice after the person opened it; `current` is what is saved now."""

    def __init__(self, current):
        super().__init__("The practice changed since it was opened.")
        self.current = current


class Incomplete(Exception):
    """A submission lacks content; `missing` names the fields."""

    def __init__(self, missing):
        super().__init__(", ".join(missing))
        self.missing = missing


AUDIT_ACTIONS = {
    "submit": PracticeAction.SUBMITTED,
    "withdraw": PracticeAction.WITHDRAWN,
    "publish": PracticeAction.PUBLISHED,
    "request_changes": PracticeAction.CHANGES_REQUESTED,
    "reject": PracticeAction.REJECTED,
    "archive": PracticeAction.ARCHIVED,
    "republish": PracticeAction.REPUBLISHED,
}
# Moves after which the public pages show something else.
PUBLIC_MOVES = {"publish", "archive", "republish"}


def locked(practice):
    """The practice's row, locked until the transaction ends, as it is now."""
    return (
        GoodPractice.objects.select_for_update(of=("self",))
        .select_related("country", "revision_of", "created_by")
        .get(pk=practice.pk)
    )


def unique_slug(title, country):
    base = slugify(title)[:80].strip("-") or f"practice-{country.iso3.lower()}"
    taken = set(GoodPractice.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def create_practice(*, actor, ip, practice, measures, themes):
    """Save a new draft (`practice` is unsaved, its content and country set) with its measures and themes."""
    now = timezone.now()
    practice.created_by = actor
    practice.created_at = practice.updated_at = now
    practice.state = State.DRAFT
    for attempt in range(3):
        practice.slug = unique_slug(practice.title, practice.country)
        try:
            with transaction.atomic():
                practice.save()
                practice.set_measures_and_themes(measures, themes)
                record(PracticeAction.CREATED, actor=actor, ip=ip, target=practice, detail=practice.title)
            return practice
        except IntegrityError:
            # Two drafts with the same title at the same moment: the slug is taken, try the next one.
            practice.pk = None
            if attempt == 2:
                raise
    return practice


def save_practice(practice, *, actor, ip, measures, themes, expected_version):
    """Save the text of a draft (or of one returned for changes), unless someone saved it since `expected_version`."""
    with transaction.atomic():
        current = locked(practice)
        if current.state not in EDITABLE_STATES:
            raise MoveRefused(not_editable_message(current))
        if current.version != expected_version:
            raise StaleVersion(current)
        practice.state = current.state
        practice.version = current.version + 1
        practice.updated_at = timezone.now()
        practice.save()
        practice.set_measures_and_themes(measures, themes)
        record(PracticeAction.SAVED, actor=actor, ip=ip, target=practice, detail=practice.title)
    return practice


def start_revision(practice, *, actor, ip):
    """The revision on its way for a published practice, started now from its text if there is none.

    Returns (revision, created).
    """
    with transaction.atomic():
        original = locked(practice)
        if original.is_revision or original.state != State.PUBLISHED:
            raise MoveRefused(_("Only a published practice can be updated."))
        existing = original.revisions.filter(state__in=OPEN_REVISION_STATES).first()
        if existing is not None:
            return existing, False
        number = (original.revisions.aggregate(highest=Max("revision_number"))["highest"] or 0) + 1
        now = timezone.now()
        revision = GoodPractice(
            revision_of=original,
            revision_number=number,
            based_on_version=original.version,
            country=original.country,
            is_sample=original.is_sample,
            created_by=actor,
            created_at=now,
            updated_at=now,
            **{field: getattr(original, field) for field in CONTENT_FIELDS},
        )
        revision.save()
        revision.set_measures_and_themes(original.measures.all(), original.themes.all())
        record(
            PracticeAction.REVISION_STARTED,
            actor=actor,
            ip=ip,
            target=original,
            detail=_("Revision %(number)s") % {"number": number},
        )
    return revision, True


def delete_draft(practice, *, actor, ip):
    with transaction.atomic():
        current = locked(practice)
        if current.state != State.DRAFT or current.steps.exists():
            raise MoveRefused(_("Only a draft that was never submitted can be deleted."))
        record(PracticeAction.DELETED, actor=actor, ip=ip, target=current, detail=current.title)
        current.delete()


def submit(practice, *, actor, ip, comment=""):
    """Send the practice (or revision) to the secretariat. Refused while content is missing."""
    missing = practice.missing_for_submission()
    if missing:
        raise Incomplete(missing)
    return move(practice, "submit", actor=actor, ip=ip, comment=comment)


def withdraw(practice, *, actor, ip):
    """Take a submitted practice back to draft, to change it before the secretariat decides."""
    return move(practice, "withdraw", actor=actor, ip=ip)


def publish(practice, *, actor, ip, comment="", expected_version=None):
    return move(practice, "publish", actor=actor, ip=ip, comment=comment, expected_version=expected_version)


def request_changes(practice, *, actor, ip, comment, expected_version=None):
    return move(practice, "request_changes", actor=actor, ip=ip, comment=comment, expected_version=expected_version)


def reject(practice, *, actor, ip, comment, expected_version=None):
    return move(practice, "reject", actor=actor, ip=ip, comment=comment, expected_version=expected_version)


def archive(practice, *, actor, ip, comment="", expected_version=None):
    return move(practice, "archive", actor=actor, ip=ip, comment=comment, expected_version=expected_version)


def republish(practice, *, actor, ip, comment="", expected_version=None):
    return move(practice, "republish", actor=actor, ip=ip, comment=comment, expected_version=expected_version)


def move(practice, action, *, actor, ip, comment="", expected_version=None):
    """Make one move of the workflow (see MOVES); returns the history row written."""
    from_states, to_state = MOVES[action]
    with transaction.atomic():
        current = locked(practice)
        if current.state not in from_states:
            raise MoveRefused(already_handled_message(current))
        if expected_version is not None and current.version != expected_version:
            raise MoveRefused(
                _(
                    "Nothing was changed: this practice was edited or moved since you opened it. "
                    "Read it again below before deciding."
                )
            )
        now = timezone.now()
        from_state = current.state
        if action == "publish" and current.is_revision:
            apply_revision(current, now=now)
            to_state = State.APPLIED
        current.state = to_state
        current.version += 1
        changed = ["state", "version"]
        if action == "submit":
            current.submitted_at = now
            changed.append("submitted_at")
        if action == "publish":
            if current.published_at is None:
                current.published_at = now
                current.published_year = timezone.localtime(now).year
            current.last_updated_at = current.last_updated_at or now
            changed += ["published_at", "published_year", "last_updated_at"]
        if action == "archive":
            current.archived_at = now
            changed.append("archived_at")
        if action == "republish":
            current.archived_at = None
            changed.append("archived_at")
        current.save(update_fields=changed)
        step = ModerationStep.objects.create(
            practice=current, action=action, from_state=from_state, to_state=to_state, actor=actor, comment=comment
        )
        record(
            AUDIT_ACTIONS[action],
            actor=actor,
            ip=ip,
            target=current.revision_of if current.is_revision else current,
            detail=f"{current.title}: {from_state} → {to_state}" + (f"\n{comment}" if comment else ""),
        )
        if action in PUBLIC_MOVES:
            content_changed()
        transaction.on_commit(lambda: emails.send_step(step))
    return step


def apply_revision(revision, *, now):
    """Make the revision's content the published practice's (which keeps its address and its first date)."""
    original = locked(revision.revision_of)
    for field in CONTENT_FIELDS:
        setattr(original, field, getattr(revision, field))
    original.version += 1
    original.updated_at = original.last_updated_at = now
    original.save()
    original.set_measures_and_themes(revision.measures.all(), revision.themes.all())


def not_editable_message(practice):
    if practice.state == State.SUBMITTED:
        return _(
            "This practice is with the secretariat for review, so it cannot be changed now. "
            "Withdraw it from review to change it."
        )
    return _("This practice is %(state)s, so its text can no longer be changed here.") % {
        "state": practice.get_state_display().lower()
    }


def already_handled_message(practice):
    """Why a move is refused: the state it is in, and who put it there when."""
    step = practice.steps.select_related("actor").last()
    state = practice.get_state_display().lower()
    if step is None:
        return _("Nothing was changed: this practice is %(state)s.") % {"state": state}
    return _("Nothing was changed: this practice is already %(state)s (%(step)s by %(actor)s, %(when)s).") % {
        "state": state,
        "step": step.label.lower(),
        "actor": step.actor or _("a former user"),
        "when": date_format(timezone.localtime(step.created_at), "DATETIME_FORMAT"),
    }
