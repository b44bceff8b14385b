"""Reference data in the page's language: country names, and official translations entered by staff.

English is the portal's reference language: the Action Plan's text, the UN's country names. For the
other languages, a model keeps one field per language (`name_fr`, `text_zh_hans` ...), filled by staff
in the admin; country names fall back to CLDR's (through Babel), measures to their English text,
marked as such (`lang="en"`) with a note on the page.
"""

import functools
import unicodedata

import pycountry
from babel import Locale
from django.conf import settings
from django.utils.translation import get_language, to_locale

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def current_language():
    return get_language() or settings.LANGUAGE_CODE


def field_suffix(language):
    """zh-hans → zh_hans: the suffix of a per-language field."""
    return language.replace("-", "_")


def translated(obj, field, language=None):
    """(value, is_translation) of `obj.<field>` in `language`: the staff-entered translation, else English."""
    language = language or current_language()
    if language != settings.LANGUAGE_CODE:
        value = getattr(obj, f"{field}_{field_suffix(language)}", "")
        if value:
            return value, True
    return getattr(obj, field), language == settings.LANGUAGE_CODE


@functools.cache
def cldr_country_names(language):
    """{ISO alpha-3: name} as CLDR writes the names of territories in `language`."""
    territories = Locale.parse(to_locale(language)).territories
    return {
        country.alpha_3: territories[country.alpha_2]
        for country in pycountry.countries
        if country.alpha_2 in territories
    }


def country_name(country, language=None):
    """The country's name in `language`: the official name staff entered, else CLDR's, else the UN English name."""
    language = language or current_language()
    if language == settings.LANGUAGE_CODE:
        return country.name
    official = getattr(country, f"name_{field_suffix(language)}", "")
    return official or cldr_country_names(language).get(country.iso3) or country.name


def sort_key(text):
    """Alphabetical order that ignores accents and case (É with E, Ü with U)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
