"""Reference data in the page's language, what people wrote in theirs, and numbers as each language writes them."""

import re

import pytest
from babel import Locale
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from measures.models import Measure
from progress_reports.models import CoverageEntry, ProgressReport
from spot.models import Country
from tests.good_practices.conftest import make_practice
from tests.progress_reports.conftest import make_cycle, overview_data, published, start

pytestmark = pytest.mark.django_db

MEASURE_NOTE = "The official text of this measure in this language is not available yet: it is shown in English."


def in_language(language, message, **values):
    with translation.override(language):
        return translation.gettext(message) % values


def test_it_names_a_country_in_russian_as_cldr_does(client):
    response = client.get("/ru/countries/tha/")
    name = Locale.parse("ru").territories["TH"]
    assertContains(response, f"<h1>{name}</h1>", html=True)
    assertNotContains(response, "<h1>Thailand</h1>", html=True)


def test_it_prefers_the_official_name_staff_entered(client):
    Country.objects.filter(iso3="THA").update(name_ru="Королевство Таиланд")
    response = client.get("/ru/countries/tha/")
    assertContains(response, "<h1>Королевство Таиланд</h1>", html=True)


def test_it_shows_a_measure_without_official_french_text_in_english_marked_and_noted(client):
    measure = Measure.objects.get(number=3)
    response = client.get("/fr/measures/3/")
    assertContains(response, '<blockquote class="measure-text" lang="en">')
    assertContains(response, measure.text)
    assertContains(response, in_language("fr", MEASURE_NOTE))


def test_it_shows_the_official_french_text_once_staff_entered_it(client):
    Measure.objects.filter(number=3).update(title_fr="Titre officiel", text_fr="Texte officiel de la mesure.")
    response = client.get("/fr/measures/3/")
    assertContains(response, '<blockquote class="measure-text">')
    assertContains(response, "Texte officiel de la mesure.")
    assertContains(response, "<h1>Titre officiel</h1>", html=True)
    assertNotContains(response, in_language("fr", MEASURE_NOTE))


def french_report(focal_point, staff):
    focal_point.language = "fr"
    focal_point.save()
    report = start(focal_point, make_cycle())
    report.summary = "Nos progrès depuis 2024."
    report.save()
    return published(report, focal_point, staff)


def test_it_writes_a_new_report_in_its_author_s_language(focal_point):
    focal_point.language = "ru"
    focal_point.save()
    assert start(focal_point, make_cycle()).language == "ru"


def test_it_marks_a_french_report_under_the_english_address_and_notes_its_language(client, focal_point, staff):
    report = french_report(focal_point, staff)
    response = client.get(f"/reports/tha/{report.cycle.slug}/")
    assertContains(response, '<div class="prose" lang="fr"><p>Nos progrès depuis 2024.</p></div>', html=True)
    assertContains(response, '<p class="language-note">Written in French</p>', html=True)


def test_it_does_not_note_the_language_of_a_report_read_in_it(client, focal_point, staff):
    report = french_report(focal_point, staff)
    response = client.get(f"/fr/reports/tha/{report.cycle.slug}/")
    assertContains(response, 'lang="fr"')
    assertNotContains(response, 'class="language-note"')


def test_it_keeps_the_language_in_the_next_version(focal_point, staff):
    report = french_report(focal_point, staff)
    assert start(focal_point, report.cycle).language == "fr"


def test_it_saves_the_language_chosen_in_the_summary_form(focal_point_client, focal_point):
    report = start(focal_point, make_cycle())
    response = focal_point_client.post(
        f"/my/reports/{report.pk}/summary/", overview_data(report, language="zh-hans", summary="我们的进展。")
    )
    assert response.status_code == 302
    assert ProgressReport.objects.get(pk=report.pk).language == "zh-hans"


def test_it_writes_percentages_in_french_with_a_comma_and_the_space_babel_gives(client, focal_point, staff):
    report = french_report(focal_point, staff)
    CoverageEntry.objects.filter(report=report, category__code="TOTAL", sex="total").update(
        baseline_2021=45.2, target_2030=80
    )
    pattern = Locale.parse("fr").percent_formats[None].pattern
    space = re.search(r"0(\s?)%", pattern).group(1)
    response = client.get(f"/fr/reports/tha/{report.cycle.slug}/")
    assertContains(response, f"45,2{space}%")
    assertContains(response, f"80,0{space}%")
    assertContains(client.get(f"/reports/tha/{report.cycle.slug}/"), "45.2%")


def test_it_agrees_published_with_what_was_published_in_french_and_russian(client, focal_point, staff):
    report = start(focal_point, make_cycle())
    published(report, focal_point, staff)
    make_practice(title="Social pension")
    # a report (le rapport, отчёт) is masculine; a practice (la bonne pratique, практика) feminine
    assertContains(client.get("/fr/reports/"), '<th scope="col">Publié</th>', html=True)
    assertContains(client.get("/fr/good-practices/"), "Publiée le ")
    assertContains(client.get("/ru/good-practices/"), "Опубликована ")
    assertContains(client.get("/ru/dashboard/"), "Опубликовали")
