"""What the public sees of good practices: only what was published, everywhere, in few queries."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from good_practices import services
from good_practices.models import State
from tests.good_practices.conftest import make_practice

pytestmark = pytest.mark.django_db

HIDDEN_STATES = [State.DRAFT, State.SUBMITTED, State.CHANGES_REQUESTED, State.REJECTED, State.ARCHIVED]
PUBLIC_PAGES = [
    "/good-practices/",
    "/good-practices/?q=zebu",
    "/good-practices/?q=zebu&country=THA&measure=5&theme=financing",
    "/feeds/good-practices/",
    "/feeds/good-practices/countries/tha/",
    "/feeds/good-practices/measures/5/",
    "/",
    "/countries/tha/",
    "/measures/5/",
]


def hidden_practices():
    practices = [
        make_practice(title=f"Hidden zebu practice {state}", state=state, measures=(5,), themes=("financing",))
        for state in HIDDEN_STATES
    ]
    published = make_practice(title="Published zebu practice", measures=(5,), themes=("financing",))
    revision, _ = services.start_revision(published, actor=None, ip=None)
    revision.title = "Hidden zebu revision"
    revision.save()
    return practices + [revision]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_it_never_shows_an_unpublished_practice(client, path):
    hidden = hidden_practices()
    response = client.get(path)
    assertContains(response, "/good-practices/published-zebu-practice/")
    for practice in hidden:
        assertNotContains(response, practice.title)
        if practice.slug:
            assertNotContains(response, practice.slug)


def test_it_answers_404_for_unpublished_practices_and_410_for_archived_ones(client):
    for practice in hidden_practices():
        response = client.get(f"/good-practices/{practice.slug or 'none'}/")
        expected = 410 if practice.state == State.ARCHIVED else 404
        assert response.status_code == expected, practice.state


def test_it_shows_the_practice_with_links_into_the_list(client):
    practice = make_practice(title="Village registry", measures=(4, 9), themes=("digital-delivery",))
    response = client.get(practice.get_absolute_url())
    assertContains(response, '<h1 lang="en">Village registry</h1>')
    assertContains(response, 'href="/good-practices/?measure=4"')
    assertContains(response, 'href="/good-practices/?measure=9"')
    assertContains(response, 'href="/good-practices/?theme=digital-delivery"')
    assertContains(response, 'href="/countries/tha/"')
    assertContains(response, "Last updated")
    assertContains(response, "Ministry of Social Development, Thailand.")


def test_it_shows_related_practices_best_first(client):
    practice = make_practice(title="Centre", measures=(1, 2), themes=("children", "financing"))
    make_practice(title="Shares everything", measures=(1, 2), themes=("children", "financing"), days_ago=50)
    make_practice(title="Shares one theme", measures=(12,), themes=("children",), days_ago=2)
    make_practice(title="Shares two", measures=(1,), themes=("financing",), days_ago=3)
    make_practice(title="Shares nothing", measures=(11,), themes=("migrant-workers",))
    make_practice(title="Hidden sharer", state=State.DRAFT, measures=(1, 2), themes=("children", "financing"))
    related = [p.title for p in client.get(practice.get_absolute_url()).context["related"]]
    assert related == ["Shares everything", "Shares two", "Shares one theme"]


def test_it_shows_signed_in_focal_points_how_to_reach_the_countrys_focal_points(client, other_client):
    practice = make_practice(title="Village registry")
    assertNotContains(client.get(practice.get_absolute_url()), "/network/?country=THA")
    response = other_client.get(practice.get_absolute_url())
    assertContains(response, 'href="/network/?country=THA"')
    assertContains(response, "Talk to the focal points of Thailand")


def test_it_offers_an_update_to_the_countrys_focal_points_only(focal_point_client, other_client):
    practice = make_practice(title="Village registry")
    assertContains(focal_point_client.get(practice.get_absolute_url()), "Propose an update to this practice")
    assertNotContains(other_client.get(practice.get_absolute_url()), "Propose an update")


def test_it_shows_the_latest_practices_on_the_home_country_and_measure_pages(client):
    for number in range(8):
        make_practice(title=f"Thai practice {number}", measures=(3,), days_ago=number)
    make_practice(title="Fiji practice", country="FJI", measures=(3,), days_ago=20)
    home = client.get("/")
    assertContains(home, "Thai practice 0")
    assertNotContains(home, "Thai practice 6")  # six at most
    country = client.get("/countries/tha/")
    assertContains(country, "Thai practice 5")
    assertNotContains(country, "Fiji practice")
    assertContains(country, 'href="/good-practices/?country=THA"')
    assertContains(country, 'href="/feeds/good-practices/countries/tha/"')
    measure = client.get("/measures/3/")
    assertContains(measure, 'href="/good-practices/?measure=3"')
    assertNotContains(client.get("/measures/4/"), "Thai practice 0")


def test_it_publishes_atom_feeds_of_the_newest_practices(client):
    make_practice(title="Older one", days_ago=10, summary="About the older one.")
    make_practice(title="Newer one", days_ago=1)
    make_practice(title="Fiji one", country="FJI", measures=(9,))
    response = client.get("/feeds/good-practices/")
    assert response["Content-Type"].startswith("application/atom+xml")
    content = response.content.decode()
    assert content.index("Newer one (Thailand)") < content.index("Older one (Thailand)")
    assert "About the older one." in content
    assert "http://testserver/good-practices/older-one/" in content
    assert "Fiji one" not in client.get("/feeds/good-practices/countries/tha/").content.decode()
    assert "Fiji one" in client.get("/feeds/good-practices/measures/9/").content.decode()
    assert client.get("/feeds/good-practices/measures/13/").status_code == 404
    assert client.get("/feeds/good-practices/countries/xyz/").status_code == 404


def test_it_links_the_feeds_for_feed_readers(client):
    assertContains(client.get("/good-practices/"), 'type="application/atom+xml"')
    assertContains(client.get("/countries/fji/"), 'href="/feeds/good-practices/countries/fji/"')


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/", 4),  # measures, countries, the current reporting cycle, practices
        ("/countries/tha/", 4),  # country, focal points, its latest report, practices
        ("/measures/5/", 4),  # measures, their targets, the latest statuses on it, practices
        ("/feeds/good-practices/", 1),
    ],
)
def test_it_shows_practices_elsewhere_in_a_fixed_number_of_queries(client, django_assert_num_queries, path, queries):
    for number in range(12):
        make_practice(title=f"Practice {number}", measures=(5, 6), themes=("children",))
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


def test_it_shows_a_practice_in_a_fixed_number_of_queries(client, django_assert_num_queries):
    practice = make_practice(title="Centre", measures=(1, 2), themes=("children",))
    for number in range(12):
        make_practice(title=f"Related {number}", measures=(1,), themes=("children",))
    # the practice, its measures, its themes, the related ones ranked, then fetched
    with django_assert_num_queries(5):
        assert client.get(practice.get_absolute_url()).status_code == 200
