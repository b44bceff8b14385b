"""SVG charts of measure 7's coverage, drawn on the server (no script), each with a title and a description.

`coverage_chart(rows)` draws, for each category and sex, a 0–100 % track with four marks — the 2021
baseline, the latest value, the 2025 target and the 2030 target — each a different shape, so that
colour is never the only way to tell them apart. The same numbers go in a table beside the chart
(templates/progress_reports/_coverage_table.html). The dashboard reuses this module.
"""

import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from progress_reports.progress import ProgressStatus
from spot.templatetags.numbers import percent

WIDTH = 760
GROUP_HEIGHT = 24
ROW_HEIGHT = 26
TOP = 56
LABEL_RIGHT = 118
PLOT_LEFT, PLOT_RIGHT = 130, WIDTH - 16

# Short names of the SDG 1.3.1 categories for the chart's group titles (the table beside it has the full ones).
# Short labels matter beyond looks: PDF renderers lay out SVG text letter by letter.
SHORT_NAMES = {
    "TOTAL": gettext_lazy("Everyone: at least one benefit"),
    "CHILD": gettext_lazy("Children"),
    "MAT": gettext_lazy("Mothers with newborns"),
    "DISAB": gettext_lazy("Persons with severe disabilities"),
    "UNE": gettext_lazy("Unemployed persons"),
    "PENSION": gettext_lazy("Older persons: pension"),
    "VULN": gettext_lazy("Vulnerable persons: social assistance"),
    "POOR": gettext_lazy("Poor persons: social assistance"),
    "INJ": gettext_lazy("Employed persons: employment injury"),
}

# The colour of the latest value's mark and of the line from the baseline to it; its symbol is drawn too.
PROGRESS_COLOURS = {
    ProgressStatus.ACHIEVED: "#1d6b34",
    ProgressStatus.ON_TRACK: "#1d6b34",
    ProgressStatus.ACCELERATION_NEEDED: "#8a4b00",
    ProgressStatus.LIMITED: "#8a4b00",
    ProgressStatus.DETERIORATION: "#a61b1b",
    ProgressStatus.NOT_ENOUGH_DATA: "#4a5563",
}
INK, MUTED, LINE, BRAND = "#1b2430", "#4a5563", "#d5dbe3", "#0b4a75"


def x_of(value):
    return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * float(value) / 100


def baseline_mark(x, y):
    return f'<circle cx="{x:.1f}" cy="{y}" r="6" fill="#fff" stroke="{INK}" stroke-width="2"/>'


def latest_mark(x, y, colour):
    return f'<circle cx="{x:.1f}" cy="{y}" r="7" fill="{colour}" stroke="{INK}" stroke-width="1"/>'


def target_2025_mark(x, y):
    return (
        f'<path d="M{x:.1f} {y - 8} L{x + 7:.1f} {y + 6} L{x - 7:.1f} {y + 6} Z" fill="#fff" '
        f'stroke="{BRAND}" stroke-width="2"/>'
    )


def target_2030_mark(x, y):
    return (
        f'<path d="M{x:.1f} {y - 8} L{x + 8:.1f} {y} L{x:.1f} {y + 8} L{x - 8:.1f} {y} Z" fill="{BRAND}" '
        f'stroke="{BRAND}" stroke-width="1"/>'
    )


def text_width(label):
    """About how wide a key's label is at 12px: a Chinese character takes a whole em, a Latin letter about 8px."""
    return sum(12 if unicodedata.east_asian_width(char) in "WF" else 8 for char in label)


def legend():
    items = [
        (baseline_mark(0, 0), _("2021 baseline")),
        (latest_mark(0, 0, MUTED), _("Latest value")),
        (target_2025_mark(0, 0), _("2025 target")),
        (target_2030_mark(0, 0), _("2030 target")),
    ]
    parts, x, y = [], PLOT_LEFT + 8, 14
    for mark, label in items:
        width = 34 + text_width(label)
        if x + width > WIDTH and x > PLOT_LEFT + 8:
            # Longer words (Russian, French) take a second row rather than running off the chart.
            x, y = PLOT_LEFT + 8, y + 18
        parts.append(f'<g transform="translate({x} {y})">{mark}</g>')
        parts.append(
            f'<text x="{x + 14}" y="{y + 5}" class="chart-legend" font-size="12" fill="{MUTED}">{escape(label)}</text>'
        )
        x += width
    return "".join(parts)


def axis(height):
    parts = []
    for value in (0, 25, 50, 75, 100):
        x = x_of(value)
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 12}" x2="{x:.1f}" y2="{height - 22}" stroke="{LINE}" stroke-width="1"/>'
        )
        anchor = "start" if value == 0 else "end" if value == 100 else "middle"
        parts.append(
            f'<text x="{x:.1f}" y="{height - 6}" text-anchor="{anchor}" class="chart-axis" font-size="12" '
            f'fill="{MUTED}">'
            f"{escape(percent(value, 0))}</text>"
        )
    return "".join(parts)


def by_category(row):
    return row.category


def category_name(category):
    return SHORT_NAMES.get(category.code, category.display_name)


def grouped(rows, group_of=by_category):
    """[(group, [rows])] in the rows' order: by category unless `group_of` says otherwise."""
    groups = []
    for row in rows:
        group = group_of(row)
        if not groups or groups[-1][0].pk != group.pk:
            groups.append((group, []))
        groups[-1][1].append(row)
    return groups


