"""Voluntary progress reports: reporting cycles, reports by country and cycle, their sections, coverage tables,
history, return comments and attachments.

A report moves draft → submitted → (returned → submitted …) → published; the moves are in `services.py`.
A published report is read-only: a country revises it by starting a new version of the same cycle, and
every version stays readable. The query vocabulary the public pages, the dashboard and the open data
build on is on `ProgressReportQuerySet`.
"""

import uuid
from decimal import Decimal
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from measures.models import CoverageCategory, Measure, Sex
from progress_reports.progress import progress_toward
from spot.audit import register_actions
from spot.links import cached_reverse
from spot.models import Country
from spot.validators import validate_single_line

# The years the coverage table speaks of (measure 7.1, 7.2, 7.3) and the years a latest value may be from.
BASELINE_YEAR, INTERMEDIATE_YEAR, TARGET_YEAR = 2021, 2025, 2030
FIRST_OBSERVATION_YEAR, LAST_OBSERVATION_YEAR = 2015, 2030
# Longest text a person may type in one box: generous for a report, bounded for the server.
LONG_TEXT = 20_000


@register_actions
class ReportAction(models.TextChoices):
    """What happens to reporting cycles and progress reports, as the audit log names it."""

    CYCLE_CREATED = "cycle-created", _("Reporting cycle created")
    CYCLE_CHANGED = "cycle-changed", _("Reporting cycle changed")
    CYCLE_CLOSED = "cycle-closed", _("Reporting cycle closed")
    CYCLE_REOPENED = "cycle-reopened", _("Reporting cycle reopened")
    REPORT_STARTED = "report-started", _("Report started")
    REPORT_SUBMITTED = "report-submitted", _("Report submitted")
    REPORT_RETURNED = "report-returned", _("Report returned for revision")
    REPORT_PUBLISHED = "report-published", _("Report published")
    ATTACHMENT_ADDED = "attachment-added", _("Attachment added")
    ATTACHMENT_REMOVED = "attachment-removed", _("Attachment removed")
    REMINDER_SENT = "deadline-reminder-sent", _("Deadline reminder sent")


class ReportingCycleQuerySet(models.QuerySet):
    def open(self, today=None):
        """Cycles that accept new drafts, edits and submissions: opened and not closed by staff."""
        today = today or timezone.localdate()
        return self.filter(opens_on__lte=today, closed_at__isnull=True)

    def started(self, today=None):
        """Cycles whose opening date has come, open or closed: the ones the public pages speak of."""
        return self.filter(opens_on__lte=today or timezone.localdate())

    def current(self, today=None):
        """The cycle the home page speaks of: the most recently opened one, or None."""
        return self.started(today).order_by("-opens_on", "-deadline").first()


class ReportingCycle(models.Model):
    """A round of voluntary progress reports for one session of the Committee on Social Development."""

    title = models.CharField(
        _("title"),
        max_length=200,
        validators=[validate_single_line],
        help_text=_("As countries and the public will see it, for example “Progress reports 2026”."),
    )
    slug = models.SlugField(
        _("short name for addresses"),
        max_length=60,
        unique=True,
        help_text=_("Lower-case letters, digits and hyphens, for example “2026”. Used in report addresses."),
    )
    session = models.CharField(
        _("Committee session"),
        max_length=200,
        validators=[validate_single_line],
        help_text=_("The session of the Committee on Social Development that the reports serve."),
    )
    opens_on = models.DateField(_("opens on"), help_text=_("From this day, focal points can start their report."))
    deadline = models.DateField(
        _("deadline"),
        help_text=_(
            "Reports are due on this day. Drafts can still be submitted afterwards, until you close the cycle."
        ),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReportingCycleQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "-deadline"]
        verbose_name = _("reporting cycle")
        permissions = [("manage_cycle", "Can open, change and close reporting cycles")]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opens_on")), name="cycle_deadline_after_opening"
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.opens_on and self.deadline and self.deadline < self.opens_on:
            raise ValidationError({"deadline": _("Enter a deadline on or after the opening date")})

    @property
    def is_closed(self):
        return self.closed_at is not None

    @property
    def has_opened(self):
        return self.opens_on <= timezone.localdate()

    @property
    def is_open(self):
        """Accepts new drafts, edits and submissions."""
        return self.has_opened and not self.is_closed

    @property
    def is_past_deadline(self):
        return timezone.localdate() > self.deadline

    @property
    def days_left(self):
        return (self.deadline - timezone.localdate()).days


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for revision")
    PUBLISHED = "published", _("Published")


