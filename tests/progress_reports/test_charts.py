"""The coverage chart's key: each label ends before the next mark begins, in every language."""

import re
import unicodedata

import pytest
from django.utils import translation

from progress_reports import charts


@pytest.mark.parametrize("language", ["en", "fr", "ru", "zh-hans"])
def test_it_leaves_room_for_each_label_of_the_key(language):
    with translation.override(language):
        key = charts.legend()
    marks = [(float(x), float(y)) for x, y in re.findall(r'<g transform="translate\(([\d.]+) ([\d.]+)\)">', key)]
    labels = re.findall(r'<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]+)</text>', key)
    assert len(marks) == len(labels) == 4
    for (x, y, label), (next_x, next_y) in zip(labels, marks[1:], strict=False):
        if float(y) - 5 == next_y:
            # At 12px a Chinese character is 12px wide, a Latin letter at most about 8px; a mark's radius is 7.
            width = sum(12 if unicodedata.east_asian_width(char) in "WF" else 8 for char in label)
            assert float(x) + width <= next_x - 7, (language, label)
