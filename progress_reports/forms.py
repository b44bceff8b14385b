"""Forms of the reporting workflow: cycles, the report's overview and sections, measure 7's coverage table,
attachments, and the submit, return and publish steps.

Every text box is bounded (`LONG_TEXT`) and its line endings normalised, so that what is saved, compared
and shown is what was typed. Edits carry the revision they started from (optimistic locking) and a
fingerprint of what the form showed, so that a whole-report save touches only the parts that changed.
"""

import zipfile
from decimal import Decimal, InvalidOperation
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from measures.models import Sex
from progress_reports.changes import coverage_content
from progress_reports.models import (
    BASELINE_YEAR,
    FIRST_OBSERVATION_YEAR,
    INTERMEDIATE_YEAR,
    LAST_OBSERVATION_YEAR,
    LONG_TEXT,
    TARGET_YEAR,
    AttachmentKind,
    ImplementationStatus,
    ReportingCycle,
    ReportSection,
)
from progress_reports.services import fingerprint, overview_content, section_with_coverage_content
from spot.models import Country
from spot.validators import validate_single_line

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def normalise(text):
    """Browsers send line breaks as CRLF; keep one form, so that comparisons see only real edits."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class LongTextField(forms.CharField):
    """A free-text box of a report: optional in a draft, bounded, line endings normalised."""

    def __init__(self, *, label, help_text="", rows=6, **kwargs):
        super().__init__(
            label=label,
            help_text=help_text,
            required=False,
            max_length=LONG_TEXT,
            widget=forms.Textarea(attrs={"rows": rows}),
            error_messages={
                "max_length": _("Shorten this text to %(limit_value)s characters or fewer (it has %(show_value)s)")
            },
            **kwargs,
        )

    def to_python(self, value):
        return normalise(super().to_python(value))


class YesNoField(forms.ChoiceField):
    def __init__(self, *, label, help_text=""):
        super().__init__(
            label=label,
            help_text=help_text,
            required=False,
            choices=YES_NO,
            widget=forms.RadioSelect,
            error_messages={"invalid_choice": _("Choose yes or no")},
        )

    def clean(self, value):
        return {"yes": True, "no": False}.get(super().clean(value))


def interpolated(text, **values):
    """`text % values`, translated when a page shows it (a class attribute is built once, in English)."""
    return lazy(lambda: str(text) % values, str)()


def yes_no_initial(value):
    return {True: "yes", False: "no"}.get(value, "")


class VersionedForm(forms.Form):
    """A part of a report saved on its own: carries the revision it started from and a fingerprint of its content."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    # Set by the view when a colleague's save got there first: {field name: what they saved}.
    theirs = None
    conflict = None
    coverage_table = None

    def fields_with_theirs(self):
        """(bound field, what a colleague saved in it or None) for each visible field, in order."""
        theirs = self.theirs or {}
        return [(field, theirs.get(field.name)) for field in self.visible_fields()]

    def is_unchanged(self):
        """Whether the person left this part as the form showed it (a whole-report save then skips it)."""
        return self.cleaned_data.get("fingerprint") == fingerprint(self.content())

    def content(self):
        raise NotImplementedError


class OverviewForm(VersionedForm):
    language = forms.ChoiceField(
        label=_("Language of the report"),
        choices=settings.LANGUAGES,
        help_text=_("The language your country writes the report in. It is published in this language."),
    )
    summary = LongTextField(
        label=_("Overall summary"),
        help_text=_(
            "Your country's progress on the Action Plan as a whole since the last report, in a few paragraphs."
        ),
        rows=8,
    )
    challenges = LongTextField(
        label=_("Cross-cutting challenges"),
        help_text=_("Challenges that affect several measures: financing, capacity, data, coordination, shocks."),
    )

    def __init__(self, *args, report, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "language": report.language,
                "summary": report.summary,
                "challenges": report.challenges,
                "revision": report.revision,
                "fingerprint": fingerprint(overview_content(report)),
            },
        )
        super().__init__(*args, prefix="overview", **kwargs)
        self.report = report

    def content(self):
        return {
            "language": self.cleaned_data["language"],
            "summary": self.cleaned_data["summary"],
            "challenges": self.cleaned_data["challenges"],
        }


