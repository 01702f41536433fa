"""The search page's work: counts by kind and the requested results from one PostgreSQL query,
the same answers as the separate faceted count and ranked search; small values kept until
content changes."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.cache import forget_remembered
from search import services
from search.kinds import all_kinds
from search.models import DistressVocabulary
from tests.factories import temoignages as testimony_factories
from tests.search_corpus import build_corpus, make
from tests.test_search import postgres, result_titles, soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(home):
    pages = build_corpus(home)
    index = pages["college"].get_parent()
    # Enough results for a second page; ranks differ (the word once or twice, in the title or not).
    for number in range(14):
        story = "Une trottinette." if number % 3 else "Trottinette, encore la trottinette."
        title = f"Trottinette {number}" if number % 4 == 0 else f"Récit {number}"
        make(testimony_factories.TestimonyPageFactory, index, title=title, slug=f"recit-{number}", story=story)
    return pages


def _separately(query, locale, kinds, kind, start, stop):
    counts = services.page_counts_by_kind(query, locale, kinds)
    return counts, [page.pk for page in services.search_pages(query, locale, kind)[start:stop]]


@postgres
@pytest.mark.parametrize("query", ["trottinette", "collège", "harcèlement au collège", "réseaux sociaux", "zzzz"])
@pytest.mark.parametrize("kind_code", [None, "temoignage", "interview", "page"])
@pytest.mark.parametrize("window", [(0, 10), (10, 20)])
def test_one_query_gives_the_same_counts_and_order_as_two(corpus, query, kind_code, window):
    locale = Locale.objects.get(language_code="fr")
    kinds = all_kinds()
    kind = next((k for k in kinds if k.code == kind_code), None)
    expected_counts, expected_pks = _separately(query, locale, kinds, kind, *window)

    with CaptureQueriesContext(connection) as queries:
        counts, results = services.page_results(query, locale, kinds, kind, *window)
        pks = [page.pk for page in results[window[0] : window[1]]]
    assert counts == expected_counts
    assert pks == expected_pks
    scans = [q["sql"] for q in queries.captured_queries if "wagtailsearch_indexentry" in q["sql"]]
    assert len(scans) == 1, scans
    assert scans[0].startswith("WITH matches")


@postgres
def test_search_page_finds_the_matches_once_on_postgresql(client, corpus):
    with CaptureQueriesContext(connection) as queries:
        titles = result_titles(client, "trottinette")
    page_scans = [
        q["sql"]
        for q in queries.captured_queries
        if "wagtailsearch_indexentry" in q["sql"] and '"wagtailcore_page"' in q["sql"]
    ]
    assert len(page_scans) == 1, page_scans
    assert len(titles) == 10
    # The titles with the word rank first, as before.
    assert all(title.startswith("Trottinette") for title in titles[:4])


def test_pages_after_the_window_are_searched_again():
    searched = []

    def fallback():
        searched.append(True)
        return list(range(100))

    results = services.WindowResults(["a", "b"], 20, fallback)
    assert results[20:30] == ["a", "b"]
    assert results[20:21] == ["a"]
    assert not searched
    assert results[0:3] == [0, 1, 2]
    assert searched


def test_every_window_of_results_is_right_on_any_database(client, corpus):
    first = result_titles(client, "trottinette")
    second = result_titles(client, "trottinette", page=2)
    assert len(first) == 10
    assert len(second) == 4
    assert not set(first) & set(second)
    only_testimonies = result_titles(client, "trottinette", kind="temoignage", page=2)
    assert only_testimonies == second
    assert result_titles(client, "trottinette", kind="interview") == []


@pytest.fixture
def remembered():
    caches["pages"].clear()
    forget_remembered()
    with override_settings(PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=300):
        yield
    caches["pages"].clear()
    forget_remembered()


def test_distress_words_are_read_once_until_an_editor_changes_them(client, corpus, locales, remembered):
    assert not soup_of(client.get("/fr/recherche/", {"q": "trottinette"})).select_one(".search-distress")
    with CaptureQueriesContext(connection) as queries:
        services.distress_words()
    assert not [q for q in queries.captured_queries if "distressvocabulary" in q["sql"]]

    # Saving the snippet moves the cache generation on: the new word counts at once.
    DistressVocabulary.objects.create(locale=locales[0], name="Ajout", words="trottinette")
    assert soup_of(client.get("/fr/recherche/", {"q": "trottinette"})).select_one(".search-distress")


def test_help_page_url_is_kept_until_content_changes(corpus, remembered):
    locale = Locale.objects.get(language_code="fr")
    first = services.help_page_url(locale)
    with CaptureQueriesContext(connection) as queries:
        assert services.help_page_url(locale) == first
    assert not queries.captured_queries


def test_editors_picks_show_as_soon_as_they_are_made(client, corpus, remembered):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    assert not soup_of(client.get("/fr/recherche/", {"q": "trottinette"})).select(".search-picks")
    # Saving a pick moves the cache generation on, like any content edit.
    SearchPromotion.objects.create(
        query=Query.get("trottinette"), page=corpus["psy"], description="À lire", sort_order=0
    )
    picks = soup_of(client.get("/fr/recherche/", {"q": "trottinette"})).select(".search-picks .search-result__title")
    assert [a.get_text(strip=True) for a in picks] == [corpus["psy"].title]


def test_with_the_cache_down_values_are_computed(monkeypatch, corpus, remembered):
    import home.cache

    def broken():
        raise ConnectionError("cache down")

    monkeypatch.setattr(home.cache, "current_generation", broken)
    assert home.cache.remember("anything", lambda: 42) == 42
