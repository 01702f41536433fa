"""What visitors see: the testimony index (filters, cards) and a testimony page."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from taggit.models import Tag

from home.models import HarassmentType
from tests.factories import temoignages as factories
from tests.factories.temoignages import build_testimony_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return build_testimony_section(home)[0]


def publish(index, days_ago=0, type_code="scolaire", tags=(), **fields):
    page = factories.TestimonyPageFactory(
        parent=index, harassment_type=HarassmentType.objects.get(code=type_code, locale=index.locale), **fields
    )
    if tags:
        page.tags.add(*tags)
    page.save_revision().publish()
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment)
    return page


def card_titles(response):
    return [a.get_text(strip=True) for a in BeautifulSoup(response.content, "html.parser").select(".testimony-card .card__title a")]


def test_index_lists_published_newest_first_without_drafts(client, index):
    old = publish(index, days_ago=5, headline="Ancien récit")
    new = publish(index, days_ago=1, headline="Récit récent")
    factories.TestimonyPageFactory(parent=index, live=False, headline="Brouillon caché")
    titles = card_titles(client.get(index.url))
    assert titles == [new.headline, old.headline]


def test_cards_show_type_role_date_excerpt_and_warning(client, index):
    publish(index, headline="Sans avertissement", role="temoin", story="Un début de récit visible dans la carte.")
    publish(index, headline="Avec avertissement", content_warning="Violences physiques", story="Texte caché de la carte.")
    soup = BeautifulSoup(client.get(index.url).content, "html.parser")
    cards = {c.select_one(".card__title").get_text(strip=True): c for c in soup.select(".testimony-card")}
    plain = cards["Sans avertissement"].get_text(" ", strip=True)
    assert "Harcèlement scolaire" in plain and "Témoin" in plain and "Un début de récit" in plain
    assert cards["Sans avertissement"].select_one("time[datetime]")
    warned = cards["Avec avertissement"].get_text(" ", strip=True)
    assert "Violences physiques" in warned and "Texte caché" not in warned


def test_filter_by_type_and_tag(client, index):
    publish(index, headline="Cyber", type_code="cyber", tags=["réseaux"])
    publish(index, headline="École", type_code="scolaire", tags=["cour", "santé"])
    assert card_titles(client.get(index.url + "?type=cyber")) == ["Cyber"]
    accented = Tag.objects.get(name="santé")
    assert card_titles(client.get(index.url, {"tag": accented.slug})) == ["École"]
    assert card_titles(client.get(index.url + "?tag=cour")) == ["École"]
    assert card_titles(client.get(index.url + "?type=cyber&tag=cour")) == []


@pytest.mark.parametrize("query", ["?type=inconnu", "?type=%00", "?tag=nope", "?type=" + "x" * 500, "?type=inconnu&tag=nope"])
def test_unknown_filter_shows_the_whole_list_with_a_notice(client, index, query):
    publish(index, headline="Premier", type_code="cyber")
    publish(index, headline="Second", days_ago=1)
    response = client.get(index.url + query)
    assert response.status_code == 200
    assert "Ce filtre n'existe pas" in response.content.decode()
    assert card_titles(response) == ["Premier", "Second"]


def test_unknown_filter_keeps_the_valid_one(client, index):
    publish(index, headline="Cyber", type_code="cyber")
    publish(index, headline="École", days_ago=1)
    response = client.get(index.url + "?type=cyber&tag=nope")
    assert "Ce filtre n'existe pas" in response.content.decode()
    assert card_titles(response) == ["Cyber"]


def test_page_past_the_end_is_404(client, index):
    publish(index)
    assert client.get(index.url + "?page=999").status_code == 404


@pytest.mark.parametrize("query", ["?page=abc", "?page=-1", "?type=", "?tag="])
def test_harmless_bad_parameters_give_the_default_listing(client, index, query):
    publish(index)
    assert client.get(index.url + query).status_code == 200


def test_pagination_keeps_the_filter(client, index):
    for i in range(14):
        publish(index, days_ago=i, type_code="cyber", headline=f"Cyber {i}")
    page_one = BeautifulSoup(client.get(index.url + "?type=cyber").content, "html.parser")
    assert page_one.select_one(".pagination a[rel=next]")["href"] == "?type=cyber&page=2"
    assert len(card_titles(client.get(index.url + "?type=cyber&page=2"))) == 2


def test_testimony_page_warning_collapsed_helplines_related_share(client, index):
    page = publish(index, headline="Le récit", content_warning="Idées noires", story="Le texte du récit.", tags=["cour"])
    other = publish(index, headline="Un autre", days_ago=2)
    publish(index, headline="Autre type", type_code="travail")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    details = soup.select_one("details.content-warning")
    assert details is not None and not details.has_attr("open")
    assert "Idées noires" in details.select_one("summary").get_text()
    assert "Le texte du récit." in details.get_text()
    assert soup.select_one(".helplines")
    assert [a.get_text(strip=True) for a in soup.select(".tags a")] == ["cour"]
    related = [a.get_text(strip=True) for a in soup.select(".testimony-card .card__title a")]
    assert related == [other.headline]
    share = [a["href"] for a in soup.select(".share-links a")]
    assert any(href.startswith("https://www.facebook.com/sharer/") for href in share)
    assert not soup.select("iframe") and not [s for s in soup.select("script[src]") if "//" in s["src"]]


def test_story_without_warning_is_shown_directly(client, index):
    page = publish(index, story="Visible tout de suite.")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.select_one("main details") is None
    assert "Visible tout de suite." in soup.select_one(".testimony__story").get_text()


def test_unpublished_testimony_is_404(client, index):
    page = publish(index)
    page.unpublish()
    assert client.get(page.url).status_code == 404
    assert page.headline not in client.get(index.url).content.decode()
