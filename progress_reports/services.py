"""Writes on progress reports and reporting cycles, each recorded in the audit log.

Every function takes the person acting (`actor`) and their address (`ip`), never the request. The
workflow moves are the table `TRANSITIONS`; a move that is not allowed raises `ReportRefused` with a
sentence for the person, and a save of a stale copy raises `StaleEdit` with what a colleague saved.
Emails leave only once the transaction has committed.
"""

import hashlib
import json

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from focal_points.models import FocalPoint
from measures.models import CoverageCategory, Measure
from progress_reports import emails
from progress_reports.changes import coverage_content, report_content, section_content
from progress_reports.models import (
    Attachment,
    CoverageEntry,
    DeadlineReminder,
    ProgressReport,
    ReportAction,
    ReportingCycle,
    ReportSection,
    ReportState,
    ReportTransition,
    SectionComment,
)
from spot.audit import record
from spot.public_cache import content_changed

# The workflow: each action, the states it may start from, and the state it leads to.
TRANSITIONS = {
    "submit": ((ReportState.DRAFT, ReportState.RETURNED), ReportState.SUBMITTED),
    "return": ((ReportState.SUBMITTED,), ReportState.RETURNED),
    "publish": ((ReportState.SUBMITTED,), ReportState.PUBLISHED),
}

# Days before a cycle's deadline on which focal points of countries that have not submitted are reminded.
REMINDER_DAYS = (14, 3)


class ReportRefused(Exception):
    """A move or a save that is not allowed now; the message says why, for the person."""


class StaleEdit(Exception):
    """A colleague saved the same part of the report since this copy was loaded; `current` is what they saved."""

    def __init__(self, current):
        super().__init__("stale")
        self.current = current


def fingerprint(content):
    """A short digest of what a form showed, so that a whole-report save can skip the parts nobody touched."""
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()[:32]


def overview_content(report):
    return {"language": report.language, "summary": report.summary, "challenges": report.challenges}


def section_with_coverage_content(section, coverage=()):
    return {
        **section_content(section),
        "coverage": {f"{entry.category.code}:{entry.sex}": coverage_content(entry) for entry in coverage},
    }


# Starting a report ------------------------------------------------------------------------------------------


def already_started(country):
    return _("%(country)s already has a report in progress for this cycle.") % {"country": country.display_name}


def start_report(*, country, cycle, actor, ip, prefill=True):
    """Start the country's report for an open cycle, or a new version of its published report.

    A new version of a published report starts from that report's content (and files). A first report
    starts empty, or with `prefill` from the country's last published report of an earlier cycle.
    """
    with transaction.atomic():
        cycle = ReportingCycle.objects.select_for_update().get(pk=cycle.pk)
        if not cycle.is_open:
            raise ReportRefused(_("The reporting cycle “%(cycle)s” is not open.") % {"cycle": cycle.title})
        existing = ProgressReport.objects.for_country(country).for_cycle(cycle)
        if existing.unpublished().exists():
            raise ReportRefused(already_started(country))
        based_on = existing.published().order_by("-version").first()
        source = based_on
        if source is None and prefill:
            source = (
                ProgressReport.objects.published().for_country(country).order_by("-cycle__opens_on", "-version").first()
            )
        try:
            with transaction.atomic():
                report = ProgressReport.objects.create(
                    country=country,
                    cycle=cycle,
                    version=based_on.version + 1 if based_on else 1,
                    based_on=based_on,
                    language=source.language if source else getattr(actor, "language", settings.LANGUAGE_CODE),
                    summary=source.summary if source else "",
                    challenges=source.challenges if source else "",
                    created_by=actor,
                )
        except IntegrityError as error:
            raise ReportRefused(already_started(country)) from error
        create_sections(report, source)
        if based_on is not None:
            copy_attachments(based_on, report)
        if based_on is not None:
            comment = _("New version, starting from published version %(version)s.") % {"version": based_on.version}
        elif source is not None:
            comment = _("Started from the published report for %(cycle)s.") % {"cycle": source.cycle.title}
        else:
            comment = ""
        ReportTransition.objects.create(
            report=report, actor=actor, from_state="", to_state=ReportState.DRAFT, comment=comment
        )
        record(
            ReportAction.REPORT_STARTED,
            actor=actor,
            ip=ip,
            target=report,
            detail=f"Version {report.version}. {comment}",
        )
    return report


