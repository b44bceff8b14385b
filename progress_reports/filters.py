import django_filters
from django.utils.translation import gettext_lazy as _

from progress_reports.models import ProgressReport, ReportingCycle
from spot.models import Country, Subregion


class ReportFilter(django_filters.FilterSet):
    """The public list of reports: by cycle, subregion and country (unknown values are field errors, never a 500)."""

    cycle = django_filters.ModelChoiceFilter(
        queryset=ReportingCycle.objects.all(),
        to_field_name="slug",
        label=_("Reporting cycle"),
        empty_label=_("All cycles"),
    )
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
        model = ProgressReport
        fields = ["cycle", "subregion", "country"]
