"""The good-practice search: ranked full-text results, facet counts, snippets, suggestions.

The list page makes the same queries whatever the data: one for the page of
results (with their rank and highlighted snippets), two to prefetch their measures
and themes, one grouped query per facet, and, only when nothing matches a search,
one for similar titles. The total is read from the country facet (every practice
has one country), so there is no separate count.
"""

import re
from urllib.parse import urlencode

from django.contrib.postgres.search import SearchHeadline, SearchRank, TrigramWordSimilarity
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, F, TextField, Value
from django.db.models.functions import Concat
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from good_practices.filters import PracticeFilter, search_query
from good_practices.models import SEARCH_CONFIG, GoodPractice, Language, State
from good_practices.rendering import MARK_START, MARK_STOP
from spot.models import Subregion

PAGE_SIZE = 20
SUGGESTIONS = 5
# How much of a title's words must look like the words searched for the title to be suggested (0 to 1).
SIMILAR_TITLE = "0.3"
MARKED = re.compile(re.escape(MARK_START) + "(.*?)" + re.escape(MARK_STOP), re.S)
STRAY_MARKS = re.compile(f"[{MARK_START}{MARK_STOP}]")


def highlighted(text):
    """Escape a headline from PostgreSQL, then turn its private markers (and only those) into <mark>."""
    escaped = escape(text)
    marked = MARKED.sub(lambda match: f"<mark>{STRAY_MARKS.sub('', match.group(1))}</mark>", escaped)
    return mark_safe(STRAY_MARKS.sub("", marked))


FACET_SHOWN = 8


class Facet:
    """A facet as the page shows it: its first values, and the rest behind "Show more"."""

    def __init__(self, name, label, values):
        self.name, self.label, self.values = name, label, values
        self.shown = [value for position, value in enumerate(values) if position < FACET_SHOWN or value.selected]
        self.more = [value for value in values if value not in self.shown]


class FacetValue:
    def __init__(self, value, label, count, url, selected):
        self.value, self.label, self.count, self.url, self.selected = value, label, count, url, selected


