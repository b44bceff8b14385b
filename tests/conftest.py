"""Personas and fast settings shared by every test.

The personas are those of the portal's access rules: an anonymous visitor, a
focal point of one country (a lead), a colleague in the same country, a focal
point of another country, and a member of ESCAP staff with two-factor sign-in.
"""

import importlib
import os
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache, caches
from django.test import Client, TestCase
from django.utils import translation

from focal_points import services
from focal_points.models import FocalPoint
from spot.models import Country, User

# Browser tests drive a live server from the test thread, which Django's async guard would refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "a-long-test-password-42"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests on a live server (the browser's) flush the database, reference data included: they run last.

    pytest-django orders them so, but pytest's own grouping by parametrized fixtures may move them
    earlier afterwards; this runs after both.
    """

    def flushes_the_database(item):
        marker = item.get_closest_marker("django_db")
        transactional = marker is not None and marker.kwargs.get("transaction", False)
        return transactional or {"transactional_db", "live_server"} & set(item.fixturenames)

    items.sort(key=lambda item: bool(flushes_the_database(item)))


@pytest.fixture(autouse=True)
def empty_cache(request):
    """Rate-limit counters and cached pages must not leak between tests (they outlive the test transaction)."""
    uses_database = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(
        request.fixturenames
    )
    if uses_database:
        # Before the test's own database fixture has opened access (autouse fixtures come first).
        with request.getfixturevalue("django_db_blocker").unblock():
            cache.clear()
    caches["pages"].clear()


@pytest.fixture(autouse=True)
def fast_settings(settings, tmp_path_factory, tmp_path):
    # A request to a /fr/ page leaves French active in the thread (LocaleMiddleware does): each test starts in English.
    translation.activate(settings.LANGUAGE_CODE)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The tests' own public content version, apart from a development server's.
    if settings.PUBLIC_CONTENT_VERSION_FILE:
        settings.PUBLIC_CONTENT_VERSION_FILE = str(tmp_path_factory.getbasetemp() / "public-content-version")
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Uploaded files go to a folder of the test's own, never into the project.
    settings.MEDIA_ROOT = tmp_path / "media"
    # A PDF takes a second to render: only the tests of the PDF render one.
    settings.REPORT_PDF_ON_PUBLISH = False


def emails_sent():
    """Run what the block commits to do, such as sending email, when the block ends (as a real commit would)."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def make_user(email, name, **extra):
    return User.objects.create_user(email=email, password=PASSWORD, name=name, **extra)


def make_focal_point(email, name, iso3, *, is_lead=False, agency="Ministry of Social Welfare", **extra):
    user = make_user(email, name)
    FocalPoint.objects.create(
        user=user, country=Country.objects.get(iso3=iso3), agency=agency, is_lead=is_lead, **extra
    )
    return user


def invite(by, country, email, agency="Ministry of Social Welfare", **extra):
    """Send an invitation as `by`; return it with the path of the link in its email."""
    with emails_sent():
        invitation, _ = services.invite_focal_point(
            actor=by, ip="127.0.0.1", email=email, country=country, agency=agency, **extra
        )
    link = re.search(r"/invitations/[^/\s]+/", mail.outbox[-1].body).group(0)
    return invitation, link


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


# The data migrations whose rows a transactional test's flush removes.
def load_countries(apps, schema_editor):
    """The countries as their migrations leave them: 0002's list with 0006's UN M49 codes."""
    countries = importlib.import_module("spot.migrations.0002_countries").COUNTRIES
    m49 = importlib.import_module("spot.migrations.0006_country_m49").M49
    Country.objects.bulk_create(
        Country(iso3=iso3, name=name, subregion=subregion, membership=membership, m49=m49[iso3])
        for iso3, name, subregion, membership in countries
    )


REFERENCE_DATA = [
    ("tests.conftest", "load_countries"),
    ("measures.migrations.0002_reference_data", "load"),
    ("focal_points.migrations.0003_escap_staff_group", "create_group"),
    ("progress_reports.migrations.0002_escap_staff_review_permissions", "grant"),
    ("good_practices.migrations.0002_themes_and_moderation", "load"),
    ("good_practices.migrations.0002_themes_and_moderation", "grant"),
    ("portal.migrations.0001_staff_enter_translations", "grant"),
]


@pytest.fixture
def reference_data(transactional_db):
    """A committed (transactional) database with the reference data an earlier flush removed.

    Django's serialized rollback would do this, but it does not survive Playwright's event loop.
    """
    if not Country.objects.exists():
        for module, function in REFERENCE_DATA:
            getattr(importlib.import_module(module), function)(django_apps, None)


@pytest.fixture
def thailand():
    return Country.objects.get(iso3="THA")


@pytest.fixture
def fiji():
    return Country.objects.get(iso3="FJI")


@pytest.fixture
def focal_point(db):
    """The lead focal point of Thailand."""
    return make_focal_point(
        "lead@social.go.th", "Niran Lead", "THA", is_lead=True, agency="Ministry of Social Development"
    )


@pytest.fixture
def colleague(db):
    """A focal point of Thailand who is not the lead."""
    return make_focal_point("colleague@sso.go.th", "Ploy Colleague", "THA", agency="Social Security Office")


@pytest.fixture
def other_focal_point(db):
    """The lead focal point of another country (Fiji)."""
    return make_focal_point(
        "lead@welfare.gov.fj", "Mere Other", "FJI", is_lead=True, agency="Ministry of Women and Social Protection"
    )


@pytest.fixture
def staff(db):
    """A member of ESCAP staff, in the staff group, with two-factor sign-in set up."""
    user = make_user("officer@escap.example.org", "Dana Staff", is_staff=True)
    user.groups.add(Group.objects.get(name="ESCAP staff"))
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def anonymous_client():
    return Client()


@pytest.fixture
def focal_point_client(focal_point):
    return signed_in(focal_point)


@pytest.fixture
def colleague_client(colleague):
    return signed_in(colleague)


@pytest.fixture
def other_client(other_focal_point):
    return signed_in(other_focal_point)


@pytest.fixture
def staff_client(staff):
    return signed_in(staff)


@pytest.fixture
def superuser_client(staff, client):
    """Staff with every permission, as in the admin."""
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    return client
