"""The load benchmark: every public page against a bare Django view, under gunicorn in production mode.

    make bench
    .venv/bin/python bench/run.py [--seconds 5] [--rounds 3] [--connections 8] [--redis]

Seeds a database of its own (`spot_bench`, on the configured PostgreSQL server) with the
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
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench import BARE_PATH  # noqa: E402
from bench.seed import SIZES, seed  # noqa: E402
from bench.servers import WORKERS, Gunicorn, RedisServer, fresh_database, production_environment  # noqa: E402

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
    ("open data", "/data/"),
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


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def wrk(url, options):
    """Requests per second, p50 and p99 latency (ms) of `url` under wrk at the fixed concurrency."""
    command = [
        "wrk",
        f"--threads={options.threads}",
        f"--connections={options.connections}",
        f"--duration={options.seconds}s",
        "--latency",
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    failures = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    if failures or (errors and re.search(r"[1-9]", errors.group(1))):
        raise SystemExit(f"{url} failed under load:\n{output}")
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", output, re.MULTILINE))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return rate, milliseconds(percentiles["50"]), milliseconds(percentiles["99"])


def drive(environment, options, log):
    """Medians of alternating rounds over the bare view and every page: {path: (req/s, p50, p99)}."""
    targets = [BARE_PATH] + [path for _name, path in PAGES]
    samples = {path: [] for path in targets}
    with Gunicorn(environment, log) as server:
        for path in targets:  # warm each process (and fill the page cache) before measuring
            for _ in range(2 * WORKERS):
                urllib.request.urlopen(server.url(path), timeout=10).read()
        for _round in range(options.rounds):
            for path in targets:
                samples[path].append(wrk(server.url(path), options))
    return {
        path: tuple(statistics.median(column) for column in zip(*rounds, strict=True))
        for path, rounds in samples.items()
    }


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
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: make bench installs it (apt-get install wrk).")

    workdir = Path(tempfile.mkdtemp(prefix="spot-bench-"))
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 - open for the whole run
    database_url = fresh_database("spot_bench")
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

    command = " ".join(["bench/run.py", *sys.argv[1:]])
    where = "Redis" if redis else "process memory + version file"
    print(f"Command: `{command}`  \nMachine: {machine()}  ")
    print(
        f"gunicorn {WORKERS} sync workers, DEBUG off, caches in {where}; "
        f"wrk {options.threads} thread(s), {options.connections} connections, medians of {options.rounds} rounds "
        f"of {options.seconds} s per target, rounds alternating over the targets.  "
    )
    print("Seeded: " + "; ".join(f"{size}: {held[size]}" for size in SIZES) + " (None: the app has no content yet)\n")
    bare_rate = cached[BARE_PATH][0]
    bare_uncached = uncached[BARE_PATH][0]
    rows = [("bare view", BARE_PATH, f"{bare_rate:.0f}", *(f"{v:.2f}" for v in cached[BARE_PATH][1:]), "1.00", "", "")]
    for name, path in PAGES:
        rate, p50, p99 = cached[path]
        small, full = counts["small"][path], counts["full"][path]
        rows.append(
            (
                name,
                path,
                f"{rate:.0f}",
                f"{p50:.2f}",
                f"{p99:.2f}",
                f"{rate / bare_rate:.2f}",
                f"{small[0]} / {full[0]}",
                f"{small[1]} / {full[1]}",
            )
        )
    print(
        markdown(
            "Anonymous visitors (page cache on)",
            ["page", "address", "req/s", "p50 ms", "p99 ms", "× bare", "SQL rendered (small / full)", "SQL cached"],
            rows,
        )
    )
    rows = [("bare view", BARE_PATH, f"{bare_uncached:.0f}", *(f"{v:.2f}" for v in uncached[BARE_PATH][1:]), "1.00")]
    for name, path in PAGES:
        rate, p50, p99 = uncached[path]
        rows.append((name, path, f"{rate:.0f}", f"{p50:.2f}", f"{p99:.2f}", f"{rate / bare_uncached:.2f}"))
    print(
        markdown(
            "Every page rendered (PAGE_CACHE_SECONDS=0)",
            ["page", "address", "req/s", "p50 ms", "p99 ms", "× bare"],
            rows,
        )
    )
    rows = [(name, path, f"{counts['small'][path][0]} / {counts['full'][path][0]}") for name, path in SIGNED_IN_PAGES]
    print(markdown("Signed-in pages (never cached)", ["page", "address", "SQL (small / full)"], rows))


if __name__ == "__main__":
    main()
