"""The search at /good-practices/: full text, ranked, with facets whose counts are what they promise."""

from urllib.parse import parse_qs, urlsplit

import pytest
from pytest_django.asserts import assertContains

from good_practices.models import State
from spot.public_cache import bump
from tests.good_practices.conftest import make_practice, read_bit_sets

pytestmark = pytest.mark.django_db


def titles(response):
    return [practice.title for practice in response.context["page"].object_list]


def total(response):
    return response.context["page"].paginator.count


def test_it_finds_a_practice_by_a_word_of_its_body(client):
    make_practice(title="Pension reform", body="Payments reach the archipelago by boat.")
    make_practice(title="Child grant", body="Paid at health centres.")
    response = client.get("/good-practices/?q=archipelago")
    assert titles(response) == ["Pension reform"]
    assertContains(response, "<mark>archipelago</mark>")


def test_it_finds_words_of_the_results_lessons_summary_and_programme(client):
    make_practice(title="A", results="Stunting declined.", lessons="Trust matters.")
    make_practice(title="B", summary="Fishers are covered.", programme_name="Blue Economy Insurance")
    assert titles(client.get("/good-practices/?q=stunting")) == ["A"]
    assert titles(client.get("/good-practices/?q=trust")) == ["A"]
    assert titles(client.get("/good-practices/?q=fishers")) == ["B"]
    assert titles(client.get("/good-practices/?q=economy")) == ["B"]


def test_it_ranks_a_title_match_above_a_body_match(client):
    make_practice(title="Community kitchens for older persons", body="Meals.", days_ago=30)
    make_practice(title="Meals for older persons", body="Run by volunteers in kitchens.", days_ago=1)
    make_practice(title="Unrelated practice", days_ago=2)
    assert titles(client.get("/good-practices/?q=kitchens")) == [
        "Community kitchens for older persons",
        "Meals for older persons",
    ]
    # Sorted by date instead, the newer body match comes first.
    assert titles(client.get("/good-practices/?q=kitchens&sort=newest")) == [
        "Meals for older persons",
        "Community kitchens for older persons",
    ]


def test_it_reads_a_quoted_phrase_as_a_phrase(client):
    make_practice(title="One social registry", body="A social registry for all programmes.")
    make_practice(title="Registry of births", body="The registry is social in its aims.")
    assert titles(client.get('/good-practices/?q="social registry"')) == ["One social registry"]
    assert len(titles(client.get("/good-practices/?q=social registry"))) == 2


def test_it_leaves_out_practices_with_a_word_marked_with_a_minus(client):
    make_practice(title="Cash transfer pilot", body="A pilot in two provinces.")
    make_practice(title="Cash transfer at scale", body="Nationwide.")
    assert titles(client.get("/good-practices/?q=cash -pilot")) == ["Cash transfer at scale"]


FILTERS = {
    # filter: (value matching the first practice, what makes the second one differ)
    "country": ("THA", {"country": "FJI"}),
    "subregion": ("sea", {"country": "FJI"}),
    "measure": ("1", {"measures": (2,)}),
    "theme": ("older-persons", {"themes": ("children",)}),
    "year": (None, {"days_ago": 800}),
    "language": ("en", {"language": "fr"}),
}


@pytest.mark.parametrize("name", FILTERS)
def test_it_combines_the_search_with_every_filter(client, name):
    value, difference = FILTERS[name]
    first = make_practice(title="Pension by mobile money", days_ago=1)
    make_practice(title="Pension at the post office", **difference)
    make_practice(title="Child grant by mobile money", **difference)
    value = value or str(first.published_year)

    response = client.get(f"/good-practices/?q=pension&{name}={value}")

    assert titles(response) == ["Pension by mobile money"]
    assert total(response) == 1


def test_it_combines_every_filter_at_once(client):
    make_practice(title="Pension by mobile money", days_ago=1)
    make_practice(title="Pension elsewhere", country="FJI")
    year = make_practice(title="Other").published_year
    response = client.get(
        f"/good-practices/?q=pension&country=tha&subregion=sea&measure=1&theme=older-persons&year={year}&language=en"
    )
    assert titles(response) == ["Pension by mobile money"]


def grown_sample():
    """Practices spread over countries, measures, themes, years and languages."""
    countries = ["THA", "FJI", "IDN", "KAZ", "NPL"]
    themes = ["children", "older-persons", "informal-workers", "digital-delivery"]
    for number in range(25):
        make_practice(
            country=countries[number % 5],
            title=f"Practice {number} {'pension' if number % 3 else 'grant'}",
            measures=(number % 4 + 1, number % 6 + 6),
            themes=(themes[number % 4], themes[(number + 1) % 4]),
            days_ago=number * 40,
            language="fr" if number % 7 == 0 else "en",
        )
    make_practice(title="Unpublished pension draft", state=State.DRAFT)
    make_practice(title="Archived pension", state=State.ARCHIVED)


