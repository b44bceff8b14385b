"""Measure the good-practice search as practices grow: 1,000, 10,000 and 100,000 published.

Runs against a database of its own (`spot_bench_search`) on the configured server, so it
never touches the portal's data. For each size it reports p50 and p95 of:

- the search-plus-filter query: the SQL of a page of 20 results (the statement of the
  facet counts, which also gives the total, then the ranked page with its highlighted
  snippets, measures and themes), for a rotation of searches each combined with one
  filter;
- the whole list page for the same searches, through Django's test client (every query,
  the facets included, and the template), as an anonymous visitor, rendered every time
  (the page cache, which would answer repeats of the same address, is left out);
- the list page with no search and no filter (every facet counts every practice).

Each figure is the median of several runs. Goal at 100,000: p95 under 20 ms for the query
and under 60 ms for the page.

    make bench-search         # or: .venv/bin/python bench/search.py [--runs 3] [--requests 80]
    .venv/bin/python bench/search.py --sizes 100000 --reuse   # again, on the practices already seeded

The portal runs with its production settings (DEBUG off), as bench/run.py serves it.
"""

import argparse
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spot.settings")

SIZES = [1_000, 10_000, 100_000]
DATABASE = "spot_bench_search"
# A search and a filter, as people combine them.
SEARCHES = [
    {"q": "pension", "subregion": "pacific"},
    {"q": '"mobile money"', "measure": "4"},
    {"q": "disability -pilot", "theme": "persons-with-disabilities"},
    {"q": "registry", "country": "IDN"},
    {"q": "cash transfers floods", "language": "en"},
    {"q": "older persons allowance", "year": "2025"},
    {"q": "informal workers contributions", "theme": "informal-workers"},
    {"q": "kinship care", "subregion": "sea"},
]

# Words that make practices differ from each other beyond the sample texts.
GROUPS = [
    "older persons",
    "children under five",
    "persons with disabilities",
    "informal workers",
    "migrant workers",
    "fishers",
    "farmers",
    "domestic workers",
    "platform workers",
    "single mothers",
    "orphans",
    "youth",
    "widows",
    "families in kinship care",
    "garment workers",
    "street vendors",
    "rural households",
    "island communities",
]
INSTRUMENTS = [
    "social pension",
    "child grant",
    "disability allowance",
    "unemployment insurance",
    "health insurance",
    "cash transfer",
    "food voucher",
    "public works programme",
    "maternity benefit",
    "school stipend",
    "social registry",
    "mobile money payments",
    "case management",
    "employment injury scheme",
    "care allowance",
]
PLACES = [
    "remote islands",
    "mountain districts",
    "urban settlements",
    "border provinces",
    "flood plains",
    "the capital",
    "coastal villages",
    "the archipelago",
    "drought-prone regions",
    "secondary cities",
]
VERBS = ["extends", "reaches", "protects", "supports", "digitises", "simplifies", "finances", "links"]
WORDS = [
    "enrolment",
    "grievance",
    "targeting",
    "verification",
    "biometric",
    "wallet",
    "agent",
    "payroll",
    "actuarial",
    "reserve",
    "levy",
    "premium",
    "subsidy",
    "contribution",
    "arrears",
    "outreach",
    "caseload",
    "audit",
    "dashboard",
    "interoperability",
    "consent",
    "registry",
    "census",
    "survey",
    "evaluation",
    "baseline",
    "indicator",
    "threshold",
    "benefit",
    "adequacy",
    "indexation",
    "arrears",
    "pilot",
    "scale-up",
    "decentralisation",
    "municipality",
    "province",
    "district",
    "commune",
    "village",
    "cooperative",
    "union",
]


def benchmark_database_url(reuse=False):
    import psycopg2

    from spot.embedded_db import embedded_database_url

    base = urlsplit(os.environ.get("DATABASE_URL") or embedded_database_url())
    connection = psycopg2.connect(base._replace(path="/postgres").geturl())
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE])
        if not (reuse and cursor.fetchone()):
            cursor.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
            cursor.execute(f"CREATE DATABASE {DATABASE}")
    connection.close()
    return base._replace(path=f"/{DATABASE}").geturl()


def sample_texts():
    """The English sample practices, split into sentences: each benchmark practice is written from one of them."""
    from portal.management.commands._demo_practices import PRACTICES

    def split(text):
        found = []
        for sentence in text.replace("\n", " ").split(". "):
            sentence = sentence.strip(" -#*")
            if len(sentence) > 20:
                found.append(sentence.rstrip(".") + ".")
        return found or [text]

    return [
        {
            "measures": entry["measures"],
            "themes": entry["themes"],
            "body": split(entry["body"]),
            "results": split(entry["results"]),
            "lessons": split(entry["lessons"]),
        }
        for entry in PRACTICES
        if entry.get("language", "en") == "en" and entry["results"]
    ]


