"""What the search matches and counts follows every change to the published practices, and only those."""

import pytest

from good_practices import services
from good_practices.models import GoodPractice, SearchEntry, SearchGeneration, State
from good_practices.search import PracticeSearch
from measures.models import Measure
from tests.good_practices.conftest import make_practice, read_bit_sets, submitted_practice

pytestmark = pytest.mark.django_db


def generation():
    return SearchGeneration.objects.get().number


def found(words, **filters):
    search = PracticeSearch({"q": words, **filters})
    return [practice.title for practice in search.page(1).object_list]


def test_a_practice_enters_the_search_when_published_and_leaves_it_when_archived(focal_point, staff):
    practice = submitted_practice(focal_point, title="Fishers insurance", body="Boats are insured.")
    assert not SearchEntry.objects.filter(practice_id=practice.pk).exists()
    assert found("boats") == []

    services.publish(practice, actor=staff, ip=None)
    assert found("boats") == ["Fishers insurance"]
    services.archive(practice, actor=staff, ip=None, comment="Replaced.")
    assert found("boats") == []
    assert not SearchEntry.objects.filter(practice_id=practice.pk).exists()
    services.republish(practice, actor=staff, ip=None)
    assert found("boats") == ["Fishers insurance"]


def test_an_update_is_searched_by_its_new_words_once_published(focal_point, staff):
    practice = make_practice(title="Fishers insurance", body="Boats are insured.")
    revision, _created = services.start_revision(practice, actor=focal_point, ip=None)
    revision.body = "Nets are insured too."
    revision.save()
    services.submit(revision, actor=focal_point, ip=None)
    assert found("nets") == []  # the revision is not public yet
    assert found("boats") == ["Fishers insurance"]

    services.publish(revision, actor=staff, ip=None)
    assert found("nets") == ["Fishers insurance"]
    assert found("boats") == []


def test_a_deleted_practice_leaves_the_search():
    practice = make_practice(title="Fishers insurance")
    GoodPractice.objects.filter(pk=practice.pk).delete()
    assert not SearchEntry.objects.exists()
    assert found("fishers") == []


def test_the_counts_change_generation_only_when_what_they_count_changes(focal_point):
    published = make_practice(title="Fishers insurance", measures=(1,))
    draft = make_practice(state=State.DRAFT, title="A draft")
    before = generation()

    draft.body = "Typed for an hour."
    draft.save()  # a draft saved: nothing public changed
    GoodPractice.objects.filter(pk=published.pk).update(body_html="<p>Reworded.</p>")  # text only: matched live
    assert generation() == before

    published.set_measures_and_themes(Measure.objects.filter(number__in=[1, 7]), published.themes.all())
    assert generation() > before
    assert PracticeSearch({"measure": "7"}).total == 1

    before = generation()
    services.submit(draft, actor=focal_point, ip=None)
    assert generation() == before  # submitted is not public either


def test_it_ranks_title_then_summary_or_programme_then_text_matches_the_newest_first_in_each():
    make_practice(title="Older body match", body="Fishers are covered.", days_ago=40)
    make_practice(title="Newer body match", body="Fishers are covered.", days_ago=1)
    make_practice(title="Summary match", summary="Fishers and their families.", days_ago=30)
    make_practice(title="Programme match", programme_name="Fishers Insurance Scheme", days_ago=20)
    make_practice(title="Fishers in the title", days_ago=50)
    assert found("fishers") == [
        "Fishers in the title",
        "Programme match",
        "Summary match",
        "Newer body match",
        "Older body match",
    ]
    assert found("fishers", sort="newest") == [
        "Newer body match",
        "Programme match",
        "Summary match",
        "Older body match",
        "Fishers in the title",
    ]


def test_a_phrase_must_be_found_as_written_and_ranks_by_its_words():
    make_practice(title="Mobile money for pensions", body="Paid by mobile money.", days_ago=9)
    make_practice(title="Money for mobile clinics", body="Paid by mobile money.", days_ago=1)
    make_practice(title="Mobile clinics", body="Money is paid in cash.", days_ago=2)
    # Both titles have the two words, so both come before body matches; the third has no phrase at all.
    assert found('"mobile money"') == ["Money for mobile clinics", "Mobile money for pensions"]