# The states in which the country may edit the report.
EDITABLE_STATES = (ReportState.DRAFT, ReportState.RETURNED)


class ProgressReportQuerySet(models.QuerySet):
    """The vocabulary every page that shows reports builds on.

    `latest_published()` and `latest_published_per_country()` are filters (a primary-key subquery using
    PostgreSQL's DISTINCT ON), so they compose with any other filter, ordering or `select_related`.
    """

    def published(self):
        return self.filter(state=ReportState.PUBLISHED)

    def for_country(self, country):
        return self.filter(country=country)

    def for_cycle(self, cycle):
        return self.filter(cycle=cycle)

    def unpublished(self):
        return self.exclude(state=ReportState.PUBLISHED)

    def latest_published(self):
        """The latest published version of each country's report for each cycle."""
        latest = (
            ProgressReport.objects.published()
            .order_by("country_id", "cycle_id", "-version")
            .distinct("country_id", "cycle_id")
            .values("pk")
        )
        return self.filter(pk__in=latest)

    def latest_published_per_country(self):
        """Each country's one latest published report: its most recent cycle, latest version."""
        latest = (
            ProgressReport.objects.published()
            .order_by("country_id", "-cycle__opens_on", "-cycle__deadline", "-version")
            .distinct("country_id")
            .values("pk")
        )
        return self.filter(pk__in=latest)


class ProgressReport(models.Model):
    """One version of a country's voluntary progress report for one reporting cycle."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="progress_reports")
    cycle = models.ForeignKey(ReportingCycle, on_delete=models.PROTECT, related_name="reports")
    version = models.PositiveSmallIntegerField(default=1)
    state = models.CharField(max_length=20, choices=ReportState.choices, default=ReportState.DRAFT)
    summary = models.TextField(
        _("overall summary"),
        blank=True,
        help_text=_(
            "Your country's progress on the Action Plan as a whole since the last report, in a few paragraphs."
        ),
    )
    challenges = models.TextField(
        _("cross-cutting challenges"),
        blank=True,
        help_text=_("Challenges that affect several measures: financing, capacity, data, coordination, shocks…"),
    )
    # The language the country wrote the report in, kept for every page that shows it (`lang`): one of
    # ESCAP's working languages, those of the Committee the reports go to.
    language = models.CharField(
        _("language of the report"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revisions",
        help_text=_("The published version this version revises."),
    )
    # Optimistic locking of the summary and challenges: a save must carry the revision it started from.
    revision = models.PositiveIntegerField(default=1)
    is_sample = models.BooleanField(default=False, help_text=_("Demonstration data, shown as such."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = ProgressReportQuerySet.as_manager()

    class Meta:
        ordering = ["country__name", "-cycle__opens_on", "-version"]
        verbose_name = _("progress report")
        permissions = [("review_report", "Can return and publish progress reports")]
        constraints = [
            models.UniqueConstraint(fields=["country", "cycle", "version"], name="progressreport_unique_version"),
            # A country works on one version at a time: the others are published.
            models.UniqueConstraint(
                fields=["country", "cycle"],
                condition=~Q(state="published"),
                name="progressreport_one_unpublished_per_country_cycle",
                violation_error_message=_("Your country already has a report in progress for this cycle."),
            ),
            models.CheckConstraint(condition=Q(state__in=ReportState.values), name="progressreport_state_valid"),
            models.CheckConstraint(
                condition=Q(language__in=[code for code, _name in settings.LANGUAGES]),
                name="progressreport_language_valid",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="progressreport_version_positive"),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_at__isnull=False), name="progressreport_published_dated"
            ),
        ]
        indexes = [
            # latest_published(): DISTINCT ON (country, cycle) ordered by version, published only.
            models.Index(
                fields=["country", "cycle", "-version"],
                condition=Q(state="published"),
                name="progressreport_published_idx",
            ),
            # The review queue: submitted reports, oldest first.
            models.Index(fields=["submitted_at"], condition=Q(state="submitted"), name="progressreport_submitted_idx"),
        ]

    def __str__(self):
        return f"{self.country} · {self.cycle} · v{self.version}"

    def get_absolute_url(self):
        """The public address of this version (only published versions answer there)."""
        return reverse("report_version", args=[self.country.iso3, self.cycle.slug, self.version])

    @property
    def cycle_url(self):
        """The public address of the country's report for this cycle: its latest published version."""
        return cached_reverse("report_detail", self.country.iso3, self.cycle.slug)

    def get_workspace_url(self):
        return reverse("report_workspace", args=[self.pk])

    def get_review_url(self):
        return reverse("report_review", args=[self.pk])

    @property
    def is_published(self):
        return self.state == ReportState.PUBLISHED

    @property
    def is_editable_state(self):
        return self.state in EDITABLE_STATES


