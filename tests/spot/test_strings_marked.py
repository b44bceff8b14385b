"""Every word of the interface goes through the catalogues: pages in a pseudo-language show none left in English.

The pseudo-language is French whose catalogue turns every msgid into ⟦msgid⟧: the portal's own strings
(gathered from the source by makemessages, into a temporary folder) and those of Django, the sign-in library
and the other apps. Text outside ⟦…⟧ must be data: numbers, dates, what the database holds (names, reports,
practices), text inside an element that says its own language (`lang`), or a proper name listed here.
"""

import contextlib
import io
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.test.utils import override_settings
from django.utils import translation
from django.utils.translation import trans_real

from focal_points.models import FocalPoint
from good_practices.models import GoodPractice, PracticeState
from progress_reports.models import ProgressReport, ReportingCycle, ReportState
from spot.models import Country
from tests.conftest import invite

pytestmark = pytest.mark.django_db

PSEUDO = "fr"
PROPER_NAMES = {"SPOT", "ESCAP", "ILO", "SDG", "ISO", "UN", "PDF", "CSV", "JSON", "Atom", "Markdown", "DOCX", "XLSX"}
# Names of the languages, each written in its own language (the switcher, the practices' languages).
OWN_NAMES = {name for _code, name in settings.LANGUAGES}
SEARCHED = {"pension", "zzzqqq"}  # what the visitor typed, shown back
EMPTY_SOURCES = {"sources-TOTAL_FORMS": "0", "sources-INITIAL_FORMS": "0"}
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)
# Code shows names machines read (file names, column names, types): never translated.
SKIPPED_ELEMENTS = {"script", "style", "svg", "code"}
TEXT_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder", "data-label"}
ROOT = Path(settings.BASE_DIR)
NOT_SOURCE = [".git", ".venv", "node_modules", "locale", "tests", "bench", "staticfiles", "var", "media", "backups"]


def pseudo(msgid):
    return f"⟦{msgid}⟧"


def portal_msgids(folder):
    """The msgids of the portal's source, gathered as `make messages` does, but from a copy into `folder`."""
    source = folder / "source"
    shutil.copytree(
        ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCE, ".*", "__pycache__", "*.pyc", "*.mo", "*.pdf")
    )
    output = source / "gathered"
    output.mkdir()
    previous = Path.cwd()
    try:
        os.chdir(source)
        with override_settings(LOCALE_PATHS=[output]):
            call_command("makemessages", locale=[PSEUDO], verbosity=0, ignore_patterns=["gathered/*"])
    finally:
        os.chdir(previous)
    return read_catalogue(output / PSEUDO / "LC_MESSAGES" / "django.po")


def read_catalogue(path):
    # Babel prints a warning for every entry with more plural forms than it knows French to have.
    with open(path, "rb") as po, contextlib.redirect_stdout(io.StringIO()):
        return read_po(po)


def library_catalogues():
    """The French catalogues of Django and of every installed app (the sign-in library's, the admin's ...)."""
    folders = {Path(translation.__file__).parents[2] / "conf" / "locale"}
    for config in apps.get_app_configs():
        # A library's catalogue may sit in its package rather than in each app (allauth's).
        folders |= {Path(config.path) / "locale", Path(config.path).parent / "locale"}
    for folder in folders - {ROOT / "locale"}:
        path = folder / PSEUDO / "LC_MESSAGES" / "django.po"
        if path.exists():
            yield read_catalogue(path)


@pytest.fixture(scope="session")
def pseudo_locale(tmp_path_factory, django_db_blocker):
    folder = tmp_path_factory.mktemp("pseudo")
    catalogue = Catalog(locale=PSEUDO)
    for source in [*library_catalogues(), portal_msgids(folder)]:
        for message in source:
            if not message.id:
                continue
            if message.pluralizable:
                singular, plural = message.id[0], message.id[1]
                string = [pseudo(singular)] + [pseudo(plural)] * (catalogue.num_plurals - 1)
            elif re.fullmatch(r"[^,\s]+(,[^,\s]+)+", message.id):
                # A list the `yesno` filter splits at its commas: each word in its brackets.
                string = ",".join(pseudo(word) for word in message.id.split(","))
            else:
                string = pseudo(message.id)
            catalogue.add(message.id, string, context=message.context)
    mo = folder / "locale" / PSEUDO / "LC_MESSAGES" / "django.mo"
    mo.parent.mkdir(parents=True)
    with open(mo, "wb") as file:
        write_mo(file, catalogue)
    return folder / "locale"


@pytest.fixture
def in_pseudo_language(pseudo_locale, settings):
    settings.LOCALE_PATHS = [pseudo_locale]
    trans_real._translations = {}
    trans_real._default = None
    yield
    trans_real._translations = {}
    trans_real._default = None
    translation.activate(settings.LANGUAGE_CODE)


