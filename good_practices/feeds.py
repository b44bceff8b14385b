"""Atom feeds of published practices: all of them, a measure's and a country's."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from good_practices.models import GoodPractice
from measures.models import Measure
from spot.models import Country

FEED_SIZE = 30


class LatestPractices(Feed):
    feed_type = Atom1Feed
    title = _("SPOT: good practices in social protection")
    subtitle = _("Good practices published on SPOT, the platform of the ESCAP Action Plan on social protection.")

    def link(self):
        return reverse("practice_list")

    def practices(self, obj):
        return GoodPractice.objects.published()

    def items(self, obj=None):
        return self.practices(obj).select_related("country").newest_first()[:FEED_SIZE]

    def item_title(self, practice):
        return f"{practice.title} ({practice.country.display_name})"

    def item_description(self, practice):
        return practice.summary

    def item_pubdate(self, practice):
        return practice.published_at

    def item_updateddate(self, practice):
        return practice.last_updated_at

    def item_categories(self, practice):
        return [practice.country.display_name]


class MeasurePractices(LatestPractices):
    def get_object(self, request, number):
        measure = Measure.objects.filter(number=number).first()
        if measure is None:
            raise Http404("No such measure.")
        return measure

    def title(self, measure):
        return _("SPOT: good practices illustrating measure %(number)s, %(title)s") % {
            "number": measure.number,
            "title": measure.display_title,
        }

    def link(self, measure):
        return reverse("practice_list") + f"?measure={measure.number}"

    def practices(self, measure):
        return GoodPractice.objects.published().filter(measures=measure)


class CountryPractices(LatestPractices):
    def get_object(self, request, iso3):
        return get_object_or_404(Country, iso3=iso3)

    def title(self, country):
        return _("SPOT: good practices from %(country)s") % {"country": country.display_name}

    def link(self, country):
        return reverse("practice_list") + f"?country={country.iso3}"

    def practices(self, country):
        return GoodPractice.objects.published().filter(country=country)
