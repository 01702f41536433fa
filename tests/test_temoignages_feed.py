"""RSS and Atom feeds of the published testimonies: only live public stories, only their public text."""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from temoignages import services
from temoignages.choices import Status
from tests.factories import temoignages as tf

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response):
    assert response.status_code == 200
    return ElementTree.fromstring(response.content)  # noqa: S314 - our own feed, parsed in a test


def with_record(page, **fields):
    """The private record behind ``page``, as the form leaves it (original text, contact e-mail)."""
    return tf.TestimonySubmissionFactory(page=page, locale=page.locale, **fields)


@pytest.fixture
def stories(section, home):
    from home.sites import sync_default_site

    sync_default_site()  # the site at SITE_URL, as load_demo_content or sync_site_url leave it
    index, _form = section
    published = tf.TestimonyPageFactory(
        parent=index,
        headline="Seule à la cantine",
        story="On me laissait seule à la cantine. [prénom retiré] riait.\n\nJ'ai écrit <b>ça</b> & ça.",
        pseudonym="Hirondelle",
        age_range="15-17",
    )
    published.save_revision().publish()
    with_record(
        published,
        status=Status.PUBLISHED,
        story="On me laissait seule à la cantine. Kevin Martin riait.",
        contact_email="eleve.secret@example.org",
    )
    warned = tf.TestimonyPageFactory(
        parent=index, headline="Un récit difficile", story="Détails très durs.", content_warning="idées suicidaires"
    )
    warned.save_revision().publish()
    draft = tf.TestimonyPageFactory(parent=index, headline="Brouillon en relecture", live=False)
    with_record(draft, status=Status.PENDING)
    refused = tf.TestimonyPageFactory(parent=index, headline="Refusé par la modération")
    refused.save_revision().publish()
    refused.unpublish()
    with_record(refused, status=Status.REJECTED)
    withdrawn = tf.TestimonyPageFactory(parent=index, headline="Retiré par son autrice")
    withdrawn.save_revision().publish()
    services.withdraw(with_record(withdrawn, status=Status.PUBLISHED))
    return index


def test_rss_lists_only_live_public_testimonies_with_their_public_text(client, stories):
    response = client.get(stories.url + "rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    rss = parse(response)
    items = {item.findtext("title"): item for item in rss.iter("item")}
    assert sorted(items) == ["Seule à la cantine", "Un récit difficile"]
    assert (
        items["Seule à la cantine"].findtext("description")
        == "<p>On me laissait seule à la cantine. [prénom retiré] riait.</p>\n\n"
        "<p>J&#x27;ai écrit &lt;b&gt;ça&lt;/b&gt; &amp; ça.</p>"
    )
    # A story folded behind a warning on the site stays folded in a feed reader.
    assert "Détails très durs" not in response.content.decode()
    assert "idées suicidaires" in items["Un récit difficile"].findtext("description")
    text = response.content.decode()
    for private in ("Kevin Martin", "eleve.secret@example.org", "Hirondelle", "Brouillon", "Refusé", "Retiré"):
        assert private not in text
    links = [rss.findtext("channel/link")] + [item.findtext("link") for item in items.values()]
    links += [item.findtext("guid") for item in items.values()]
    links += [link.get("href") for link in rss.iter(f"{ATOM}link")]
    assert all(link.startswith(settings.SITE_URL + "/fr/temoignages/") for link in links), links


def test_atom_feed_and_type_filter(client, stories):
    atom = parse(client.get(stories.url + "atom/"))
    assert atom.tag == f"{ATOM}feed"
    assert sorted(e.findtext(f"{ATOM}title") for e in atom.findall(f"{ATOM}entry")) == [
        "Seule à la cantine",
        "Un récit difficile",
    ]
    hrefs = [link.get("href") for link in atom.iter(f"{ATOM}link")]
    assert f"{settings.SITE_URL}/fr/temoignages/atom/" in hrefs
    assert all(href.startswith(settings.SITE_URL + "/") for href in hrefs)
    # An unknown type is dropped, as on the page: the whole feed, never an error.
    unknown = parse(client.get(stories.url + "atom/?type=inconnu"))
    assert len(unknown.findall(f"{ATOM}entry")) == len(atom.findall(f"{ATOM}entry"))


def test_testimony_and_home_pages_announce_the_feeds(client, stories, home):
    index_page = BeautifulSoup(client.get(stories.url).content, "html.parser")
    announced = {link["type"]: link["href"] for link in index_page.select("link[rel=alternate][type]")}
    assert announced == {"application/rss+xml": stories.url + "rss/", "application/atom+xml": stories.url + "atom/"}
    visible = [a["href"] for a in index_page.select("main .feeds a")]
    assert visible == [stories.url + "rss/", stories.url + "atom/"]
    home_page = BeautifulSoup(client.get(home.url).content, "html.parser")
    assert {link["href"] for link in home_page.select("link[rel=alternate][type]")} == set(announced.values())


def test_search_and_form_answers_are_not_indexed(client, section):
    _index, form_page = section
    for url in (
        "/fr/recherche/",
        "/fr/recherche/?q=harc%C3%A8lement",
        "/en/recherche/?q=school",
        form_page.url + "suivi/",
    ):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        assert soup.head.select_one('meta[name="robots"]')["content"] == "noindex", url
    assert (
        BeautifulSoup(client.get(form_page.url).content, "html.parser").head.select_one('meta[name="robots"]') is None
    )
