"""Share previews (Open Graph) and structured data (JSON-LD) of every page type."""

import io
import json
import re
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Site

from home.models import SiteSettings
from home.sharing import share_image
from tests.factories import temoignages as testimony_factories
from tests.factories.campagne import (
    InterviewIndexPageFactory,
    InterviewPageFactory,
    StudyIndexPageFactory,
    StudyPageFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)
from tests.factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db


def make_image(title="Portrait", size=(1600, 1000), description=""):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#5b2a86").save(buffer, format="PNG")
    return Image.objects.create(title=title, description=description, file=ImageFile(buffer, name=f"{title}.png"))


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def soup_of(client, page_or_url):
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def og(soup, name):
    tag = soup.head.select_one(f'meta[property="{name}"]')
    return tag["content"] if tag else None


def og_all(soup, name):
    return [tag["content"] for tag in soup.head.select(f'meta[property="{name}"]')]


def json_ld(soup) -> list[dict]:
    return [json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')]


def by_type(documents, kind):
    found = [document for document in documents if document["@type"] == kind]
    assert len(found) == 1, [d["@type"] for d in documents]
    return found[0]


# --- Open Graph ------------------------------------------------------------------------


def test_a_page_without_image_is_shared_with_the_campaign_card(client, home):
    page = StandardPageFactory(parent=home, slug="mentions")
    soup = soup_of(client, page)
    assert og(soup, "og:image") == f"{settings.SITE_URL}/static/img/share-fr.png"
    assert (og(soup, "og:image:width"), og(soup, "og:image:height")) == ("1200", "630")
    assert "Plus forts, ensemble" in og(soup, "og:image:alt")
    assert og(soup, "og:type") == "website"
    assert og(soup, "og:locale") == "fr_FR"
    assert og_all(soup, "og:locale:alternate") == []  # no translation yet
    assert soup.head.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
    card = client.get("/static/img/share-fr.png")
    assert card.status_code == 200
    assert PILImage.open(io.BytesIO(b"".join(card.streaming_content))).size == (1200, 630)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_campaign_cards_are_1200_by_630_pngs(language):
    from django.contrib.staticfiles import finders

    with PILImage.open(finders.find(f"img/share-{language}.png")) as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))


def test_the_page_image_comes_first_then_the_site_default(client, home):
    index = InterviewIndexPageFactory(parent=home)
    portrait = make_image("Portrait", description="Portrait de la psychologue")
    interview = InterviewPageFactory(parent=index, person_photo=portrait)
    soup = soup_of(client, interview)
    image_url = og(soup, "og:image")
    assert image_url.startswith(f"{settings.SITE_URL}/media/images/Portrait")
    assert (og(soup, "og:image:width"), og(soup, "og:image:height")) == ("1200", "630")
    assert og(soup, "og:image:alt") == "Portrait de la psychologue"

    chosen = make_image("Choisie")
    interview.og_image = chosen
    publish(interview)
    assert "/media/images/Choisie" in og(soup_of(client, interview), "og:image")

    site_default = make_image("Defaut")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.default_og_image = site_default
    site_settings.save()
    plain = StandardPageFactory(parent=home, slug="simple")
    assert "/media/images/Defaut" in og(soup_of(client, plain), "og:image")


def test_share_image_reads_the_listing_image_before_page_specific_images():
    listing, photo = make_image("Liste"), make_image("Photo")
    page = SimpleNamespace(
        specific=SimpleNamespace(og_image=None, listing_image=listing, person_photo=photo),
        locale=SimpleNamespace(language_code="fr"),
        locale_id=1,
        get_site=lambda: None,
    )
    assert "/media/images/Liste" in share_image(page).url


def test_an_unreadable_image_file_falls_back_to_the_card(client, home):
    index = VideoIndexPageFactory(parent=home)
    poster = make_image("Affiche")
    poster.file.storage.delete(poster.file.name)
    video = VideoPageFactory(parent=index, video_poster=poster)
    assert og(soup_of(client, video), "og:image") == f"{settings.SITE_URL}/static/img/share-fr.png"


def test_articles_carry_their_type_and_publication_time(client, home, section):
    index, _form = section
    testimony = publish(testimony_factories.TestimonyPageFactory(parent=index))
    interview = publish(InterviewPageFactory(parent=InterviewIndexPageFactory(parent=home)))
    study = publish(StudyPageFactory(parent=StudyIndexPageFactory(parent=home)))
    for page in (testimony, interview, study):
        soup = soup_of(client, page)
        assert og(soup, "og:type") == "article", page
        assert og(soup, "article:published_time") == page.first_published_at.isoformat()
    for page in (index, interview.get_parent(), home):
        soup = soup_of(client, page)
        assert og(soup, "og:type") == "website", page
        assert og(soup, "article:published_time") is None


