"""Good practices: what a country did that others can learn from, moderated before it is public.

A practice is one row of `GoodPractice`. Its public text changes only through
moderation: before the first publication the row itself is the draft; once it is
published, an edit is a second row, a *revision*, pointing at it with
`revision_of`. The revision goes through the same states and, once published,
its content is copied onto the published row (which keeps its address), while
the revision stays as the record of the change. Every move is a
`ModerationStep`.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from good_practices.rendering import plain_text, render_markdown, without_marks
from measures.models import Measure
from spot.audit import register_actions
from spot.links import cached_reverse
from spot.models import Country
from spot.validators import validate_single_line

# The text search configuration of the stored vector and of every query against it.
SEARCH_CONFIG = "english"
SUMMARY_MAX_LENGTH = 600
LONG_TEXT_MAX_LENGTH = 20_000
EARLIEST_YEAR, LATEST_YEAR = 1950, 2100


@register_actions
class PracticeAction(models.TextChoices):
    """What happens to good practices, as the audit log names it."""

    CREATED = "practice-created", _("Practice drafted")
    SAVED = "practice-saved", _("Practice draft saved")
    DELETED = "practice-deleted", _("Practice draft deleted")
    REVISION_STARTED = "practice-revision-started", _("Practice revision started")
    SUBMITTED = "practice-submitted", _("Practice submitted")
    WITHDRAWN = "practice-withdrawn", _("Practice withdrawn from review")
    PUBLISHED = "practice-published", _("Practice published")
    CHANGES_REQUESTED = "practice-changes-requested", _("Changes requested to a practice")
    REJECTED = "practice-rejected", _("Practice rejected")
    ARCHIVED = "practice-archived", _("Practice archived")
    REPUBLISHED = "practice-republished", _("Practice republished")


class PracticeState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Archived")
    # A revision whose content now is the published practice's.
    APPLIED = "applied", _("Published as an update")


State = PracticeState

# The moves of the workflow: action → (states it may start from, state it leads to).
# Publishing a revision leads to APPLIED instead (its content goes onto the published practice).
MOVES = {
    "submit": ({State.DRAFT, State.CHANGES_REQUESTED}, State.SUBMITTED),
    "withdraw": ({State.SUBMITTED}, State.DRAFT),
    "publish": ({State.SUBMITTED}, State.PUBLISHED),
    "request_changes": ({State.SUBMITTED}, State.CHANGES_REQUESTED),
    "reject": ({State.SUBMITTED}, State.REJECTED),
    "archive": ({State.PUBLISHED}, State.ARCHIVED),
    "republish": ({State.ARCHIVED}, State.PUBLISHED),
}
# The moves of the secretariat, as the review pages offer them.
MODERATION_ACTIONS = ["publish", "request_changes", "reject", "archive", "republish"]
EDITABLE_STATES = {State.DRAFT, State.CHANGES_REQUESTED}
# A revision in one of these is still on its way; a practice has at most one.
OPEN_REVISION_STATES = [State.DRAFT, State.SUBMITTED, State.CHANGES_REQUESTED]


# What the author does next, by state, as the workspace says it.
NEXT_STEPS = {
    State.DRAFT: _("Finish it, preview it and submit it for review."),
    State.SUBMITTED: _("With the ESCAP secretariat for review. You will be told by email."),
    State.CHANGES_REQUESTED: _("Make the changes the secretariat asked for, then submit it again."),
    State.PUBLISHED: _("Published. Propose an update when something changes."),
    State.REJECTED: _("Not accepted for publication: see the secretariat's reason."),
    State.ARCHIVED: _("Archived by the secretariat: no longer public."),
    State.APPLIED: _("Published as an update."),
}


class Language(models.TextChoices):
    """The language a practice is written in (ISO 639 codes): ESCAP's working languages, then the region's."""

    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    CHINESE = "zh", _("Chinese")
    BENGALI = "bn", _("Bengali")
    FILIPINO = "fil", _("Filipino")
    HINDI = "hi", _("Hindi")
    INDONESIAN = "id", _("Indonesian")
    JAPANESE = "ja", _("Japanese")
    KAZAKH = "kk", _("Kazakh")
    KHMER = "km", _("Khmer")
    KOREAN = "ko", _("Korean")
    LAO = "lo", _("Lao")
    MALAY = "ms", _("Malay")
    MONGOLIAN = "mn", _("Mongolian")
    NEPALI = "ne", _("Nepali")
    PERSIAN = "fa", _("Persian")
    THAI = "th", _("Thai")
    TURKISH = "tr", _("Turkish")
    URDU = "ur", _("Urdu")
    UZBEK = "uz", _("Uzbek")
    VIETNAMESE = "vi", _("Vietnamese")


class Theme(models.Model):
    """A theme practices are filed under (older persons, digital delivery ...). Reference data, loaded by migration."""

    slug = models.SlugField(max_length=40, unique=True, help_text=_("Used in addresses: /good-practices/?theme=<slug>"))
    name = models.CharField(max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(help_text=_("Order in lists."))

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return cached_reverse("practice_list") + f"?theme={self.slug}"

    @property
    def display_name(self):
        """The theme's name in the page's language (the names are in the catalogues, below)."""
        return gettext(self.name)


# The themes' names as the migration loads them, for the catalogues.
THEME_NAMES = [
    gettext_noop("Children"),
    gettext_noop("Working age"),
    gettext_noop("Older persons"),
    gettext_noop("Persons with disabilities"),
    gettext_noop("Gender equality"),
    gettext_noop("Informal workers"),
    gettext_noop("Migrant workers"),
    gettext_noop("Shock-responsive social protection"),
    gettext_noop("Digital delivery"),
    gettext_noop("Financing"),
    gettext_noop("Coverage extension"),
    gettext_noop("Administration and delivery"),
]


class GoodPracticeQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: published practices (revisions are never published themselves)."""
        return self.filter(state=State.PUBLISHED)

    def for_country(self, country):
        return self.filter(country=country)

    def originals(self):
        """Practices, without the revisions of published ones."""
        return self.filter(revision_of__isnull=True)

    def awaiting_review(self):
        """Submitted practices and revisions, oldest submission first."""
        return self.filter(state=State.SUBMITTED).order_by("submitted_at", "pk")

    def newest_first(self):
        return self.order_by("-published_at", "-pk")


