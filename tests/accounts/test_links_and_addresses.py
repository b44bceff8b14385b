"""Emailed links come from SITE_URL; behind proxies, the client's own address counts."""

import pytest
from django.core import mail
from django.test import Client

from spot.audit import AccountAction
from spot.models import AuditEvent
from tests.conftest import PASSWORD, make_focal_point

pytestmark = pytest.mark.django_db


def test_it_builds_the_password_reset_link_from_site_url_whatever_the_host_header(client, focal_point, settings):
    settings.ALLOWED_HOSTS = ["*"]
    settings.SITE_URL = "https://spot.example.org"
    client.post("/accounts/password/reset/", {"email": focal_point.email}, HTTP_HOST="attacker.example.net")
    body = mail.outbox[0].body
    assert "https://spot.example.org/accounts/password/reset/key/" in body
    assert "attacker.example.net" not in body


def test_it_builds_the_unknown_account_email_from_site_url_too(client, settings):
    settings.ALLOWED_HOSTS = ["*"]
    settings.SITE_URL = "https://spot.example.org"
    client.post("/accounts/password/reset/", {"email": "nobody@m.go.th"}, HTTP_HOST="attacker.example.net")
    assert "attacker.example.net" not in mail.outbox[0].body


def sign_in_through_proxy(email, password, client_address):
    """A request as the proxy forwards it: the connection is the proxy's, the client in X-Forwarded-For."""
    return Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=client_address).post(
        "/accounts/login/", {"login": email, "password": password}
    )


def test_it_records_the_client_behind_a_trusted_proxy_in_the_audit_log(focal_point, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    sign_in_through_proxy(focal_point.email, PASSWORD, "203.0.113.5")
    assert AuditEvent.objects.get(action=AccountAction.SIGNED_IN).ip_address == "203.0.113.5"


def test_it_ignores_a_forwarded_address_the_client_forged_in_front_of_the_proxy(focal_point, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    sign_in_through_proxy(focal_point.email, PASSWORD, "1.2.3.4, 203.0.113.5")
    assert AuditEvent.objects.get(action=AccountAction.SIGNED_IN).ip_address == "203.0.113.5"


def test_it_does_not_lock_everyone_out_when_one_client_behind_the_proxy_fails_often(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    # Ten failures from one client, on ten accounts (so that no account limit is reached).
    for number in range(11):
        make_focal_point(f"person{number}@m.go.th", f"Person {number}", "THA")
        sign_in_through_proxy(f"person{number}@m.go.th", "wrong password", "203.0.113.66")
    refused = sign_in_through_proxy("person0@m.go.th", PASSWORD, "203.0.113.66")
    assert "Too many failed login attempts" in refused.content.decode()
    # Another person behind the same proxy signs in.
    assert sign_in_through_proxy("person1@m.go.th", PASSWORD, "198.51.100.20").status_code == 302


def test_it_answers_a_forwarded_list_shorter_than_the_trusted_proxies_without_an_error(focal_point, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    response = sign_in_through_proxy(focal_point.email, PASSWORD, "203.0.113.5")
    assert response.status_code == 302
