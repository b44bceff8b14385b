"""The progress status toward a coverage target, checked against cases worked by hand."""

import pytest

from progress_reports.progress import ProgressStatus, progress_toward

Status = ProgressStatus


def status(baseline, latest, latest_year, target, target_year=2030):
    return progress_toward(
        baseline=baseline, latest=latest, latest_year=latest_year, target=target, target_year=target_year
    ).status


@pytest.mark.parametrize(
    "baseline, latest, latest_year, target, target_year, expected",
    [
        # 40 → 50 in 2 years: (1.25)^(1/2) − 1 = 11.80 % a year; 40 → 60 by 2025 needs (1.5)^(1/4) − 1 = 10.67 %.
        # Ratio 1.106 ≥ 0.95.
        (40, 50, 2023, 60, 2025, Status.ON_TRACK),
        # 40 → 44 in 2 years: 4.88 % a year against 10.67 % needed: ratio 0.457.
        (40, 44, 2023, 60, 2025, Status.LIMITED),
        # 40 → 47 in 2 years: 8.40 % a year against 10.67 %: ratio 0.787.
        (40, 47, 2023, 60, 2025, Status.ACCELERATION_NEEDED),
        # 40 → 38: a fall.
        (40, 38, 2023, 60, 2025, Status.DETERIORATION),
        # Latest equal to the target: achieved, even before the target year.
        (40, 60, 2023, 60, 2025, Status.ACHIEVED),
        # Above the target.
        (40, 61.5, 2024, 60, 2030, Status.ACHIEVED),
        # Against 2030 instead: 40 → 50 in 2 years (11.80 %) against (2)^(1/9) − 1 = 8.01 % needed for 80 %.
        (40, 50, 2023, 80, 2030, Status.ON_TRACK),
        # Zero baseline: 0 → 6 points in 3 years (2 a year) against 0 → 20 by 2025 (5 a year): ratio 0.4.
        (0, 6, 2024, 20, 2025, Status.LIMITED),
        # Zero baseline: 0 → 12 in 3 years (4 a year) against 20 by 2025 (5 a year): ratio 0.8.
        (0, 12, 2024, 20, 2025, Status.ACCELERATION_NEEDED),
        # Zero baseline, still zero: no change, ratio 0.
        (0, 0, 2024, 20, 2025, Status.LIMITED),
        # Latest observed in 2021: no time to measure progress over.
        (40, 45, 2021, 60, 2025, Status.NOT_ENOUGH_DATA),
        # ... unless it already meets the target.
        (40, 60, 2021, 60, 2025, Status.ACHIEVED),
        # Latest observed before the baseline year.
        (40, 45, 2019, 60, 2025, Status.NOT_ENOUGH_DATA),
        # Missing pieces.
        (None, 45, 2023, 60, 2025, Status.NOT_ENOUGH_DATA),
        (40, None, 2023, 60, 2025, Status.NOT_ENOUGH_DATA),
        (40, 45, None, 60, 2025, Status.NOT_ENOUGH_DATA),
        (40, 45, 2023, None, 2025, Status.NOT_ENOUGH_DATA),
        # A target at or below the baseline, and the latest value fell below it.
        (60, 55, 2023, 60, 2025, Status.DETERIORATION),
    ],
)
def test_it_classifies_hand_worked_cases(baseline, latest, latest_year, target, target_year, expected):
    assert status(baseline, latest, latest_year, target, target_year) == expected


def test_it_reports_the_growth_rates_and_their_ratio():
    progress = progress_toward(baseline=40, latest=50, latest_year=2023, target=60, target_year=2025)
    assert round(progress.observed, 4) == 0.1180
    assert round(progress.needed, 4) == 0.1067
    assert round(progress.ratio, 3) == 1.106
    assert progress.method == "growth-rate"


def test_it_uses_points_a_year_for_a_zero_baseline():
    progress = progress_toward(baseline=0, latest=6, latest_year=2024, target=20, target_year=2025)
    assert (progress.observed, progress.needed, progress.ratio, progress.method) == (2.0, 5.0, 0.4, "points-a-year")


def test_it_sits_exactly_on_the_thresholds():
    # Ratio exactly 0.95 (on track) and exactly 0.6 (acceleration needed), with a zero baseline's linear rule.
    assert status(0, 9.5, 2023, 20, 2025) == Status.ON_TRACK  # 4.75 / 5
    assert status(0, 6, 2023, 20, 2025) == Status.ACCELERATION_NEEDED  # 3 / 5


def test_it_shows_a_symbol_with_every_status():
    assert {member.symbol for member in Status} == {"★", "▲", "◆", "▼", "✖", "–"}