class ImplementationStatus(models.TextChoices):
    """How far a measure is implemented, on the scale every section uses (explained on the page)."""

    NOT_STARTED = "not-started", _("Not started")
    PLANNING = "planning", _("Planning")
    IN_PROGRESS = "in-progress", _("In progress")
    LARGELY_IN_PLACE = "largely-in-place", _("Largely in place")
    IN_PLACE = "in-place", _("In place")

    @classmethod
    def explanations(cls):
        """(status, what it means) for each step of the scale, in order."""
        return [(cls(value), STATUS_EXPLANATIONS[value]) for value in cls.values]

    @classmethod
    def step(cls, value):
        """0 for not started … 4 for in place; None when no status is given."""
        return STATUS_STEPS.get(value)


# Each status's place on the scale, looked up for every badge of a page (`values` builds a new list).
STATUS_STEPS = {status.value: step for step, status in enumerate(ImplementationStatus)}
# The badge's marks for each status: the steps reached, as on/off.
STATUS_MARKS = {value: [mark <= step for mark in range(len(STATUS_STEPS))] for value, step in STATUS_STEPS.items()}

STATUS_EXPLANATIONS = {
    ImplementationStatus.NOT_STARTED: _("No policy, law or programme addresses this measure yet."),
    ImplementationStatus.PLANNING: _(
        "A policy, law or programme is being designed or consulted on, but has not been adopted."
    ),
    ImplementationStatus.IN_PROGRESS: _(
        "Adopted and being put in place, but reaching only part of the people or places it is meant for."
    ),
    ImplementationStatus.LARGELY_IN_PLACE: _(
        "In place for most of the people and places it is meant for; some gaps remain."
    ),
    ImplementationStatus.IN_PLACE: _("Fully in place and monitored; what remains is to sustain and improve it."),
}