def create_sections(report, source=None):
    """One section per measure and one coverage row per category and sex, copied from `source` if given."""
    old_sections = {section.measure_id: section for section in source.sections.all()} if source else {}
    old_rows = {(entry.category_id, entry.sex): entry for entry in source.coverage.all()} if source else {}
    sections = []
    for measure in Measure.objects.all():
        old = old_sections.get(measure.pk)
        copied = (
            {
                name: getattr(old, name)
                for name in [*ReportSection.TEXT_FIELDS, "status", "wants_support", "offers_experience"]
            }
            if old
            else {}
        )
        sections.append(ReportSection(report=report, measure=measure, **copied))
    ReportSection.objects.bulk_create(sections)
    rows = []
    for category in CoverageCategory.objects.all():
        for sex in category.sexes:
            old = old_rows.get((category.pk, sex))
            copied = {name: getattr(old, name) for name in CoverageEntry.VALUE_FIELDS} if old else {}
            rows.append(CoverageEntry(report=report, category=category, sex=sex, **copied))
    CoverageEntry.objects.bulk_create(rows)


def copy_attachments(source, report):
    for attachment in source.attachments.all():
        with default_storage.open(attachment.file.name) as stored:
            copy = Attachment(
                report=report,
                original_name=attachment.original_name,
                kind=attachment.kind,
                size=attachment.size,
                uploaded_by=attachment.uploaded_by,
            )
            copy.file.save(attachment.original_name, ContentFile(stored.read()), save=False)
            copy.save()


# Saving drafts ---------------------------------------------------------------------------------------------


def lock_editable(report):
    """The report, locked, if it may still be edited; else ReportRefused saying why."""
    report = ProgressReport.objects.select_for_update(of=("self",)).select_related("cycle").get(pk=report.pk)
    if not report.is_editable_state:
        raise ReportRefused(
            _("This report is %(state)s, so it can no longer be edited.")
            % {"state": report.get_state_display().lower()}
        )
    if not report.cycle.is_open:
        raise ReportRefused(_("The reporting cycle is closed, so the report can no longer be edited."))
    return report


def save_overview(report, *, actor, revision, summary, challenges, language=None):
    """Save the summary and cross-cutting challenges (and the language the report is written in); StaleEdit if a
    colleague saved them since `revision`."""
    with transaction.atomic():
        locked = lock_editable(report)
        if locked.revision != revision:
            raise StaleEdit(locked)
        locked.summary, locked.challenges = summary, challenges
        locked.language = language or locked.language
        locked.revision = F("revision") + 1
        locked.save(update_fields=["language", "summary", "challenges", "revision", "updated_at"])
        locked.refresh_from_db(fields=["revision"])
    return locked


def save_section(section, *, actor, revision, values, coverage=None):
    """Save one section (and measure 7's coverage rows, a dict of row → values); StaleEdit if it is stale."""
    with transaction.atomic():
        lock_editable(section.report)
        locked = ReportSection.objects.select_for_update(of=("self",)).select_related("measure").get(pk=section.pk)
        if locked.revision != revision:
            raise StaleEdit(locked)
        for name, value in values.items():
            setattr(locked, name, value)
        locked.updated_by = actor
        locked.revision = F("revision") + 1
        locked.save()
        locked.refresh_from_db(fields=["revision"])
        for entry, row_values in (coverage or {}).items():
            for name, value in row_values.items():
                setattr(entry, name, value)
            entry.save(update_fields=list(row_values))
        ProgressReport.objects.filter(pk=section.report_id).update(updated_at=timezone.now())
    return locked


# Workflow moves --------------------------------------------------------------------------------------------


def move(report, action, *, actor, comment="", snapshot=None):
    """Lock the report and move it by `action`, writing its history row; ReportRefused if not allowed now."""
    from_states, to_state = TRANSITIONS[action]
    locked = ProgressReport.objects.select_for_update(of=("self",)).select_related("country", "cycle").get(pk=report.pk)
    if locked.state not in from_states:
        raise ReportRefused(str(REFUSED_MOVES[action]) % {"state": locked.get_state_display().lower()})
    from_state = locked.state
    locked.state = to_state
    now = timezone.now()
    if to_state == ReportState.SUBMITTED:
        locked.submitted_at = now
    if to_state == ReportState.PUBLISHED:
        locked.published_at = now
    locked.save(update_fields=["state", "submitted_at", "published_at", "updated_at"])
    transition = ReportTransition.objects.create(
        report=locked, actor=actor, at=now, from_state=from_state, to_state=to_state, comment=comment, snapshot=snapshot
    )
    return locked, transition


