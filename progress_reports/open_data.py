"""The open data: published measure statuses and coverage tables as CSV, JSON, a Frictionless Data Package and a zip.

Everything about a file is defined once, in `TABLES`: its columns (name, type, description, example and how
the value is read from a report), its primary key and its rows. The CSV and JSON writers, `datapackage.json`,
the zip's README and the column documentation on /data/ are all generated from it.

Conventions, from the SDG data exchange (SDMX) where they apply: `REF_AREA` is the UN M49 numeric code
(unpadded, as the SDG global database writes it), `SEX` is `_T` / `F` / `M`, `TIME_PERIOD` a year,
`OBS_VALUE` the value and `UNIT_MEASURE` `PT` (percent). Column names are stable and never translated;
descriptions are. Country and measure names are the English ones, the data's stable names.

Only published reports count: for each country and cycle, the latest published version. Each file is read
with one query (`iterator()`, so rows stream rather than gather in memory).

CSV files are UTF-8 without a byte-order mark: a BOM would become part of the first column's name for
most statistical tools (pandas, R's read.csv, Python's csv, frictionless), and the names are the files'
contract. The /data/ page tells Excel users how to open them as UTF-8.
"""

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from measures.models import Sex
from progress_reports.models import (
    BASELINE_YEAR,
    INTERMEDIATE_YEAR,
    TARGET_YEAR,
    CoverageEntry,
    ImplementationStatus,
    ProgressReport,
    ReportSection,
    sex_order,
)
from spot.links import cached_reverse
from spot.models import Subregion

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
PACKAGE_NAME = "spot-open-data"
ZIP_NAME = f"{PACKAGE_NAME}.zip"
# What a missing value is written as in the CSV files (JSON writes null).
MISSING = ""

SDMX_SEX = {Sex.TOTAL: "_T", Sex.FEMALE: "F", Sex.MALE: "M"}
PERCENT = "PT"


@dataclass(frozen=True)
class Row:
    """One line of a file: the report it comes from, its public address, and what the line is about."""

    report: ProgressReport
    report_url: str
    section: ReportSection | None = None
    entry: CoverageEntry | None = None
    value_type: "ValueType | None" = None


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, number, boolean, date, year
    description: Any  # lazy translation
    example: str
    value: Callable[[Row], Any]
    constraints: dict = field(default_factory=dict)
    format: str = "default"

    def schema(self):
        descriptor = {"name": self.name, "type": self.type, "description": str(self.description)}
        if self.format != "default":
            descriptor["format"] = self.format
        descriptor["example"] = self.example
        if self.constraints:
            descriptor["constraints"] = self.constraints
        return descriptor


@dataclass(frozen=True)
class ValueType:
    """One of the four values a coverage table row holds, each a line of the coverage file."""

    code: str
    field: str
    year: Callable[[CoverageEntry], int | None]


VALUE_TYPES = [
    ValueType("BASELINE_2021", "baseline_2021", lambda entry: BASELINE_YEAR),
    ValueType("LATEST", "latest_value", lambda entry: entry.latest_year),
    ValueType("TARGET_2025", "target_2025", lambda entry: INTERMEDIATE_YEAR),
    ValueType("TARGET_2030", "target_2030", lambda entry: TARGET_YEAR),
]


def in_english(label):
    """A label as the data's stable English name, whatever the language of the request."""
    with translation.override("en"):
        return str(label)


def country_columns():
    return [
        Column(
            "REF_AREA",
            "integer",
            _("The country's UN M49 numeric code, as the SDG global database writes it (no leading zeros)."),
            "764",
            lambda row: row.report.country.m49,
            {"required": True, "minimum": 1, "maximum": 999},
        ),
        Column(
            "REF_AREA_ISO3",
            "string",
            _("The country's ISO 3166-1 alpha-3 code."),
            "THA",
            lambda row: row.report.country.iso3,
            {"required": True, "pattern": "[A-Z]{3}"},
        ),
        Column(
            "REF_AREA_NAME",
            "string",
            _("The country's name in English, as the United Nations writes it."),
            "Thailand",
            lambda row: row.report.country.name,
            {"required": True},
        ),
        Column(
            "ESCAP_SUBREGION",
            "string",
            _("The ESCAP subregion the country belongs to, in English."),
            "South-East Asia",
            lambda row: in_english(Subregion(row.report.country.subregion).label),
            {"required": True, "enum": [in_english(label) for label in Subregion.labels]},
        ),
        Column(
            "CYCLE",
            "string",
            _("The reporting cycle's short name, as in the report's address."),
            "2026",
            lambda row: row.report.cycle.slug,
            {"required": True},
        ),
    ]


