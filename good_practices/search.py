"""The good-practice search: ranked full-text results, facet counts, snippets, suggestions.

The list page makes the same queries whatever the data: one statement for every
facet's counts, one for the page of results (with highlighted snippets), two to
prefetch their measures and themes and, only when nothing matches a search, two for
similar titles. The total is read from the country facet (every practice has one
country), so there is no separate count.

The counts are taken by value first and labelled afterwards, so that no facet sorts
every matched practice. Ranking stays a query of its own: done in the statement of
the counts it ranked practices the filters leave out and made the copy of the
matches wider, which measured slower than reading them a second time, by then in
PostgreSQL's buffers.

Matching uses the whole practice (`search_vector`: title A; summary and programme B;
the rest C). Ranking reads only the title, summary and programme (`head_vector`),
which stays small and in the row: a practice whose title matches comes first, then
one whose summary or programme matches, then those matching only in their text,
newest first. Ranking the full vector of thousands of matches would cost more than
the rest of the page.
"""

import json
import re
from types import SimpleNamespace
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchRank, TrigramWordSimilarity
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat, Left
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from good_practices.filters import PracticeFilter, search_query
from good_practices.models import SEARCH_CONFIG, GoodPractice, Language, State, Theme
from good_practices.rendering import MARK_START, MARK_STOP
from measures.models import Measure
from spot.models import Country, Subregion
from spot.translations import country_name, field_suffix, translated