def row_marks(row, middle, x):
    """One row's track and its four marks, placed along the track by `x` (a percentage → a position)."""
    colour = PROGRESS_COLOURS[row.progress.status]
    parts = []
    if row.baseline_2021 is not None and row.latest_value is not None:
        parts.append(
            f'<line x1="{x(row.baseline_2021):.1f}" y1="{middle}" x2="{x(row.latest_value):.1f}" '
            f'y2="{middle}" stroke="{colour}" stroke-width="4"/>'
        )
    if row.target_2030 is not None:
        parts.append(target_2030_mark(x(row.target_2030), middle))
    if row.target_2025 is not None:
        parts.append(target_2025_mark(x(row.target_2025), middle))
    if row.baseline_2021 is not None:
        parts.append(baseline_mark(x(row.baseline_2021), middle))
    if row.latest_value is not None:
        parts.append(latest_mark(x(row.latest_value), middle, colour))
    return parts


def coverage_chart(rows, *, title=None, chart_id="coverage-chart", group_of=by_category, group_name=category_name):
    """The SVG of coverage rows that hold at least one value (an empty string if none does).

    Rows are grouped by category (a report's chart) or, with `group_of` and `group_name`, by anything
    else that has a primary key: the dashboard groups one category's rows by country.
    """
    groups = grouped([row for row in rows if row.has_values], group_of)
    if not groups:
        return ""
    row_count = sum(len(members) for _group, members in groups)
    height = TOP + GROUP_HEIGHT * len(groups) + ROW_HEIGHT * row_count + 26
    title = title or _("Social protection coverage: baseline, latest value and targets")
    description = _(
        "For each population group and sex, a line from 0 to 100 percent marks the 2021 baseline (hollow circle), "
        "the latest value (filled circle, followed by a symbol of its progress toward the next target), "
        "the 2025 intermediate target (triangle) and the 2030 target (diamond). "
        "The numbers and the progress in words are in the table that follows."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'class="chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        'font-family="DejaVu Sans, sans-serif">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        legend(),
        axis(height),
    ]
    y = TOP
    for group, members in groups:
        parts.append(
            f'<text x="0" y="{y + 16}" class="chart-group" font-size="13" fill="{INK}" font-weight="700">'
            f"{escape(group_name(group))}</text>"
        )
        y += GROUP_HEIGHT
        for row in members:
            middle = y + ROW_HEIGHT // 2
            parts.append(
                f'<text x="{LABEL_RIGHT}" y="{middle + 5}" text-anchor="end" class="chart-label" font-size="13" '
                f'fill="{INK}">'
                f"{escape(row.sex_label)} {row.progress.status.symbol}</text>"
            )
            parts.append(
                f'<line x1="{PLOT_LEFT}" y1="{middle}" x2="{PLOT_RIGHT}" y2="{middle}" stroke="{LINE}" '
                'stroke-width="4" stroke-linecap="round"/>'
            )
            parts.extend(row_marks(row, middle, x_of))
            y += ROW_HEIGHT
    parts.append("</svg>")
    return mark_safe("".join(parts))


ROW_WIDTH = PLOT_RIGHT - PLOT_LEFT + 16


def x_in_row(value):
    return 8 + (ROW_WIDTH - 16) * float(value) / 100


def row_track(row=None, *, axis_labels=False):
    """One row of the printed chart as a small SVG without text (or the axis row, with its five labels)."""
    height = 22 if axis_labels else 26
    middle = 13
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {ROW_WIDTH} {height}" width="{ROW_WIDTH}" '
        f'height="{height}" aria-hidden="true" font-family="DejaVu Sans, sans-serif">'
    ]
    for value in (0, 25, 50, 75, 100):
        x = x_in_row(value)
        if axis_labels:
            anchor = "start" if value == 0 else "end" if value == 100 else "middle"
            parts.append(
                f'<text x="{x:.1f}" y="15" text-anchor="{anchor}" font-size="12" fill="{MUTED}">'
                f"{escape(percent(value, 0))}</text>"
            )
        else:
            parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="{LINE}" stroke-width="1"/>')
    if row is not None:
        parts.append(
            f'<line x1="8" y1="{middle}" x2="{ROW_WIDTH - 8}" y2="{middle}" stroke="{LINE}" stroke-width="4" '
            'stroke-linecap="round"/>'
        )
        parts.extend(row_marks(row, middle, x_in_row))
    parts.append("</svg>")
    return "".join(parts)


def legend_mark(mark):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-9 -9 18 18" width="18" height="18" aria-hidden="true">'
        f"{mark}</svg>"
    )


def coverage_chart_for_print(rows):
    """The same chart for paper: its words in HTML and each row's marks in a small SVG without text.

    PDF renderers (WeasyPrint) lay out SVG text letter by letter, which made the chart the slowest part
    of a report's PDF; HTML text is laid out a line at a time.
    """
    groups = grouped([row for row in rows if row.has_values])
    if not groups:
        return ""
    legend = [
        (baseline_mark(0, 0), _("2021 baseline")),
        (latest_mark(0, 0, MUTED), _("Latest value")),
        (target_2025_mark(0, 0), _("2025 target")),
        (target_2030_mark(0, 0), _("2030 target")),
    ]
    parts = [
        '<div class="print-chart">',
        '<p class="print-chart__legend">'
        + " ".join(
            f'<span class="print-chart__key">{legend_mark(mark)} {escape(label)}</span>' for mark, label in legend
        )
        + "</p>",
    ]
    for category, members in groups:
        parts.append(f'<p class="print-chart__group">{escape(category_name(category))}</p>')
        for row in members:
            status = row.progress.status
            parts.append(
                f'<div class="print-chart__row"><span class="print-chart__label">{escape(row.sex_label)} '
                f"{status.symbol}</span>{row_track(row)}</div>"
            )
    parts.append(
        f'<div class="print-chart__row"><span class="print-chart__label"></span>{row_track(axis_labels=True)}</div>'
    )
    parts.append("</div>")
    return mark_safe("".join(parts))