# Whole sentences, so that each language words them its own way.
REFUSED_MOVES = {
    "submit": gettext_lazy("This report is %(state)s: it cannot be submitted now."),
    "return": gettext_lazy("This report is %(state)s: it cannot be returned now."),
    "publish": gettext_lazy("This report is %(state)s: it cannot be published now."),
}


def missing_parts(report, sections):
    """What the report still lacks: (measure number, message) pairs in the order of the page; None for the summary."""
    missing = []
    if not report.summary.strip():
        missing.append((None, _("The overall summary is empty.")))
    for section in sections:
        if section.missing:
            missing.append(
                (
                    section.number,
                    _("Measure %(number)s: add the %(parts)s.")
                    % {"number": section.number, "parts": _(" and ").join(str(part) for part in section.missing)},
                )
            )
    return missing


def submit(report, *, actor, ip, comment=""):
    """The country sends its report to ESCAP for review. Refused while parts are missing or the cycle is closed."""
    with transaction.atomic():
        locked = ProgressReport.objects.select_for_update(of=("self",)).select_related("cycle").get(pk=report.pk)
        if not locked.cycle.is_open:
            raise ReportRefused(_("The reporting cycle is closed, so the report can no longer be submitted."))
        sections = list(locked.sections.select_related("measure"))
        if locked.is_editable_state and missing_parts(locked, sections):
            raise ReportRefused(_("The report is not complete yet: fill in what is listed below, then submit."))
        snapshot = report_content(locked, sections=sections)
        locked, transition = move(locked, "submit", actor=actor, comment=comment, snapshot=snapshot)
        record(ReportAction.REPORT_SUBMITTED, actor=actor, ip=ip, target=locked, detail=comment)
        transaction.on_commit(lambda: emails.send_submitted(locked, transition))
    return locked


def return_report(report, *, actor, ip, comment, section_comments=None):
    """ESCAP returns a submitted report with a general comment and optional comments on sections (section → text)."""
    if not comment.strip():
        raise ReportRefused(_("Say what the country should revise: a general comment is needed to return a report."))
    with transaction.atomic():
        locked, transition = move(report, "return", actor=actor, comment=comment)
        comments = [
            SectionComment(transition=transition, section=section, text=text)
            for section, text in (section_comments or {}).items()
            if text.strip() and section.report_id == locked.pk
        ]
        SectionComment.objects.bulk_create(comments)
        detail = comment if not comments else f"{comment} (+{len(comments)} section comment(s))"
        record(ReportAction.REPORT_RETURNED, actor=actor, ip=ip, target=locked, detail=detail)
        transaction.on_commit(lambda: emails.send_returned(locked, transition, len(comments)))
    return locked


def publish(report, *, actor, ip, comment=""):
    """ESCAP publishes a submitted report: it becomes public and read-only."""
    with transaction.atomic():
        locked, transition = move(report, "publish", actor=actor, comment=comment)
        record(ReportAction.REPORT_PUBLISHED, actor=actor, ip=ip, target=locked, detail=comment)
        content_changed()
        transaction.on_commit(lambda: emails.send_published(locked, transition))
        if settings.REPORT_PDF_ON_PUBLISH:
            transaction.on_commit(lambda: keep_pdf(locked))
    return locked


def keep_pdf(report):
    """Render the published report's PDF now, once (see `progress_reports.pdf`)."""
    from progress_reports.pdf import keep_published_pdf
    from progress_reports.presentation import public_report_context

    keep_published_pdf(
        ProgressReport.objects.select_related("country", "cycle", "based_on").get(pk=report.pk), public_report_context
    )


# Attachments -----------------------------------------------------------------------------------------------