@pytest.mark.parametrize(
    "query", ["", "?q=pension", "?q=pension&measure=2", "?theme=children&language=en", "?country=FJI"]
)
def test_it_counts_for_each_facet_value_exactly_the_results_that_value_gives(client, query):
    grown_sample()
    response = client.get(f"/good-practices/{query}")
    checked = 0
    for facet in response.context["facet_list"]:
        for value in facet.values:
            if value.selected:
                assert value.count == total(response), (facet.name, value.label)
                continue
            following = client.get(f"/good-practices/{value.url}")
            chosen = parse_qs(urlsplit(value.url).query)[facet.name][0]
            assert str(chosen).upper() == str(value.value).upper()
            assert total(following) == value.count, (facet.name, value.label)
            assert len(following.context["page"].object_list) == min(value.count, 20)
            checked += 1
    assert checked >= 5


def test_it_never_counts_unpublished_practices_in_facets(client):
    make_practice(title="Published one", country="THA")
    for state in [State.DRAFT, State.SUBMITTED, State.CHANGES_REQUESTED, State.REJECTED, State.ARCHIVED]:
        make_practice(
            title=f"Hidden {state}", state=state, country="FJI", measures=(12,), themes=("financing",), language="ru"
        )
    response = client.get("/good-practices/")
    facets = {
        facet.name: [(value.label, value.count) for value in facet.values] for facet in response.context["facet_list"]
    }
    assert facets["country"] == [("Thailand", 1)]
    assert facets["language"] == [("English", 1)]
    assert all("Financing" not in label for label, _ in facets["theme"])
    assert total(response) == 1


def test_it_keeps_the_whole_search_in_the_address(client):
    grown_sample()
    response = client.get("/good-practices/?q=pension&country=THA&sort=newest&page=1")
    content = response.content.decode()
    remove_country = next(url for what, label, url in response.context["active_filters"] if label == "Thailand")
    assert parse_qs(remove_country[1:]) == {"q": ["pension"], "sort": ["newest"]}
    assert '<input type="hidden" name="country" value="THA">' in content
    assert 'name="q" value="pension"' in content


def test_it_paginates_and_keeps_the_filters_in_the_page_links(client):
    for number in range(25):
        make_practice(title=f"Pension practice {number}", days_ago=number)
    response = client.get("/good-practices/?q=pension&country=THA")
    assert len(titles(response)) == 20
    assertContains(response, "Page 1 of 2")
    assertContains(response, "q=pension&amp;country=THA&amp;page=2")
    assert len(titles(client.get("/good-practices/?q=pension&country=THA&page=2"))) == 5


def test_it_escapes_what_practices_contain_and_marks_only_the_matched_words(client):
    make_practice(title="<em>Pension</em> & care", summary="Pension <script>alert(1)</script> \ue000injected\ue001")
    response = client.get("/good-practices/?q=pension")
    content = response.content.decode()
    assert "&lt;em&gt;<mark>Pension</mark>&lt;/em&gt; &amp; care" in content
    assert "<script>alert(1)" not in content
    assert "<mark>injected</mark>" not in content


def test_it_suggests_similar_titles_and_ways_out_when_nothing_matches(client):
    make_practice(title="Social pension for remote islands")
    response = client.get("/good-practices/?q=pensoin&country=FJI")
    assertContains(response, "No published good practice matches all of your choices.")
    assertContains(response, "Practices with similar titles")
    assertContains(response, "Social pension for remote islands")
    assertContains(response, 'href="?q=pensoin">removing Country: Fiji</a>')
    assertContains(response, 'href="?country=FJI">removing Search: “pensoin”</a>')


def test_it_says_when_nothing_is_published_yet(client):
    make_practice(state=State.DRAFT)
    assertContains(client.get("/good-practices/"), "No good practice has been published yet.")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?country=XYZ", "Choose a country from the list"),
        ("?measure=13", "Choose a measure from 1 to 12"),
        ("?measure=abc", "Choose a measure from 1 to 12"),
        ("?theme=nonsense", "Choose a theme from the list"),
        ("?year=1e309", "Enter the year as four digits, like 2024"),
        ("?year=NaN", "Enter the year as four digits, like 2024"),
        ("?year=-5", "Choose a year from the list"),
        ("?language=xx", "Choose a language from the list"),
        ("?sort=random", "Choose how to sort from the list"),
        ("?q=" + "word " * 50, "Shorten the search to 200 characters or fewer"),
    ],
)
def test_it_answers_hostile_addresses_with_a_message_not_an_error(client, query, message):
    make_practice(title="Social pension")
    response = client.get(f"/good-practices/{query}")
    assert response.status_code == 200
    assertContains(response, message)
    assertContains(response, "1 good practice")