def report_columns():
    return [
        Column(
            "REPORT_VERSION",
            "integer",
            _("The version of the country's report for the cycle these values come from: the latest published."),
            "2",
            lambda row: row.report.version,
            {"required": True, "minimum": 1},
        ),
        Column(
            "REPORT_PUBLISHED",
            "date",
            _("The day that version of the report was published (YYYY-MM-DD)."),
            "2026-03-31",
            lambda row: timezone.localdate(row.report.published_at),
            {"required": True},
        ),
        Column(
            "REPORT_URL",
            "string",
            _("The address of that version of the report on this portal."),
            "https://spot.example.org/reports/tha/2026/versions/2/",
            lambda row: row.report_url,
            {"required": True},
            format="uri",
        ),
        Column(
            "SAMPLE",
            "boolean",
            _("true when the report is sample data for demonstration, not a country's own report."),
            "false",
            lambda row: row.report.is_sample,
            {"required": True},
        ),
    ]


@dataclass(frozen=True)
class Table:
    """One open-data file, written as CSV and as JSON."""

    name: str
    title: Any
    description: Any
    columns: list
    primary_key: list
    rows: Callable  # rows(filters, report_url) -> iterable of Row

    @property
    def column_names(self):
        return [column.name for column in self.columns]

    def records(self, filters=None, *, report_url):
        """Each row as a list of values, in the columns' order."""
        for row in self.rows(filters or {}, report_url):
            yield [column.value(row) for column in self.columns]

    def schema(self):
        return {
            "fields": [column.schema() for column in self.columns],
            "missingValues": [MISSING],
            "primaryKey": self.primary_key,
        }

    def resource(self):
        return {
            "profile": "tabular-data-resource",
            "name": self.name,
            "path": f"{self.name}.csv",
            "title": str(self.title),
            "description": str(self.description),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "header": True, "doubleQuote": True},
            "schema": self.schema(),
        }


def published_filter(prefix, filters):
    """Lookups on the latest published report of each country and cycle, narrowed by the filters."""
    lookups = {f"{prefix}__in": ProgressReport.objects.latest_published()}
    if filters.get("country"):
        lookups[f"{prefix}__country__iso3"] = filters["country"]
    if filters.get("cycle"):
        lookups[f"{prefix}__cycle__slug__iexact"] = filters["cycle"]
    return lookups


def status_rows(filters, report_url):
    sections = (
        ReportSection.objects.filter(**published_filter("report", filters))
        .select_related("report__country", "report__cycle", "measure")
        .order_by("report__country__name", "report__cycle__opens_on", "report__cycle__slug", "measure__number")
    )
    for section in sections.iterator(chunk_size=2000):
        yield Row(report=section.report, report_url=report_url(section.report), section=section)


def coverage_rows(filters, report_url):
    entries = (
        CoverageEntry.objects.filter(**published_filter("report", filters))
        .select_related("report__country", "report__cycle", "category")
        .order_by(
            "report__country__name", "report__cycle__opens_on", "report__cycle__slug", "category__position", sex_order()
        )
    )
    for entry in entries.iterator(chunk_size=2000):
        url = report_url(entry.report)
        for value_type in VALUE_TYPES:
            if getattr(entry, value_type.field) is not None:
                yield Row(report=entry.report, report_url=url, entry=entry, value_type=value_type)


MEASURE_STATUSES = Table(
    name="measure-statuses",
    title=_("Implementation status of each measure"),
    description=_(
        "One row per country, reporting cycle and measure of the Action Plan: the implementation status the "
        "country's latest published report gives, and whether the country would welcome support or can offer "
        "experience on the measure."
    ),
    columns=[
        *country_columns(),
        Column(
            "MEASURE",
            "integer",
            _("The number of the Action Plan's measure, 1 to 12."),
            "7",
            lambda row: row.section.measure.number,
            {"required": True, "minimum": 1, "maximum": 12},
        ),
        Column(
            "MEASURE_TITLE",
            "string",
            _("The measure's short title, in English."),
            "National coverage targets (SDG 1.3)",
            lambda row: row.section.measure.title,
            {"required": True},
        ),
        Column(
            "STATUS",
            "string",
            _(
                "The implementation status the report gives: not-started, planning, in-progress, largely-in-place "
                "or in-place; empty when the report gives none."
            ),
            "in-progress",
            lambda row: row.section.status or None,
            {"enum": list(ImplementationStatus.values)},
        ),
        Column(
            "STATUS_NAME",
            "string",
            _("The implementation status in words, in English."),
            "In progress",
            lambda row: in_english(ImplementationStatus(row.section.status).label) if row.section.status else None,
        ),
        Column(
            "WANTS_SUPPORT",
            "boolean",
            _("Whether the country would welcome support on this measure; empty when the report does not say."),
            "true",
            lambda row: row.section.wants_support,
        ),
        Column(
            "OFFERS_EXPERIENCE",
            "boolean",
            _("Whether the country can offer its experience on this measure; empty when the report does not say."),
            "false",
            lambda row: row.section.offers_experience,
        ),
        *report_columns(),
    ],
    primary_key=["REF_AREA", "CYCLE", "MEASURE"],
    rows=status_rows,
)

