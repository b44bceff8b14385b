"""Validators for what people type, shared by every app's models and forms."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Control characters (line breaks included) and the Unicode line and paragraph separators.
LINE_BREAK_OR_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def validate_single_line(value):
    """Names, agencies, titles: one line of text, as they appear in headings and email subjects."""
    if LINE_BREAK_OR_CONTROL.search(value):
        raise ValidationError(
            _("Enter this on one line, without line breaks or tabs."),
            code="single_line",
        )
