"""Interview and video listings: filters and pagination validated; RSS/Atom feeds; sitemap."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from tests.factories import HarassmentTypeFactory
from tests.factories.campagne import (
    InterviewIndexPageFactory,
    InterviewPageFactory,
    StudyIndexPageFactory,
    StudyPageFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def interviews(home):
    index = InterviewIndexPageFactory(parent=home, slug="interviews")
    school = HarassmentTypeFactory(code="scolaire", name="Harcèlement scolaire")
    work = HarassmentTypeFactory(code="travail", name="Harcèlement au travail")
    a = InterviewPageFactory(parent=index, title="Interview école", slug="ecole")
    a.harassment_types = [school]
    a.tags.add("témoins")
    a.save_revision().publish()
    b = InterviewPageFactory(parent=index, title="Interview travail", slug="travail")
    b.harassment_types = [work]
    b.tags.add("collègues")
    b.save_revision().publish()
    draft = InterviewPageFactory(parent=index, title="Brouillon secret", slug="brouillon", live=False)
    return {"index": index, "school": a, "work": b, "draft": draft}


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(a.get_text() for a in soup.select(".card__title a"))


def test_listing_shows_live_pages_only(client, interviews):
    response = client.get(interviews["index"].url)
    assert response.status_code == 200
    assert titles(response) == ["Interview travail", "Interview école"]


def test_filter_by_type_and_by_tag(client, interviews):
    url = interviews["index"].url
    assert titles(client.get(url, {"type": "scolaire"})) == ["Interview école"]
    assert titles(client.get(url, {"tag": "collègues"})) == ["Interview travail"]
    assert titles(client.get(url, {"type": "scolaire", "tag": "collègues"})) == []


def test_filter_form_offers_only_types_and_tags_in_use(client, interviews):
    HarassmentTypeFactory(code="rue", name="Harcèlement de rue")
    soup = BeautifulSoup(client.get(interviews["index"].url).content, "html.parser")
    types = [o["value"] for o in soup.select("#filtre-type option")]
    assert types == ["", "travail", "scolaire"]  # by sort order, then name
    assert [o["value"] for o in soup.select("#filtre-tag option")] == ["", "collègues", "témoins"]


@pytest.mark.parametrize(
    "params",
    [
        {"type": "inconnu"},
        {"type": "<script>"},
        {"tag": "n-existe-pas"},
        {"type": "scolaire'--", "tag": "\x00"},
        {"type": ["scolaire", "travail"]},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "0"},
        {"page": "9" * 40},
        {"page": "2", "type": "inconnu"},
        {"page": "1e3"},
    ],
)
def test_bad_parameters_never_give_a_500(client, interviews, params):
    response = client.get(interviews["index"].url, params)
    assert response.status_code in (200, 404)
    if (
        response.status_code == 200
        and ("type" in params or "tag" in params)
        and params.get("type") != ["scolaire", "travail"]
    ):
        assert "Ce filtre n'existe pas" in response.content.decode()
        assert len(titles(response)) == 2  # the whole list, unfiltered


def test_page_past_the_end_is_404(client, interviews):
    assert client.get(interviews["index"].url, {"page": "99"}).status_code == 404


def test_pagination_keeps_the_filter(client, home):
    index = VideoIndexPageFactory(parent=home, slug="videos")
    cyber = HarassmentTypeFactory(code="cyber", name="Cyberharcèlement")
    for i in range(index.per_page + 2):
        page = VideoPageFactory(parent=index, slug=f"video-{i}")
        page.harassment_types = [cyber]
        page.save_revision().publish()
    first = client.get(index.url, {"type": "cyber"})
    assert len(titles(first)) == index.per_page
    soup = BeautifulSoup(first.content, "html.parser")
    assert soup.select_one(".pagination a[rel=next]")["href"] == "?type=cyber&page=2"
    second = client.get(index.url, {"type": "cyber", "page": "2"})
    assert len(titles(second)) == 2


def parse(response):
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 - our own feed, parsed in a test


def test_rss_and_atom_feeds_list_only_live_items(client, interviews):
    index = interviews["index"]
    rss = parse(client.get(index.url + "rss/"))
    assert rss.tag == "rss"
    items = rss.findall("./channel/item")
    assert sorted(item.findtext("title") for item in items) == ["Interview travail", "Interview école"]
    assert all(item.findtext("link").startswith("http") for item in items)
    assert "Brouillon secret" not in client.get(index.url + "rss/").content.decode()
    assert {c.text for c in rss.iter("category")} == {"témoins", "collègues"}
    atom = parse(client.get(index.url + "atom/"))
    assert atom.tag == f"{ATOM}feed"
    assert sorted(e.findtext(f"{ATOM}title") for e in atom.findall(f"{ATOM}entry")) == [
        "Interview travail",
        "Interview école",
    ]


def test_video_and_study_feeds(client, home):
    videos = VideoIndexPageFactory(parent=home, slug="videos")
    VideoPageFactory(parent=videos, title="Vidéo publiée")
    VideoPageFactory(parent=videos, title="Vidéo brouillon", live=False)
    studies = StudyIndexPageFactory(parent=home, slug="etudes")
    StudyPageFactory(parent=studies, title="Étude confinement")
    assert [i.findtext("title") for i in parse(client.get(videos.url + "rss/")).iter("item")] == ["Vidéo publiée"]
    assert [e.findtext(f"{ATOM}title") for e in parse(client.get(studies.url + "atom/")).iter(f"{ATOM}entry")] == [
        "Étude confinement"
    ]


def test_index_pages_advertise_their_feeds(client, interviews):
    soup = BeautifulSoup(client.get(interviews["index"].url).content, "html.parser")
    feeds = {link["type"]: link["href"] for link in soup.select("link[rel=alternate][type]")}
    assert feeds["application/rss+xml"] == interviews["index"].url + "rss/"
    assert feeds["application/atom+xml"] == interviews["index"].url + "atom/"


def test_english_feed_lists_english_pages(client, demo_site):
    rss = parse(client.get("/en/interviews/rss/"))
    assert rss.find("channel/language").text == "en"
    assert [i.findtext("title") for i in rss.iter("item")] == ["Is what I am going through harassment?"]


def test_sitemap_is_xml_and_lists_only_live_pages(client, demo_site):
    from campagne.models import VideoIndexPage, VideoPage

    index = VideoIndexPage.objects.get(locale__language_code="fr")
    draft = VideoPage(
        title="Pas encore publiée", slug="pas-encore-publiee", video_url="https://youtu.be/KHgWd7_Ys7A", live=False
    )
    index.add_child(instance=draft)
    draft.save_revision()  # a draft: never in the sitemap
    unpublished = VideoPage.objects.get(locale__language_code="fr", slug="plus-forts-ensemble")
    unpublished.unpublish()
    root = parse(client.get("/sitemap.xml"))
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [loc.text for loc in root.iter(f"{ns}loc")]
    assert locations, "the sitemap lists pages"
    live_urls = {p.full_url for p in Page.objects.live().public().specific() if p.full_url}
    assert set(locations) <= live_urls
    assert [url for url in locations if "pas-encore-publiee" in url or "/fr/videos/plus-forts-ensemble/" in url] == []
    assert any(url.endswith("/fr/etudes/confinement-covid-19/") for url in locations)


def test_listing_queries_do_not_grow_with_items(client, home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    index = InterviewIndexPageFactory(parent=home)
    counts = []
    for size in (1, 12):
        while index.get_children().count() < size:
            InterviewPageFactory(parent=index)
        client.get(index.url)  # warm caches (site root, settings)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(index.url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