class SectionForm(VersionedForm):
    """One measure's section. Measure 7's form travels with its coverage table (see `CoverageTable`)."""

    status = forms.ChoiceField(
        label=_("Implementation status"),
        choices=ImplementationStatus.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose a status from the scale")},
    )
    actions_taken = LongTextField(
        label=_("Actions taken"),
        help_text=_(
            "Needed to submit the report. Laws, policies, programmes and reforms since the last report, "
            "with dates and numbers where you have them."
        ),
    )
    challenges = LongTextField(label=_("Challenges"), rows=4)
    wants_support = YesNoField(label=_("Would your country welcome support on this measure?"))
    support_needed = LongTextField(
        label=_("Support your country would welcome"),
        help_text=_("Technical assistance, training, peer exchange… Countries that can help will see it."),
        rows=3,
    )
    offers_experience = YesNoField(label=_("Can your country offer experience on this measure to its peers?"))
    experience_to_share = LongTextField(
        label=_("Experience your country can offer its peers"),
        help_text=_("What worked, what you learned, and who to ask."),
        rows=3,
    )

    def __init__(self, *args, section, coverage=(), **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "status": section.status,
                **{name: getattr(section, name) for name in ReportSection.TEXT_FIELDS},
                "wants_support": yes_no_initial(section.wants_support),
                "offers_experience": yes_no_initial(section.offers_experience),
                "revision": section.revision,
                "fingerprint": fingerprint(section_with_coverage_content(section, coverage)),
            },
        )
        super().__init__(*args, prefix=f"s{section.measure.number}", **kwargs)
        self.section = section
        self.coverage_table = None
        self.fields["status"].help_text = _(
            "Needed to submit the report. See what each status means in the scale at the top of the page."
        )

    def values(self):
        data = self.cleaned_data
        return {
            "status": data["status"],
            **{name: data[name] for name in ReportSection.TEXT_FIELDS},
            "wants_support": data["wants_support"],
            "offers_experience": data["offers_experience"],
        }

    def content(self):
        values = self.values()
        content = {
            **{key: values[key] for key in ["status", *ReportSection.TEXT_FIELDS]},
            "wants_support": yes_no_initial(values["wants_support"]),
            "offers_experience": yes_no_initial(values["offers_experience"]),
        }
        rows = self.coverage_table.forms if self.coverage_table else []
        return {
            **content,
            "coverage": {f"{row.category.code}:{row.sex}": row.content() for row in rows if not row.not_reported},
        }


# Measure 7's coverage table --------------------------------------------------------------------------------

PERCENT_MESSAGES = {
    "invalid": _("Enter a percentage as a number from 0 to 100, like 45.5"),
    "min_value": _("Enter a percentage from 0 to 100: it cannot be negative"),
    "max_value": _("Enter a percentage from 0 to 100: it cannot be more than 100"),
    "max_digits": _("Enter a percentage from 0 to 100, with at most one decimal, like 45.5"),
    "max_whole_digits": _("Enter a percentage from 0 to 100: it cannot be more than 100"),
    "max_decimal_places": _("Enter a percentage with at most one decimal, like 45.5"),
}


class PercentageField(forms.DecimalField):
    """0 to 100 with at most one decimal; "45,5" and "45.5 %" are understood as 45.5."""

    def __init__(self, *, label):
        super().__init__(
            label=label,
            required=False,
            max_digits=4,
            decimal_places=1,
            min_value=Decimal(0),
            max_value=Decimal(100),
            error_messages=PERCENT_MESSAGES,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 5, "class": "cell-input"}),
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removesuffix("%").strip().replace(",", ".")
            if len(value) > 20:  # no percentage is written with so many characters; spare the parser
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return super().to_python(value)
        except InvalidOperation as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error


