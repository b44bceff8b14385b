"""The regional stocktake: what the dashboard (and a focal point's workspace) shows of the published reports.

Only published reports count, never a draft, a submitted or a returned one, and of a country's several
versions only the latest: for a chosen cycle, each country's latest version for that cycle; without one,
each country's latest report (its most recent cycle, latest version). Each function runs a fixed number of
queries, whatever the number of countries, reports and versions.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from measures.models import Measure, Sex
from progress_reports import charts
from progress_reports.models import (
    CoverageEntry,
    ImplementationStatus,
    ProgressReport,
    ReportSection,
)
from spot.models import Country, Subregion
from spot.translations import sort_key

# The measures of regional cooperation whose sections pair countries that ask for support with those that offer it.
PEER_LEARNING_MEASURES = (10, 11)

# A symbol for each step of the implementation scale, shown with its colour (never colour alone).
STATUS_SYMBOLS = {
    ImplementationStatus.NOT_STARTED: "○",
    ImplementationStatus.PLANNING: "◔",
    ImplementationStatus.IN_PROGRESS: "◑",
    ImplementationStatus.LARGELY_IN_PLACE: "◕",
    ImplementationStatus.IN_PLACE: "●",
}
NOT_STATED_SYMBOL = "?"

# The long texts of a section and a report, which the dashboard never shows.
SECTION_TEXTS = [*ReportSection.TEXT_FIELDS, "report__summary", "report__challenges"]


def counted_reports(cycle=None):
    """The reports the stocktake counts: each country's latest published version, for `cycle` if given."""
    if cycle is None:
        return ProgressReport.objects.latest_published_per_country()
    return ProgressReport.objects.latest_published().for_cycle(cycle)


def countries_in(subregion=None):
    countries = Country.objects.all()
    return countries.filter(subregion=subregion) if subregion else countries


def report_url(report):
    """The public address of a report (its latest published version)."""
    return reverse("report_detail", args=[report.country.iso3, report.cycle.slug])


def section_url(report, number):
    return f"{report_url(report)}#measure-{number}"


@dataclass
class Cell:
    measure: Measure
    section: ReportSection | None
    url: str = ""

    @property
    def status(self):
        return ImplementationStatus(self.section.status) if self.section and self.section.status else None

    @property
    def symbol(self):
        return STATUS_SYMBOLS[self.status] if self.status else NOT_STATED_SYMBOL

    @property
    def label(self):
        return self.status.label if self.status else _("Not stated")

    @property
    def css(self):
        return self.status.value if self.status else "none"


@dataclass
class MatrixRow:
    country: Country
    report: ProgressReport | None
    cells: list[Cell] = field(default_factory=list)


def status_matrix_legend():
    """(status, its symbol, what it means) for each step of the implementation scale."""
    scale = ImplementationStatus.explanations()
    return [(status, STATUS_SYMBOLS[status], explanation) for status, explanation in scale]


def subregions(subregion=None):
    return [subregion] if subregion else Subregion.values


def matrix_row(country, sections, measures):
    """A country's row: its counted report and a cell per measure (a cell without a section if it has none)."""
    report = next(iter(sections.values())).report if sections else None
    row = MatrixRow(country=country, report=report)
    address = report_url(report) if report is not None else ""
    for measure in measures:
        section = sections.get(measure.pk)
        url = f"{address}#measure-{measure.number}" if section is not None else ""
        row.cells.append(Cell(measure=measure, section=section, url=url))
    return row


def status_matrix(*, cycle=None, subregion=None):
    """Countries by subregion, each with its counted report's status on every measure, or without a report.

    Three queries: the measures, the countries, the sections of the counted reports.
    """
    measures = list(Measure.objects.all())
    sections = (
        ReportSection.objects.filter(
            report__in=counted_reports(cycle), report__country__subregion__in=subregions(subregion)
        )
        .select_related("report__country", "report__cycle")
        .defer(*SECTION_TEXTS)
    )
    by_country = {}
    for section in sections:
        by_country.setdefault(section.report.country_id, {})[section.measure_id] = section
    return {
        "measures": measures,
        "matrix_has_sample": any(next(iter(found.values())).report.is_sample for found in by_country.values()),
        "matrix": [
            (label, [matrix_row(country, by_country.get(country.pk, {}), measures) for country in countries])
            for label, countries in countries_in(subregion).by_subregion()
        ],
        "matrix_legend": status_matrix_legend(),
        "not_stated_symbol": NOT_STATED_SYMBOL,
    }


@dataclass
class SubregionCoverage:
    subregion: str
    published: list[Country]
    missing: list[Country]

    @property
    def total(self):
        return len(self.published) + len(self.missing)


