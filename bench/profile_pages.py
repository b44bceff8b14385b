"""Where an uncached public page spends its time: cProfile over pages rendered in-process.

(Not `profile.py`: run as a script, that name would hide the standard library's `profile`, which cProfile imports.)

    .venv/bin/python bench/profile_pages.py [--requests 30] [--top 12] [path ...]

Uses the benchmark's database (`spot_bench` or `BENCH_DATABASE`, seeded at the full size by `make bench`), production
settings with the page cache off, and Django's test client (no server, no network). For each page it
prints the median wall time of a request over `--requests` runs, then cProfile's top functions by
cumulative and by own time over the same number of requests.
"""

import argparse
import cProfile
import io
import os
import pstats
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench.servers import DATABASE, production_environment  # noqa: E402

PAGES = ["/", "/countries/tha/", "/reports/tha/bench-1/"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=PAGES)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--top", type=int, default=12)
    options = parser.parse_args()

    base = urlsplit(os.environ["DATABASE_URL"])
    database_url = base._replace(path=f"/{DATABASE}").geturl()
    environment = production_environment(database_url, Path(tempfile.mkdtemp(prefix="spot-profile-")))
    os.environ.update({**environment, "PAGE_CACHE_SECONDS": "0", "LOG_LEVEL": "WARNING"})
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("collectstatic", "--noinput", verbosity=0)  # the manifest production's pages link through

    client = Client()
    for path in options.paths:
        for _ in range(3):  # warm: templates compiled, connections open, addresses reversed
            assert client.get(path).status_code == 200, path
        timings, sql = [], []
        for _ in range(options.requests):
            with SqlTimer() as timer:
                start = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
            sql.append(timer)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(options.requests):
            client.get(path)
        profiler.disable()
        output = io.StringIO()
        stats = pstats.Stats(profiler, stream=output)
        calls = stats.total_calls // options.requests
        print(
            f"## {path}: {statistics.median(timings):.1f} ms a request (median of {options.requests}), "
            f"{statistics.median(timer.milliseconds for timer in sql):.1f} ms of it in {sql[0].queries} SQL queries; "
            f"{calls} Python calls"
        )
        # The portal's own functions by cumulative time (where the time goes), then everything by own time.
        stats.sort_stats("cumulative").print_stats(rf"^{re.escape(str(PROJECT))}/(?!\.venv)", options.top)
        stats.sort_stats("tottime").print_stats(options.top)
        text = output.getvalue().replace(str(PROJECT / ".venv" / "lib"), "").replace(str(PROJECT) + "/", "")
        print("\n".join(line for line in text.splitlines() if line.strip() and "function calls" not in line))


class SqlTimer:
    """The number of SQL queries run inside the block and the time they took."""

    def __enter__(self):
        from django.db import connection

        self.queries, self.milliseconds = 0, 0.0
        self.wrapper = connection.execute_wrapper(self)
        self.wrapper.__enter__()
        return self

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries += 1
            self.milliseconds += (time.perf_counter() - start) * 1000

    def __exit__(self, *exc):
        self.wrapper.__exit__(*exc)


if __name__ == "__main__":
    main()
