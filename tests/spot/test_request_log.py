"""One log line per request: method, path, status, duration and who asked."""

import re

import pytest

pytestmark = pytest.mark.django_db

LINE = re.compile(r"^(?P<method>[A-Z]+) (?P<path>\S+) (?P<status>\d{3}) (?P<ms>\d+\.\d)ms user=(?P<user>\S+)$")


def logged(caplog):
    return [LINE.match(record.getMessage()).groupdict() for record in caplog.records if record.name == "spot.requests"]


def test_it_logs_an_anonymous_request_without_its_query_string(client, caplog):
    with caplog.at_level("INFO", logger="spot.requests"):
        client.get("/countries/?q=private+words")
    [line] = logged(caplog)
    assert line["method"] == "GET" and line["path"] == "/countries/" and line["status"] == "200"
    assert line["user"] == "-"
    assert "private" not in caplog.text


def test_it_logs_the_signed_in_person_by_id(focal_point, focal_point_client, caplog):
    with caplog.at_level("INFO", logger="spot.requests"):
        focal_point_client.get("/my/")
    [line] = logged(caplog)
    assert line["user"] == str(focal_point.pk)


def test_it_logs_refusals_and_missing_pages_with_their_status(client, caplog):
    with caplog.at_level("INFO", logger="spot.requests"):
        client.get("/countries/xyz/")
        client.post("/healthz")
        client.get("/network/")
    statuses = [(line["path"], line["status"]) for line in logged(caplog)]
    assert statuses == [("/countries/xyz/", "404"), ("/network/", "302")]