class ReportSection(models.Model):
    """What a report says about one measure."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="sections")
    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="report_sections")
    status = models.CharField(
        _("implementation status"), max_length=20, choices=ImplementationStatus.choices, blank=True
    )
    actions_taken = models.TextField(_("actions taken"), blank=True)
    challenges = models.TextField(_("challenges"), blank=True)
    support_needed = models.TextField(_("support your country would welcome"), blank=True)
    wants_support = models.BooleanField(_("would welcome support on this measure"), null=True, blank=True)
    experience_to_share = models.TextField(_("experience your country can offer its peers"), blank=True)
    offers_experience = models.BooleanField(_("can offer experience on this measure"), null=True, blank=True)
    # Optimistic locking: a save must carry the revision it started from (measure 7's coverage table too).
    revision = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # The texts compared by "what changed" and counted by the completeness meter, in the page's order.
    TEXT_FIELDS = ["actions_taken", "challenges", "support_needed", "experience_to_share"]

    class Meta:
        ordering = ["measure__number"]
        verbose_name = _("report section")
        constraints = [
            models.UniqueConstraint(fields=["report", "measure"], name="reportsection_one_per_measure"),
            models.CheckConstraint(
                condition=Q(status="") | Q(status__in=ImplementationStatus.values), name="reportsection_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.report} · {self.measure}"

    @property
    def number(self):
        return self.measure.number

    @property
    def anchor(self):
        return f"measure-{self.measure.number}"

    @property
    def status_step(self):
        return ImplementationStatus.step(self.status)

    @property
    def status_marks(self):
        """The status badge's five marks, on up to this section's step of the scale."""
        return STATUS_MARKS.get(self.status, [])

    @property
    def is_empty(self):
        return not self.status and not any(getattr(self, field).strip() for field in self.TEXT_FIELDS)

    @property
    def missing(self):
        """What the section still needs before the report can be called complete."""
        missing = []
        if not self.status:
            missing.append(_("implementation status"))
        if not self.actions_taken.strip():
            missing.append(_("actions taken"))
        return missing


def percentage_field(label):
    return models.DecimalField(
        label,
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )


def between_0_and_100(field):
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0, f"{field}__lte": 100})


def sex_order(field="sex"):
    """Total, female, male: the order of the SDG 1.3.1 tables (alphabetical order would put total last)."""
    return models.Case(
        *(models.When(**{field: value}, then=position) for position, value in enumerate(Sex.values)),
        output_field=models.IntegerField(),
    ).asc()


class CoverageEntry(models.Model):
    """One row of measure 7's coverage table: a category and sex, its baseline, targets and latest value."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="coverage")
    category = models.ForeignKey(CoverageCategory, on_delete=models.PROTECT, related_name="+")
    sex = models.CharField(max_length=10, choices=Sex.choices)
    baseline_2021 = percentage_field(_("2021 baseline (%)"))
    target_2025 = percentage_field(_("2025 intermediate target (%)"))
    target_2030 = percentage_field(_("2030 target (%)"))
    latest_value = percentage_field(_("latest value (%)"))
    latest_year = models.PositiveSmallIntegerField(
        _("year of the latest value"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_OBSERVATION_YEAR), MaxValueValidator(LAST_OBSERVATION_YEAR)],
    )
    source = models.CharField(_("data source"), max_length=300, blank=True, validators=[validate_single_line])

    VALUE_FIELDS = ["baseline_2021", "target_2025", "target_2030", "latest_value", "latest_year", "source"]

    class Meta:
        ordering = ["category__position", sex_order()]
        verbose_name = _("coverage table row")
        verbose_name_plural = _("coverage table rows")
        constraints = [
            models.UniqueConstraint(fields=["report", "category", "sex"], name="coverageentry_one_per_category_sex"),
            models.CheckConstraint(condition=Q(sex__in=Sex.values), name="coverageentry_sex_valid"),
            models.CheckConstraint(condition=between_0_and_100("baseline_2021"), name="coverageentry_baseline_0_100"),
            models.CheckConstraint(condition=between_0_and_100("target_2025"), name="coverageentry_target_2025_0_100"),
            models.CheckConstraint(condition=between_0_and_100("target_2030"), name="coverageentry_target_2030_0_100"),
            models.CheckConstraint(condition=between_0_and_100("latest_value"), name="coverageentry_latest_0_100"),
            models.CheckConstraint(
                condition=Q(latest_year__isnull=True)
                | Q(latest_year__gte=FIRST_OBSERVATION_YEAR, latest_year__lte=LAST_OBSERVATION_YEAR),
                name="coverageentry_latest_year_range",
            ),
            models.CheckConstraint(
                condition=Q(latest_value__isnull=True) | Q(latest_year__isnull=False),
                name="coverageentry_latest_value_has_year",
            ),
        ]

    def __str__(self):
        return f"{self.category.code} {self.sex}"

    def clean(self):
        errors = {}
        if self.category_id and self.sex and self.sex not in self.category.sexes:
            errors["sex"] = _("%(category)s is reported for %(sexes)s only.") % {
                "category": self.category.display_name,
                "sexes": self.category.get_sexes_display().lower(),
            }
        if self.latest_value is not None and self.latest_year is None:
            errors["latest_year"] = _("Enter the year of the latest value")
        if errors:
            raise ValidationError(errors)

    @property
    def sex_label(self):
        return Sex(self.sex).label

    @property
    def has_values(self):
        return any(
            getattr(self, field) not in (None, "")
            for field in ["baseline_2021", "target_2025", "target_2030", "latest_value"]
        )

    @property
    def progress_target_year(self):
        """The target the latest value is measured against: 2025 until then (if set), else 2030 (if set)."""
        if self.target_2025 is not None and (self.latest_year is None or self.latest_year <= INTERMEDIATE_YEAR):
            return INTERMEDIATE_YEAR
        if self.target_2030 is not None:
            return TARGET_YEAR
        return INTERMEDIATE_YEAR if self.target_2025 is not None else None

    def progress_toward(self, target_year):
        """Progress toward the target of `target_year` (2025 or 2030), by the method of `progress_reports.progress`."""
        target = {INTERMEDIATE_YEAR: self.target_2025, TARGET_YEAR: self.target_2030}.get(target_year)
        return progress_toward(
            baseline=self.baseline_2021,
            latest=self.latest_value,
            latest_year=self.latest_year,
            target=target,
            target_year=target_year,
        )

    @cached_property
    def progress_2025(self):
        return self.progress_toward(INTERMEDIATE_YEAR)

    @cached_property
    def progress_2030(self):
        return self.progress_toward(TARGET_YEAR)

    @cached_property
    def progress(self):
        """Progress toward the next target: the one the chart's mark of the latest value is coloured by."""
        target_year = self.progress_target_year
        if target_year is None:
            return self.progress_2030
        return self.progress_toward(target_year)