def add_attachment(report, *, actor, ip, upload, kind):
    """Store a checked file under a server-generated name, keeping the person's name for it for downloads."""
    with transaction.atomic():
        locked = lock_editable(report)
        attachment = Attachment(
            report=locked,
            original_name=upload.name[-200:],
            kind=kind,
            size=upload.size,
            uploaded_by=actor,
        )
        attachment.file.save(upload.name, upload, save=False)
        try:
            attachment.save()
            record(
                ReportAction.ATTACHMENT_ADDED,
                actor=actor,
                ip=ip,
                target=locked,
                detail=f"{attachment.original_name} ({attachment.size} bytes)",
            )
        except Exception:
            # The row was not written: the file must not stay behind.
            default_storage.delete(attachment.file.name)
            raise
    return attachment


def remove_attachment(attachment, *, actor, ip):
    with transaction.atomic():
        lock_editable(attachment.report)
        name = attachment.file.name
        attachment.delete()
        record(
            ReportAction.ATTACHMENT_REMOVED,
            actor=actor,
            ip=ip,
            target=attachment.report,
            detail=attachment.original_name,
        )
        transaction.on_commit(lambda: default_storage.delete(name))


# Reporting cycles ------------------------------------------------------------------------------------------


def save_cycle(cycle, *, actor, ip, changed):
    """Create or change a cycle (from the staff form); `changed` names the fields changed."""
    created = cycle.pk is None
    with transaction.atomic():
        cycle.save()
        action = ReportAction.CYCLE_CREATED if created else ReportAction.CYCLE_CHANGED
        record(action, actor=actor, ip=ip, target=cycle, detail=", ".join(changed))
        content_changed()  # cycle titles and deadlines show on public pages
    return cycle


def close_cycle(cycle, *, actor, ip):
    with transaction.atomic():
        updated = ReportingCycle.objects.filter(pk=cycle.pk, closed_at__isnull=True).update(closed_at=timezone.now())
        if updated:
            record(ReportAction.CYCLE_CLOSED, actor=actor, ip=ip, target=cycle)
            content_changed()
    return bool(updated)


def reopen_cycle(cycle, *, actor, ip):
    with transaction.atomic():
        updated = ReportingCycle.objects.filter(pk=cycle.pk, closed_at__isnull=False).update(closed_at=None)
        if updated:
            record(ReportAction.CYCLE_REOPENED, actor=actor, ip=ip, target=cycle)
            content_changed()
    return bool(updated)


# Deadline reminders ----------------------------------------------------------------------------------------


def reminder_due(days_left):
    """Which reminder (14 or 3 days) is due with `days_left` before the deadline, or None.

    A day missed by the scheduler is caught up the next day: the 14-day reminder goes out until the
    3-day one is due, the 3-day one until the deadline.
    """
    if 3 < days_left <= 14:
        return 14
    if 0 <= days_left <= 3:
        return 3
    return None


def send_deadline_reminders(*, today=None):
    """Email the focal points of countries without a submitted report, once per reminder. Returns how many countries."""
    today = today or timezone.localdate()
    reminded = 0
    for cycle in ReportingCycle.objects.open(today):
        days_left = (cycle.deadline - today).days
        days_before = reminder_due(days_left)
        if days_before is None:
            continue
        done = ProgressReport.objects.for_cycle(cycle).filter(
            Q(state=ReportState.SUBMITTED) | Q(state=ReportState.PUBLISHED)
        )
        already = DeadlineReminder.objects.filter(cycle=cycle, days_before=days_before)
        focal_points = (
            FocalPoint.objects.active()
            .exclude(country__in=done.values("country"))
            .exclude(country__in=already.values("country"))
            .select_related("user", "country")
            .order_by("country__name")
        )
        by_country = {}
        for focal_point in focal_points:
            by_country.setdefault(focal_point.country, []).append(focal_point.user)
        for country, people in by_country.items():
            with transaction.atomic():
                _reminder, created = DeadlineReminder.objects.get_or_create(
                    cycle=cycle, country=country, days_before=days_before
                )
                if not created:
                    continue
                draft = ProgressReport.objects.for_country(country).for_cycle(cycle).unpublished().first()
                record(
                    ReportAction.REMINDER_SENT,
                    target=cycle,
                    country=country,
                    detail=f"{days_before} days before the deadline, to {len(people)} focal point(s)",
                )
                transaction.on_commit(
                    lambda cycle=cycle, country=country, people=people, draft=draft, days_left=days_left: (
                        emails.send_deadline_reminder(cycle, country, people, draft, days_left)
                    )
                )
                reminded += 1
    return reminded