class VisibleText(HTMLParser):
    """The text a person sees or hears, in order: text nodes, and the attributes read out (apart), outside
    elements that say their own language."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skipped)
        self.nodes = []
        self.attributes = []

    @property
    def skipping(self):
        return any(skipped for _tag, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skipped = tag in SKIPPED_ELEMENTS or ("lang" in attributes and tag != "html")
        if not self.skipping and not skipped:
            read_out = [attributes[name] for name in TEXT_ATTRIBUTES & attributes.keys()]
            if tag == "meta" and attributes.get("name") == "description":
                read_out.append(attributes.get("content"))
            if tag == "input" and attributes.get("type") in {"submit", "button"}:
                read_out.append(attributes.get("value"))
            self.attributes += [value for value in read_out if value]
        if tag not in self.VOID:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.skipping:
            self.nodes.append(data)


def outside_brackets(texts):
    """Each text with what lies inside ⟦…⟧ removed; a translation may span several texts (a link inside it)."""
    depth, outside = 0, []
    for text in texts:
        kept = []
        for character in text:
            if character == "⟦":
                depth += 1
            elif character == "⟧":
                depth = max(depth - 1, 0)
            elif depth == 0:
                kept.append(character)
        outside.append("".join(kept))
    return outside


def data_words():
    """Every word the database holds in a text field (names, agencies, reports, practices ...), and the
    reference data in the page's language."""
    words = set()
    for model in apps.get_models():
        fields = [field.attname for field in model._meta.fields if isinstance(field, TEXT_FIELDS)]
        if not fields or model._meta.app_label in {"sessions", "admin", "contenttypes", "auth"}:
            continue
        for values in model.objects.values_list(*fields):
            for value in values:
                words.update(re.findall(r"\w+", str(value or "")))
    country_model = apps.get_model("spot", "Country")
    for country in country_model.objects.all():
        words.update(re.findall(r"\w+", country.display_name))
    return words


def unmarked(html, allowed):
    parser = VisibleText()
    parser.feed(html)
    found = []
    texts = parser.nodes + parser.attributes
    outside = outside_brackets(parser.nodes) + [outside_brackets([value])[0] for value in parser.attributes]
    for text, left in zip(texts, outside, strict=True):
        left = re.sub(r"\S+@\S+|[\w.-]+\.(?:csv|json|zip|pdf)\b", " ", left)  # email addresses, file names
        if [word for word in re.findall(r"[^\W\d_]+", left) if word not in allowed]:
            found.append(" ".join(text.split())[:120])
    return found


def check(prefix, client, path, *, method="get", data=None, status=200):
    response = getattr(client, method)(f"{prefix}{path}", data or {})
    assert response.status_code == status, (path, response.status_code)
    return path, response.content.decode()


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True  # the command refuses to run otherwise
    call_command("load_demo", verbosity=0)
    settings.DEBUG = False


def signed_in(email):
    client = Client()
    client.force_login(apps.get_model("spot", "User").objects.get(email=email))
    return client