# --- The demo in both languages: locales, JSON-LD ---------------------------------------------


def test_demo_pages_locales_and_structured_data(client, demo_site):
    from campagne.models import InterviewPage, StudyPage, VideoPage
    from temoignages.models import TestimonyPage

    english = soup_of(client, "/en/editorial/")
    assert og(english, "og:locale") == "en_GB"
    assert og_all(english, "og:locale:alternate") == ["fr_FR"]
    # The demo's édito has its own illustration: shared as a 1200×630 crop of it.
    assert og(english, "og:image").startswith(f"{settings.SITE_URL}/media/images/")
    assert "fill-1200x630" in og(english, "og:image")
    assert og(english, "og:url") == f"{settings.SITE_URL}/en/editorial/"

    home = json_ld(soup_of(client, "/fr/"))
    organisation = by_type(home, "Organization")
    assert {"name", "url", "logo", "sameAs", "foundingDate", "description"} <= organisation.keys()
    assert organisation["url"] == f"{settings.SITE_URL}/fr/"
    assert organisation["foundingDate"] == "2019-10"
    assert "IUT de Lens" in organisation["description"]
    assert "https://twitter.com/parlonsharcelement" in organisation["sameAs"]
    assert organisation["logo"]["url"] == f"{settings.SITE_URL}/static/img/logo-512.png"
    site = by_type(home, "WebSite")
    assert (
        site["potentialAction"]["target"]["urlTemplate"]
        == f"{settings.SITE_URL}/fr/recherche/?q={{search_term_string}}"
    )
    assert [d for d in home if d["@type"] == "BreadcrumbList"] == []

    interview = InterviewPage.objects.live().filter(locale__language_code="fr").first()
    documents = json_ld(soup_of(client, interview))
    trail = by_type(documents, "BreadcrumbList")["itemListElement"]
    assert [item["position"] for item in trail] == [1, 2, 3]
    assert trail[0]["item"] == f"{settings.SITE_URL}/fr/"
    assert trail[-1] == {"@type": "ListItem", "position": 3, "name": interview.title, "item": interview.full_url}
    article = by_type(documents, "Article")
    assert {"headline", "datePublished", "dateModified", "author", "image", "publisher"} <= article.keys()
    assert article["author"]["@type"] == "Organization"
    assert article["author"]["name"] == "Parlons Harcèlement"
    assert article["image"][0].startswith(settings.SITE_URL + "/")

    study = StudyPage.objects.live().filter(locale__language_code="en").first()
    assert by_type(json_ld(soup_of(client, study)), "Article")["inLanguage"] == "en"

    video = VideoPage.objects.live().filter(locale__language_code="fr").first()
    documents = json_ld(soup_of(client, video))
    clip = by_type(documents, "VideoObject")
    assert {"name", "description", "thumbnailUrl", "uploadDate", "embedUrl"} <= clip.keys()
    assert clip["embedUrl"].startswith("https://www.youtube-nocookie.com/embed/")
    assert [d for d in documents if d["@type"] == "Article"] == []

    for testimony in TestimonyPage.objects.live()[:3]:
        response = client.get(testimony.url)
        assert response.status_code == 200
        assert b"application/ld+json" not in response.content, testimony.url


def test_no_structured_data_on_a_testimony(client, section):
    index, _form = section
    testimony = publish(testimony_factories.TestimonyPageFactory(parent=index, headline="Mon histoire au collège"))
    soup = soup_of(client, testimony)
    assert soup.select('script[type="application/ld+json"]') == []
    assert "schema.org" not in str(soup)
    assert json_ld(soup_of(client, index))[0]["@type"] == "BreadcrumbList"  # the list itself is fine


def test_json_ld_cannot_be_closed_by_a_title(client, home):
    hostile = "</script><script>alert(1)</script> & <!-- co"
    page = StandardPageFactory(parent=home, slug="hostile", title=hostile)
    response = client.get(page.url)
    html = response.content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    assert scripts, "a page below home has its breadcrumbs"
    assert all("<" not in script and "&" not in script for script in scripts)
    assert json.loads(scripts[0])["itemListElement"][-1]["name"] == hostile
    assert "<script>alert(1)" not in html
