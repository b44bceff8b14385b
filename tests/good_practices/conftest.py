"""Practices for the tests: written straight into the database in any state, or moved by the services."""

from datetime import timedelta

import pytest
from django.utils import timezone

from good_practices import services
from good_practices.models import GoodPractice, ModerationStep, State, Theme
from measures.models import Measure
from spot.models import Country

# Neutral words, so that a search finds a practice only by what a test gives it.
COMPLETE = {
    "programme_name": "National Programme",
    "period_start": 2015,
    "summary": "What the programme does and for whom.",
    "body": "It is run by the ministry.",
    "results": "Coverage rose from 40% to 80%.",
    "lessons": "Keep the rules simple.",
    "contact_agency": "Ministry of Social Development",
    "language": "en",
}


def make_practice(
    country="THA",
    *,
    title="Social pension for older persons",
    state=State.PUBLISHED,
    measures=(1,),
    themes=("older-persons",),
    days_ago=1,
    author=None,
    **content,
):
    """A complete practice in the given state (dated `days_ago` when published)."""
    if isinstance(country, str):
        country = Country.objects.get(iso3=country)
    now = timezone.now()
    published = state in (State.PUBLISHED, State.ARCHIVED)
    practice = GoodPractice(
        country=country,
        title=title,
        state=state,
        created_by=author,
        submitted_at=now - timedelta(days=days_ago + 1) if state != State.DRAFT else None,
        published_at=now - timedelta(days=days_ago) if published else None,
        published_year=timezone.localtime(now - timedelta(days=days_ago)).year if published else None,
        last_updated_at=now - timedelta(days=days_ago) if published else None,
        **{**COMPLETE, **content},
    )
    practice.slug = services.unique_slug(title, country)
    practice.save()
    practice.set_measures_and_themes(Measure.objects.filter(number__in=measures), Theme.objects.filter(slug__in=themes))
    return practice


def submitted_practice(author, **kwargs):
    """A practice its author has submitted through the workflow (with its history row)."""
    practice = make_practice(state=State.DRAFT, author=author, **kwargs)
    services.submit(practice, actor=author, ip="127.0.0.1")
    practice.refresh_from_db()
    return practice


def history(practice):
    return list(ModerationStep.objects.filter(practice=practice).values_list("action", "from_state", "to_state"))


@pytest.fixture
def published(focal_point):
    """A published practice of Thailand, written by its lead focal point."""
    return make_practice("THA", author=focal_point, title="Universal child grant paid to mothers")


def read_bit_sets():
    """Have this process hold the bit sets of the published practices, as the first search after a change does."""
    from good_practices.search import PracticeSearch

    return PracticeSearch({}).snapshot
