"""Progress toward the 2025 and 2030 coverage targets, by the method national SDG platforms use.

Open SDG's method, after Statistics Canada: compare the growth observed since the 2021 baseline
with the growth needed to reach the target on time, both as compound annual growth rates,

    observed = (latest / baseline) ** (1 / (latest_year - 2021)) - 1
    needed   = (target / baseline) ** (1 / (target_year - 2021)) - 1
    ratio    = observed / needed

and classify the ratio: at least 0.95 "on track", 0.6 to 0.95 "progress, acceleration needed",
0 to 0.6 "limited progress", below 0 "deterioration". Higher coverage is better. Rules of our own,
for what the method leaves open:

- the target is achieved as soon as the latest value reaches it (whatever the years);
- a 2021 baseline of 0 has no growth rate, so both sides use the average change in percentage
  points a year instead: (latest - 0) / (latest_year - 2021) against (target - 0) / (target_year - 2021);
- a target at or below the baseline needs no growth: a latest value still below it is deterioration;
- "not enough data" when the baseline, the target, the latest value or its year is missing, or when
  the latest value was observed in 2021 or earlier (no time has passed to measure progress over).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

BASELINE_YEAR = 2021
ON_TRACK = 0.95
ACCELERATION_NEEDED = 0.6


class ProgressStatus(models.TextChoices):
    ACHIEVED = "achieved", _("Target achieved")
    ON_TRACK = "on-track", _("On track")
    ACCELERATION_NEEDED = "acceleration-needed", _("Progress, acceleration needed")
    LIMITED = "limited", _("Limited progress")
    DETERIORATION = "deterioration", _("Deterioration")
    NOT_ENOUGH_DATA = "no-data", _("Not enough data")

    @property
    def symbol(self):
        """A text symbol shown with the words, so that colour is never the only signal."""
        return STATUS_SYMBOLS[self]


STATUS_SYMBOLS = {
    ProgressStatus.ACHIEVED: "★",
    ProgressStatus.ON_TRACK: "▲",
    ProgressStatus.ACCELERATION_NEEDED: "◆",
    ProgressStatus.LIMITED: "▼",
    ProgressStatus.DETERIORATION: "✖",
    ProgressStatus.NOT_ENOUGH_DATA: "–",
}


@dataclass(frozen=True)
class Progress:
    status: ProgressStatus
    # Growth a year observed and needed (fractions for rates, points for a zero baseline), and their ratio.
    observed: float | None = None
    needed: float | None = None
    ratio: float | None = None
    method: str = ""  # "growth-rate" or "points-a-year"


NOT_ENOUGH_DATA = Progress(ProgressStatus.NOT_ENOUGH_DATA)


def as_float(value):
    return float(value) if isinstance(value, Decimal | int | float) else value


def progress_toward(*, baseline, latest, latest_year, target, target_year):
    """The progress status of one coverage value (a category and sex) toward one target."""
    baseline, latest, target = as_float(baseline), as_float(latest), as_float(target)
    if baseline is None or latest is None or target is None or latest_year is None:
        return NOT_ENOUGH_DATA
    if latest >= target:
        return Progress(ProgressStatus.ACHIEVED)
    years_observed = latest_year - BASELINE_YEAR
    years_needed = target_year - BASELINE_YEAR
    if years_observed <= 0 or years_needed <= 0:
        return NOT_ENOUGH_DATA
    if target <= baseline:
        return Progress(ProgressStatus.DETERIORATION)
    if baseline == 0:
        observed, needed, method = latest / years_observed, target / years_needed, "points-a-year"
    else:
        observed = (latest / baseline) ** (1 / years_observed) - 1
        needed = (target / baseline) ** (1 / years_needed) - 1
        method = "growth-rate"
    ratio = observed / needed
    return Progress(classify(ratio), observed=observed, needed=needed, ratio=ratio, method=method)


def classify(ratio):
    if ratio >= ON_TRACK:
        return ProgressStatus.ON_TRACK
    if ratio >= ACCELERATION_NEEDED:
        return ProgressStatus.ACCELERATION_NEEDED
    if ratio >= 0:
        return ProgressStatus.LIMITED
    return ProgressStatus.DETERIORATION
