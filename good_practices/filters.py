"""The search form and the filters of the good-practice list, one value each, all in the address."""

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery
from django.utils.translation import gettext_lazy as _

from good_practices.models import EARLIEST_YEAR, LATEST_YEAR, SEARCH_CONFIG, GoodPractice, Language, Theme
from measures.models import Measure
from spot.models import Country, Subregion

SORTS = [("relevance", _("Most relevant")), ("newest", _("Newest first"))]
QUERY_MAX_LENGTH = 200


def search_query(text):
    """What people type, read as a web search: "quoted phrases", -excluded words, or."""
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class PracticeFilter(django_filters.FilterSet):
    """The list's search and filters: their form, and their validated values (`values`).

    The list page counts, filters and orders on bit sets (good_practices.search); `qs` gives the same
    practices in SQL, and the tests hold the two to each other.
    """

    q = django_filters.CharFilter(
        label=_("Search the good practices"),
        help_text=_(
            "Words from any part of a practice. Put a phrase in “quotes”; put - before a word to leave it out."
        ),
        widget=forms.SearchInput,
        method="filter_search",
        max_length=QUERY_MAX_LENGTH,
        error_messages={"max_length": _("Shorten the search to %(limit_value)s characters or fewer")},
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="iso3",
        error_messages={"invalid_choice": _("Choose a country from the list")},
    )
    subregion = django_filters.ChoiceFilter(
        label=_("Subregion"),
        field_name="country__subregion",
        choices=Subregion.choices,
        error_messages={"invalid_choice": _("Choose a subregion from the list")},
    )
    measure = django_filters.ModelChoiceFilter(
        label=_("Measure"),
        queryset=Measure.objects.all(),
        to_field_name="number",
        method="filter_measure",
        error_messages={"invalid_choice": _("Choose a measure from 1 to 12")},
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        method="filter_theme",
        error_messages={"invalid_choice": _("Choose a theme from the list")},
    )
    year = YearFilter(
        label=_("Year published"),
        field_name="published_year",
        min_value=EARLIEST_YEAR,
        max_value=LATEST_YEAR,
        error_messages={
            "invalid": _("Enter the year as four digits, like 2024"),
            "min_value": _("Choose a year from the list"),
            "max_value": _("Choose a year from the list"),
        },
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=Language.choices,
        error_messages={"invalid_choice": _("Choose a language from the list")},
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=SORTS,
        method="keep",
        empty_label=None,
        error_messages={"invalid_choice": _("Choose how to sort from the list")},
    )

    class Meta:
        model = GoodPractice
        fields = ["q", "country", "subregion", "measure", "theme", "year", "language", "sort"]

    # The facets, in the order the page shows them.
    FACETS = ["country", "subregion", "measure", "theme", "year", "language"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("country"):
            data = data.copy()
            data["country"] = data["country"].upper()
        super().__init__(data, *args, **kwargs)

    def filter_search(self, queryset, name, value):
        if not value.strip():
            return queryset
        return queryset.filter(search_vector=search_query(value))

    def filter_measure(self, queryset, name, measure):
        return queryset.filter(measure_numbers__contains=[measure.number])

    def filter_theme(self, queryset, name, theme):
        return queryset.filter(theme_slugs__contains=[theme.slug])

    def keep(self, queryset, name, value):
        """Sorting is the search's business (see good_practices.search), not a filter."""
        return queryset

    def values(self):
        """The valid, non-empty values, by filter name (invalid ones are left out and shown as errors)."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "") and not (name == "q" and not value.strip())
        }


class ModerationFilter(django_filters.FilterSet):
    """The secretariat's list of every practice, by state and country."""

    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=GoodPractice._meta.get_field("state").choices,
        empty_label=_("Any state"),
        error_messages={"invalid_choice": _("Choose a state from the list")},
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="iso3",
        empty_label=_("All countries"),
        error_messages={"invalid_choice": _("Choose a country from the list")},
    )
    title = django_filters.CharFilter(
        label=_("Title contains"),
        lookup_expr="icontains",
        max_length=200,
        error_messages={"max_length": _("Shorten the title to %(limit_value)s characters or fewer")},
    )

    class Meta:
        model = GoodPractice
        fields = ["state", "country", "title"]
