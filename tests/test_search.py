"""Site search: French relevance, no leaks, bad input, kinds, excerpts, helplines, promotions."""

import time
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.risk import mentions_risk
from search.models import DistressVocabulary
from search.text import clean_query, excerpt, stem
from tests.factories import temoignages as testimony_factories
from tests.search_corpus import (
    ENGLISH_RELEVANCE_TABLE,
    RELEVANCE_TABLE,
    STEMMING_TABLE,
    build_corpus,
    build_english_corpus,
    make,
)

pytestmark = pytest.mark.django_db



def postgres(test):
    """Marks ``test`` as needing PostgreSQL; skipped with the reason on SQLite."""
    from django.conf import settings

    on_postgres = "postgresql" in settings.DATABASES["default"]["ENGINE"]
    skip = pytest.mark.skipif(not on_postgres, reason="needs PostgreSQL (DATABASE_URL)")
    return pytest.mark.postgres(skip(test))


@pytest.fixture
def corpus(home):
    return build_corpus(home)


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def result_titles(client, query, language="fr", **params):
    response = client.get(f"/{language}/recherche/", {"q": query, **params})
    assert response.status_code == 200
    return [a.get_text(strip=True) for a in soup_of(response).select("ol.search-results .search-result__title")]


def _check_table(client, corpus, table, language="fr"):
    failures = []
    for query, expected in table:
        titles = result_titles(client, query, language)
        if not titles or titles[0] != corpus[expected].title:
            failures.append(f"{query!r}: expected {corpus[expected].title!r} first, got {titles[:3]}")
    assert not failures, f"{connection.vendor}: " + "; ".join(failures)


def test_relevance_table(client, corpus):
    assert len(RELEVANCE_TABLE) >= 15
    _check_table(client, corpus, RELEVANCE_TABLE)


def test_english_pages_are_searched_as_english(client, corpus, locales):
    """Under /en/, English inflections meet (« harassed » finds « harassed », « bullied » finds
    « bullying »), on SQLite and PostgreSQL; the French pages are not searched there."""
    english = build_english_corpus(corpus, locales[1])
    _check_table(client, english, ENGLISH_RELEVANCE_TABLE, "en")
    assert result_titles(client, "bullied", "en") == [english["college"].title]
    assert result_titles(client, "harcelement", "en") == []


@postgres
def test_relevance_table_with_french_stemming(client, corpus):
    _check_table(client, corpus, STEMMING_TABLE)


