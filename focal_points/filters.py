import django_filters
from django.utils.translation import gettext_lazy as _

from focal_points.models import FocalPoint
from spot.models import Country, Subregion


class DirectoryFilter(django_filters.FilterSet):
    subregion = django_filters.ChoiceFilter(
        field_name="country__subregion",
        label=_("Subregion"),
        choices=Subregion.choices,
        empty_label=_("All subregions"),
    )
    country = django_filters.ModelChoiceFilter(
        queryset=Country.objects.all(), to_field_name="iso3", label=_("Country"), empty_label=_("All countries")
    )

    class Meta:
        model = FocalPoint
        fields = ["subregion", "country"]