class CoverageRowForm(forms.Form):
    """One row of the coverage table: a category and a sex."""

    baseline_2021 = PercentageField(label=interpolated(_("%(year)s baseline (%%)"), year=BASELINE_YEAR))
    target_2025 = PercentageField(label=interpolated(_("%(year)s intermediate target (%%)"), year=INTERMEDIATE_YEAR))
    target_2030 = PercentageField(label=interpolated(_("%(year)s target (%%)"), year=TARGET_YEAR))
    latest_value = PercentageField(label=_("Latest value (%)"))
    latest_year = forms.IntegerField(
        label=_("Year of the latest value"),
        required=False,
        min_value=FIRST_OBSERVATION_YEAR,
        max_value=LAST_OBSERVATION_YEAR,
        error_messages={
            "invalid": interpolated(
                _("Enter the year as four digits, from %(first)s to %(last)s"),
                first=FIRST_OBSERVATION_YEAR,
                last=LAST_OBSERVATION_YEAR,
            ),
            "min_value": interpolated(
                _("Enter a year from %(first)s to %(last)s"), first=FIRST_OBSERVATION_YEAR, last=LAST_OBSERVATION_YEAR
            ),
            "max_value": interpolated(
                _("Enter a year from %(first)s to %(last)s"), first=FIRST_OBSERVATION_YEAR, last=LAST_OBSERVATION_YEAR
            ),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 4, "class": "cell-input"}),
    )
    source = forms.CharField(
        label=_("Data source"),
        required=False,
        max_length=300,
        validators=[validate_single_line],
        error_messages={"max_length": _("Shorten the source to %(limit_value)s characters or fewer")},
        widget=forms.TextInput(attrs={"class": "cell-input cell-input--wide"}),
    )

    theirs = None

    def __init__(self, *args, category, sex, entry=None, **kwargs):
        self.category, self.sex, self.entry = category, sex, entry
        self.not_reported = sex not in category.sexes
        if entry is not None:
            kwargs.setdefault("initial", coverage_content(entry))
        super().__init__(*args, prefix=f"cov-{category.code}-{sex}", **kwargs)

    @property
    def sex_label(self):
        return Sex(self.sex).label

    def summary_prefix(self, field):
        """How the error summary names a cell: its category, sex and column."""
        return f"{self.category.display_name}, {self.sex_label.lower()}, {field.label}"

    def clean(self):
        cleaned = super().clean()
        if self.not_reported:
            if any(value not in (None, "") for value in cleaned.values()):
                raise forms.ValidationError(
                    _("Leave this row empty: %(category)s is reported for %(sexes)s only.")
                    % {"category": self.category.display_name, "sexes": self.category.get_sexes_display().lower()},
                    code="sex_not_reported",
                )
            return cleaned
        if (
            cleaned.get("latest_value") is not None
            and cleaned.get("latest_year") is None
            and "latest_year" not in self.errors
        ):
            self.add_error("latest_year", _("Enter the year of the latest value"))
        if (
            cleaned.get("latest_year") is not None
            and cleaned.get("latest_value") is None
            and "latest_value" not in self.errors
        ):
            self.add_error("latest_value", _("Enter the latest value for this year, or clear the year"))
        return cleaned

    def values(self):
        return {name: self.cleaned_data[name] for name in self.fields}

    def content(self):
        values = self.values()
        return {name: "" if value is None else str(value) for name, value in values.items()}


class CoverageTable:
    """Measure 7's coverage table: one row form per category and the sexes it is reported for.

    A value posted for a sex the category is not reported for (a hand-made request) gets a row of its
    own, refused with its message, so that the typed value is shown with the reason.
    """

    def __init__(self, data=None, *, categories, entries):
        self.data = data
        self.forms = []
        for category in categories:
            for sex in Sex.values:
                entry = entries.get((category.pk, sex))
                if sex in category.sexes or self.posted_for(category, sex):
                    self.forms.append(CoverageRowForm(data, category=category, sex=sex, entry=entry))

    def posted_for(self, category, sex):
        if self.data is None:
            return False
        prefix = f"cov-{category.code}-{sex}-"
        return any(key.startswith(prefix) and value.strip() for key, value in self.data.items())

    def __iter__(self):
        return iter(self.forms)

    def is_valid(self):
        # Every row is validated (not only up to the first error), so that each error shows at its cell.
        results = [row.is_valid() for row in self.forms]
        return all(results)

    def values(self):
        """{entry: values} of the rows that exist (every row reported for)."""
        return {row.entry: row.values() for row in self.forms if row.entry is not None and not row.not_reported}

    @property
    def has_errors(self):
        return any(row.errors for row in self.forms)


# Attachments -----------------------------------------------------------------------------------------------

