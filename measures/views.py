from django.http import Http404
from django.shortcuts import render

from measures.models import Measure


def measure_list(request):
    return render(request, "measures/measure_list.html", {"measures": Measure.objects.prefetch_related("targets")})


def measure_detail(request, number):
    measures = {measure.number: measure for measure in Measure.objects.prefetch_related("targets")}
    if number not in measures:
        raise Http404("No such measure.")
    return render(
        request,
        "measures/measure_detail.html",
        {
            "measure": measures[number],
            "previous_measure": measures.get(number - 1),
            "next_measure": measures.get(number + 1),
        },
    )
