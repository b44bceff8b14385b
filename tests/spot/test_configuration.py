"""Configuration comes from the environment through strict helpers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from spot.env import env_bool, env_int, env_list

PROJECT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.parametrize("raw, expected", [("true", True), ("YES", True), ("1", True), ("off", False), ("0", False)])
def test_it_reads_booleans(monkeypatch, raw, expected):
    monkeypatch.setenv("SPOT_FLAG", raw)
    assert env_bool("SPOT_FLAG", not expected) is expected


def test_it_refuses_an_unknown_boolean(monkeypatch):
    monkeypatch.setenv("SPOT_FLAG", "ture")
    with pytest.raises(ImproperlyConfigured, match="SPOT_FLAG='ture' is not a boolean"):
        env_bool("SPOT_FLAG", False)


def test_it_uses_the_default_for_an_unset_value(monkeypatch):
    monkeypatch.delenv("SPOT_FLAG", raising=False)
    assert env_bool("SPOT_FLAG", True) is True
    assert env_int("SPOT_FLAG", 7) == 7
    assert env_list("SPOT_FLAG", ["a"]) == ["a"]


def test_it_refuses_a_non_integer(monkeypatch):
    monkeypatch.setenv("SPOT_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="not an integer"):
        env_int("SPOT_NUMBER", 1)


def test_it_splits_lists_on_commas(monkeypatch):
    monkeypatch.setenv("SPOT_HOSTS", " spot.example.org, www.spot.example.org ,")
    assert env_list("SPOT_HOSTS") == ["spot.example.org", "www.spot.example.org"]


def run_settings(**environment):
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECRET_KEY"}}
    env.update(environment)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=PROJECT,
        env={**env, "DJANGO_SETTINGS_MODULE": "spot.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_refuses_to_start_in_production_without_a_secret_key():
    result = run_settings(DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_it_starts_in_production_with_a_secret_key():
    result = run_settings(DEBUG="false", SECRET_KEY="a-real-secret-for-this-test")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_it_refuses_a_database_that_is_not_postgresql():
    result = run_settings(DEBUG="true", DATABASE_URL="sqlite:///spot.db")
    assert result.returncode != 0
    assert "DATABASE_URL must point to a PostgreSQL database" in result.stderr