def every_page(prefix):
    """Every page type, rendered under the language prefix: (address, HTML) pairs."""
    anonymous, lead, staff = Client(), signed_in("lead.tha@example.org"), signed_in("staff@example.org")
    published = ProgressReport.objects.filter(state=ReportState.PUBLISHED).select_related("country", "cycle").first()
    report_url = f"/reports/{published.country.iso3.lower()}/{published.cycle.slug}/"
    draft = ProgressReport.objects.filter(country__iso3="THA").exclude(state=ReportState.PUBLISHED).first()
    submitted = ProgressReport.objects.filter(state=ReportState.SUBMITTED).first()
    cycle = ReportingCycle.objects.first()
    staff_user = apps.get_model("spot", "User").objects.get(email="staff@example.org")
    invitation, invitation_link = invite(staff_user, Country.objects.get(iso3="LAO"), "new.lao@example.org")
    practice = GoodPractice.objects.filter(state=PracticeState.PUBLISHED).first()
    own_practice = GoodPractice.objects.filter(country__iso3="THA").exclude(state=PracticeState.PUBLISHED).first()
    awaiting = GoodPractice.objects.filter(state=PracticeState.SUBMITTED).first()
    archived = GoodPractice.objects.filter(state=PracticeState.ARCHIVED).first()
    membership = FocalPoint.objects.get(user__email="colleague.tha@example.org")
    pages = [
        check(prefix, anonymous, "/"),
        check(prefix, anonymous, "/about/"),
        check(prefix, anonymous, "/measures/"),
        check(prefix, anonymous, "/measures/7/"),
        check(prefix, anonymous, "/countries/"),
        check(prefix, anonymous, "/countries/tha/"),
        check(prefix, anonymous, "/countries/afg/"),
        check(prefix, anonymous, "/reports/"),
        check(prefix, anonymous, report_url),
        check(prefix, anonymous, report_url + "versions/1/"),
        check(prefix, anonymous, "/good-practices/"),
        check(prefix, anonymous, "/good-practices/", data={"q": "pension", "measure": "7"}),
        check(prefix, anonymous, "/good-practices/", data={"q": "zzzqqq"}),
        check(prefix, anonymous, f"/good-practices/{practice.slug}/"),
        check(prefix, anonymous, "/contact/"),
        check(prefix, anonymous, "/privacy/"),
        check(prefix, anonymous, "/accessibility/"),
        check(prefix, anonymous, "/data/"),
        check(prefix, anonymous, "/dashboard/"),
        check(prefix, anonymous, "/data/about/"),
        check(prefix, anonymous, "/no-such-page/", status=404),
        check(prefix, lead, "/network/"),
        check(prefix, lead, "/review/", status=403),
        check(prefix, anonymous, "/accounts/login/"),
        check(prefix, anonymous, "/accounts/login/", method="post", data={"login": "x@example.org", "password": "no"}),
        check(prefix, anonymous, "/accounts/password/reset/"),
        check(prefix, anonymous, "/accounts/signup/"),
        check(prefix, anonymous, "/invitations/not-a-token/", status=404),
        check(prefix, anonymous, invitation_link),
        check(prefix, anonymous, invitation_link, method="post", data={"password1": "short"}),
        check(prefix, lead, "/my/"),
        check(prefix, lead, "/my/account/"),
        check(prefix, lead, "/my/membership/"),
        check(prefix, lead, "/network/invite/"),
        check(prefix, lead, "/network/invite/", method="post", data={"email": "not an email"}),
        check(prefix, lead, "/accounts/password/change/"),
        check(prefix, lead, "/accounts/2fa/"),
        check(prefix, lead, "/my/practices/"),
        check(prefix, lead, "/my/practices/new/"),
        check(prefix, lead, "/my/practices/new/", method="post", data={"title": "", **EMPTY_SOURCES}),
        check(prefix, staff, "/my/"),
        check(prefix, staff, "/review/"),
        check(prefix, staff, "/review/cycles/"),
        check(prefix, staff, "/review/cycles/new/"),
        check(prefix, staff, "/review/cycles/new/", method="post", data={"title": ""}),
        check(prefix, staff, f"/review/cycles/{cycle.slug}/edit/"),
        check(prefix, staff, "/review/practices/"),
        check(prefix, staff, "/network/"),
    ]
    pages += [
        check(prefix, lead, f"/my/reports/{draft.pk}/"),
        check(prefix, lead, f"/my/reports/{draft.pk}/edit/"),
        check(prefix, lead, f"/my/reports/{draft.pk}/summary/"),
        check(prefix, lead, f"/my/reports/{draft.pk}/sections/7/"),
        check(prefix, lead, f"/my/reports/{draft.pk}/submit/"),
        check(prefix, staff, f"/review/reports/{submitted.pk}/"),
        check(prefix, staff, f"/my/reports/{submitted.pk}/preview/"),
        check(prefix, lead, f"/my/practices/{own_practice.pk}/"),
        check(prefix, lead, f"/my/practices/{own_practice.pk}/edit/"),
        check(prefix, lead, f"/my/practices/{own_practice.pk}/preview/"),
        check(prefix, staff, f"/review/practices/{awaiting.pk}/"),
        check(prefix, anonymous, f"/good-practices/{archived.slug}/", status=410),
        check(prefix, staff, f"/network/members/{membership.pk}/deactivate/"),
        check(prefix, staff, f"/network/invitations/{invitation.pk}/revoke/", status=405),
        check(prefix, lead, "/accounts/reauthenticate/"),
    ]
    return pages


def test_it_shows_no_interface_text_outside_the_catalogues_on_any_page(in_pseudo_language, demo):
    pages = every_page(f"/{PSEUDO}")
    allowed = data_words() | PROPER_NAMES | OWN_NAMES | SEARCHED
    found = {path: dict.fromkeys(texts) for path, html in pages if (texts := unmarked(html, allowed))}
    assert not found, "Interface text outside the catalogues:\n" + "\n".join(
        f"{path}\n    " + "\n    ".join(texts) for path, texts in found.items()
    )


def interface_sentences(folder):
    """The portal's English msgids, whitespace folded, but those a translation deliberately writes alike."""
    with open(ROOT / "locale" / folder / "LC_MESSAGES" / "django.po", "rb") as po:
        catalogue = read_catalogue_file(po)
    sentences = set()
    for message in catalogue:
        if not message.id or message.pluralizable or (message.string == message.id and not message.fuzzy):
            continue
        if re.search(r"[^\W\d_]{3,}", message.id):
            sentences.add(" ".join(message.id.split()))
    return sentences


def read_catalogue_file(po):
    with contextlib.redirect_stdout(io.StringIO()):
        return read_po(po)


@pytest.mark.parametrize("prefix, folder", [("/fr", "fr"), ("/ru", "ru"), ("/zh-hans", "zh_Hans")])
def test_it_leaves_no_interface_text_in_english_on_any_page_of_each_language(demo, prefix, folder):
    # The language switcher and the language choices name each language in its own words ("English").
    english = interface_sentences(folder) - OWN_NAMES
    found = {}
    for path, html in every_page(prefix):
        parser = VisibleText()
        parser.feed(html)
        left = {
            text for text in (" ".join(node.split()) for node in parser.nodes + parser.attributes) if text in english
        }
        if left:
            found[path] = sorted(left)
    assert not found, f"Interface text left in English under {prefix}/:\n" + "\n".join(
        f"{path}\n    " + "\n    ".join(texts) for path, texts in found.items()
    )