def grow(total, rng, bases):
    """Add published practices until there are `total`, spread over countries, measures, themes and years.

    Each is written from one sample practice (its sentences, measures and themes, mostly), about one
    instrument for one group in one kind of place, with a few words of its own: a word is as common as
    in a real collection of practices on one subject, not in every practice.
    """
    from django.db import connection
    from django.utils import timezone

    from good_practices.models import GoodPractice, Theme
    from good_practices.rendering import plain_text
    from measures.models import Measure
    from spot.models import Country

    countries = list(Country.objects.exclude(subregion="non-regional"))
    measures = {measure.number: measure for measure in Measure.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    existing = GoodPractice.objects.count()
    now = timezone.now()
    batch = 2000
    for start in range(existing, total, batch):
        practices, chosen = [], []
        for number in range(start, min(start + batch, total)):
            base = rng.choice(bases)
            group, instrument, place = rng.choice(GROUPS), rng.choice(INSTRUMENTS), rng.choice(PLACES)
            title = f"{instrument.capitalize()} {rng.choice(VERBS)} {group} in {place}"
            summary = f"A {instrument} for {group} in {place}. {base['body'][0]}"
            body = " ".join(base["body"]) + " " + " ".join(rng.sample(WORDS, 6)).capitalize() + "."
            body_html = f"<p>{body}</p>"
            results_html = f"<p>{' '.join(base['results'])}</p>"
            lessons_html = f"<p>{' '.join(base['lessons'])}</p>"
            published = now - timedelta(days=rng.randrange(0, 6 * 365))
            measure_numbers = sorted(set(base["measures"][:2]) | {rng.randint(1, 12)})
            theme_slugs = sorted(set(base["themes"][:2]) | {rng.choice(list(themes))})
            chosen.append((measure_numbers, theme_slugs))
            practices.append(
                GoodPractice(
                    slug=f"benchmark-practice-{number}",
                    country=rng.choice(countries),
                    state="published",
                    title=title[:200],
                    programme_name=f"{instrument.title()} Programme",
                    period_start=rng.randrange(2000, 2024),
                    summary=summary[:600],
                    body=body,
                    results=results_html,
                    lessons=lessons_html,
                    body_html=body_html,
                    results_html=results_html,
                    lessons_html=lessons_html,
                    searchable_text=plain_text(body_html, results_html, lessons_html),
                    measure_numbers=measure_numbers,
                    theme_slugs=theme_slugs,
                    contact_agency="Ministry of Social Welfare",
                    language="en" if rng.random() < 0.9 else rng.choice(["fr", "ru", "zh"]),
                    published_at=published,
                    published_year=timezone.localtime(published).year,
                    last_updated_at=published,
                    submitted_at=published - timedelta(days=7),
                    is_sample=True,
                )
            )
        created = GoodPractice.objects.bulk_create(practices)
        MeasureLink, ThemeLink = GoodPractice.measures.through, GoodPractice.themes.through
        measure_links, theme_links = [], []
        for practice, (measure_numbers, theme_slugs) in zip(created, chosen, strict=True):
            measure_links += [MeasureLink(goodpractice_id=practice.pk, measure=measures[n]) for n in measure_numbers]
            theme_links += [ThemeLink(goodpractice_id=practice.pk, theme=themes[slug]) for slug in theme_slugs]
        MeasureLink.objects.bulk_create(measure_links)
        ThemeLink.objects.bulk_create(theme_links)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def percentiles(timings):
    timings = sorted(timings)
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def time_query(params, requests):
    """p50/p95 in ms of the search for a page, without the template: every query (the names, the matches, the
    ranks, the 20 practices with their snippets) and the bit-set work (facet counts, filters, order)."""
    from good_practices.search import PracticeSearch

    timings = []
    for number in range(requests):
        search = PracticeSearch(params[number % len(params)])
        started = time.perf_counter()
        results = list(search.page(1).object_list)
        timings.append((time.perf_counter() - started) * 1000)
        assert results
    return percentiles(timings)


def time_page(client, paths, requests):
    """p50/p95 in ms of whole list pages through the test client."""
    timings = []
    for number in range(requests):
        started = time.perf_counter()
        response = client.get(paths[number % len(paths)], HTTP_HOST="127.0.0.1")
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{paths[number % len(paths)]} answered {response.status_code}")
    return percentiles(timings)


def time_rebuild(runs):
    """Median ms of reading the bit sets of the published practices afresh, as the first search after a change does."""
    from good_practices.search_index import read_snapshot

    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        read_snapshot()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def median_of_runs(measure, runs):
    results = [measure() for _ in range(runs)]
    return tuple(statistics.median(column) for column in zip(*results, strict=True))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; medians are reported (default 3)")
    parser.add_argument("--requests", type=int, default=80, help="queries or pages timed per run (default 80)")
    parser.add_argument(
        "--sizes", default=",".join(str(size) for size in SIZES), help="practice counts, comma-separated"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="keep the practices of an earlier run (seeding 100,000 takes minutes)"
    )
    parser.add_argument("--each", action="store_true", help="then the figures of each search, at the last size")
    options = parser.parse_args()

    from bench.servers import production_environment

    workdir = Path(tempfile.mkdtemp(prefix="spot-bench-search-"))
    environment = production_environment(benchmark_database_url(reuse=options.reuse), workdir)
    # Every request renders the page: what the search costs, not what the page cache saves.
    os.environ.update({**environment, "PAGE_CACHE_SECONDS": "0", "LOG_LEVEL": "WARNING"})
    import django
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    django.setup()
    setup_test_environment()  # the test client's ALLOWED_HOSTS and in-memory email
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)  # the manifest production's pages link through
    rng = random.Random(2026)
    bases = sample_texts()
    logging.getLogger("spot.requests").setLevel(logging.WARNING)  # one line per request would drown the figures
    client = Client()
    paths = ["/good-practices/?" + urlencode(params) for params in SEARCHES]

    print(f"Good-practice search, medians of {options.runs} runs of {options.requests} requests each")
    print("Production settings (DEBUG off). Nothing cached: the page cache is off and every page is rendered afresh.")
    print(
        "practices | query p50 / p95 ms | page p50 / p95 ms | unfiltered page p50 / p95 ms | queries per page"
        " | bit sets rebuilt ms | load average"
    )
    for size in [int(size) for size in options.sizes.split(",")]:
        started = time.perf_counter()
        grow(size, rng, bases)
        seeded = time.perf_counter() - started
        for path in paths + ["/good-practices/"]:  # warm the caches
            client.get(path, HTTP_HOST="127.0.0.1")
        query = median_of_runs(lambda: time_query(SEARCHES, options.requests), options.runs)
        page = median_of_runs(lambda: time_page(client, paths, options.requests), options.runs)
        landing = median_of_runs(lambda: time_page(client, ["/good-practices/"], options.requests // 2), options.runs)
        with CaptureQueriesContext(connection) as queries:
            client.get(paths[0], HTTP_HOST="127.0.0.1")
        rebuilt = time_rebuild(options.runs)
        print(
            f"{size:>9,} | {query[0]:7.1f} / {query[1]:6.1f} | {page[0]:7.1f} / {page[1]:6.1f} | "
            f"{landing[0]:7.1f} / {landing[1]:6.1f} | {len(queries)} | {rebuilt:.0f} | {os.getloadavg()[0]:.1f}"
            f"   (seeded in {seeded:.0f} s)",
            flush=True,
        )
    if options.each:
        each_search(client, paths, options)


STEPS = ["names", "matching", "facets", "ranking", "practices"]


def time_steps(params, requests):
    """Median ms of each step of the search for a page: the names (and the bit sets' generation), the
    matching (SQL and filters), the facet counts, the ranks of the page's results, the page of practices."""
    from good_practices.search import PracticeSearch

    timings = {step: [] for step in STEPS}
    for _ in range(requests):
        search = PracticeSearch(params)
        marks = [time.perf_counter()]
        for name in ("snapshot", "found", "facets"):  # cached properties (the names come with the snapshot)
            getattr(search, name)
            marks.append(time.perf_counter())
        ids = search.ids(0, 20)
        marks.append(time.perf_counter())
        search.practices(ids)
        marks.append(time.perf_counter())
        for step, start, stop in zip(STEPS, marks, marks[1:], strict=False):
            timings[step].append((stop - start) * 1000)
    return tuple(statistics.median(timings[step]) for step in STEPS)


def each_search(client, paths, options):
    """The same figures search by search, at the last size: which searches make the p95, and where their time goes."""
    from good_practices.search import PracticeSearch

    requests = options.requests // 4
    print(f"\nSearch by search at the last size, medians of {options.runs} runs of {requests} requests")
    print(f"search | matches | results | query p50 / p95 ms | page p50 / p95 ms | {' / '.join(STEPS)} ms (p50)")
    for params, path in zip(SEARCHES, paths, strict=True):
        query = median_of_runs(lambda params=params: time_query([params], requests), options.runs)
        page = median_of_runs(lambda path=path: time_page(client, [path], requests), options.runs)
        steps = median_of_runs(lambda params=params: time_steps(params, requests), options.runs)
        search = PracticeSearch(params)
        matches = search.matched.bit_count()
        print(
            f"{urlencode(params)} | {matches:,} | {search.total:,} | {query[0]:.1f} / {query[1]:.1f} | "
            f"{page[0]:.1f} / {page[1]:.1f} | {' / '.join(f'{step:.1f}' for step in steps)}",
            flush=True,
        )


if __name__ == "__main__":
    main()
