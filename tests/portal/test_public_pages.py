"""The public pages answer with their content, in a fixed small number of queries."""

import pytest

from measures.models import Measure
from spot.models import Country
from tests.conftest import make_focal_point

pytestmark = pytest.mark.django_db


def test_it_shows_the_action_plan_measures_and_countries_on_the_home_page(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # measures, countries, the current reporting cycle, good practices
        response = client.get("/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "ESCAP Action Plan to Strengthen Regional Cooperation on Social Protection" in content
    for measure in Measure.objects.all():
        assert measure.get_absolute_url() in content
    assert "South and South-West Asia" in content
    assert 'href="/countries/tha/"' in content
    assert content.count("<h1") == 1


def test_it_explains_the_action_plan_the_network_and_reporting_on_the_about_page(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/about/")
    content = response.content.decode()
    assert "adopted the Action Plan in October 2020" in content
    assert "National Government Social Protection Focal Points" in content
    assert 'id="reporting"' in content


def test_it_lists_the_12_measures_with_their_text(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get("/measures/")
    content = response.content.decode()
    for measure in Measure.objects.all():
        assert measure.text in content.replace("&#x27;", "'")
    assert "7.3" in content


@pytest.mark.parametrize("number", range(1, 13))
def test_it_shows_each_measure_with_its_text_and_neighbours(client, number, django_assert_max_num_queries):
    measure = Measure.objects.get(number=number)
    with django_assert_max_num_queries(4):  # measures, sub-targets, the latest statuses on it, good practices
        response = client.get(f"/measures/{number}/")
    content = response.content.decode()
    assert response.status_code == 200
    assert f"Measure {number} of 12" in content
    assert measure.text in content.replace("&#x27;", "'")
    assert ('rel="prev"' in content) == (number > 1)
    assert ('rel="next"' in content) == (number < 12)


def test_it_shows_measure_7_sub_targets(client):
    content = client.get("/measures/7/").content.decode()
    assert "A national baseline of the population covered by social protection programmes for 2021" in content
    assert "7.2" in content and "7.3" in content


def test_it_lists_countries_by_subregion_telling_associates_apart(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/countries/")
    content = response.content.decode()
    assert "53 members and 9 associate members" in content
    assert content.count("Associate member</span>") == 9
    assert content.index("East and North-East Asia") < content.index("Non-regional")


def test_it_answers_every_country_page_with_its_profile(client):
    for country in Country.objects.all():
        response = client.get(f"/countries/{country.iso3.lower()}/")
        assert response.status_code == 200, country.iso3
        content = response.content.decode()
        assert f"<h1>{country.name}</h1>".replace("'", "&#x27;") in content
        assert country.get_subregion_display() in content


def test_it_shows_honest_empty_states_on_a_country_page(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # country, focal points, its latest report, its good practices
        content = client.get("/countries/npl/").content.decode()
    assert "Nepal has not named a national social protection focal point on SPOT yet." in content
    assert "No voluntary progress report from Nepal has been published yet." in content
    assert "No good practice from Nepal has been published yet." in content
    assert "Nepal has not published social protection coverage baselines or targets" in content


def test_it_shows_agencies_and_only_consenting_names_on_a_country_page(client, django_assert_max_num_queries):
    make_focal_point("listed@m.go.th", "Listed Person", "THA", agency="Ministry A", listed_publicly=True)
    make_focal_point("private@m.go.th", "Private Person", "THA", agency="Agency B")
    with django_assert_max_num_queries(4):  # country, focal points, its latest report, its good practices
        content = client.get("/countries/tha/").content.decode()
    assert "Ministry A" in content and "Agency B" in content
    assert "Listed Person" in content
    assert "Private Person" not in content
    assert "@m.go.th" not in content


def test_it_accepts_the_upper_case_code_too(client):
    assert client.get("/countries/THA/").status_code == 200


@pytest.mark.parametrize("path", ["/countries/xyz/", "/measures/13/", "/measures/0/", "/no-such-page/"])
def test_it_answers_unknown_addresses_with_the_portal_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    content = response.content.decode()
    assert "<h1>Page not found</h1>" in content
    assert 'href="/countries/"' in content


def test_it_renders_the_500_page_without_a_request(client):
    from django.template.loader import render_to_string

    content = render_to_string("500.html")
    assert "Something went wrong on our side" in content
    assert 'lang="en"' in content
