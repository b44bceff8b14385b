"""The bit sets the search counts and orders with, against the same answers worked out the long way."""

import random

import pytest

from good_practices.search_index import Snapshot, bit_set, ids_of, in_order


def snapshot_of(count, rng):
    """A snapshot of `count` published practices with scattered ids; returns it, its rows and the ids newest first."""
    ids = rng.sample(range(1, count * 3), count)
    rows = [
        (pk, rng.choice([1, 2, 3]), rng.choice([2024, 2025]), "en", sorted(rng.sample(range(1, 13), 2)), ["children"])
        for pk in ids
    ]
    values = {"country": {}, "year": {}, "language": {}, "measure": {}, "theme": {}}
    for pk, country, year, language, measures, themes in rows:
        for facet, found in [("country", [country]), ("year", [year]), ("language", [language])]:
            for value in found:
                values[facet].setdefault(value, []).append(pk)
        for number in measures:
            values["measure"].setdefault(number, []).append(pk)
        for slug in themes:
            values["theme"].setdefault(slug, []).append(pk)
    return Snapshot(7, ids, values), rows, ids  # `ids` is the newest-first order


@pytest.mark.parametrize("share", [0.001, 0.05, 0.5, 1.0])
def test_it_reads_any_window_of_a_set_the_newest_first(share):
    rng = random.Random(share)
    snapshot, _rows, newest = snapshot_of(3000, rng)
    chosen = [pk for pk in newest if rng.random() < share]
    bits = bit_set(chosen, snapshot.size)
    assert ids_of(bits) == sorted(chosen)
    end = len(chosen)
    for start, stop in [(0, 20), (20, 40), (0, 1), (max(end - 5, 0), end + 20), (end + 1, end + 21)]:
        assert snapshot.in_order(bits, start, stop) == chosen[start:stop]


def test_it_reads_groups_one_after_the_other():
    rng = random.Random(1)
    snapshot, _rows, newest = snapshot_of(500, rng)
    first, second = newest[100:110], newest[:50] + newest[200:230]
    groups = [bit_set(first, snapshot.size), bit_set(second, snapshot.size)]
    everything = first + second
    for start, stop in [(0, 20), (5, 15), (10, 30), (60, 80), (85, 100)]:
        assert in_order(snapshot, groups, start, stop) == everything[start:stop]


def test_each_facet_value_holds_the_practices_that_have_it():
    rng = random.Random(2)
    snapshot, rows, _newest = snapshot_of(800, rng)
    assert ids_of(snapshot.everything) == sorted(row[0] for row in rows)
    for country in (1, 2, 3):
        assert ids_of(snapshot.value("country", country)) == sorted(row[0] for row in rows if row[1] == country)
    for number in range(1, 13):
        assert ids_of(snapshot.value("measure", number)) == sorted(row[0] for row in rows if number in row[4])
    assert snapshot.value("country", 99) == 0  # a value no practice has holds none
