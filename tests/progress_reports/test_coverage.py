"""Measure 7's coverage table: every impossible value is refused at its cell, and nothing typed is lost."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from pytest_django.asserts import assertContains

from measures.models import CoverageCategory
from progress_reports.models import CoverageEntry
from tests.progress_reports.conftest import section_data

pytestmark = pytest.mark.django_db


def post_cell(client, report, cell, value, **more):
    data = section_data(report, 7, **{cell: value, **more})
    return client.post(f"/my/reports/{report.pk}/sections/7/", data)


def cell_error(response, cell):
    """The error shown at one cell (its element id is the input's id plus _error), or None."""
    content = response.content.decode()
    marker = f'id="id_{cell}_error"'
    if marker not in content:
        return None
    start = content.index(marker)
    return content[start : content.index("</div>", start)]


def test_it_saves_the_coverage_table_with_the_section(focal_point_client, draft):
    response = post_cell(
        focal_point_client,
        draft,
        "cov-CHILD-female-baseline_2021",
        "41.5",
        **{
            "cov-CHILD-female-target_2025": "50",
            "cov-CHILD-female-target_2030": "65.0 %",
            "cov-CHILD-female-latest_value": "44,2",
            "cov-CHILD-female-latest_year": "2024",
            "cov-CHILD-female-source": "ILO World Social Protection Database",
        },
    )
    assert response.status_code == 302
    row = CoverageEntry.objects.get(report=draft, category__code="CHILD", sex="female")
    assert (row.baseline_2021, row.target_2025, row.target_2030, row.latest_value, row.latest_year) == (
        Decimal("41.5"),
        Decimal("50.0"),
        Decimal("65.0"),
        Decimal("44.2"),
        2024,
    )
    assert row.source == "ILO World Social Protection Database"


def test_any_cell_may_stay_empty_in_a_draft(focal_point_client, draft):
    response = post_cell(focal_point_client, draft, "cov-TOTAL-total-target_2030", "60")
    assert response.status_code == 302
    row = CoverageEntry.objects.get(report=draft, category__code="TOTAL", sex="total")
    assert (row.baseline_2021, row.target_2030) == (None, Decimal("60.0"))


@pytest.mark.parametrize(
    "cell, value, message",
    [
        ("cov-TOTAL-total-baseline_2021", "-1", "Enter a percentage from 0 to 100: it cannot be negative"),
        ("cov-TOTAL-female-target_2025", "100.1", "Enter a percentage from 0 to 100: it cannot be more than 100"),
        ("cov-CHILD-male-target_2030", "250", "it cannot be more than 100"),
        ("cov-PENSION-total-latest_value", "45.55", "at most one decimal"),
        ("cov-UNE-total-baseline_2021", "forty", "Enter a percentage as a number from 0 to 100"),
        ("cov-UNE-total-baseline_2021", "NaN", "Enter a percentage as a number from 0 to 100"),
        ("cov-UNE-total-baseline_2021", "1e309", "Enter a percentage"),
        ("cov-UNE-total-baseline_2021", "9" * 400, "Enter a percentage as a number from 0 to 100"),
        ("cov-POOR-male-latest_year", "2014", "Enter a year from 2015 to 2030"),
        ("cov-POOR-male-latest_year", "2031", "Enter a year from 2015 to 2030"),
        ("cov-POOR-male-latest_year", "99999999999999999999", "Enter a year from 2015 to 2030"),
        ("cov-POOR-male-latest_year", "twenty", "Enter the year as four digits"),
    ],
)
def test_it_refuses_an_impossible_value_at_its_cell(focal_point_client, draft, cell, value, message):
    other = {"cov-POOR-male-latest_value": "30"} if cell.endswith("latest_year") else {}
    if cell.endswith("latest_value"):
        other = {cell.replace("latest_value", "latest_year"): "2024"}
    response = post_cell(focal_point_client, draft, cell, value, **other)
    assert response.status_code == 400
    assert message in cell_error(response, cell)
    # What was typed is shown back in the cell, and the summary at the top links to it.
    assertContains(response, f'value="{value}"', status_code=400)
    assertContains(response, f'href="#id_{cell}"', status_code=400)
    assert not CoverageEntry.objects.filter(report=draft).exclude(baseline_2021=None).exists()


def test_it_refuses_a_latest_value_without_its_year_at_the_year_cell(focal_point_client, draft):
    response = post_cell(focal_point_client, draft, "cov-DISAB-female-latest_value", "12.5")
    assert response.status_code == 400
    assert "Enter the year of the latest value" in cell_error(response, "cov-DISAB-female-latest_year")
    assertContains(response, 'value="12.5"', status_code=400)


def test_it_refuses_a_value_for_a_sex_the_category_is_not_reported_for(focal_point_client, draft):
    # Maternity benefits are reported for women only: a hand-made request sends a value for men.
    response = post_cell(focal_point_client, draft, "cov-MAT-male-baseline_2021", "20")
    assert response.status_code == 400
    assertContains(
        response,
        "Leave this row empty: Mothers with newborns receiving maternity cash benefits is reported for female only.",
        status_code=400,
    )
    assertContains(response, 'name="cov-MAT-male-baseline_2021"', status_code=400)
    assertContains(response, 'value="20"', status_code=400)
    assert not CoverageEntry.objects.filter(report=draft, category__code="MAT", sex="male").exists()


def test_the_summary_names_the_cell_in_error(focal_point_client, draft):
    response = post_cell(focal_point_client, draft, "cov-CHILD-female-target_2025", "101")
    assertContains(
        response,
        "Children covered by social protection benefits, female, 2025 intermediate target (%): Enter a percentage",
        status_code=400,
    )


def test_the_database_refuses_impossible_values_too(draft):
    row = CoverageEntry.objects.get(report=draft, category__code="TOTAL", sex="total")
    for field, value in [("baseline_2021", Decimal("-0.1")), ("target_2030", Decimal("100.1")), ("latest_year", 2031)]:
        setattr(row, field, value)
        with pytest.raises(IntegrityError), transaction.atomic():
            row.save()
        row.refresh_from_db()
    row.latest_value = Decimal("40")
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()  # a latest value needs its year


def test_the_model_explains_a_sex_not_reported(draft):
    maternity = CoverageCategory.objects.get(code="MAT")
    row = CoverageEntry(report=draft, category=maternity, sex="male")
    with pytest.raises(Exception, match="reported for female only"):
        row.full_clean()


def test_every_category_has_a_row_for_each_sex_it_is_reported_for(draft):
    rows = {(row.category.code, row.sex) for row in draft.coverage.select_related("category")}
    expected = {(category.code, sex) for category in CoverageCategory.objects.all() for sex in category.sexes}
    assert rows == expected
    assert ("MAT", "male") not in rows