@postgres
def test_postgres_matches_without_concatenating_vectors_and_plans_for_memory(corpus):
    """Speed (bench/search_latency.py): each word is tested on the title and body vectors
    (GIN-indexed) rather than on ``title || body`` built for every row; random reads are
    priced as in memory, so the planner uses those indexes. Results: the relevance tables."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Locale

    from search.services import search_pages

    with CaptureQueriesContext(connection) as queries:
        list(search_pages("harcèlement au collège", Locale.objects.get(language_code="fr"))[:10])
    sql = queries.captured_queries[-1]["sql"]
    where = sql.split(" WHERE ", 1)[1]
    assert '"title" || "wagtailsearch_indexentry"."body"' not in where.replace(
        '"wagtailsearch_indexentry"."title"', '"title"'
    )
    assert where.count("@@") >= 4  # two words, each on the title and on the body
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert float(cursor.fetchone()[0]) == 1.1


def test_accents_and_case_are_ignored_both_ways(client, corpus):
    # The document says « harcèlement » and « Enquête »; the visitor types neither accent nor case.
    assert result_titles(client, "HARCELEMENT")[:1] == result_titles(client, "harcèlement")[:1]
    # The document says « metro » without accent? No: « métro »; the query has one the text lacks too.
    assert corpus["reseaux"].title in result_titles(client, "réséaux")


def test_feminine_form_meets_the_noun_on_sqlite_too(client, corpus):
    # « harcelée » and « harcèlement » share the stem « harcel »: light stemming on SQLite,
    # the French stemmer on PostgreSQL.
    titles = result_titles(client, "harcelement")
    assert corpus["college"].title in titles
    assert corpus["rue"].title in titles


def test_draft_private_and_unpublished_changes_never_match(client, corpus, home, django_user_model):
    token = "zorglubette"
    index = corpus["college"].get_parent()
    draft = testimony_factories.TestimonyPageFactory(parent=index, title="Brouillon", story=f"Texte secret {token}", live=False)
    assert not draft.live
    # A published testimony whose pending (unmoderated) revision adds the token.
    published = corpus["metro"]
    published.story = f"Nouvelle version non relue {token}"
    published.save_revision()
    # A page behind a password.
    private = make(testimony_factories.TestimonyPageFactory, index, title="Privé", slug="prive", story=f"Privé {token}")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret-mot")

    for language in ("fr", "en"):
        response = client.get(f"/{language}/recherche/", {"q": token})
        assert response.status_code == 200
        soup = soup_of(response)
        assert not soup.select(".search-result")
        count = soup.select_one(".search-count").extract()  # echoes the query
        assert count.get_text(strip=True).startswith("0 ")
        assert token not in soup.select_one("main").get_text()


def test_other_language_is_not_searched(client, corpus, locales):
    english = corpus["psy"].copy_for_translation(locales[1], copy_parents=True)
    english.title = "Interview with a school psychologist"
    english.save_revision().publish()
    assert result_titles(client, "psychologue") == [corpus["psy"].title]
    response = client.get("/en/recherche/", {"q": "psychologist"})
    titles = [a.get_text(strip=True) for a in soup_of(response).select("ol.search-results .search-result__title")]
    assert titles == ["Interview with a school psychologist"]


BAD_QUERIES = [
    "",
    " ",
    "x" * 10_000,
    "harcèlement " * 2_000,
    '"',
    '"harcèlement',
    "*",
    "harc*",
    "NEAR",
    "harcèlement NEAR rue",
    "OR",
    "rue OR",
    "AND NOT",
    "'",
    "l'école",
    "a\x00b",
    "\x00",
    "(rue",
    "rue)",
    "{title}: rue",
    "title:rue",
    "-rue",
    "^rue",
    "rue; DROP TABLE wagtailcore_page; --",
    "%",
    "_",
    "\\",
    "🙂",
    "١٢٣",
]


@pytest.fixture
def one_testimony(home):
    index = make(testimony_factories.TestimonyIndexPageFactory, home, title="Témoignages", slug="temoignages")
    return make(testimony_factories.TestimonyPageFactory, index, title="Harcèlement de rue", story="Dans la rue.")


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_give_a_normal_page_fast(client, one_testimony, query):
    start = time.perf_counter()
    response = client.get("/fr/recherche/", {"q": query})
    elapsed = time.perf_counter() - start
    assert response.status_code == 200
    assert b"<h1>" in response.content
    assert elapsed < 2.0


@pytest.mark.parametrize("params", [{"kind": "nimporte"}, {"kind": ""}, {"page": "abc"}, {"page": "-3"}])
def test_bad_parameters_fall_back_to_defaults(client, one_testimony, params):
    response = client.get("/fr/recherche/", {"q": "rue", **params})
    assert response.status_code == 200
    assert soup_of(response).select("ol.search-results .search-result")


def test_page_past_the_end_is_a_404(client, corpus):
    assert client.get("/fr/recherche/", {"q": "collège", "page": "99"}).status_code == 404


def test_kind_filter_and_counts(client, corpus):
    response = client.get("/fr/recherche/", {"q": "collège"})
    soup = soup_of(response)
    kinds = {a.get_text(" ", strip=True) for a in soup.select(".search-kinds a")}
    assert "Témoignages (1)" in kinds
    assert "Interviews (1)" in kinds
    assert "Tout (2)" in kinds
    assert "2 résultats" in soup.select_one(".search-count").get_text()

    only_interviews = result_titles(client, "collège", kind="interview")
    assert only_interviews == [corpus["psy"].title]
    only_testimonies = result_titles(client, "collège", kind="temoignage")
    assert only_testimonies == [corpus["college"].title]


def test_results_are_paginated(client, corpus):
    index = corpus["college"].get_parent()
    for number in range(12):
        make(testimony_factories.TestimonyPageFactory, index, title=f"Récit {number}", slug=f"recit-{number}", story="Trottinette bleue.")
    first = result_titles(client, "trottinette")
    second = result_titles(client, "trottinette", page=2)
    assert len(first) == 10
    assert len(second) == 2
    assert not set(first) & set(second)
    next_link = soup_of(client.get("/fr/recherche/", {"q": "trottinette"})).select_one(".pagination a[rel=next]")
    assert next_link["href"] == "?q=trottinette&page=2"


def test_excerpt_highlights_words_without_accents_and_escapes():
    text = "Au collège, on m'a <b>harcelée</b> & moquée."
    html = excerpt(text, "harcelement college")
    assert "<mark>collège</mark>" in html
    assert "<mark>harcelée</mark>" in html
    assert "<b>" not in html
    assert "&amp;" in html


def test_excerpt_is_shown_around_the_match(client, corpus):
    response = client.get("/fr/recherche/", {"q": "portail"})
    marks = [m.get_text() for m in soup_of(response).select(".search-result__excerpt mark")]
    assert marks == ["portail"]


def test_excerpt_centres_on_a_late_match():
    text = "Début sans rapport. " * 50 + "Le mot cherché est écureuil."
    html = excerpt(text, "ecureuil")
    assert html.startswith("…")
    assert "<mark>écureuil</mark>" in html


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ('"harcèlement" OR rue', "harcèlement rue"),
        ("a\x00b", "a b"),
        ("NEAR(rue, école)", "rue école"),
        ("x" * 10_000, "x" * 40),
        ("mot " * 100, " ".join(["mot"] * 12)),
    ],
)
def test_clean_query(raw, cleaned):
    assert clean_query(raw) == cleaned


@pytest.mark.parametrize(
    ("word", "expected"),
    [("harcelee", "harcel"), ("harcelement", "harcel"), ("harceleurs", "harcel"), ("ecoles", "ecol"), ("peur", "peur")],
)
def test_light_stemmer(word, expected):
    assert stem(word) == expected


def test_distress_query_shows_the_helplines(client, corpus):
    soup = soup_of(client.get("/fr/recherche/", {"q": "j'ai peur de sortir"}))
    assert soup.select_one(".search-distress")
    assert soup.select_one(".search-distress .helplines, .search-distress a[href^='tel:']")
    calm = soup_of(client.get("/fr/recherche/", {"q": "collège"}))
    assert not calm.select_one(".search-distress")


def test_editors_maintain_the_distress_words(client, corpus, locales):
    DistressVocabulary.objects.create(name="Mots", words="trottinette\nsans issue", locale=locales[0])
    assert soup_of(client.get("/fr/recherche/", {"q": "trottinettes"})).select_one(".search-distress")
    assert soup_of(client.get("/fr/recherche/", {"q": "une situation sans issue"})).select_one(".search-distress")
    # The French list now replaces the French defaults; the English defaults still apply.
    assert not soup_of(client.get("/fr/recherche/", {"q": "peur"})).select_one(".search-distress")
    assert soup_of(client.get("/fr/recherche/", {"q": "scared"})).select_one(".search-distress")


@pytest.mark.parametrize(
    ("query", "expected"),
    [("SUICIDE", True), ("envie de me suicider", True), ("menacée", True), ("harcèlement au collège", False)],
)
def test_distress_words_match_by_the_risk_words_rules(query, expected):
    from search.models import DEFAULT_DISTRESS_WORDS

    assert mentions_risk(clean_query(query), DEFAULT_DISTRESS_WORDS["fr"]) is expected


def test_search_promotions_come_first_and_queries_are_counted(client, corpus):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    query = Query.get("collège")
    SearchPromotion.objects.create(query=query, page=corpus["securite"], description="À lire d'abord.", sort_order=0)
    soup = soup_of(client.get("/fr/recherche/", {"q": "Collège"}))
    picks = soup.select(".search-picks .search-result__title")
    assert [p.get_text(strip=True) for p in picks] == [corpus["securite"].title]
    assert query.hits == 1
    client.get("/fr/recherche/", {"q": "collège", "page": "1"})  # paging through does not count again
    assert Query.get("collège").hits == 1


def test_unpublished_promoted_page_is_not_shown(client, corpus):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    SearchPromotion.objects.create(query=Query.get("collège"), page=corpus["securite"])
    corpus["securite"].unpublish()
    assert not soup_of(client.get("/fr/recherche/", {"q": "collège"})).select(".search-picks")


def test_search_terms_report_lists_queries(client, corpus, django_user_model):
    client.get("/fr/recherche/", {"q": "collège"})
    admin = django_user_model.objects.create_superuser("admin", "", "mot-de-passe-solide-1")
    client.force_login(admin)
    response = client.get(reverse("wagtailsearchpromotions:search_terms"))
    assert response.status_code == 200
    assert "collège" in response.content.decode()


def test_opensearch_description(client):
    response = client.get("/opensearch.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    namespace = {"os": "http://a9.com/-/spec/opensearch/1.1/"}
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own response
    assert root.find("os:Url", namespace).get("template") == "http://testserver/fr/recherche/?q={searchTerms}"
    assert root.find("os:ShortName", namespace).text == "Parlons Harcèlement"
    english = ElementTree.fromstring(client.get("/opensearch.xml", {"lang": "en"}).content)  # noqa: S314
    assert english.find("os:Url", namespace).get("template") == "http://testserver/en/recherche/?q={searchTerms}"
    assert client.get("/opensearch.xml", {"lang": "xx"}).status_code == 200


def test_opensearch_is_linked_from_every_page(client, corpus):
    soup = soup_of(client.get(corpus["college"].url))
    link = soup.select_one('link[rel=search][type="application/opensearchdescription+xml"]')
    assert link["href"] == "/opensearch.xml?lang=fr"


def test_snippets_are_searched_by_kind_in_the_current_language(client, one_testimony, locales):
    """Indexed snippets go through the backend, others are matched in Python; stand-ins here
    for the directory's associations (indexed) and helplines (not indexed)."""
    from django.test import override_settings

    from home.models import HarassmentType

    HarassmentType.objects.create(code="ecole", name="Harcèlement à l'école", description="Au collège.", locale=locales[0])
    HarassmentType.objects.create(code="school", name="School bullying", description="At school.", locale=locales[1])
    DistressVocabulary.objects.create(name="Écoute collège", words="collégiens", locale=locales[0])
    with override_settings(SEARCH_SNIPPET_MODELS=["home.HarassmentType", "site_search.DistressVocabulary", "nope.Missing"]):
        soup = soup_of(client.get("/fr/recherche/", {"q": "college"}))
        groups = {g.select_one("h2").get_text(strip=True): g for g in soup.select(".search-group")}
        assert set(groups) == {"types de harcèlement", "listes de mots de détresse"}
        assert groups["types de harcèlement"].select_one(".search-result__title").get_text(strip=True) == (
            "Harcèlement à l'école"
        )
        assert "<mark>collège</mark>" in str(groups["types de harcèlement"])
        only = soup_of(client.get("/fr/recherche/", {"q": "college", "kind": "harassmenttype"}))
        assert [a.get_text(strip=True) for a in only.select("ol.search-results .search-result__title")] == [
            "Harcèlement à l'école"
        ]
        english = soup_of(client.get("/en/recherche/", {"q": "school"}))
        assert [a.get_text(strip=True) for a in english.select(".search-group .search-result__title")] == [
            "School bullying"
        ]