class PracticeSearch:
    def __init__(self, params):
        self.filterset = PracticeFilter(params or None, queryset=GoodPractice.objects.published())
        self.values = self.filterset.values()
        self.query_text = self.values.get("q", "").strip()
        self.query = search_query(self.query_text) if self.query_text else None
        self.sort = self.values.get("sort") or ("relevance" if self.query else "newest")
        if not self.query:
            self.sort = "newest"

    # The address of the search, and of its variations.

    def params(self):
        """The search's parameters as they appear in its address, in a fixed order."""
        params = {}
        for name, value in self.values.items():
            if name == "country":
                params[name] = value.iso3
            elif name == "measure":
                params[name] = value.number
            elif name == "theme":
                params[name] = value.slug
            elif name == "sort" and value == self.default_sort:
                continue
            else:
                params[name] = value
        return params

    @property
    def default_sort(self):
        return "relevance" if self.query else "newest"

    def url_with(self, **changes):
        """This search with some parameters changed (None removes one); always from the first page."""
        params = {**self.params(), **changes}
        params = {name: value for name, value in params.items() if value not in (None, "")}
        return "?" + urlencode(params) if params else "?"

    # The results.

    def results(self):
        results = self.filterset.qs.select_related("country").prefetch_related("measures", "themes")
        if self.query:
            results = results.annotate(
                title_marked=SearchHeadline(
                    "title",
                    self.query,
                    config=SEARCH_CONFIG,
                    start_sel=MARK_START,
                    stop_sel=MARK_STOP,
                    highlight_all=True,
                ),
                snippet=SearchHeadline(
                    Concat("summary", Value(" "), "searchable_text", output_field=TextField()),
                    self.query,
                    config=SEARCH_CONFIG,
                    start_sel=MARK_START,
                    stop_sel=MARK_STOP,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                ),
            )
        if self.sort == "relevance":
            results = results.annotate(rank=SearchRank(F("search_vector"), self.query)).order_by(
                "-rank", "-published_at", "-pk"
            )
        else:
            results = results.order_by("-published_at", "-pk")
        return results

    def page(self, number):
        paginator = Paginator(self.results(), PAGE_SIZE)
        paginator.count = self.total  # known from the facets: no separate count query
        page = paginator.get_page(number)
        for practice in page.object_list:
            if self.query:
                practice.title_html = highlighted(practice.title_marked)
                practice.snippet_html = highlighted(practice.snippet)
            else:
                practice.title_html = escape(practice.title)
                practice.snippet_html = escape(practice.summary)
        return page

    @cached_property
    def total(self):
        countries = self.facets["country"]
        return sum(value.count for value in countries if value.selected or "country" not in self.values)

    # The facets: for each value, how many practices the search gives with that value instead.

    @cached_property
    def facets(self):
        return {
            "country": self.country_facet(),
            "subregion": self.subregion_facet(),
            "measure": self.measure_facet(),
            "theme": self.theme_facet(),
            "year": self.year_facet(),
            "language": self.language_facet(),
        }

    def facet_list(self):
        return [Facet(name, self.FILTER_NAMES[name], self.facets[name]) for name in PracticeFilter.FACETS]

    def facet(self, name, rows, selected):
        """FacetValues from (value, label, count) rows; a selected value with no result is kept, at 0."""
        values = [
            FacetValue(
                value, label, count, self.url_with(**{name: None if value == selected else value}), value == selected
            )
            for value, label, count in rows
        ]
        if selected is not None and not any(value.selected for value in values):
            label = self.selected_label(name)
            values.append(FacetValue(selected, label, 0, self.url_with(**{name: None}), True))
        return values

    def country_facet(self):
        rows = (
            self.filterset.queryset_without("country")
            .values("country__iso3", "country__name")
            .annotate(count=Count("pk"))
            .order_by("-count", "country__name")
        )
        selected = self.params().get("country")
        return self.facet("country", [(r["country__iso3"], r["country__name"], r["count"]) for r in rows], selected)

    def subregion_facet(self):
        rows = (
            self.filterset.queryset_without("subregion")
            .values("country__subregion")
            .annotate(count=Count("pk"))
            .order_by()
        )
        counts = {row["country__subregion"]: row["count"] for row in rows}
        ordered = [(value, label, counts[value]) for value, label in Subregion.choices if value in counts]
        return self.facet("subregion", ordered, self.params().get("subregion"))

    def measure_facet(self):
        practices = self.filterset.queryset_without("measure").values("pk")
        rows = (
            GoodPractice.measures.through.objects.filter(goodpractice__in=practices)
            .values("measure__number", "measure__title")
            .annotate(count=Count("pk"))
            .order_by("measure__number")
        )
        return self.facet(
            "measure",
            [
                (
                    r["measure__number"],
                    _("%(number)s. %(title)s") % {"number": r["measure__number"], "title": r["measure__title"]},
                    r["count"],
                )
                for r in rows
            ],
            self.params().get("measure"),
        )

    def theme_facet(self):
        practices = self.filterset.queryset_without("theme").values("pk")
        rows = (
            GoodPractice.themes.through.objects.filter(goodpractice__in=practices)
            .values("theme__slug", "theme__name", "theme__position")
            .annotate(count=Count("pk"))
            .order_by("theme__position")
        )
        return self.facet(
            "theme", [(r["theme__slug"], r["theme__name"], r["count"]) for r in rows], self.params().get("theme")
        )

    def year_facet(self):
        rows = (
            self.filterset.queryset_without("year")
            .values("published_year")
            .annotate(count=Count("pk"))
            .order_by("-published_year")
        )
        return self.facet(
            "year",
            [(r["published_year"], str(r["published_year"]), r["count"]) for r in rows],
            self.params().get("year"),
        )

    def language_facet(self):
        rows = self.filterset.queryset_without("language").values("language").annotate(count=Count("pk")).order_by()
        counts = {row["language"]: row["count"] for row in rows}
        ordered = [(value, label, counts[value]) for value, label in Language.choices if value in counts]
        return self.facet("language", ordered, self.params().get("language"))

    # What is chosen, and how to undo it.

    def selected_label(self, name):
        value = self.values[name]
        if name == "country":
            return value.name
        if name == "subregion":
            return Subregion(value).label
        if name == "measure":
            return _("%(number)s. %(title)s") % {"number": value.number, "title": value.title}
        if name == "language":
            return Language(value).label
        return str(value)

    FILTER_NAMES = {
        "q": _("Search"),
        "country": _("Country"),
        "subregion": _("Subregion"),
        "measure": _("Measure"),
        "theme": _("Theme"),
        "year": _("Year published"),
        "language": _("Language"),
    }

    def active_filters(self):
        """(what, value label, address without it) for every filter in use, the search words included."""
        chosen = []
        for name in ["q", *PracticeFilter.FACETS]:
            if name not in self.values:
                continue
            label = f"“{self.query_text}”" if name == "q" else self.selected_label(name)
            chosen.append((self.FILTER_NAMES[name], label, self.url_with(**{name: None})))
        return chosen

    def suggestions(self):
        """Published practices whose titles look like the words searched, for a search that found nothing."""
        if not self.query_text or self.total:
            return []
        with connection.cursor() as cursor:
            # pg_trgm's default (0.6) misses ordinary typos such as "pensoin"; the index honours this setting.
            cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)", [SIMILAR_TITLE])
        return list(
            GoodPractice.objects.published()
            .filter(title__trigram_word_similar=self.query_text)
            .annotate(similarity=TrigramWordSimilarity(self.query_text, "title"))
            .select_related("country")
            .order_by("-similarity", "-published_at")[:SUGGESTIONS]
        )


RELATED = 4


def related_practices(practice):
    """Published practices sharing the most measures and themes with this one, the newest first among equals."""
    measure_ids = [measure.pk for measure in practice.measures.all()]
    theme_ids = [theme.pk for theme in practice.themes.all()]
    if not measure_ids and not theme_ids:
        return []
    measures = GoodPractice.measures.through._meta.db_table
    themes = GoodPractice.themes.through._meta.db_table
    practices = GoodPractice._meta.db_table
    # One pass over the two link tables: a practice scores one per measure and per theme it shares.
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT shared.goodpractice_id
            FROM (
                SELECT goodpractice_id FROM {measures} WHERE measure_id = ANY(%s)
                UNION ALL
                SELECT goodpractice_id FROM {themes} WHERE theme_id = ANY(%s)
            ) AS shared
            JOIN {practices} AS practice ON practice.id = shared.goodpractice_id
            WHERE practice.state = %s AND practice.id <> %s
            GROUP BY shared.goodpractice_id, practice.published_at
            ORDER BY count(*) DESC, practice.published_at DESC, shared.goodpractice_id DESC
            LIMIT %s
            """,
            [measure_ids, theme_ids, State.PUBLISHED, practice.pk or 0, RELATED],
        )
        ids = [row[0] for row in cursor.fetchall()]
    found = GoodPractice.objects.select_related("country").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]