COVERAGE = Table(
    name="coverage",
    title=_("Social protection coverage: baselines, latest values and targets (measure 7)"),
    description=_(
        "One row per country, reporting cycle, SDG 1.3.1 category, sex and value type: the 2021 baseline, the "
        "latest observed value, and the 2025 and 2030 targets of the population covered by social protection, as "
        "the country's latest published report gives them. Values a report leaves empty have no row."
    ),
    columns=[
        *country_columns(),
        Column(
            "ILO_SERIES",
            "string",
            _("The ILO's series code of the SDG indicator 1.3.1 category."),
            "SOC_CONTIG_TOTAL",
            lambda row: row.entry.category.ilo_series_code,
            {"required": True},
        ),
        Column(
            "CATEGORY",
            "string",
            _("The portal's short code of the SDG indicator 1.3.1 category."),
            "TOTAL",
            lambda row: row.entry.category.code,
            {"required": True},
        ),
        Column(
            "CATEGORY_NAME",
            "string",
            _("The category's name, in English, as the ILO gives it."),
            "Population covered by at least one social protection benefit",
            lambda row: row.entry.category.name,
            {"required": True},
        ),
        Column(
            "SEX",
            "string",
            _("Sex, in the SDMX codes: _T for total, F for female, M for male."),
            "F",
            lambda row: SDMX_SEX[row.entry.sex],
            {"required": True, "enum": list(SDMX_SEX.values())},
        ),
        Column(
            "VALUE_TYPE",
            "string",
            _(
                "What the value is: BASELINE_2021 (the 2021 baseline), LATEST (the latest observed value), "
                "TARGET_2025 (the intermediate target for 2025) or TARGET_2030 (the national target for 2030)."
            ),
            "LATEST",
            lambda row: row.value_type.code,
            {"required": True, "enum": [value_type.code for value_type in VALUE_TYPES]},
        ),
        Column(
            "TIME_PERIOD",
            "year",
            _("The year the value refers to: 2021 for the baseline, the year observed for the latest value."),
            "2024",
            lambda row: row.value_type.year(row.entry),
            {"required": True},
        ),
        Column(
            "OBS_VALUE",
            "number",
            _("The share of the group covered, in percent (0 to 100), to one decimal place."),
            "47.5",
            lambda row: getattr(row.entry, row.value_type.field),
            {"required": True, "minimum": 0, "maximum": 100},
        ),
        Column(
            "UNIT_MEASURE",
            "string",
            _("The unit of OBS_VALUE, in the SDMX code: PT, percent."),
            PERCENT,
            lambda row: PERCENT,
            {"required": True, "enum": [PERCENT]},
        ),
        Column(
            "SOURCE",
            "string",
            _(
                "The data source the country names for this category and sex (the same on the row's baseline, "
                "latest value and targets); empty when none is named."
            ),
            "Social Security Office administrative data",
            lambda row: row.entry.source or None,
        ),
        *report_columns(),
    ],
    primary_key=["REF_AREA", "CYCLE", "ILO_SERIES", "SEX", "VALUE_TYPE"],
    rows=coverage_rows,
)

TABLES = {table.name: table for table in [MEASURE_STATUSES, COVERAGE]}
EXTENSIONS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


# Filters -----------------------------------------------------------------------------------------------------

COUNTRY_CODE = re.compile(r"[A-Za-z]{3}")
CYCLE_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,60}")


class FilterError(ValueError):
    pass


def parse_filters(query):
    """The files' filters from a query string: `country` (ISO3, any case) and `cycle` (a cycle's short name).

    A value of the wrong shape raises FilterError with a message saying what is expected; a well-formed
    value that matches nothing gives a file with its header and no rows.
    """
    filters = {}
    country = query.get("country", "").strip()
    if country:
        if not COUNTRY_CODE.fullmatch(country):
            raise FilterError(_("country must be a three-letter ISO 3166 code, for example country=THA."))
        filters["country"] = country.upper()
    cycle = query.get("cycle", "").strip()
    if cycle:
        if not CYCLE_SLUG.fullmatch(cycle):
            raise FilterError(_("cycle must be a reporting cycle's short name, for example cycle=2026."))
        filters["cycle"] = cycle
    return filters


