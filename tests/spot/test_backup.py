"""`make backup` then `make restore` into an empty database gives the same rows and the same files."""

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg2
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection

from spot.backup import row_counts
from tests.conftest import make_focal_point

PROJECT = Path(__file__).resolve().parent.parent.parent


def database_url(settings_dict, name):
    user = quote(settings_dict.get("USER") or "")
    password = quote(settings_dict.get("PASSWORD") or "")
    host = settings_dict.get("HOST")
    if host:
        return f"postgres://{user}:{password}@{host}:{settings_dict.get('PORT') or 5432}/{name}"
    return f"postgres://{user}:{password}@/{name}?host={settings_dict['OPTIONS']['host']}"


@pytest.fixture
def empty_database():
    """A new database beside the test database, dropped afterwards."""
    settings_dict = connection.settings_dict
    name = f"{settings_dict['NAME']}_restore"
    admin = psycopg2.connect(database_url(settings_dict, "postgres"))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield database_url(settings_dict, name)
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    storage = storages["default"]
    storage.save("practices/2026/evaluation.pdf", ContentFile(b"%PDF-1.7 " + os.urandom(2048)))
    storage.save("reports/tha/annex.xlsx", ContentFile(os.urandom(4096)))
    return settings.MEDIA_ROOT


def restore(url, backup, media_root):
    environment = {**os.environ, "DEBUG": "true", "DATABASE_URL": url, "MEDIA_ROOT": str(media_root)}
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(backup)],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_restores_the_same_rows_and_files_into_an_empty_database(reference_data, uploads, empty_database, tmp_path):
    make_focal_point("lead@social.go.th", "Niran Lead", "THA", is_lead=True)
    make_focal_point("lead@welfare.gov.fj", "Mere Other", "FJI", is_lead=True)
    call_command("backup", into=tmp_path / "backups")
    [backup] = (tmp_path / "backups").iterdir()
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["tables"] == row_counts()
    assert manifest["tables"]["focal_points_focalpoint"] == 2
    assert manifest["tables"]["spot_country"] == 62
    assert sorted(manifest["files"]) == ["practices/2026/evaluation.pdf", "reports/tha/annex.xlsx"]

    result = restore(empty_database, backup, tmp_path / "restored-media")

    assert result.returncode == 0, result.stderr
    assert "the same as the backup's manifest.json" in result.stdout
    restored = psycopg2.connect(empty_database)
    with restored.cursor() as cursor:
        for table, rows in manifest["tables"].items():
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            assert cursor.fetchone()[0] == rows, table
        cursor.execute("SELECT email FROM spot_user ORDER BY email")
        assert [row[0] for row in cursor.fetchall()] == ["lead@social.go.th", "lead@welfare.gov.fj"]
    restored.close()
    for name in manifest["files"]:
        assert filecmp.cmp(uploads / name, tmp_path / "restored-media" / name, shallow=False)


def test_it_refuses_to_restore_into_a_database_that_has_tables(reference_data, tmp_path):
    call_command("backup", into=tmp_path / "backups")
    [backup] = (tmp_path / "backups").iterdir()
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(backup))


def test_it_says_when_a_directory_is_not_a_backup(reference_data, tmp_path):
    with pytest.raises(CommandError, match="is not a backup"):
        call_command("restore", str(tmp_path))
