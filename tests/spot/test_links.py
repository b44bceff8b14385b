"""Objects' addresses are reversed once per process, and stay right."""

import pytest
from django.urls import reverse

from measures.models import Measure
from spot.links import cached_reverse
from spot.models import Country

pytestmark = pytest.mark.django_db


def test_it_gives_the_same_addresses_as_reverse():
    for country in Country.objects.all():
        assert country.get_absolute_url() == reverse("country_detail", args=[country.slug])
    for measure in Measure.objects.all():
        assert measure.get_absolute_url() == reverse("measure_detail", args=[measure.number])


def test_it_keys_addresses_by_script_prefix():
    from django.urls import set_script_prefix

    assert cached_reverse("country_detail", "tha") == "/countries/tha/"
    set_script_prefix("/spot/")
    try:
        assert cached_reverse("country_detail", "tha") == "/spot/countries/tha/"
    finally:
        set_script_prefix("/")
