"""Fault drills: PostgreSQL restarting under load, and Redis going away.

    make faults            # or: .venv/bin/python bench/faults.py [--seconds 20]

1. PostgreSQL restarts during a wrk run. A throwaway PostgreSQL server (the embedded
   package's, in a temporary directory, so no one else's database is touched) serves
   the portal under gunicorn in production mode, with the page cache off so that every
   request needs the database. While wrk drives the country page, a prober asks every
   public page and /healthz every 100 ms; a few seconds in, the server is restarted with
   `pg_ctl restart -m fast`, which cuts every open connection. The drill shows which
   requests failed, and how long after PostgreSQL accepted connections again every page
   answered 200 (Django's CONN_HEALTH_CHECKS replaces the dead connections).

2. Redis stops and starts. With a private redis-server as the cache, the public pages are
   asked while it runs, while it is stopped, and after it is back: they must answer 200
   all along (rendered afresh while Redis is away), and /healthz must say 503 meanwhile.

Exits with an error when the portal does not recover within `--recovery` seconds.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench.run import PAGES  # noqa: E402
from bench.servers import Gunicorn, RedisServer, ThrowawayPostgres, fresh_database, production_environment  # noqa: E402

PROBED = [path for _name, path in PAGES] + ["/healthz"]


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return "no answer"


class Prober(threading.Thread):
    """Asks every probed page every `interval` seconds; keeps (time, path, status)."""

    def __init__(self, server, interval=0.1):
        super().__init__(daemon=True)
        self.server = server
        self.interval = interval
        self.answers = []
        self.running = True

    def run(self):
        while self.running:
            for path in PROBED:
                self.answers.append((time.monotonic(), path, status_of(self.server.url(path))))
            time.sleep(self.interval)

    def stop(self):
        self.running = False
        self.join()


def prepare(environment):
    """Migrate and seed the drill's database in a child process (this one never connects to it)."""
    script = "import django; django.setup(); from django.core.management import call_command; "
    script += "call_command('migrate', verbosity=0); from bench.seed import seed; seed('small')"
    subprocess.run([sys.executable, "-c", script], cwd=PROJECT, env=environment, check=True)


def database_restart_drill(workdir, log, seconds, recovery):
    print("## PostgreSQL restarts under load\n")
    with ThrowawayPostgres(workdir / "postgres") as postgres:
        database_url = fresh_database("spot", server_url=postgres.url("postgres"))
        environment = production_environment(database_url, workdir, PAGE_CACHE_SECONDS="0")
        prepare(environment)
        with Gunicorn(environment, log) as server:
            load = subprocess.Popen(
                ["wrk", "--threads=1", "--connections=8", f"--duration={seconds}s", server.url("/countries/tha/")],
                stdout=subprocess.PIPE,
                text=True,
            )
            prober = Prober(server)
            started = time.monotonic()
            prober.start()
            time.sleep(seconds / 4)
            restart_began = time.monotonic()
            postgres.restart()
            back_up = time.monotonic()
            load_output, _ = load.communicate()
            prober.stop()

    failures = [(at, path, status) for at, path, status in prober.answers if status != 200]
    last_failure = max((at for at, _path, _status in failures), default=None)
    print(f"- wrk drove /countries/tha/ (page cache off) for {seconds} s with 8 connections.")
    print(
        f"- PostgreSQL restart (pg_ctl restart -m fast) began at {restart_began - started:.1f} s; "
        f"it accepted connections again at {back_up - started:.1f} s ({back_up - restart_began:.1f} s down)."
    )
    print(
        f"- The prober asked {len(PROBED)} addresses every 100 ms: {len(prober.answers)} answers, "
        f"{len(failures)} not 200: {summarize(failures, started)}"
    )
    rounds = [prober.answers[i : i + len(PROBED)] for i in range(0, len(prober.answers), len(PROBED))]
    healthy_rounds = [r[-1][0] for r in rounds if r[0][0] >= back_up and all(status == 200 for _at, _p, status in r)]
    if not healthy_rounds:
        print("- No full round of 200s after PostgreSQL was back.")
        return False
    recovered_after = healthy_rounds[0] - back_up
    if last_failure is not None:
        print(f"- Last failed probe at {last_failure - started:.1f} s.")
    print(
        f"- First full round of 200s on every page and /healthz after PostgreSQL was back: "
        f"{recovered_after:.2f} s after it accepted connections."
    )
    print("\nwrk's own account of the run:\n")
    print("```\n" + load_output.strip() + "\n```\n")
    return recovered_after <= recovery


def summarize(failures, started):
    if not failures:
        return "none."
    by_status = {}
    for at, _path, status in failures:
        by_status.setdefault(status, []).append(at - started)
    return "; ".join(
        f"{len(times)} × {status} between {min(times):.1f} s and {max(times):.1f} s"
        for status, times in by_status.items()
    )


def redis_outage_drill(workdir, log):
    print("## Redis stops and starts\n")
    database_url = fresh_database("spot_faults")
    redis = RedisServer(workdir)
    redis.start()
    environment = production_environment(database_url, workdir, redis.url)
    prepare(environment)
    healthy = True
    try:
        with Gunicorn(environment, log) as server:
            for phase in ("Redis running", "Redis stopped", "Redis started again"):
                if phase == "Redis stopped":
                    redis.stop()
                elif phase == "Redis started again":
                    redis.start()
                statuses = {path: [status_of(server.url(path)) for _ in range(3)] for path in PROBED}
                pages = [status for path, answers in statuses.items() if path != "/healthz" for status in answers]
                health = statuses["/healthz"]
                print(f"- {phase}: public pages {summary_counts(pages)}; /healthz {summary_counts(health)}")
                expected_health = 503 if phase == "Redis stopped" else 200
                healthy &= all(status == 200 for status in pages) and all(s == expected_health for s in health)
    finally:
        redis.stop()
    print()
    return healthy


def summary_counts(statuses):
    counts = {}
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    return ", ".join(f"{count} × {status}" for status, count in counts.items())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=20, help="length of the wrk run (default 20)")
    parser.add_argument("--recovery", type=float, default=5, help="seconds allowed to recover (default 5)")
    options = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="spot-faults-"))
    os.environ.pop("DJANGO_SETTINGS_MODULE", None)
    with open(workdir / "gunicorn.log", "w") as log:
        recovered = database_restart_drill(workdir, log, options.seconds, options.recovery)
        degraded_gracefully = redis_outage_drill(workdir, log)
    print(f"Server log: {workdir / 'gunicorn.log'}")
    if not (recovered and degraded_gracefully):
        raise SystemExit("The portal did not recover as it should: see above.")


if __name__ == "__main__":
    main()