def file_name(table, extension, filters=None):
    parts = [table.name]
    parts += [filters[key].lower() for key in ("country", "cycle") if filters and filters.get(key)]
    return f"{'-'.join(parts)}.{extension}"


# Writers -----------------------------------------------------------------------------------------------------


def report_urls(base_url):
    """A function giving each report's absolute public address (language-neutral: the data's stable links)."""

    def report_url(report):
        with translation.override(settings.LANGUAGE_CODE):
            path = cached_reverse("report_version", report.country.iso3, report.cycle.slug, report.version)
        return base_url + path

    return report_url


def csv_text(value):
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def json_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class _Line:
    """A file-like object that hands back what csv.writer writes, line by line."""

    def write(self, text):
        return text


def csv_lines(table, filters=None, *, base_url):
    """The CSV file, line by line (strings)."""
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield writer.writerow(table.column_names)
    for record in table.records(filters, report_url=report_urls(base_url)):
        yield writer.writerow([csv_text(value) for value in record])


def json_chunks(table, filters=None, *, base_url):
    """The JSON file, an array of records with the CSV's columns as keys, a record at a time (strings)."""
    names = table.column_names
    separator = "[\n"
    for record in table.records(filters, report_url=report_urls(base_url)):
        yield separator + json.dumps(
            {name: json_value(value) for name, value in zip(names, record, strict=True)}, ensure_ascii=False
        )
        separator = ",\n"
    yield "[]\n" if separator == "[\n" else "\n]\n"


WRITERS = {"csv": csv_lines, "json": json_chunks}


def datapackage(*, homepage):
    """The Frictionless Data Package (tabular-data-package) describing the CSV files."""
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": str(_("SPOT portal open data: progress on the ESCAP Action Plan on social protection")),
        "description": str(
            _(
                "Implementation status of the Action Plan's measures and social protection coverage baselines and "
                "targets, from the voluntary progress reports ESCAP members and associate members have published "
                "on the SPOT portal."
            )
        ),
        "homepage": homepage,
        "created": timezone.now().isoformat(timespec="seconds"),
        "licenses": [LICENCE],
        "resources": [table.resource() for table in TABLES.values()],
    }


def datapackage_json(*, homepage):
    return json.dumps(datapackage(homepage=homepage), ensure_ascii=False, indent=2) + "\n"


def citation(*, url, today=None):
    """How to cite the data, with the day it was retrieved (in the page's date format)."""
    today = today or timezone.localdate()
    return _(
        "ESCAP (%(year)s). SPOT portal open data: progress on the Action Plan to Strengthen Regional Cooperation "
        "on Social Protection in Asia and the Pacific [data set]. Retrieved %(date)s from %(url)s"
    ) % {"year": today.year, "date": date_format(today, "DATE_FORMAT"), "url": url}


def readme_text(*, homepage):
    return render_to_string(
        "progress_reports/open_data_readme.txt",
        {
            "tables": TABLES.values(),
            "licence": LICENCE,
            "homepage": homepage,
            "citation": citation(url=homepage),
        },
    )


class _Buffer(io.RawIOBase):
    """An unseekable stream zipfile writes to; what it wrote so far is taken away in pieces."""

    def __init__(self):
        self.pieces = []

    def writable(self):
        return True

    def write(self, data):
        self.pieces.append(bytes(data))
        return len(data)

    def take(self):
        data = b"".join(self.pieces)
        self.pieces = []
        return data


def member_info(name):
    """A zip member dated now (a member opened for writing is otherwise dated 1980), compressed."""
    info = zipfile.ZipInfo(name, date_time=timezone.localtime().timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def zip_chunks(*, base_url, homepage):
    """The zip of every file: the CSVs, the JSONs, datapackage.json and README.txt, streamed (bytes)."""
    buffer = _Buffer()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in TABLES.values():
            for extension, writer in WRITERS.items():
                with archive.open(member_info(f"{table.name}.{extension}"), "w") as member:
                    for piece in writer(table, base_url=base_url):
                        member.write(piece.encode())
                        if len(buffer.pieces) > 64:
                            yield buffer.take()
                yield buffer.take()
        archive.writestr(member_info("datapackage.json"), datapackage_json(homepage=homepage))
        archive.writestr(member_info("README.txt"), readme_text(homepage=homepage))
    yield buffer.take()
