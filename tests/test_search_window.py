"""The search page's work: counts by kind and the requested results from one PostgreSQL query,
the same answers as the separate faceted count and ranked search; small values kept until
content changes."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

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
    assert scans[0].startswith("WITH entries")


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

    results = services.WindowResults(["a", "b"], 20, 30, fallback)
    assert results[20:30] == ["a", "b"]
    assert results[20:21] == ["a"]
    assert results[20:40] == ["a", "b"]  # only two results from the 20th: none after them
    assert not searched
    assert results[0:3] == [0, 1, 2]
    assert searched


def test_a_window_never_answers_for_results_it_did_not_fetch():
    searched = []

    def fallback():
        searched.append(True)
        return ["x", "y", "z", "w"]

    nothing_fetched = services.WindowResults([], 0, 0, fallback)
    assert nothing_fetched[:3] == ["x", "y", "z"]
    assert searched
    preview = services.WindowResults(["x", "y", "z"], 0, 3, fallback)
    searched.clear()
    assert preview[:3] == ["x", "y", "z"]
    assert not searched
    assert preview[0:10] == ["x", "y", "z", "w"]
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
    with override_settings(PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=300):
        yield
    caches["pages"].clear()


def test_a_new_distress_word_counts_at_once(client, corpus, locales, remembered):
    assert not soup_of(client.get("/fr/recherche/", {"q": "trottinette"})).select_one(".search-distress")
    DistressVocabulary.objects.create(locale=locales[0], name="Ajout", words="trottinette")
    assert soup_of(client.get("/fr/recherche/", {"q": "trottinette"})).select_one(".search-distress")


def test_help_page_url_is_the_languages_help_section(home, remembered):
    from tests.factories.ressources import ResourceIndexPageFactory

    locale = Locale.objects.get(language_code="fr")
    assert services.help_page_url(locale) == ""
    help_page = ResourceIndexPageFactory(parent=home)
    assert services.help_page_url(locale) == help_page.url


def test_editors_picks_show_as_soon_as_they_are_made(client, corpus, remembered):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    assert not soup_of(client.get("/fr/recherche/", {"q": "trottinette"})).select(".search-picks")
    # Saving a pick moves the cache generation on, like any content edit.
    SearchPromotion.objects.create(
        query=Query.get("trottinette"), page=corpus["psy"], description="À lire", sort_order=0
    )
    picks = soup_of(client.get("/fr/recherche/", {"q": "trottinette"})).select(".search-picks .search-result__title")
    assert [a.get_text(strip=True) for a in picks] == [corpus["psy"].title]


def test_a_restricted_section_leaves_and_comes_back_at_the_next_search(client, corpus, remembered):
    """A section put behind a password, then opened again, leaves and comes back at the next search."""
    from wagtail.models import PageViewRestriction

    def titles():
        return result_titles(client, "trottinette")

    before = titles()
    target = corpus["college"].get_parent().get_children().get(slug="recit-0").specific
    assert target.title in before
    restriction = PageViewRestriction.objects.create(page=target, restriction_type="password", password="mot-secret")
    assert target.title not in titles()
    restriction.delete()
    assert titles() == before


def test_a_restricted_section_is_left_out_with_the_cache_down(monkeypatch, client, corpus, remembered):
    from wagtail.models import PageViewRestriction

    from site_parlons.ops import pagecache

    def broken():
        raise ConnectionError("cache down")

    target = corpus["college"].get_parent().get_children().get(slug="recit-0").specific
    PageViewRestriction.objects.create(page=target, restriction_type="password", password="mot-secret")
    monkeypatch.setattr(pagecache, "current_generation", broken)
    assert target.title not in result_titles(client, "trottinette")


def test_each_search_adds_one_hit_to_wagtails_query_report(client, corpus):
    """``log_query`` (one upsert on PostgreSQL) counts exactly as ``Query.get(…).add_hit()``:
    a new query, one already there, the same query spelt with other case and spaces."""
    from wagtail.contrib.search_promotions.models import Query

    Query.get("collège").add_hit()
    services.log_query("collège")
    services.log_query("  Collège ")
    services.log_query("trottinette rouge")
    assert Query.get("collège").hits == 3
    assert Query.get("trottinette  rouge").hits == 1
    assert Query.objects.filter(query_string__in=["collège", "trottinette rouge"]).count() == 2
    # Through the page: the first page of results counts, the next pages do not.
    client.get("/fr/recherche/", {"q": "Trottinette rouge"})
    client.get("/fr/recherche/", {"q": "Trottinette rouge", "page": "2"})
    assert Query.get("trottinette rouge").hits == 2


@postgres
def test_a_search_is_counted_in_one_statement_on_postgresql(corpus):
    with CaptureQueriesContext(connection) as queries:
        services.log_query("harcèlement au travail")
    statements = [
        q["sql"] for q in queries.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]
    assert len(statements) == 1, statements


@pytest.fixture
def associations(locales):
    from tests.factories.ressources import AssociationFactory

    made = []
    for number in range(8):
        text = "Écoute des victimes de harcèlement scolaire." if number % 2 else "Aide juridique au travail."
        made.append(
            AssociationFactory(name=f"Association {number}", description=f"{text} Harcèlement " * (number % 3 + 1))
        )
    AssociationFactory(name="Autre langue", description="Harcèlement", locale=locales[1])
    return made


@pytest.mark.parametrize("query", ["harcèlement", "scolaire", "juridique travail", "zzzz"])
@pytest.mark.parametrize("window", [(0, 0), (0, 3), (3, 6)])
def test_associations_count_and_window_are_the_backends_own(associations, query, window):
    from wagtail.search.backends import get_search_backend

    from ressources.models import Association

    locale = Locale.objects.get(language_code="fr")
    kind = next(k for k in all_kinds() if k.code == "association")
    expected = get_search_backend().search(query, Association.objects.filter(locale_id=locale.pk), operator="and")
    expected_pks = [a.pk for a in expected[window[0] : window[1]]]

    with CaptureQueriesContext(connection) as queries:
        results = services.search_snippets(query, locale, kind, *window)
        total = services.count(results)
        pks = [a.pk for a in results[window[0] : window[1]]]
    assert total == expected.count()
    assert pks == expected_pks
    assert total == {"harcèlement": 8, "scolaire": 4, "juridique travail": 4, "zzzz": 0}[query]
    if connection.vendor == "postgresql":
        scans = [q for q in queries.captured_queries if "wagtailsearch_indexentry" in q["sql"]]
        assert len(scans) == 1, scans  # the count and the shown ones from one query
