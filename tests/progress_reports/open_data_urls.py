"""The portal's addresses with the open-data files' own, for the tests of the links to them."""

from django.http import HttpResponse
from django.urls import re_path

from spot.urls import urlpatterns as portal_urlpatterns


def open_data_file(request, name, extension):
    return HttpResponse("")


FILE = r"^data/(?P<name>measure-statuses|coverage)\.(?P<extension>csv|json)$"

urlpatterns = [
    re_path(FILE, open_data_file, name="open_data_file"),
    *portal_urlpatterns,
]
