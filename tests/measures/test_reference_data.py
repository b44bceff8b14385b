"""The reference data every database gets from migrations matches the source documents."""

import csv
from pathlib import Path

import pytest

from measures.models import CoverageCategory, Measure
from spot.models import Country, Subregion

REFERENCE = Path(__file__).resolve().parent.parent / "reference"

pytestmark = pytest.mark.django_db


def seed_measures():
    """The 12 measure texts and measure 7's three sub-targets, as they stand in the Action Plan page."""
    lines = (REFERENCE / "action-plan.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("The Action Plan identifies 12 broad measures"))
    measures, targets = [], []
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        if line.startswith("  "):
            targets.append(line.strip().split(". ", 1)[1])
        else:
            measures.append(line)
    return measures, targets


def test_it_has_exactly_the_12_measures_verbatim():
    measures, _ = seed_measures()
    assert list(Measure.objects.values_list("number", "text")) == list(enumerate(measures, start=1))


def test_it_has_measure_7_sub_targets_as_structured_data():
    _, targets = seed_measures()
    measure_7 = Measure.objects.get(number=7)
    assert [(t.code, t.year, t.text) for t in measure_7.targets.all()] == [
        ("7.1", 2021, targets[0]),
        ("7.2", 2025, targets[1]),
        ("7.3", 2030, targets[2]),
    ]
    assert not Measure.objects.exclude(number=7).filter(targets__isnull=False).exists()


def test_it_has_the_62_escap_members_and_associates_from_the_csv():
    with (REFERENCE / "escap-members.csv").open(encoding="utf-8") as source:
        rows = list(csv.DictReader(source))
    expected = {(r["iso3"], r["name"], r["subregion"], r["membership"]) for r in rows}
    actual = {(c.iso3, c.name, c.get_subregion_display(), c.membership) for c in Country.objects.all()}
    assert actual == expected
    assert Country.objects.count() == 62
    assert Country.objects.filter(membership="member").count() == 53
    assert Country.objects.filter(membership="associate").count() == 9


def test_it_groups_countries_by_subregion_in_the_portal_order():
    groups = Country.objects.by_subregion()
    assert [label for label, _ in groups] == Subregion.labels
    pacific = dict(groups)["Pacific"]
    assert pacific[0].name == "American Samoa"
    assert len(pacific) == 21


def test_it_has_the_sdg_131_coverage_categories_from_the_csv():
    with (REFERENCE / "sdg-131-categories.csv").open(encoding="utf-8") as source:
        rows = list(csv.DictReader(source))
    expected = [(r["code"], r["ilo_series_code"], r["name"], r["age_group"], r["sexes"].split(",")) for r in rows]
    actual = [(c.code, c.ilo_series_code, c.name, c.age_group, c.sexes) for c in CoverageCategory.objects.all()]
    assert actual == expected
    assert CoverageCategory.objects.get(code="MAT").sexes == ["female"]