def test_a_word_left_out_leaves_practices_out_and_the_rest_ranked_as_usual():
    make_practice(title="Newer body match", body="Fishers are covered.", days_ago=1)
    make_practice(title="Fishers in the title", days_ago=50)
    make_practice(title="Fishers pilot", days_ago=2)
    make_practice(title="Fishers again", body="A pilot.", days_ago=3)
    assert found("fishers -pilot") == ["Fishers in the title", "Newer body match"]


def titles_of(response):
    return [practice.title for practice in response.context["page"].object_list]


def test_the_newest_results_settle_the_first_page_when_enough_have_the_words_in_their_title(
    client, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr("good_practices.search.RANKED_FIRST", 0)  # only the page's worth of newest results
    for number in range(24):
        make_practice(title=f"Fishers {number}", days_ago=number + 1)
    make_practice(title="Newest body match", body="Fishers are covered.", days_ago=0)
    make_practice(title="Old title", programme_name="Fishers Scheme", days_ago=90)
    read_bit_sets()
    with django_assert_num_queries(4):  # the names, the matches, the ranks, the page
        first = titles_of(client.get("/good-practices/?q=fishers"))
    assert first == [f"Fishers {number}" for number in range(20)]
    second = titles_of(client.get("/good-practices/?q=fishers&page=2"))
    assert second == [f"Fishers {number}" for number in range(20, 24)] + ["Old title", "Newest body match"]


def test_every_match_is_ranked_when_the_newest_results_do_not_settle_the_page(
    client, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr("good_practices.search.RANKED_FIRST", 0)
    for number in range(30):
        make_practice(title=f"Body match {number}", body="Fishers are covered.", days_ago=number)
    make_practice(title="Fishers in an old title", days_ago=100)
    make_practice(title="Programme match", programme_name="Fishers Scheme", days_ago=200)
    read_bit_sets()
    with django_assert_num_queries(4):  # the same queries: reading every match is part of the ranks' statement
        first = titles_of(client.get("/good-practices/?q=fishers"))
    assert first == ["Fishers in an old title", "Programme match"] + [f"Body match {number}" for number in range(18)]
    second = titles_of(client.get("/good-practices/?q=fishers&page=2"))
    assert second == [f"Body match {number}" for number in range(18, 30)]


def test_a_theme_removed_from_the_list_is_no_longer_offered_as_a_filter(client):
    from good_practices.models import Theme

    make_practice(title="Fishers insurance", themes=("financing", "children"))
    Theme.objects.filter(slug="financing").delete()
    response = client.get("/good-practices/")
    assert response.status_code == 200
    themes = [value.value for value in response.context["search"].facets["theme"]]
    assert themes == ["children"]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "fishers"},
        {"q": '"fishers insurance" -boats', "subregion": "sea"},
        {"q": "fishers", "measure": "7", "theme": "children"},
        {"country": "FJI", "language": "fr"},
        {"year": "2024", "measure": "1"},
    ],
)
def test_the_bit_sets_give_the_practices_the_same_filters_give_in_sql(params):
    from good_practices.filters import PracticeFilter

    countries, measures, themes = ["THA", "FJI", "VNM"], [(1,), (7,), (1, 7)], [("children",), ("financing",)]
    for number in range(24):
        make_practice(
            countries[number % 3],
            title=["Fishers insurance", "Child grant", "Fishers and boats"][number % 3 - 1],
            body=["Boats are insured.", "Paid monthly.", "Fishers insurance for all."][number % 3],
            measures=measures[number % 3],
            themes=themes[number % 2],
            language=["en", "fr"][number % 2],
            days_ago=number * 60,
        )
    search = PracticeSearch(params)
    in_sql = set(PracticeFilter(params, queryset=GoodPractice.objects.published()).qs.values_list("pk", flat=True))
    assert set(search.ids(0, 100)) == in_sql
    assert search.total == len(in_sql)
    assert in_sql  # each of these searches finds something