def names_in_every_language(table, field):
    """A JSON object of the field and its staff-entered translations: the page picks its language's in Python."""
    suffixes = [""] + [f"_{field_suffix(code)}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    pairs = ", ".join(f"'{field}{suffix}', {table}.{field}{suffix}" for suffix in suffixes)
    return f"json_build_object({pairs})::text"


PAGE_SIZE = 20
# What a list of practices never shows: left in the database.
LONG_FIELDS = [
    "body",
    "results",
    "lessons",
    "body_html",
    "results_html",
    "lessons_html",
    "searchable_text",
    "sources",
    "search_vector",
    "head_vector",
]
# How much of a practice (summary first) a search snippet is taken from, in characters.
SNIPPET_SOURCE = 4000
SUBREGION_POSITIONS = " ".join(f"WHEN '{value}' THEN {position}" for position, value in enumerate(Subregion.values))
LANGUAGE_POSITIONS = " ".join(f"WHEN '{value}' THEN {position}" for position, value in enumerate(Language.values))
# For each facet: what it counts in a matched practice (m), where that comes from, and, once counted, how its
# label and position are read (the count is `counted.n`, the value `counted.key`).
FACET_BRANCHES = [
    (
        "country",
        "m.country_id",
        "matched m",
        f"c.iso3, {names_in_every_language('c', 'name')}, 0 FROM counted"
        f" JOIN {Country._meta.db_table} c ON c.id = counted.key",
    ),
    (
        "subregion",
        "m.subregion",
        "matched m",
        f"counted.key, '', CASE counted.key {SUBREGION_POSITIONS} END FROM counted",
    ),
    (
        "measure",
        "number",
        "matched m CROSS JOIN unnest(m.measure_numbers) AS number",
        f"measure.number::text, {names_in_every_language('measure', 'title')}, measure.number FROM counted"
        f" JOIN {Measure._meta.db_table} measure ON measure.number = counted.key",
    ),
    (
        "theme",
        "slug",
        "matched m CROSS JOIN unnest(m.theme_slugs) AS slug",
        f"theme.slug, theme.name, theme.position FROM counted"
        f" JOIN {Theme._meta.db_table} theme ON theme.slug = counted.key",
    ),
    ("year", "m.published_year", "matched m", "counted.key::text, '', 0 FROM counted"),
    ("language", "m.language", "matched m", f"counted.key, '', CASE counted.key {LANGUAGE_POSITIONS} END FROM counted"),
]
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
                params[name] = str(value.number)
            elif name == "theme":
                params[name] = value.slug
            elif name == "sort" and value == self.default_sort:
                continue
            else:
                params[name] = str(value)
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
        results = self.filterset.qs.select_related("country").prefetch_related("measures", "themes").defer(*LONG_FIELDS)
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
                    # The beginning of a long practice is enough for a snippet, and bounds its cost.
                    Left(Concat("summary", Value(" "), "searchable_text", output_field=TextField()), SNIPPET_SOURCE),
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
            results = results.annotate(rank=SearchRank(F("head_vector"), self.query)).order_by(
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
        rows = {name: [] for name in PracticeFilter.FACETS}
        labels = {"subregion": dict(Subregion.choices), "language": dict(Language.choices)}
        for facet, value, label, position, count in self.facet_rows():
            if facet in labels:
                label = labels[facet].get(value, value)
            elif facet == "year":
                label = value
            elif facet == "country":
                label = country_name(SimpleNamespace(iso3=value, **json.loads(label)))
            elif facet == "theme":
                label = _(label)
            elif facet == "measure":
                title = translated(SimpleNamespace(**json.loads(label)), "title")[0]
                label = _("%(number)s. %(title)s") % {"number": value, "title": title}
            rows[facet].append((value, label, position, count))
        params = self.params()
        facets = {}
        for name, found in rows.items():
            if name == "country":
                found.sort(key=lambda row: (-row[3], row[1]))
            elif name == "year":
                found.sort(key=lambda row: -int(row[0]))
            else:
                found.sort(key=lambda row: row[2])
            facets[name] = self.facet(
                name, [(value, label, count) for value, label, _, count in found], params.get(name)
            )
        return facets

    def facet_rows(self):
        """(facet, value, label, position, count) for every facet, in one statement over the practices matched once.

        Each facet counts the practices that every other filter lets through, grouped by the facet's value:
        what choosing that value instead would give.
        """
        matched_where, matched_params = ["p.state = %s"], [State.PUBLISHED]
        if self.query:
            matched_where.append("p.search_vector @@ websearch_to_tsquery(%s::regconfig, %s)")
            matched_params += [SEARCH_CONFIG, self.query_text]
        chosen = self.chosen_conditions()

        def others(facet):
            conditions = [sql for name, (sql, _) in chosen.items() if name != facet] or ["TRUE"]
            params = [param for name, (_, values) in chosen.items() if name != facet for param in values]
            return " AND ".join(conditions), params

        branches, params = [], []
        for facet, key, source, labelled in FACET_BRANCHES:
            condition, condition_params = others(facet)
            # Counted by value first (a hash of a few values), then labelled: no sort of every matched practice.
            branches.append(
                f"(WITH counted AS (SELECT {key} AS key, count(*) AS n FROM {source} WHERE {condition} GROUP BY 1)"
                f" SELECT %s, {labelled.replace(' FROM counted', ', counted.n FROM counted', 1)})"
            )
            params += [*condition_params, facet]
        sql = (
            # Without words, each facet reads the covering index (practice_facets_idx) rather than one copy of it all.
            f"WITH matched AS {'MATERIALIZED' if self.query else 'NOT MATERIALIZED'} ("
            " SELECT p.country_id, c.subregion, p.published_year, p.language, p.measure_numbers, p.theme_slugs"
            f" FROM {GoodPractice._meta.db_table} p JOIN {Country._meta.db_table} c ON c.id = p.country_id"
            f" WHERE {' AND '.join(matched_where)}) " + " UNION ALL ".join(branches)
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, matched_params + params)
            return cursor.fetchall()

    def chosen_conditions(self):
        """The filters in use, as conditions on a matched practice (m), with their parameters."""
        conditions = {}
        for name, value in self.values.items():
            if name == "country":
                conditions[name] = ("m.country_id = %s", [value.pk])
            elif name == "subregion":
                conditions[name] = ("m.subregion = %s", [value])
            elif name == "measure":
                conditions[name] = ("m.measure_numbers @> ARRAY[%s]::smallint[]", [value.number])
            elif name == "theme":
                conditions[name] = ("m.theme_slugs @> ARRAY[%s]::varchar[]", [value.slug])
            elif name == "year":
                conditions[name] = ("m.published_year = %s", [value])
            elif name == "language":
                conditions[name] = ("m.language = %s", [value])
        return conditions

    def facet(self, name, rows, selected):
        """FacetValues from (value, label, count) rows; a selected value with no result is kept, at 0."""
        values = [
            FacetValue(
                value, label, count, self.url_with(**{name: None if value == selected else value}), value == selected
            )
            for value, label, count in rows
        ]
        if selected is not None and not any(value.selected for value in values):
            values.append(FacetValue(selected, self.selected_label(name), 0, self.url_with(**{name: None}), True))
        return values

    def facet_list(self):
        return [Facet(name, self.FILTER_NAMES[name], self.facets[name]) for name in PracticeFilter.FACETS]

    # What is chosen, and how to undo it.

    def selected_label(self, name):
        value = self.values[name]
        if name == "country":
            return value.display_name
        if name == "subregion":
            return Subregion(value).label
        if name == "measure":
            return _("%(number)s. %(title)s") % {"number": value.number, "title": value.display_title}
        if name == "language":
            return Language(value).label
        return str(value)

    FILTER_NAMES = {
        "q": gettext_lazy("Search"),
        "country": gettext_lazy("Country"),
        "subregion": gettext_lazy("Subregion"),
        "measure": gettext_lazy("Measure"),
        "theme": gettext_lazy("Theme"),
        "year": gettext_lazy("Year published"),
        "language": gettext_lazy("Language"),
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
