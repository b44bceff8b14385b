"""The load benchmark: every public page against a bare Django view, under gunicorn in production mode.

    make bench
    .venv/bin/python bench/run.py [--seconds 5] [--rounds 3] [--connections 8] [--redis] [--page ADDRESS ...]

Seeds a database of its own (`spot_bench`, or `BENCH_DATABASE`, on the configured PostgreSQL server) with the
volumes of `bench/seed.py`, counts the SQL queries of each page at the small and the full
size, then serves the full size with gunicorn (2 workers, DEBUG off) on 127.0.0.1 and
drives each page, and the bare view of `bench/urls.py`, with `wrk` at a fixed
concurrency: rounds alternate between the targets and medians are reported, so that
the bare view and the pages share the machine's moods. It measures twice: with the page
cache (what anonymous visitors get) and without (`PAGE_CACHE_SECONDS=0`: what a first
visit after a change, or a signed-in person, costs). `--redis` runs a private
redis-server and keeps the cache there instead of in each process's memory.

Traffic goes only to 127.0.0.1. Results are printed as Markdown for bench/RESULTS.md.
"""

import argparse
import contextlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench import BARE_PATH  # noqa: E402
from bench.seed import SIZES, seed  # noqa: E402
from bench.servers import (  # noqa: E402
    DATABASE,
    WORKERS,
    Gunicorn,
    RedisServer,
    fresh_database,
    production_environment,
)

# Every public page type, by name and address. A new public page adds one line.
PAGES = [
    ("home", "/"),
    ("about", "/about/"),
    ("measures", "/measures/"),
    ("measure", "/measures/7/"),
    ("countries", "/countries/"),
    ("country", "/countries/tha/"),
    ("country, in French", "/fr/countries/tha/"),
    ("reports", "/reports/"),
    ("report", "/reports/tha/bench-1/"),
    ("report version", "/reports/tha/bench-1/versions/1/"),
    ("what changed", "/reports/tha/bench-1/versions/2/changes/"),
    ("report PDF", "/reports/tha/bench-1/report.pdf"),
    ("good practices", "/good-practices/"),
    ("search + filter", "/good-practices/?q=pension&subregion=pacific"),
    ("practice", "/good-practices/benchmark-practice-1/"),
    ("feed", "/feeds/good-practices/"),
    ("feed of a country", "/feeds/good-practices/countries/tha/"),
    ("contact", "/contact/"),
    ("privacy", "/privacy/"),
    ("accessibility", "/accessibility/"),
    ("dashboard", "/dashboard/"),
    ("dashboard, filtered", "/dashboard/?cycle=bench-2&subregion=pacific"),
    ("open data", "/data/"),
    ("about the data", "/data/about/"),
    ("data package", "/data/datapackage.json"),
    ("coverage CSV of a country", "/data/coverage.csv?country=THA"),
    ("statuses JSON of a country", "/data/measure-statuses.json?country=THA"),
    # The whole tables (megabytes each): their throughput is bound by their size more than by the portal.
    ("coverage CSV", "/data/coverage.csv"),
    ("open data zip", "/data/spot-open-data.zip"),
]
# Signed-in pages are never cached; their query counts are watched all the same.
SIGNED_IN_PAGES = [("workspace (signed in)", "/my/"), ("network (signed in)", "/network/")]


def count_queries(paths, signed_in_paths):
    """SQL queries of each page: rendered (cache empty) and served again (from the cache)."""
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from focal_points.models import FocalPoint

    def queries(client, path):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code} while counting queries")
        return len(captured)

    counts = {}
    anonymous = Client()
    for path in paths:
        caches["pages"].clear()
        counts[path] = (queries(anonymous, path), queries(anonymous, path))
    member = Client()
    member.force_login(FocalPoint.objects.filter(is_lead=True).select_related("user").first().user)
    for path in signed_in_paths:
        counts[path] = (queries(member, path), queries(member, path))
    return counts


# wrk writes a latency as a number and a unit, padded to a column: "1.02ms", "1.11s " (a trailing
# space when the unit has one letter), "1.50m" past a minute.
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
PERCENTILE = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m|h)\s*$", re.MULTILINE)
# A request still unanswered after this long counts as a timeout: gunicorn's own worker timeout.
WRK_TIMEOUT_SECONDS = 30


