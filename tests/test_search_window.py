"""The search page's counts and windows: counts by kind from one faceted search, each page of
results the same as the whole ranked list cut there, lookups read fresh after each edit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from search import services
from search.kinds import all_kinds
from search.models import DistressVocabulary
from tests.factories import temoignages as testimony_factories
from tests.search_corpus import build_corpus, make
from tests.test_search import result_titles, soup_of

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


@pytest.mark.parametrize("query", ["trottinette", "collège", "harcèlement au collège", "réseaux sociaux", "zzzz"])
@pytest.mark.parametrize("kind_code", [None, "temoignage", "interview", "page"])
def test_counts_by_kind_and_windows_agree_with_the_whole_ranked_list(corpus, query, kind_code):
    locale = Locale.objects.get(language_code="fr")
    kinds = all_kinds()
    kind = next((k for k in kinds if k.code == kind_code), None)
    counts = services.counts_by_kind(services.search_pages(query, locale).facet("content_type_id"), kinds)
    for each in kinds:
        if not each.is_snippet:
            assert counts[each.code] == services.search_pages(query, locale, each).count(), each.code
    whole = [page.pk for page in services.search_pages(query, locale, kind)]
    assert len(whole) == (
        counts[kind.code]
        if kind
        else sum(v for k, v in counts.items() if k in {x.code for x in kinds if not x.is_snippet})
    )
    for start, stop in [(0, 10), (10, 20)]:
        assert [page.pk for page in services.search_pages(query, locale, kind)[start:stop]] == whole[start:stop]


def test_a_faceted_search_is_not_counted_again(corpus):
    locale = Locale.objects.get(language_code="fr")
    results = services.search_pages("trottinette", locale)
    by_type = results.facet("content_type_id")
    with CaptureQueriesContext(connection) as queries:
        assert results.count() == sum(by_type.values()) == 14
    assert not queries.captured_queries


def test_the_best_results_come_first(client, corpus):
    titles = result_titles(client, "trottinette")
    assert len(titles) == 10
    # The titles with the word rank first.
    assert all(title.startswith("Trottinette") for title in titles[:4])


def test_every_window_of_results_is_right_on_any_database(client, corpus):
    first = result_titles(client, "trottinette")
    second = result_titles(client, "trottinette", page=2)
    assert len(first) == 10
    assert len(second) == 4
    assert not set(first) & set(second)
    only_testimonies = result_titles(client, "trottinette", kind="temoignage", page=2)
    assert only_testimonies == second
    assert result_titles(client, "trottinette", kind="interview") == []


def test_a_new_distress_word_counts_at_once(client, corpus, locales):
    assert not soup_of(client.get("/fr/recherche/", {"q": "trottinette"})).select_one(".search-distress")
    DistressVocabulary.objects.create(locale=locales[0], name="Ajout", words="trottinette")
    assert soup_of(client.get("/fr/recherche/", {"q": "trottinette"})).select_one(".search-distress")


def test_help_page_url_is_the_live_help_page_of_the_language(home, corpus):
    from tests.factories.ressources import ResourceIndexPageFactory

    locale = Locale.objects.get(language_code="fr")
    assert services.help_page_url(locale) == ""
    page = ResourceIndexPageFactory(parent=home)
    assert services.help_page_url(locale) == page.url
    page.unpublish()
    assert services.help_page_url(locale) == ""


def test_editors_picks_show_as_soon_as_they_are_made(client, corpus):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    assert not soup_of(client.get("/fr/recherche/", {"q": "trottinette"})).select(".search-picks")
    SearchPromotion.objects.create(
        query=Query.get("trottinette"), page=corpus["psy"], description="À lire", sort_order=0
    )
    picks = soup_of(client.get("/fr/recherche/", {"q": "trottinette"})).select(".search-picks .search-result__title")
    assert [a.get_text(strip=True) for a in picks] == [corpus["psy"].title]


def test_a_restricted_section_leaves_search_at_once_and_comes_back(client, corpus):
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

    results = services.search_snippets(query, locale, kind)
    total = services.count(results)
    pks = [a.pk for a in results[window[0] : window[1]]]
    assert total == expected.count()
    assert pks == expected_pks
    assert total == {"harcèlement": 8, "scolaire": 4, "juridique travail": 4, "zzzz": 0}[query]
