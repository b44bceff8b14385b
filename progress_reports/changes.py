"""What changed between two versions of a report (or two submissions of one), section by section.

A report's content is first reduced to plain data (`report_content`), the same shape a submission's
snapshot keeps, so that a live report, a published version and a past submission compare alike.
Texts are compared word by word with difflib; the result is escaped HTML with <ins> and <del>, each
also announced in words for screen readers. Only what was edited appears.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from measures.models import Sex
from progress_reports.models import ImplementationStatus, ReportSection

# A word with the spaces after it: spaces alone never count as common ground between two texts.
WORDS = re.compile(r"^\s+|\S+\s*")
# Below this share of common words, the texts are shown as one deletion and one insertion: interleaved
# fragments of two unrelated texts read worse than the two texts.
MOSTLY_REWRITTEN = 0.4

SECTION_LABELS = {
    "status": gettext_lazy("Implementation status"),
    "actions_taken": gettext_lazy("Actions taken"),
    "challenges": gettext_lazy("Challenges"),
    "support_needed": gettext_lazy("Support your country would welcome"),
    "wants_support": gettext_lazy("Would welcome support"),
    "experience_to_share": gettext_lazy("Experience your country can offer"),
    "offers_experience": gettext_lazy("Can offer experience"),
}
COVERAGE_LABELS = {
    "baseline_2021": gettext_lazy("2021 baseline (%)"),
    "target_2025": gettext_lazy("2025 target (%)"),
    "target_2030": gettext_lazy("2030 target (%)"),
    "latest_value": gettext_lazy("Latest value (%)"),
    "latest_year": gettext_lazy("Year of the latest value"),
    "source": gettext_lazy("Data source"),
}


def yes_no(value):
    return {True: "yes", False: "no"}.get(value, "")


def section_content(section):
    return {
        "status": section.status,
        **{name: getattr(section, name) for name in ReportSection.TEXT_FIELDS},
        "wants_support": yes_no(section.wants_support),
        "offers_experience": yes_no(section.offers_experience),
    }


def coverage_content(entry):
    return {name: "" if getattr(entry, name) is None else str(getattr(entry, name)) for name in COVERAGE_LABELS}


def report_content(report, sections=None, coverage=None):
    """A report's content as plain data (JSON-ready). Pass the sections and coverage rows if already fetched."""
    if sections is None:
        sections = report.sections.select_related("measure")
    if coverage is None:
        coverage = report.coverage.select_related("category")
    return {
        "summary": report.summary,
        "challenges": report.challenges,
        "sections": {str(section.measure.number): section_content(section) for section in sections},
        "coverage": {f"{entry.category.code}:{entry.sex}": coverage_content(entry) for entry in coverage},
    }


def word_diff(old, new):
    """Escaped HTML of `new` with the words removed from `old` in <del> and the words added in <ins>."""
    old_words, new_words = WORDS.findall(old or ""), WORDS.findall(new or "")
    pieces = []
    # Words are compared without their spaces (the last word of a text has none), shown with them.
    matcher = difflib.SequenceMatcher(
        a=[word.strip() for word in old_words], b=[word.strip() for word in new_words], autojunk=False
    )
    operations = matcher.get_opcodes()
    if old_words and new_words and matcher.ratio() < MOSTLY_REWRITTEN:
        operations = [("replace", 0, len(old_words), 0, len(new_words))]
    for operation, a_start, a_end, b_start, b_end in operations:
        if operation == "equal":
            pieces.append(escape("".join(new_words[b_start:b_end])))
            continue
        if a_end > a_start:
            pieces.append(
                '<del><span class="visually-hidden">{} </span>{}<span class="visually-hidden"> {}</span></del>'.format(
                    _("[deleted:"), escape("".join(old_words[a_start:a_end])), "]"
                )
            )
        if b_end > b_start:
            pieces.append(
                '<ins><span class="visually-hidden">{} </span>{}<span class="visually-hidden"> {}</span></ins>'.format(
                    _("[added:"), escape("".join(new_words[b_start:b_end])), "]"
                )
            )
    return mark_safe("".join(pieces))


@dataclass
class FieldChange:
    label: str
    old: str
    new: str

    @property
    def diff(self):
        return word_diff(self.old, self.new)


@dataclass
class SectionChange:
    anchor: str
    title: str
    fields: list = field(default_factory=list)


def display_value(name, value):
    if name == "status":
        return str(ImplementationStatus(value).label) if value in ImplementationStatus.values else ""
    if name in ("wants_support", "offers_experience"):
        return {"yes": _("Yes"), "no": _("No")}.get(value, "")
    return value


def compare(old, new, measures, categories):
    """The edited parts of `new` against `old` (both from `report_content`), as a list of `SectionChange`.

    `measures` maps a number to its Measure and `categories` a code to its CoverageCategory, for titles.
    """
    changes = []
    overview = SectionChange("overview", _("Summary and cross-cutting challenges"))
    for name, label in [("summary", _("Overall summary")), ("challenges", _("Cross-cutting challenges"))]:
        if (old.get(name) or "") != (new.get(name) or ""):
            overview.fields.append(FieldChange(label, old.get(name) or "", new.get(name) or ""))
    if overview.fields:
        changes.append(overview)
    old_sections, new_sections = old.get("sections", {}), new.get("sections", {})
    for number in sorted({*old_sections, *new_sections}, key=int):
        before, after = old_sections.get(number, {}), new_sections.get(number, {})
        measure = measures.get(int(number))
        change = SectionChange(
            f"measure-{number}", _("Measure %(number)s: %(title)s") % {"number": number, "title": measure.display_title}
        )
        for name, label in SECTION_LABELS.items():
            if (before.get(name) or "") != (after.get(name) or ""):
                change.fields.append(
                    FieldChange(str(label), display_value(name, before.get(name)), display_value(name, after.get(name)))
                )
        if number == "7":
            change.fields += coverage_changes(old.get("coverage", {}), new.get("coverage", {}), categories)
        if change.fields:
            changes.append(change)
    return changes


def coverage_changes(old, new, categories):
    fields = []
    for key in sorted({*old, *new}, key=lambda key: coverage_order(key, categories)):
        before, after = old.get(key, {}), new.get(key, {})
        code, sex = key.split(":")
        category = categories.get(code)
        row = f"{category.display_name if category else code}, {Sex(sex).label.lower() if sex in Sex.values else sex}"
        for name, label in COVERAGE_LABELS.items():
            if (before.get(name) or "") != (after.get(name) or ""):
                fields.append(
                    FieldChange(f"{_('Coverage')}: {row}: {label}", before.get(name) or "", after.get(name) or "")
                )
    return fields


def coverage_order(key, categories):
    code, sex = key.split(":")
    category = categories.get(code)
    return (category.position if category else 999, Sex.values.index(sex) if sex in Sex.values else 9)
