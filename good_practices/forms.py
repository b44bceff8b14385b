from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from good_practices.models import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    NEEDED_TO_SUBMIT,
    GoodPractice,
)
from spot.validators import validate_single_line

MARKDOWN_HELP = _(
    "You can format the text with Markdown: a blank line starts a new paragraph, **bold**, *italic*, "
    "“- ” at the start of a line for a list, [link text](https://…) for a link, ### for a heading."
)
LONG_TEXT_TOO_LONG = _("Shorten this text to %(limit_value)s characters or fewer (it has %(show_value)s)")


def year_field(label, help_text):
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=EARLIEST_YEAR,
        max_value=LATEST_YEAR,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "input--year"}),
        error_messages={
            "invalid": _("Enter the year as four digits, like 2019"),
            "min_value": _("Enter a year from %(earliest)s to %(latest)s")
            % {"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
            "max_value": _("Enter a year from %(earliest)s to %(latest)s")
            % {"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
        },
    )


class PracticeForm(forms.ModelForm):
    """A practice's text. A draft saves with only a title; the rest is needed before submitting."""

    # The version the person started from, so that saving over someone else's later save is refused.
    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    period_start = year_field(_("First year"), _("The year the programme or reform started, like 2016."))
    period_end = year_field(_("Last year"), _("Leave empty if it is still running."))

    class Meta:
        model = GoodPractice
        fields = [
            "title",
            "country",
            "programme_name",
            "period_start",
            "period_end",
            "measures",
            "themes",
            "summary",
            "body",
            "results",
            "lessons",
            "contact_agency",
            "language",
        ]
        labels = {
            "title": _("Title"),
            "country": _("Country"),
            "programme_name": _("Programme or policy name"),
            "measures": _("Measures of the Action Plan it illustrates"),
            "themes": _("Themes"),
            "summary": _("Summary"),
            "body": _("The practice"),
            "results": _("Results and evidence"),
            "lessons": _("Lessons and conditions for replication"),
            "contact_agency": _("Agency to contact"),
            "language": _("Language of the text"),
        }
        help_texts = {
            "title": _(
                "What was done and where, in a few words, like “Universal old-age pension reaches remote islands”."
            ),
            "programme_name": _("The official name of the programme, policy or law."),
            "measures": _("Choose every measure the practice shows in action."),
            "themes": _("Choose the groups and topics it concerns; people filter the practices by them."),
            "summary": _(
                "Two or three plain sentences that appear in lists and search results: what, for whom, "
                "with what result. At most 600 characters."
            ),
            "body": _("What the programme does, for whom, how it is organised and financed."),
            "results": _("What changed, with figures and how they were measured."),
            "lessons": _("What made it work, what did not, and what another country would need to do the same."),
            "contact_agency": _("The ministry or agency that others can ask about the practice."),
        }
        widgets = {
            "measures": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "body": forms.Textarea(attrs={"rows": 14}),
            "results": forms.Textarea(attrs={"rows": 8}),
            "lessons": forms.Textarea(attrs={"rows": 8}),
        }
        error_messages = {
            "title": {
                "required": _("Enter a title: a draft needs at least its title"),
                "max_length": _("Shorten the title to %(limit_value)s characters or fewer (it has %(show_value)s)"),
            },
            "country": {
                "required": _("Choose the country of the practice"),
                "invalid_choice": _("Choose a country from the list"),
            },
            "programme_name": {
                "required": _("Enter the name of the programme or policy"),
                "max_length": _("Shorten the name to %(limit_value)s characters or fewer (it has %(show_value)s)"),
            },
            "measures": {
                "required": _("Choose at least one measure the practice illustrates"),
                "invalid_choice": _("Choose measures from the list"),
                "invalid_pk_value": _("Choose measures from the list"),
            },
            "themes": {
                "required": _("Choose at least one theme"),
                "invalid_choice": _("Choose themes from the list"),
                "invalid_pk_value": _("Choose themes from the list"),
            },
            "summary": {
                "required": _("Enter a summary of the practice"),
                "max_length": _("Shorten the summary to %(limit_value)s characters or fewer (it has %(show_value)s)"),
            },
            "body": {"required": _("Describe the practice"), "max_length": LONG_TEXT_TOO_LONG},
            "results": {
                "required": _("Describe the results and the evidence for them"),
                "max_length": LONG_TEXT_TOO_LONG,
            },
            "lessons": {
                "required": _("Describe the lessons and the conditions for replicating the practice"),
                "max_length": LONG_TEXT_TOO_LONG,
            },
            "contact_agency": {
                "required": _("Enter the agency others can contact about the practice"),
                "max_length": _("Shorten the name to %(limit_value)s characters or fewer (it has %(show_value)s)"),
            },
            "language": {
                "required": _("Choose the language the practice is written in"),
                "invalid_choice": _("Choose a language from the list"),
            },
        }

    def __init__(self, *args, countries, for_revision=False, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["base_version"].initial = self.instance.version
        for name in NEEDED_TO_SUBMIT:
            if name in self.fields:
                self.fields[name].required = True
        self.fields["measures"].label_from_instance = lambda measure: (
            _("Measure %(number)s: %(title)s")
            % {
                "number": measure.number,
                "title": measure.display_title,
            }
        )
        # A summary that is too long is said so, with its length, rather than cut short by the browser.
        self.fields["summary"].widget.attrs.pop("maxlength", None)
        for name in ("body", "results", "lessons"):
            self.fields[name].widget.attrs.pop("maxlength", None)
            self.fields[name].help_text = f"{self.fields[name].help_text} {MARKDOWN_HELP}"
        if for_revision or self.instance.pk:
            # The country of a practice is settled when it is created.
            del self.fields["country"]
        else:
            country = self.fields["country"]
            country.queryset = countries
            country.empty_label = _("Choose a country")
            first_two = list(countries[:2])
            if len(first_two) == 1:
                self.initial["country"] = first_two[0].pk
                country.disabled = True
                country.help_text = _("You write practices for the country you are a focal point of.")

    # What even a draft needs: the rest may stay empty until the practice is submitted.
    NEEDED_FOR_A_DRAFT = {"title", "country", "language"}

    def _clean_fields(self):
        # A draft saves with whatever is filled in: only the format of what was typed is checked.
        needed = [
            field for name, field in self.fields.items() if field.required and name not in self.NEEDED_FOR_A_DRAFT
        ]
        for field in needed:
            field.required = False
        try:
            super()._clean_fields()
        finally:
            for field in needed:
                field.required = True

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The last year must be the same as the first year or after it"))
        return cleaned


class WebAddressField(forms.URLField):
    """Links readers can follow: http and https only."""

    default_validators = [URLValidator(schemes=["http", "https"])]


class SourceForm(forms.Form):
    title = forms.CharField(
        label=_("Title of the source"),
        max_length=300,
        required=False,
        validators=[validate_single_line],
        error_messages={"max_length": _("Shorten the title to %(limit_value)s characters or fewer")},
    )
    url = WebAddressField(
        label=_("Its web address"),
        max_length=500,
        required=False,
        assume_scheme="https",
        error_messages={
            "invalid": _("Enter a web address starting with https:// or http://"),
            "max_length": _("Shorten the web address to %(limit_value)s characters or fewer"),
        },
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("url") and not cleaned.get("title"):
            self.add_error("title", _("Enter the title of this source"))
        return cleaned


class BaseSourceFormSet(forms.BaseFormSet):
    def sources(self):
        """The rows filled in, as stored on the practice."""
        return [
            {"title": row["title"], "url": row.get("url", "")}
            for row in self.cleaned_data
            if row and (row.get("title") or row.get("url"))
        ]


MAX_SOURCES = 20
SourceFormSet = forms.formset_factory(
    SourceForm, formset=BaseSourceFormSet, extra=2, max_num=MAX_SOURCES, absolute_max=MAX_SOURCES, validate_max=True
)


def source_formset(data=None, *, practice=None):
    initial = practice.sources if practice is not None else []
    return SourceFormSet(data, initial=initial, prefix="sources")


class ModerationForm(forms.Form):
    """A decision of the secretariat on what they read: its version, and a comment (required to return or reject)."""

    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Shorten the comment to %(limit_value)s characters or fewer")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    COMMENT_NEEDED = {
        "request_changes": _("Say what the author should change"),
        "reject": _("Give the reason the practice cannot be published"),
    }
    LABELS = {
        "publish": _("Note to the author"),
        "request_changes": _("What should the author change?"),
        "reject": _("Why can it not be published?"),
        "archive": _("Why is it archived?"),
        "republish": _("Note to the author"),
    }
    HELP = {
        "publish": _("Sent to the author with the news."),
        "request_changes": _("Sent to the author and shown beside the practice while they edit it."),
        "reject": _("Sent to the author. The practice stays in their workspace as a record."),
        "archive": _("Sent to the author. The public address will say the practice was withdrawn, without the reason."),
        "republish": _("Sent to the author."),
    }

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, prefix=action, **kwargs)
        self.action = action
        comment = self.fields["comment"]
        comment.label = self.LABELS[action]
        comment.help_text = self.HELP[action]
        if action in self.COMMENT_NEEDED:
            comment.required = True
            comment.error_messages["required"] = self.COMMENT_NEEDED[action]
        self.fields["version"].error_messages["required"] = _("Reload the page and decide again")
