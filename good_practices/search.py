"""The good-practice search: ranked full-text results, facet counts, snippets, suggestions.

PostgreSQL finds which published practices the words match, through the GIN indexes of
`SearchEntry`; the counts, the filters and the order are worked out on bit sets of the
published practices that each process keeps (good_practices.search_index). The list page
makes the same queries whatever the data: one for the names of the facet values (with the
generation of the bit sets); with words, one for the practices they match and, sorted by
relevance, one to rank them; and one for the page of practices with their highlighted
snippets (a card names its measures and themes from what the practice row and the names
hold). Only when nothing matches a search, two more for similar titles.

"Most relevant" puts first the practices whose title has the words searched, then those
whose title, summary or programme name has them, then those matching only in their text;
the newest first within each. (A "phrase" must be found as written for a practice to match
at all; for this order its words need only be there.)
"""

import json
import re
from types import SimpleNamespace
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, TrigramWordSimilarity
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import TextField, Value
from django.db.models.functions import Concat, Left
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from good_practices import search_index
from good_practices.filters import PracticeFilter, search_query
from good_practices.models import SEARCH_CONFIG, GoodPractice, Language, SearchGeneration, State, Theme
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
# How many of the newest results, beyond those of the pages up to the one shown, are ranked one by one
# (see PracticeSearch.ids).
RANKED_FIRST = 180
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

    # What the page names, and the bit sets it counts on.

    @cached_property
    def names(self):
        """The facet values' names (in every language) and the current generation, in one statement."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 'country', c.id::text, c.iso3, c.subregion, {names_in_every_language('c', 'name')}"
                f" FROM {Country._meta.db_table} c"
                f" UNION ALL SELECT 'measure', m.number::text, '', '', {names_in_every_language('m', 'title')}"
                f" FROM {Measure._meta.db_table} m"
                f" UNION ALL SELECT 'theme', t.slug, t.name, t.position::text, '' FROM {Theme._meta.db_table} t"
                f" UNION ALL SELECT 'generation', g.number::text, '', '', '' FROM {SearchGeneration._meta.db_table} g"
                " WHERE g.id = 1"
            )
            rows = cursor.fetchall()
        names = {"country": {}, "measure": {}, "theme": {}, "generation": None}
        for kind, key, first, second, translations in rows:
            if kind == "country":
                names["country"][int(key)] = (first, second, translations)  # iso3, subregion, names
            elif kind == "measure":
                names["measure"][int(key)] = translations
            elif kind == "theme":
                names["theme"][key] = (first, int(second))  # name, position
            else:
                names["generation"] = int(key)
        return names

    @cached_property
    def snapshot(self):
        return search_index.snapshot(self.names["generation"])

    @cached_property
    def ranked(self):
        return bool(self.query) and self.sort == "relevance"

    @cached_property
    def matched(self):
        """The practices the words match (every published practice when there are none), as a bit set."""
        if not self.query:
            return self.snapshot.everything
        # Only what this generation knows: a practice published since is counted with the next one.
        return search_index.matches(self.query_text, self.snapshot.size) & self.snapshot.everything

    def subregion_bits(self, subregion):
        bits = 0
        for country, (_iso3, country_subregion, _names) in self.names["country"].items():
            if country_subregion == subregion:
                bits |= self.snapshot.value("country", country)
        return bits

    @cached_property
    def chosen(self):
        """{facet: the bit set of the value chosen} for every filter in use."""
        snapshot, chosen = self.snapshot, {}
        for name, value in self.values.items():
            if name == "country":
                chosen[name] = snapshot.value("country", value.pk)
            elif name == "subregion":
                chosen[name] = self.subregion_bits(value)
            elif name == "measure":
                chosen[name] = snapshot.value("measure", value.number)
            elif name == "theme":
                chosen[name] = snapshot.value("theme", value.slug)
            elif name in ("year", "language"):
                chosen[name] = snapshot.value(name, value)
        return chosen

    def matching_all_but(self, facet):
        """The practices the words and every filter but `facet`'s give."""
        bits = self.matched
        for name, chosen in self.chosen.items():
            if name != facet:
                bits &= chosen
        return bits

    @cached_property
    def found(self):
        return self.matching_all_but(None)

    @cached_property
    def total(self):
        return self.found.bit_count()

    # The results.

    def ids(self, start, stop):
        """The ids of the results from place `start` to `stop`, in the order chosen."""
        found, snapshot = self.found, self.snapshot
        if not self.ranked:
            return snapshot.in_order(found, start, stop)
        if start >= min(stop, self.total):
            return []
        # The newest results, ranked one by one; PostgreSQL reads every match only if they do not settle the page.
        candidates = snapshot.in_order(found, 0, stop + RANKED_FIRST)
        everything = len(candidates) == self.total
        ranked, head, title = search_index.ranks(self.query_text, candidates, 0 if everything else stop, snapshot.size)
        if head is None:
            by_rank = {rank: [pk for pk in candidates if ranked.get(pk) == rank] for rank in search_index.RANKS}
            return [pk for rank in search_index.RANKS for pk in by_rank[rank]][start:stop]
        title &= found
        head = head & found & ~title
        return search_index.in_order(snapshot, [title, head, found & ~(title | head)], start, stop)

    def practices(self, ids):
        """The practices of these ids, in this order, with what a list shows of them."""
        if not ids:
            return []
        practices = (
            GoodPractice.objects.published().filter(pk__in=ids).select_related("country").defer(*LONG_FIELDS).order_by()
        )
        if self.query:
            practices = practices.annotate(
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
        found = {practice.pk: practice for practice in practices}
        ordered = [found[pk] for pk in ids if pk in found]
        themes = self.names["theme"]
        for practice in ordered:
            # Its measures are named by their numbers (practice.measure_numbers), its themes from the names read.
            slugs = sorted((slug for slug in practice.theme_slugs if slug in themes), key=lambda slug: themes[slug][1])
            practice.theme_names = [_(themes[slug][0]) for slug in slugs]
            if self.query:
                practice.title_html = highlighted(practice.title_marked)
                practice.snippet_html = highlighted(practice.snippet)
            else:
                practice.title_html = escape(practice.title)
                practice.snippet_html = escape(practice.summary)
        return ordered

    def page(self, number):
        paginator = Paginator(Results(self), PAGE_SIZE)
        return paginator.get_page(number)

    # The facets: for each value, how many practices the search gives with that value instead.

    @cached_property
    def facets(self):
        snapshot = self.snapshot
        rows = {name: [] for name in PracticeFilter.FACETS}
        for facet in PracticeFilter.FACETS:
            base = self.matching_all_but(facet)
            if not base:
                continue
            if facet == "subregion":
                candidates = [(value, self.subregion_bits(value)) for value in Subregion.values]
            else:
                candidates = snapshot.facets[facet].items()
            for value, bits in candidates:
                count = (base & bits).bit_count()
                if count and self.has_name(facet, value):
                    rows[facet].append(self.facet_row(facet, value, count))
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

    def has_name(self, facet, value):
        """Whether the value can be named (a theme deleted since the practice was filed under it cannot)."""
        return facet not in ("country", "measure", "theme") or value in self.names[facet]

    def facet_row(self, facet, value, count):
        """(value as in the address, label, position, count)."""
        if facet == "country":
            iso3, _subregion, translations = self.names["country"][value]
            return iso3, country_name(SimpleNamespace(iso3=iso3, **json.loads(translations))), 0, count
        if facet == "subregion":
            return value, Subregion(value).label, Subregion.values.index(value), count
        if facet == "measure":
            title = translated(SimpleNamespace(**json.loads(self.names["measure"][value])), "title")[0]
            return str(value), _("%(number)s. %(title)s") % {"number": value, "title": title}, value, count
        if facet == "theme":
            name, position = self.names["theme"][value]
            return value, _(name), position, count
        if facet == "language":
            return value, Language(value).label, Language.values.index(value), count
        return str(value), str(value), 0, count  # the year

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


class Results:
    """A search's results as the paginator reads them: counted from the bit sets, fetched a page at a time."""

    def __init__(self, search):
        self.search = search

    def count(self):
        return self.search.total

    def __len__(self):
        return self.search.total

    def __getitem__(self, window):
        return self.search.practices(self.search.ids(window.start or 0, window.stop))


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
