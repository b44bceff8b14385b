import django_filters

from focal_points.models import FocalPoint
from spot.models import Country, Subregion


class DirectoryFilter(django_filters.FilterSet):
    subregion = django_filters.ChoiceFilter(
        field_name="country__subregion", label="Subregion", choices=Subregion.choices, empty_label="All subregions"
    )
    country = django_filters.ModelChoiceFilter(
        queryset=Country.objects.all(), to_field_name="iso3", empty_label="All countries"
    )

    class Meta:
        model = FocalPoint
        fields = ["subregion", "country"]