def reporting_coverage(cycles, *, subregion=None):
    """For each cycle and subregion, the countries that published a report (any version) and those that did not.

    Two queries: the countries, and the countries and cycles with a published report.
    """
    published = set(
        ProgressReport.objects.published()
        .filter(cycle__in=[cycle.pk for cycle in cycles])
        .values_list("country_id", "cycle_id")
        .distinct()
    )
    groups = countries_in(subregion).by_subregion()
    tables = []
    for cycle in cycles:
        rows = [
            SubregionCoverage(
                subregion=label,
                published=[country for country in countries if (country.pk, cycle.pk) in published],
                missing=[country for country in countries if (country.pk, cycle.pk) not in published],
            )
            for label, countries in groups
        ]
        tables.append(
            {
                "cycle": cycle,
                "rows": rows,
                "published": sum(len(row.published) for row in rows),
                "total": sum(row.total for row in rows),
            }
        )
    return {"reporting_coverage": tables}


def by_country(row):
    return row.report.country


def country_name(country):
    return country.display_name


def regional_coverage(*, cycle=None, subregion=None, group=""):
    """Measure 7 across the region: the SDG 1.3.1 categories with values, and for one of them (`group`, a
    category's code; the first by default) every counted report's rows, as a chart and a table.

    One group at a time keeps the page readable on a phone and light to serve: every country's rows of all
    nine categories would make a page of megabytes.

    One query: the coverage rows of the counted reports, with their category, report, country and cycle.
    """
    entries = (
        CoverageEntry.objects.filter(
            report__in=counted_reports(cycle), report__country__subregion__in=subregions(subregion)
        )
        .select_related("category", "report__country", "report__cycle")
        .defer("report__summary", "report__challenges")
    )
    sexes = list(Sex.values)
    rows = sorted(
        (entry for entry in entries if entry.has_values),
        key=lambda entry: (
            entry.category.position,
            sort_key(entry.report.country.display_name),
            sexes.index(entry.sex),
        ),
    )
    grouped = charts.grouped(rows)
    chosen = [(category, members) for category, members in grouped if category.code == group] or grouped[:1]
    categories = []
    for category, members in chosen:
        name = charts.category_name(category)
        chart = charts.coverage_chart(
            members,
            title=_("%(group)s: baseline, latest value and targets by country") % {"group": name},
            chart_id=f"region-chart-{category.code.lower()}",
            group_of=by_country,
            group_name=country_name,
        )
        categories.append({"category": category, "rows": members, "chart": chart})
    return {"region_categories": categories, "region_groups": [category for category, _members in grouped]}


@dataclass
class PeerLearning:
    """Who asked for support on a measure and who offered experience on it, each a section with its address."""

    measure: Measure
    seekers: list[ReportSection]
    offerers: list[ReportSection]

    @property
    def pairs(self):
        """(a section asking for support, [sections of other countries offering experience])."""
        return [
            (seeker, [offer for offer in self.offerers if offer.report.country_id != seeker.report.country_id])
            for seeker in self.seekers
        ]


def peer_learning(*, cycle=None):
    """For measures 10 and 11, the counted reports' sections that ask for support or offer experience.

    Two queries: the measures, and those sections with their report, country and cycle.
    """
    measures = list(Measure.objects.filter(number__in=PEER_LEARNING_MEASURES))
    sections = (
        ReportSection.objects.filter(report__in=counted_reports(cycle), measure__in=measures)
        .filter(Q(wants_support=True) | Q(offers_experience=True))
        .select_related("report__country", "report__cycle")
        .defer("report__summary", "report__challenges")
    )
    by_measure = {measure.pk: PeerLearning(measure, [], []) for measure in measures}
    for section in sorted(sections, key=lambda section: sort_key(section.report.country.display_name)):
        section.url = section_url(section.report, by_measure[section.measure_id].measure.number)
        if section.wants_support:
            by_measure[section.measure_id].seekers.append(section)
        if section.offers_experience:
            by_measure[section.measure_id].offerers.append(section)
    return list(by_measure.values())


@dataclass
class CountryMatch:
    """On one measure, the peers a country may learn from and those it may help."""

    measure: Measure
    own_section: ReportSection | None
    learn_from: list[ReportSection]
    may_help: list[ReportSection]


def of_others(sections, country):
    return [section for section in sections if section.report.country_id != country.pk]


def country_matches(country):
    """A country's peer-learning matches, from every country's latest published report (two queries)."""
    matches = []
    for learning in peer_learning():
        own = [section for section in learning.seekers + learning.offerers if section.report.country_id == country.pk]
        asks = any(section.wants_support for section in own)
        offers = any(section.offers_experience for section in own)
        match = CountryMatch(
            measure=learning.measure,
            own_section=own[0] if own else None,
            learn_from=of_others(learning.offerers, country) if asks else [],
            may_help=of_others(learning.seekers, country) if offers else [],
        )
        if match.learn_from or match.may_help:
            matches.append(match)
    return {"peer_matches": matches}