# The main part a DOCX or XLSX package must declare in its [Content_Types].xml.
MAIN_PARTS = {
    AttachmentKind.DOCX: b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    AttachmentKind.XLSX: b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
KIND_NAMES = {AttachmentKind.PDF: "PDF", AttachmentKind.DOCX: "Word (DOCX)", AttachmentKind.XLSX: "Excel (XLSX)"}


def content_is(kind, upload):
    """Whether the file's content is what its name claims: a PDF header, or an Office package with its main part."""
    upload.seek(0)
    try:
        if kind == AttachmentKind.PDF:
            return upload.read(1024).lstrip(b"\t\n\r\x0c ").startswith(b"%PDF-")
        if not zipfile.is_zipfile(upload):
            return False
        upload.seek(0)
        with zipfile.ZipFile(upload) as package, package.open("[Content_Types].xml") as types:
            return MAIN_PARTS[kind] in types.read(512 * 1024)
    except (KeyError, zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError):
        return False
    finally:
        upload.seek(0)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Add a file"),
        max_length=200,
        help_text=_("A PDF, Word (DOCX) or Excel (XLSX) file of up to 10 MB: a statistical annex, a policy document…"),
        error_messages={
            "required": _("Choose a file to attach"),
            "empty": _("The file you chose is empty: choose another one"),
            "max_length": _("Shorten the file's name to %(max)d characters or fewer (it has %(length)d)"),
            "invalid": _("Choose a file to attach"),
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = PurePosixPath(upload.name).suffix.lower().lstrip(".")
        if extension not in AttachmentKind.values:
            raise forms.ValidationError(
                _("Choose a PDF, Word (DOCX) or Excel (XLSX) file: “%(name)s” is none of these"),
                params={"name": upload.name},
                code="kind",
            )
        if upload.size > settings.ATTACHMENT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s: choose a file of %(limit)s or less"),
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(settings.ATTACHMENT_MAX_BYTES)},
                code="size",
            )
        kind = AttachmentKind(extension)
        if not content_is(kind, upload):
            raise forms.ValidationError(
                _(
                    "“%(name)s” is named as a %(kind)s file, but its content is not a %(kind)s file. "
                    "Save it again as %(kind)s from the program that made it, then attach it"
                ),
                params={"name": upload.name, "kind": KIND_NAMES[kind]},
                code="content",
            )
        self.kind = kind
        return upload


# Workflow steps --------------------------------------------------------------------------------------------


def comment_field(label, *, required=False, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=LONG_TEXT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Write a comment that says what the country should revise"),
            "max_length": _("Shorten this comment to %(limit_value)s characters or fewer"),
        },
    )


class SubmitForm(forms.Form):
    comment = comment_field(
        _("Note to the ESCAP secretariat"),
        help_text=_("Anything the reviewers should know, for example what you revised."),
    )


class ReturnForm(forms.Form):
    """A general comment, and a box for a comment on each section."""

    comment = comment_field(
        _("General comment to the country"),
        required=True,
        help_text=_(
            "What the country should revise before the report can be published. The focal points receive it by email."
        ),
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, prefix="return", **kwargs)
        self.sections = sections
        for section in sections:
            self.fields[f"section_{section.measure.number}"] = comment_field(
                _("Comment on measure %(number)s: %(title)s")
                % {"number": section.measure.number, "title": section.measure.display_title},
            )

    def section_fields(self):
        return [self[f"section_{section.measure.number}"] for section in self.sections]

    def section_comments(self):
        return {section: normalise(self.cleaned_data[f"section_{section.measure.number}"]) for section in self.sections}


class PublishForm(forms.Form):
    comment = comment_field(_("Note to the country"), help_text=_("Sent with the email that tells the focal points."))


class StartReportForm(forms.Form):
    prefill = forms.TypedChoiceField(
        label=_("How would you like to start?"),
        choices=[("yes", _("From our last published report, to update it")), ("no", _("With an empty report"))],
        coerce=lambda value: value == "yes",
        initial="yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how to start the report"),
            "invalid_choice": _("Choose how to start the report"),
        },
    )


class OnBehalfForm(forms.Form):
    """Staff choose the country whose report they start on its focal points' behalf."""

    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="iso3",
        empty_label=_("Choose a country"),
        help_text=_("The country's focal points will find the report in their workspace, to complete and submit it."),
        error_messages={
            "required": _("Choose the country whose report you are starting"),
            "invalid_choice": _("Choose a country from the list"),
        },
    )


class CycleForm(forms.ModelForm):
    class Meta:
        model = ReportingCycle
        fields = ["title", "slug", "session", "opens_on", "deadline"]
        labels = {
            "title": _("Title"),
            "slug": _("Short name for addresses"),
            "session": _("Committee session"),
            "opens_on": _("Opens on"),
            "deadline": _("Deadline"),
        }
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "title": {"required": _("Enter the cycle's title")},
            "slug": {
                "required": _("Enter a short name for the cycle's addresses, like 2026"),
                "invalid": _("Use only lower-case letters, digits and hyphens, like 2026 or csd-9"),
                "unique": _("Another cycle already uses this short name: choose another"),
            },
            "session": {"required": _("Enter the Committee session the reports serve")},
            "opens_on": {
                "required": _("Enter the day the cycle opens"),
                "invalid": _("Enter the opening date as a real date, like 2026-03-01"),
            },
            "deadline": {
                "required": _("Enter the deadline"),
                "invalid": _("Enter the deadline as a real date, like 2026-06-30"),
            },
        }

    def clean_slug(self):
        return self.cleaned_data["slug"].lower()
