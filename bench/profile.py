"""Where an uncached public page spends its time: cProfile over pages rendered in-process.

    .venv/bin/python bench/profile.py [--requests 30] [--top 12] [path ...]

Uses the benchmark's database (`spot_bench`, seeded at the full size by `make bench`), production
settings with the page cache off, and Django's test client (no server, no network). For each page it
prints the median wall time of a request over `--requests` runs, then cProfile's top functions by
cumulative and by own time over the same number of requests.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench.servers import production_environment  # noqa: E402

PAGES = ["/", "/countries/tha/", "/reports/tha/bench-1/"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=PAGES)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--top", type=int, default=12)
    options = parser.parse_args()

    base = urlsplit(os.environ["DATABASE_URL"])
    database_url = base._replace(path="/spot_bench").geturl()
    environment = production_environment(database_url, Path(tempfile.mkdtemp(prefix="spot-profile-")))
    os.environ.update({**environment, "PAGE_CACHE_SECONDS": "0", "LOG_LEVEL": "WARNING"})
    import django

    django.setup()
    from django.test import Client

    client = Client()
    for path in options.paths:
        for _ in range(3):  # warm: templates compiled, connections open, addresses reversed
            assert client.get(path).status_code == 200, path
        timings = []
        for _ in range(options.requests):
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(options.requests):
            client.get(path)
        profiler.disable()
        output = io.StringIO()
        stats = pstats.Stats(profiler, stream=output)
        calls = stats.total_calls // options.requests
        print(f"## {path}: {statistics.median(timings):.1f} ms a request (median of {options.requests}), {calls} calls")
        stats.sort_stats("cumulative").print_stats(options.top)
        stats.sort_stats("tottime").print_stats(options.top)
        print("\n".join(line for line in output.getvalue().splitlines() if line.strip())[:6000])


if __name__ == "__main__":
    main()
