"""The documented production environment: clean deployment checks, security headers, cookies."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent.parent
PRODUCTION_ENV = PROJECT / "production.env.example"

# Asked for inside the production settings, without a database (the about page reads none).
SHOW_HEADERS = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
# collectstatic has not run here: name static files as development does.
development = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
settings.STORAGES = {**settings.STORAGES, "staticfiles": development}
client = Client()
response = client.get("/about/", secure=True, HTTP_HOST="spot.example.org")
print(json.dumps({
    "status": response.status_code,
    "headers": dict(response.items()),
    "plain_http": client.get("/about/", HTTP_HOST="spot.example.org").status_code,
    "session_cookie": [
        settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY, settings.SESSION_COOKIE_SAMESITE
    ],
    "csrf_cookie": [settings.CSRF_COOKIE_SECURE, settings.CSRF_COOKIE_HTTPONLY, settings.CSRF_COOKIE_SAMESITE],
    "storage": settings.STORAGES["default"]["BACKEND"],
    "caches": sorted(cache["BACKEND"] for cache in settings.CACHES.values()),
}))
"""


def production_environment(tmp_path, **overrides):
    documented = {}
    for line in PRODUCTION_ENV.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            documented[name] = value
    documented["SECRET_KEY"] = secrets.token_urlsafe(50)
    # Each test process keeps its own version file; nothing here reaches the documented hosts.
    documented["PUBLIC_CONTENT_VERSION_FILE"] = str(tmp_path / "version")
    # Nothing of the test run's own environment (DEBUG, the database, async escapes) leaks in.
    machine = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    return {**machine, **documented, **overrides, "DJANGO_SETTINGS_MODULE": "spot.settings"}


def run(command, environment):
    return subprocess.run(command, cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=120)


def test_it_passes_the_deployment_checks_in_the_documented_production_environment(tmp_path):
    environment = production_environment(tmp_path)
    result = run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], environment)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_it_fails_the_deployment_checks_in_development_settings(tmp_path):
    environment = production_environment(tmp_path, DEBUG="true", HTTPS="false")
    result = run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], environment)
    assert result.returncode != 0
    assert "security.W018" in result.stderr  # DEBUG on


@pytest.fixture
def production_answer(tmp_path):
    # The documented Redis host does not exist here: the portal must still answer, from a degraded cache.
    result = run(
        [sys.executable, "-c", SHOW_HEADERS], production_environment(tmp_path, REDIS_URL="redis://127.0.0.1:9/0")
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_it_sends_the_security_headers_in_production(production_answer):
    headers = production_answer["headers"]
    assert production_answer["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_it_redirects_plain_http_to_https_in_production(production_answer):
    assert production_answer["plain_http"] == 301


def test_it_sends_cookies_only_over_https_hidden_from_scripts_and_same_site(production_answer):
    assert production_answer["session_cookie"] == [True, True, "Lax"]
    assert production_answer["csrf_cookie"] == [True, True, "Lax"]


def test_it_keeps_uploads_in_object_storage_and_caches_in_redis_when_configured(production_answer):
    assert production_answer["storage"] == "storages.backends.s3.S3Storage"
    assert production_answer["caches"] == ["spot.caches.ResilientRedisCache"] * 2


def test_it_keeps_uploads_on_disk_without_a_bucket(settings):
    from django.core.files.storage import default_storage

    assert "AWS_STORAGE_BUCKET_NAME" not in os.environ
    assert default_storage.__class__.__name__ == "FileSystemStorage"
    assert Path(default_storage.location) == Path(settings.MEDIA_ROOT)
