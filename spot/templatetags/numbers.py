"""Numbers as the page's language writes them: 45.2% in English, 45,2 % in French, 45,2 % in Russian."""

import functools
import re
from decimal import Decimal

from babel import Locale
from babel.numbers import format_decimal, format_percent
from django import template
from django.utils.translation import get_language, to_locale

register = template.Library()


@functools.cache
def percent_pattern(language, decimals):
    """The language's percent pattern with `decimals` places (coverage is recorded to 0.1 point)."""
    pattern = Locale.parse(to_locale(language)).percent_formats[None].pattern
    if not decimals:
        return pattern
    return re.sub(r"0(?=[^0]*$)", "0." + "0" * decimals, pattern, count=1)


@register.filter
def percent(value, decimals=1):
    """A percentage recorded as a number from 0 to 100, with its sign as the language writes it."""
    if value is None or value == "":
        return ""
    return formatted_percent(str(value), get_language() or "en", int(decimals))


# Coverage is recorded to 0.1 point, so a page's percentages are few distinct values, and the dashboard
# shows thousands of them: Babel formats each once per process and language.
@functools.lru_cache(maxsize=8192)
def formatted_percent(value, language, decimals):
    fraction = Decimal(value) / 100
    return format_percent(fraction, format=percent_pattern(language, decimals), locale=to_locale(language))


@register.filter
def number(value, decimals=1):
    """A number with the language's decimal mark and grouping."""
    if value is None or value == "":
        return ""
    language = get_language() or "en"
    places = int(decimals)
    quantized = Decimal(str(value)).quantize(Decimal(1).scaleb(-places)) if places else Decimal(str(value))
    return format_decimal(quantized, format=None if not places else f"#,##0.{'0' * places}", locale=to_locale(language))