@pytest.mark.parametrize("page", ["-1", "0", "1e309", "abc", "99999999999999999999"])
def test_it_answers_any_page_number(client, page):
    make_practice(title="Social pension")
    assertContains(client.get(f"/good-practices/?page={page}"), "Social pension")


@pytest.mark.parametrize("query", ["?q=the", "?q=-", '?q="', "?q=%26%7C%21%3A*", "?q=()"])
def test_it_accepts_searches_without_words(client, query):
    make_practice(title="Social pension")
    assert client.get(f"/good-practices/{query}").status_code == 200


def page_queries(client, django_assert_num_queries, path, expected):
    """The queries of a page, once this process holds the bit sets of the published practices."""
    read_bit_sets()  # read once per change to the published practices (see the test below)
    with django_assert_num_queries(expected):
        response = client.get(path)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        # the facet values' names, the page of results
        ("/good-practices/", 2),
        ("/good-practices/?page=2", 2),
        ("/good-practices/?subregion=sea&language=en&year=2026", 2),
        # and the practices the words match
        ("/good-practices/?q=pension&sort=newest&page=2", 3),
        # and how the words rank the results
        ("/good-practices/?q=pension", 4),
        # and one to check each value of a country, measure or theme given in the address
        ("/good-practices/?q=pension&country=THA&measure=1&theme=older-persons", 7),
    ],
)
def test_it_makes_the_same_queries_whatever_the_number_of_practices(client, django_assert_num_queries, path, queries):
    for number in range(3):
        make_practice(title=f"Pension {number}", measures=(1, 2), themes=("older-persons", "children"), days_ago=0)
    page_queries(client, django_assert_num_queries, path.replace("page=2", "page=1"), queries)
    for number in range(45):
        make_practice(
            title=f"Pension grown {number}",
            country=["THA", "FJI", "NPL"][number % 3],
            measures=(1, 2, 3),
            themes=("older-persons", "children", "financing"),
            days_ago=0,
        )
    bump()  # as publishing does: the page is rendered afresh, not taken from the page cache
    response = page_queries(client, django_assert_num_queries, path, queries)
    assert len(response.context["page"].object_list) >= 5


def test_it_adds_the_similar_titles_query_only_when_nothing_matches(client, django_assert_num_queries):
    make_practice(title="Social pension")
    # the names, the matches (none); no page of results to fetch; the similarity threshold set, then similar titles
    page_queries(client, django_assert_num_queries, "/good-practices/?q=pensoin", 4)


def test_it_ranks_across_pages_with_each_result_once(client):
    for number in range(12):
        make_practice(title=f"Pension practice {number}", days_ago=number)
        make_practice(title=f"Practice {number}", body="A pension paid monthly.", days_ago=number)
    first = titles(client.get("/good-practices/?q=pension"))
    second = titles(client.get("/good-practices/?q=pension&page=2"))
    assert first[:12] == [f"Pension practice {number}" for number in range(12)]
    assert first[12:] + second == [f"Practice {number}" for number in range(12)]


@pytest.mark.parametrize("page", ["3", "99999999999999999999", "-1"])
def test_it_shows_the_last_page_of_a_search_for_a_page_past_the_end(client, django_assert_num_queries, page):
    for number in range(22):
        make_practice(title=f"Pension practice {number}", days_ago=number)
    response = page_queries(client, django_assert_num_queries, f"/good-practices/?q=pension&page={page}", 4)
    assert titles(response) == ["Pension practice 20", "Pension practice 21"]
    assertContains(response, "Page 2 of 2")


def test_its_filters_name_countries_and_measures_in_the_page_s_language(client):
    from measures.models import Measure
    from spot.models import Country

    make_practice("THA", measures=(7,))
    make_practice("LAO", measures=(7,))
    Country.objects.filter(iso3="LAO").update(name_fr="République démocratique populaire lao")
    Measure.objects.filter(number=7).update(title_fr="Couverture de la protection sociale")
    bump()
    response = client.get("/fr/good-practices/")
    assertContains(response, "Thaïlande")  # CLDR's name
    assertContains(response, "République démocratique populaire lao")  # the official name staff entered
    assertContains(response, "7. Couverture de la protection sociale")


def test_it_reads_the_published_practices_again_after_a_change_and_only_then(client, django_assert_num_queries):
    make_practice(title="Social pension", measures=(1,))
    read_bit_sets()
    # the measure in the address, the names, the page of practices
    with django_assert_num_queries(3):
        assert titles(client.get("/good-practices/?measure=1")) == ["Social pension"]
    make_practice(title="Child grant", measures=(1,), days_ago=0)
    bump()
    with django_assert_num_queries(4):  # and once more: the published practices, read again
        response = client.get("/good-practices/?measure=1")
    assert titles(response) == ["Child grant", "Social pension"]
    assert total(response) == 2
    bump()
    with django_assert_num_queries(3):
        client.get("/good-practices/?measure=1")