class Sample:
    """One wrk run against one address: throughput, latency and what went wrong."""

    def __init__(self, output):
        self.output = output
        self.load = os.getloadavg()[0]  # the machine's 1-minute load average as the run ends
        rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
        self.rate = float(rate.group(1)) if rate else 0.0
        found = re.search(r"(\d+) requests in", output)
        self.requests = int(found.group(1)) if found else 0
        found = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        self.non_2xx = int(found.group(1)) if found else 0
        found = re.search(r"Socket errors: (.*)", output)
        counts = re.findall(r"(\w+) (\d+)", found.group(1)) if found else []
        self.socket_errors = {kind: int(count) for kind, count in counts if int(count)}
        percentiles = {p: float(number) * UNITS[unit] for p, number, unit in PERCENTILE.findall(output)}
        if self.requests <= self.socket_errors.get("timeout", 0):
            percentiles = {}  # nothing answered in time: wrk's "0.00us" is no latency, the failures say why
        self.p50, self.p99 = percentiles.get("50"), percentiles.get("99")

    @property
    def failures(self):
        return self.non_2xx + sum(self.socket_errors.values())


def wrk(url, options):
    """One wrk run of `url` at the fixed concurrency."""
    command = [
        "wrk",
        f"--threads={options.threads}",
        f"--connections={options.connections}",
        f"--duration={options.seconds}s",
        f"--timeout={WRK_TIMEOUT_SECONDS}s",
        "--latency",
        url,
    ]
    return Sample(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


class Result:
    """The rounds of one address: medians of req/s and latency, failures summed over the rounds."""

    def __init__(self, samples):
        self.rate = median(sample.rate for sample in samples)
        self.loads = [sample.load for sample in samples]
        self.p50 = median(sample.p50 for sample in samples)
        self.p99 = median(sample.p99 for sample in samples)
        self.requests = sum(sample.requests for sample in samples)
        self.non_2xx = sum(sample.non_2xx for sample in samples)
        self.socket_errors = {}
        for sample in samples:
            for kind, count in sample.socket_errors.items():
                self.socket_errors[kind] = self.socket_errors.get(kind, 0) + count
        self.failed_outputs = [sample.output for sample in samples if sample.failures]

    @property
    def failures(self):
        return self.non_2xx + sum(self.socket_errors.values())

    def failures_text(self):
        parts = [f"{self.non_2xx} non-2xx"] if self.non_2xx else []
        parts += [f"{count} {kind}" for kind, count in self.socket_errors.items()]
        return ", ".join(parts) or "0"


def milliseconds(value):
    return "–" if value is None else f"{value:.2f}"


def drive(environment, options, log):
    """Alternating rounds over the bare view and every page: {path: Result}."""
    targets = [BARE_PATH] + [path for _name, path in PAGES]
    samples = {path: [] for path in targets}
    with Gunicorn(environment, log) as server:
        for path in targets:  # warm each process (and fill the page cache) before measuring
            for _ in range(2 * WORKERS):
                # A page that fails is not skipped: wrk counts its failures, and the results show them.
                with contextlib.suppress(urllib.error.HTTPError):
                    urllib.request.urlopen(server.url(path), timeout=WRK_TIMEOUT_SECONDS).read()
        for _round in range(options.rounds):
            for path in targets:
                samples[path].append(wrk(server.url(path), options))
    return {path: Result(rounds) for path, rounds in samples.items()}


def machine():
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.*)", cpuinfo.read_text())
        model = found.group(1) if found else model
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("[")[0].strip()
    return f"{model}, {os.cpu_count()} CPUs; {platform.platform()}; Python {platform.python_version()}; {wrk_version}"


