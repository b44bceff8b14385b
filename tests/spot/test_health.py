"""/healthz tells a load balancer whether this server can answer, without details."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from pytest_django.asserts import assertContains

PROJECT = Path(__file__).resolve().parent.parent.parent

pytestmark = pytest.mark.django_db


def test_it_answers_ok_when_the_database_and_the_caches_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "no-store" in response["Cache-Control"]


def test_it_answers_for_any_host_name(client):
    assert client.get("/healthz", HTTP_HOST="10.0.0.7").status_code == 200


def test_it_is_not_logged_as_a_request(client, caplog):
    with caplog.at_level("INFO", logger="spot.requests"):
        client.get("/healthz")
        client.get("/about/")
    assert [record.getMessage().split(" ")[1] for record in caplog.records] == ["/about/"]


def test_it_answers_503_without_details_when_the_database_fails(client, monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise OperationalError("connection to server at 10.1.2.3 failed: password authentication failed")

    monkeypatch.setattr("spot.health.connection.cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable\n"
    assert b"10.1.2.3" not in response.content
    assert "Health check database failed" in caplog.text


def test_it_answers_503_when_the_cache_keeps_nothing(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    assert client.get("/healthz").status_code == 503


def test_it_refuses_other_methods(client):
    assert client.post("/healthz").status_code == 405


def test_it_answers_503_when_the_database_server_is_down():
    """A real refusal: a database address where no server listens."""
    script = (
        "import django; django.setup(); from django.test import Client; "
        "response = Client().get('/healthz'); print(response.status_code, response.content.decode().strip())"
    )
    environment = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/spot",
        "DJANGO_SETTINGS_MODULE": "spot.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "503 unavailable"


def test_it_answers_a_page_with_503_and_retry_after_while_the_database_is_away(client, monkeypatch, caplog):
    def unreachable(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("spot.models.CountryQuerySet.by_subregion", unreachable)
    response = client.get("/countries/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assertContains(response, "The portal is briefly unavailable", status_code=503)
    assert "server closed the connection" not in response.content.decode()
    assert "Database unavailable for GET /countries/" in caplog.text
    # Not kept by the page cache either.
    monkeypatch.undo()
    assert client.get("/countries/").status_code == 200