CONTENT_FIELDS = [
    "title",
    "programme_name",
    "period_start",
    "period_end",
    "summary",
    "body",
    "results",
    "lessons",
    "sources",
    "contact_agency",
    "language",
]
# The fields a practice needs before it can be submitted for review.
NEEDED_TO_SUBMIT = [
    "title",
    "programme_name",
    "measures",
    "themes",
    "period_start",
    "summary",
    "body",
    "results",
    "lessons",
    "contact_agency",
    "language",
]


class GoodPractice(models.Model):
    """A programme or reform a country shares so that others can learn from it."""

    # Identity and workflow.
    slug = models.SlugField(
        max_length=100, null=True, blank=True, help_text=_("The practice's stable address; revisions have none.")
    )
    revision_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="revisions",
        help_text=_("For a proposed change to a published practice: the practice it changes."),
    )
    revision_number = models.PositiveSmallIntegerField(null=True, blank=True)
    based_on_version = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("The published practice's version this revision started from.")
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="good_practices")
    state = models.CharField(max_length=20, choices=PracticeState.choices, default=PracticeState.DRAFT)
    # Raised by every save and every move: an edit or a decision made on an older version is refused.
    version = models.PositiveIntegerField(default=1)
    is_sample = models.BooleanField(default=False, help_text=_("Demonstration data, shown as such."))

    # Content.
    title = models.CharField(max_length=200, validators=[validate_single_line])
    programme_name = models.CharField(
        "programme or policy name", max_length=200, blank=True, validators=[validate_single_line]
    )
    period_start = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    summary = models.TextField(blank=True, max_length=SUMMARY_MAX_LENGTH)
    body = models.TextField(_("the practice"), blank=True, max_length=LONG_TEXT_MAX_LENGTH)
    results = models.TextField(_("results and evidence"), blank=True, max_length=LONG_TEXT_MAX_LENGTH)
    lessons = models.TextField(_("lessons and conditions for replication"), blank=True, max_length=LONG_TEXT_MAX_LENGTH)
    # [{"title": ..., "url": ...}, ...]: copied with the rest of the content, never queried alone.
    sources = models.JSONField(default=list, blank=True)
    contact_agency = models.CharField(
        _("agency to contact"), max_length=200, blank=True, validators=[validate_single_line]
    )
    language = models.CharField(max_length=3, choices=Language.choices, default=Language.ENGLISH)
    measures = models.ManyToManyField(Measure, blank=True, related_name="good_practices")
    themes = models.ManyToManyField(Theme, blank=True, related_name="practices")
    # Copies of the two lists above, written with them by `set_measures_and_themes`: the search filters and
    # counts practices by them without joining the link tables.
    measure_numbers = ArrayField(models.PositiveSmallIntegerField(), default=list, blank=True, editable=False)
    theme_slugs = ArrayField(models.CharField(max_length=40), default=list, blank=True, editable=False)

    # Derived from the content on every save, so that no page renders Markdown or strips tags per row.
    body_html = models.TextField(blank=True, editable=False)
    results_html = models.TextField(blank=True, editable=False)
    lessons_html = models.TextField(blank=True, editable=False)
    searchable_text = models.TextField(
        blank=True, editable=False, help_text=_("The practice, results and lessons as plain text.")
    )
    search_vector = models.GeneratedField(
        expression=(
            SearchVector("title", weight="A", config=SEARCH_CONFIG)
            + SearchVector("summary", "programme_name", weight="B", config=SEARCH_CONFIG)
            + SearchVector("searchable_text", weight="C", config=SEARCH_CONFIG)
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # The title, summary and programme alone: small enough to stay in the row, so that ranking many matches
    # stays cheap however long the practices are (see good_practices.search).
    head_vector = models.GeneratedField(
        expression=(
            SearchVector("title", weight="A", config=SEARCH_CONFIG)
            + SearchVector("summary", "programme_name", weight="B", config=SEARCH_CONFIG)
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    # Who and when.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now, help_text=_("When the content was last saved."))
    submitted_at = models.DateTimeField(null=True, blank=True, help_text=_("The latest submission for review."))
    published_at = models.DateTimeField(null=True, blank=True, help_text=_("The first publication."))
    published_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    last_updated_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the published text last changed (first publication or an update).")
    )
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = GoodPracticeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        permissions = [("moderate_practice", "Can publish, return, reject and archive good practices")]
        constraints = [
            models.CheckConstraint(condition=models.Q(state__in=PracticeState.values), name="practice_state_valid"),
            models.CheckConstraint(condition=models.Q(language__in=Language.values), name="practice_language_valid"),
            # A practice has an address; a revision has none (it is seen at the practice's).
            models.CheckConstraint(
                condition=models.Q(revision_of__isnull=True, slug__isnull=False)
                | models.Q(revision_of__isnull=False, slug__isnull=True),
                name="practice_slug_unless_revision",
            ),
            models.UniqueConstraint(fields=["slug"], name="practice_slug_unique"),
            models.CheckConstraint(
                condition=~models.Q(revision_of__isnull=False, state__in=[State.PUBLISHED, State.ARCHIVED])
                & ~models.Q(revision_of__isnull=True, state=State.APPLIED),
                name="practice_revision_states",
            ),
            models.UniqueConstraint(
                fields=["revision_of"],
                condition=models.Q(state__in=OPEN_REVISION_STATES),
                name="practice_one_open_revision",
                violation_error_message="This practice already has a revision on its way.",
            ),
            models.CheckConstraint(
                condition=~models.Q(state__in=[State.PUBLISHED, State.ARCHIVED, State.APPLIED])
                | models.Q(published_at__isnull=False, published_year__isnull=False),
                name="practice_published_dated",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(period_start__isnull=True)
                    | models.Q(period_start__gte=EARLIEST_YEAR, period_start__lte=LATEST_YEAR)
                )
                & (
                    models.Q(period_end__isnull=True)
                    | models.Q(period_end__gte=EARLIEST_YEAR, period_end__lte=LATEST_YEAR)
                )
                & (
                    models.Q(period_start__isnull=True)
                    | models.Q(period_end__isnull=True)
                    | models.Q(period_end__gte=models.F("period_start"))
                ),
                name="practice_period_valid",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("summary"), SUMMARY_MAX_LENGTH), name="practice_summary_length"
            ),
        ]
        indexes = [
            # "Did you mean": similar titles when a search finds nothing.
            GinIndex(
                OpClass("title", name="gin_trgm_ops"),
                name="practice_title_trgm_idx",
                condition=models.Q(state="published"),
            ),
            # The home page, a country's and a measure's practices, and the feeds: the newest first; and the
            # search's bit sets (good_practices.search_index), read from this index alone.
            models.Index(
                fields=["-published_at", "-id"],
                include=["country", "published_year", "language", "measure_numbers", "theme_slugs"],
                name="practice_newest_idx",
                condition=models.Q(state="published"),
            ),
            # A country's page and the workspace.
            models.Index(fields=["country", "state"], name="practice_country_state_idx"),
            # The review queue, oldest submission first.
            models.Index(
                fields=["submitted_at"], name="practice_review_queue_idx", condition=models.Q(state="submitted")
            ),
        ]

    def __str__(self):
        if self.revision_of_id:
            return f"{self.title} (revision {self.revision_number})"
        return self.title

    def save(self, *args, update_fields=None, **kwargs):
        if update_fields is None or {"body", "results", "lessons"} & set(update_fields):
            self.render()
        super().save(*args, update_fields=update_fields, **kwargs)

    def get_absolute_url(self):
        """The public address (a revision's is its practice's)."""
        slug = self.revision_of.slug if self.revision_of_id else self.slug
        return cached_reverse("practice_detail", slug)

    def render(self):
        """Derive the HTML and the searchable text from the Markdown the author wrote."""
        # The search marks matched words with private characters: the text searched never holds them.
        self.title, self.summary, self.programme_name = (
            without_marks(self.title),
            without_marks(self.summary),
            without_marks(self.programme_name),
        )
        self.body_html = render_markdown(self.body)
        self.results_html = render_markdown(self.results)
        self.lessons_html = render_markdown(self.lessons)
        self.searchable_text = plain_text(self.body_html, self.results_html, self.lessons_html)

    def set_measures_and_themes(self, measures, themes):
        """Link the practice to its measures and themes, and keep the copies the search reads in step."""
        measures, themes = list(measures), list(themes)
        self.measures.set(measures)
        self.themes.set(themes)
        self.measure_numbers = sorted(measure.number for measure in measures)
        self.theme_slugs = sorted(theme.slug for theme in themes)
        GoodPractice.objects.filter(pk=self.pk).update(
            measure_numbers=self.measure_numbers, theme_slugs=self.theme_slugs
        )

    def get_workspace_url(self):
        return reverse("my_practice", args=[self.pk])

    def get_review_url(self):
        return reverse("review_practice", args=[self.pk])

    @property
    def is_revision(self):
        return self.revision_of_id is not None

    @property
    def next_step(self):
        return NEXT_STEPS[self.state]

    @property
    def is_editable(self):
        return self.state in EDITABLE_STATES

    @property
    def period(self):
        if not self.period_start:
            return ""
        if not self.period_end:
            return _("since %(year)s") % {"year": self.period_start}
        if self.period_end == self.period_start:
            return str(self.period_start)
        return f"{self.period_start}–{self.period_end}"

    def missing_for_submission(self):
        """The names of the fields still empty that a submission needs (in the order of the form)."""
        missing = []
        for name in NEEDED_TO_SUBMIT:
            if name in ("measures", "themes"):
                if self.pk is None or not getattr(self, name).exists():
                    missing.append(name)
            elif getattr(self, name) in (None, ""):
                missing.append(name)
        return missing


class SearchEntry(models.Model):
    """A published practice as the public search matches it: its id and its three vectors, nothing else.

    The database keeps this table, as it keeps an index: triggers on the practices (migration
    0003) copy a practice's vectors here when it is published or its text changes, and remove it
    when it leaves the public. Its rows are half as wide as the practices', whose texts they leave
    out, so the thousands of matches of a common word are read from half as many pages; and a
    phrase, whose word positions are checked in every practice that has its words, finds them in
    the row (PostgreSQL moves a value out of the row only when the row passes 2 kB).
    """

    practice = models.OneToOneField(
        GoodPractice, primary_key=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    document = SearchVectorField()  # the whole practice: its search_vector
    head = SearchVectorField()  # the title, summary and programme name: its head_vector
    title = SearchVectorField()  # the title alone

    class Meta:
        indexes = [
            # What a search matches; then, to rank the matches, those matching in the head and in the title.
            GinIndex(fields=["document"], name="searchentry_document_idx"),
            GinIndex(fields=["head"], name="searchentry_head_idx"),
            GinIndex(fields=["title"], name="searchentry_title_idx"),
        ]

    def __str__(self):
        return str(self.practice_id)


class SearchGeneration(models.Model):
    """One row whose number changes with every change to what the search counts and orders.

    The same triggers set it, from a sequence (so that no number is ever given twice, even
    after a rollback), when a practice enters or leaves the public or a published practice
    changes country, measures, themes, language or date. Each process keeps its counts for one
    number (good_practices.search_index) and rebuilds them when the number it reads differs.
    """

    number = models.BigIntegerField()

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="searchgeneration_one_row")]

    def __str__(self):
        return str(self.number)


class ModerationStep(models.Model):
    """One move of a practice (or of a revision of it): who, when, from which state to which, and why."""

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(max_length=20, choices=[(name, name) for name in MOVES])
    from_state = models.CharField(max_length=20, choices=PracticeState.choices)
    to_state = models.CharField(max_length=20, choices=PracticeState.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(from_state__in=PracticeState.values, to_state__in=PracticeState.values),
                name="moderationstep_states_valid",
            ),
            models.CheckConstraint(condition=models.Q(action__in=list(MOVES)), name="moderationstep_action_valid"),
        ]
        indexes = [
            # A practice's history, and the latest comment shown to its author.
            models.Index(fields=["practice", "created_at"], name="moderationstep_practice_idx"),
        ]

    def __str__(self):
        return f"{self.practice} {self.from_state} → {self.to_state}"

    @property
    def label(self):
        return STEP_LABELS[self.action]


STEP_LABELS = {
    "submit": _("Submitted for review"),
    "withdraw": _("Withdrawn from review"),
    "publish": _("Published"),
    "request_changes": _("Changes requested"),
    "reject": _("Rejected"),
    "archive": _("Archived"),
    "republish": _("Republished"),
}
