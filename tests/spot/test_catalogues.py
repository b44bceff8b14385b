"""The French, Russian and Chinese catalogues are complete: every entry translated, none fuzzy, placeholders kept."""

import contextlib
import io
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
CATALOGUES = {
    "fr": ("fr", 2),
    "ru": ("ru", 3),
    "zh_Hans": ("zh_Hans", 1),
}
# Python's %-placeholders (with names or not) and the template tags' {{ name }}: what a translation must keep
# (a literal "%%" is not one: a translation may write the percent sign more or fewer times).
PLACEHOLDER = re.compile(r"%%|(%(?:\([a-z_0-9]+\))?[sdif]|\{\{\s*[a-z_0-9.]+\s*\}\})")


def catalogue(folder):
    with open(LOCALE / folder / "LC_MESSAGES" / "django.po", "rb") as po, contextlib.redirect_stdout(io.StringIO()):
        return read_po(po)


def placeholders(text):
    return sorted(found for found in PLACEHOLDER.findall(text) if found)


def forms(message):
    """Pairs of (msgid, msgstr) of an entry, every plural form of it included."""
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return ids, strings


@pytest.mark.parametrize("folder", CATALOGUES)
def test_every_entry_is_translated_and_none_is_fuzzy(folder):
    entries = catalogue(folder)
    assert not entries.fuzzy, f"the header of {folder}'s catalogue is marked fuzzy"
    untranslated, fuzzy = [], []
    for message in entries:
        if not message.id:
            continue
        if message.fuzzy:
            fuzzy.append(message.id)
        if not all(forms(message)[1]):
            untranslated.append(message.id)
    assert not untranslated, f"{len(untranslated)} entries untranslated in {folder}: {untranslated[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy entries in {folder}: {fuzzy[:10]}"


@pytest.mark.parametrize("folder", CATALOGUES)
def test_every_plural_entry_has_the_forms_its_language_needs(folder):
    entries = catalogue(folder)
    _language, plurals = CATALOGUES[folder]
    assert entries.num_plurals == plurals
    for message in entries:
        if message.pluralizable:
            assert len(forms(message)[1]) == plurals, message.id


@pytest.mark.parametrize("folder", CATALOGUES)
def test_every_translation_keeps_the_placeholders_of_its_entry(folder):
    wrong = []
    for message in catalogue(folder):
        if not message.id:
            continue
        ids, strings = forms(message)
        expected = placeholders(ids[-1])
        for string in strings:
            # A language with one plural form may leave out the count of the singular ("one …").
            if string and placeholders(string) != expected and placeholders(string) != placeholders(ids[0]):
                wrong.append((message.id, string))
    assert not wrong, f"placeholders changed in {folder}: {wrong[:5]}"