def markdown(title, header, rows):
    lines = [f"**{title}**", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run (default 5)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds over all targets; medians reported (default 3)")
    parser.add_argument("--connections", type=int, default=8, help="wrk's open connections (default 8)")
    parser.add_argument("--threads", type=int, default=1, help="wrk's threads (default 1)")
    parser.add_argument("--redis", action="store_true", help="keep the caches in a private redis-server")
    parser.add_argument("--page", action="append", metavar="ADDRESS", help="drive only this page (repeatable)")
    options = parser.parse_args()
    if options.page:
        unknown = set(options.page) - {path for _name, path in PAGES}
        if unknown:
            raise SystemExit(f"Not in PAGES: {', '.join(sorted(unknown))}")
        PAGES[:] = [(name, path) for name, path in PAGES if path in options.page]
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: make bench installs it (apt-get install wrk).")

    load_before = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    workdir = Path(tempfile.mkdtemp(prefix="spot-bench-"))
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 - open for the whole run
    database_url = fresh_database(DATABASE)
    redis = RedisServer(workdir) if options.redis else None
    redis_url = redis.start() if redis else None
    try:
        environment = production_environment(database_url, workdir, redis_url)
        os.environ.update(environment)
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        call_command("collectstatic", "--noinput", verbosity=0)

        paths = [path for _name, path in PAGES]
        signed_in_paths = [path for _name, path in SIGNED_IN_PAGES]
        held, counts = {}, {}
        for size in SIZES:
            held[size] = seed(size)
            counts[size] = count_queries(paths, signed_in_paths)

        cached = drive(environment, options, log)
        uncached = drive({**environment, "PAGE_CACHE_SECONDS": "0"}, options, log)
    finally:
        if redis:
            redis.stop()
        log.close()

    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    command = " ".join(["bench/run.py", *sys.argv[1:]])
    where = "Redis" if redis else "process memory + version file"
    print(f"Command: `{command}`  \nMachine: {machine()}  ")
    loads = [load for results in (cached, uncached) for result in results.values() for load in result.loads]
    print(
        f"Load average (1, 5, 15 min) before the runs: {load_before}; after: {load}; "
        f"1-minute load as each wrk run ended: median {statistics.median(loads):.1f}, "
        f"{min(loads):.1f} to {max(loads):.1f}  "
    )
    print(
        f"gunicorn {WORKERS} sync workers, DEBUG off, caches in {where}; "
        f"wrk {options.threads} thread(s), {options.connections} connections, medians of {options.rounds} rounds "
        f"of {options.seconds} s per target, rounds alternating over the targets.  "
    )
    print("Seeded: " + "; ".join(f"{size}: {held[size]}" for size in SIZES) + " (None: the app has no content yet)\n")
    header = ["page", "address", "req/s", "p50 ms", "p99 ms", "× bare", "failed"]
    bare = cached[BARE_PATH]
    rows = [row("bare view", BARE_PATH, bare, bare) + ["", ""]]
    for name, path in PAGES:
        small, full = counts["small"][path], counts["full"][path]
        rows.append(row(name, path, cached[path], bare) + [f"{small[0]} / {full[0]}", f"{small[1]} / {full[1]}"])
    print(
        markdown(
            "Anonymous visitors (page cache on)",
            [*header, "SQL rendered (small / full)", "SQL cached"],
            rows,
        )
    )
    bare = uncached[BARE_PATH]
    rows = [row("bare view", BARE_PATH, bare, bare)]
    rows += [row(name, path, uncached[path], bare) for name, path in PAGES]
    print(markdown("Every page rendered (PAGE_CACHE_SECONDS=0)", header, rows))
    rows = [(name, path, f"{counts['small'][path][0]} / {counts['full'][path][0]}") for name, path in SIGNED_IN_PAGES]
    print(markdown("Signed-in pages (never cached)", ["page", "address", "SQL (small / full)"], rows))
    print_failures("page cache on", cached)
    print_failures("PAGE_CACHE_SECONDS=0", uncached)


def row(name, path, result, bare):
    ratio = f"{result.rate / bare.rate:.2f}" if bare.rate else "–"
    failed = result.failures_text() + (f" of {result.requests}" if result.failures else "")
    return [name, path, f"{result.rate:.0f}", milliseconds(result.p50), milliseconds(result.p99), ratio, failed]


def print_failures(title, results):
    """wrk's own account of every run in which a page failed, so that a failure is read, not hidden."""
    failed = {path: result for path, result in results.items() if result.failures}
    if not failed:
        print(f"No failed request ({title}).\n")
        return
    print(f"**Failed requests ({title})**\n")
    for path, result in failed.items():
        print(f"{path}: {result.failures_text()} of {result.requests} requests. wrk said:\n")
        print("```\n" + result.failed_outputs[0].strip() + "\n```\n")


if __name__ == "__main__":
    main()
