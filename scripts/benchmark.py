"""Measure the public pages: SQL queries as the data grows, and throughput and latency under load.

Runs against a database of its own (`spot_benchmark`) on the configured server, so it never
touches the portal's data. Traffic goes only to 127.0.0.1, in bounded rounds.

    make benchmark            # or: DEBUG=true .venv/bin/python scripts/benchmark.py [--seconds 5] [--runs 3]
"""

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spot.settings")
os.environ.setdefault("DEBUG", "true")

PAGES = ["/", "/measures/", "/measures/7/", "/countries/", "/countries/tha/"]
DATA_SIZES = [0, 200, 2000]


def benchmark_database_url():
    import psycopg2

    # Read the address as the settings do, without importing them (which would fix the database).
    from spot.embedded_db import embedded_database_url

    base = urlsplit(os.environ.get("DATABASE_URL") or embedded_database_url())
    connection = psycopg2.connect(base._replace(path="/postgres").geturl())
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("DROP DATABASE IF EXISTS spot_benchmark")
        cursor.execute("CREATE DATABASE spot_benchmark")
    connection.close()
    return base._replace(path="/spot_benchmark").geturl()


def grow_focal_points(total):
    """Add focal points (spread over every country) until there are `total`."""
    from focal_points.models import FocalPoint
    from spot.models import Country, User

    countries = list(Country.objects.all())
    existing = FocalPoint.objects.count()
    users = User.objects.bulk_create(
        User(email=f"person{n}@benchmark.example.org", name=f"Person {n}") for n in range(existing, total)
    )
    FocalPoint.objects.bulk_create(
        FocalPoint(
            user=user,
            country=countries[n % len(countries)],
            agency=f"Agency {n % 7}",
            listed_publicly=n % 2 == 0,
        )
        for n, user in enumerate(users, start=existing)
    )


def query_counts():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from focal_points.models import FocalPoint

    rows = []
    for size in DATA_SIZES:
        grow_focal_points(size)
        client = Client()
        counts = []
        for page in PAGES:
            with CaptureQueriesContext(connection) as queries:
                client.get(page, HTTP_HOST="127.0.0.1")
            counts.append(len(queries))
        signed_in = Client()
        member = FocalPoint.objects.select_related("user").first()
        if member:
            signed_in.force_login(member.user)
            with CaptureQueriesContext(connection) as queries:
                signed_in.get("/network/", HTTP_HOST="127.0.0.1")
            counts.append(len(queries))
        else:
            counts.append("-")
        rows.append((size, counts))
    return rows


def load(url, seconds, threads):
    """Send requests from `threads` clients for `seconds`; return (requests per second, p50 ms, p95 ms)."""
    latencies, errors = [], []
    deadline = time.monotonic() + seconds

    def client():
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    response.read()
            except Exception as error:  # a failed request is counted, not hidden
                errors.append(error)
                continue
            latencies.append((time.perf_counter() - started) * 1000)

    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if errors:
        raise SystemExit(f"{len(errors)} requests to {url} failed, first: {errors[0]}")
    latencies.sort()
    return len(latencies) / seconds, statistics.median(latencies), latencies[int(len(latencies) * 0.95) - 1]


def throughput(database_url, seconds, runs, threads):
    environment = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-secret-key",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
    }
    python = sys.executable
    subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=PROJECT, env=environment, check=True)
    server = subprocess.Popen(
        [str(Path(python).parent / "gunicorn"), "spot.wsgi", "--workers", "2", "--bind", "127.0.0.1:8765"],
        cwd=PROJECT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen("http://127.0.0.1:8765/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        rows = []
        for page in PAGES:
            results = [load("http://127.0.0.1:8765" + page, seconds, threads) for _ in range(runs)]
            rows.append((page, *(statistics.median(column) for column in zip(*results, strict=True))))
        return rows
    finally:
        server.terminate()
        server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5, help="length of each load round (default 5)")
    parser.add_argument("--runs", type=int, default=3, help="rounds per page; medians are reported (default 3)")
    parser.add_argument("--threads", type=int, default=8, help="concurrent clients (default 8)")
    options = parser.parse_args()

    database_url = benchmark_database_url()
    os.environ["DATABASE_URL"] = database_url
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)

    print("SQL queries per page as focal points grow (the last column is /network/, signed in)")
    print("focal points | " + " | ".join(PAGES + ["/network/"]))
    for size, counts in query_counts():
        print(f"{size:>12} | " + " | ".join(str(count) for count in counts))

    print(
        f"\nThroughput with gunicorn (2 workers, DEBUG off), {options.threads} clients, "
        f"medians of {options.runs} rounds of {options.seconds:g} s, {DATA_SIZES[-1]} focal points"
    )
    print("page | requests/s | p50 ms | p95 ms")
    for page, rate, p50, p95 in throughput(database_url, options.seconds, options.runs, options.threads):
        print(f"{page} | {rate:.0f} | {p50:.1f} | {p95:.1f}")


if __name__ == "__main__":
    main()