class ReportTransition(models.Model):
    """One move of a report through its workflow: who, when, from, to, and the comment."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="transitions")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    from_state = models.CharField(max_length=20, choices=ReportState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=ReportState.choices)
    comment = models.TextField(blank=True)
    # The report's content as it was when submitted: "what changed since the last submission" compares these.
    snapshot = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("report history entry")
        verbose_name_plural = _("report history")
        constraints = [
            models.CheckConstraint(
                condition=Q(from_state="") | Q(from_state__in=ReportState.values), name="reporttransition_from_valid"
            ),
            models.CheckConstraint(condition=Q(to_state__in=ReportState.values), name="reporttransition_to_valid"),
        ]
        indexes = [
            # A report's history, in order.
            models.Index(fields=["report", "at"], name="reporttransition_report_idx"),
        ]

    def __str__(self):
        return f"{self.report}: {self.from_state or '—'} → {self.to_state}"


class SectionComment(models.Model):
    """Staff's comment on one section, written when returning a report; shown beside that section."""

    transition = models.ForeignKey(ReportTransition, on_delete=models.CASCADE, related_name="section_comments")
    section = models.ForeignKey(ReportSection, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField()

    class Meta:
        ordering = ["section__measure__number"]
        constraints = [
            models.UniqueConstraint(fields=["transition", "section"], name="sectioncomment_one_per_section_return"),
        ]

    def __str__(self):
        return f"{self.section}: {self.text[:40]}"


class AttachmentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", _("Word document (DOCX)")
    XLSX = "xlsx", _("Excel workbook (XLSX)")


def attachment_path(attachment, filename):
    """A server-generated name: what the person called the file is kept only in `original_name`."""
    return f"report-attachments/{uuid.uuid4().hex}.{attachment.kind}"


class Attachment(models.Model):
    """A file attached to a report: public only once the report is published."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(max_length=10, choices=AttachmentKind.choices)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=AttachmentKind.values), name="attachment_kind_valid"),
        ]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("attachment_download", args=[self.pk])

    @property
    def download_name(self):
        """The name the file is downloaded under: the person's name for it, with the extension its content has."""
        stem = PurePosixPath(self.original_name).stem or "attachment"
        return f"{stem[:150]}.{self.kind}"


class DeadlineReminder(models.Model):
    """A deadline reminder sent to a country's focal points: each is sent once, however often the command runs."""

    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="reminders")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cycle", "country", "days_before"], name="deadlinereminder_once"),
        ]

    def __str__(self):
        return f"{self.cycle} · {self.country.iso3} · {self.days_before} days"
