"""Images: vignettes on every listing as <picture>, alternative text required of editors,
decorative images only by decision, the demo's illustrations, and no N+1 on renditions."""

import io
import re
import secrets
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail_localize.fields import SynchronizedField

from home.models import BasePage, DecorativeImage, HarassmentType
from tests.factories.campagne import (
    InterviewIndexPageFactory,
    InterviewPageFactory,
    StudyIndexPageFactory,
    StudyPageFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)
from tests.factories.temoignages import TestimonyPageFactory

pytestmark = pytest.mark.django_db

Image = get_image_model()
PICTURE_RE = re.compile(r"<picture>.*?</picture>", re.S)


def png(width=640, height=360, colour=(91, 42, 134)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(out, format="PNG")
    return out.getvalue()


def make_image(description="Deux mains tendues sous un soleil", title=None) -> Image:
    title = title or f"Illustration {secrets.token_hex(3)}"
    image = Image(title=title, description=description, file=ImageFile(io.BytesIO(png()), name="illustration.png"))
    image.save()
    return image


def pictures(html: str) -> list[str]:
    return PICTURE_RE.findall(html)


def assert_picture_of(html: str, image) -> None:
    """``html`` shows ``image`` as a <picture>: a WebP source, a sized JPEG <img>, the description as alt.

    No AVIF: Pillow 13 encodes it, but for flat illustrations it is larger than WebP and takes
    0.3–0.5 s per rendition against 10–30 ms, which a page's first visitor would wait for.
    """
    # "/<stem>." : the rendition names start with the original's, and "illustration" is a prefix
    # of "illustration_x7Yz" (the second upload of the same name).
    stem = image.file.name.rsplit("/", 1)[-1].split(".")[0]
    mine = [p for p in pictures(html) if f"/{stem}." in p]
    assert mine, f"no <picture> of {image.title}"
    picture = mine[0]
    assert 'type="image/webp"' in picture
    assert 'type="image/avif"' not in picture
    img = re.search(r"<img [^>]*>", picture).group(0)
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img), img
    assert f'alt="{image.description}"' in img, img
    assert ".jpg" in img or ".jpeg" in img, img  # the fallback every browser reads


def get(client, page):
    caches["pages"].clear()
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


# --- Every listing shows its cards' images ---------------------------------------------------

LISTINGS = {
    "interviews": (InterviewIndexPageFactory, InterviewPageFactory),
    "videos": (VideoIndexPageFactory, VideoPageFactory),
    "studies": (StudyIndexPageFactory, StudyPageFactory),
}


@pytest.mark.parametrize("kind", LISTINGS)
def test_listing_cards_show_their_vignette_as_a_picture(client, home, kind):
    index_factory, child_factory = LISTINGS[kind]
    index = index_factory(parent=home)
    image = make_image()
    child = child_factory(parent=index, listing_image=image)
    html = get(client, index)
    assert_picture_of(html, image)
    assert 'class="card card--media"' in html
    assert f'class="card__link" href="{child.url}"' in html
    assert '<ul class="cards">' in html


def test_home_sections_are_cards_with_images(client, home):
    image = make_image("Un écran avec un bouton de lecture")
    VideoIndexPageFactory(parent=home, title="Vidéos", listing_image=image, show_in_menus=True)
    hero = make_image("Un groupe de personnes devant un soleil levant")
    home.hero_image = hero
    home.save_revision().publish()
    html = get(client, home)
    assert_picture_of(html, image)
    assert_picture_of(html, hero)
    hero_img = re.search(r'<section class="hero[^"]*">.*?<img [^>]*>', html, re.S).group(0)
    assert 'fetchpriority="high"' in hero_img and 'loading="lazy"' not in hero_img
    card_img = re.search(r'<article class="card card--media">.*?<img [^>]*>', html, re.S).group(0)
    assert 'loading="lazy"' in card_img


def test_testimony_cards_show_their_type_illustration_never_a_person(client, home, section):
    index, _ = section
    drawing = make_image("Une école dessinée simplement")
    HarassmentType.objects.filter(code="scolaire").update(illustration=drawing)
    TestimonyPageFactory(parent=index, harassment_type=HarassmentType.objects.get(code="scolaire", locale=home.locale))
    assert_picture_of(get(client, index), drawing)
    assert_picture_of(get(client, home), drawing)  # « Derniers témoignages »


def test_video_card_and_facade_use_the_video_poster(client, home):
    index = VideoIndexPageFactory(parent=home)
    poster = make_image("Un écran avec un bouton de lecture, entouré de quelques personnes")
    video = VideoPageFactory(parent=index, video_poster=poster)
    assert_picture_of(get(client, index), poster)
    video_html = get(client, video)
    facade = re.search(r'<figure class="video-facade__player".*?</figure>', video_html, re.S).group(0)
    assert poster.file.name.rsplit("/", 1)[-1].split(".")[0] in facade


def test_video_facade_falls_back_on_the_vignette(client, home):
    index = VideoIndexPageFactory(parent=home)
    vignette = make_image()
    video = VideoPageFactory(parent=index, listing_image=vignette)
    facade = re.search(r'<figure class="video-facade__player".*?</figure>', get(client, video), re.S).group(0)
    assert vignette.file.name.rsplit("/", 1)[-1].split(".")[0] in facade
    assert "video-placeholder.svg" not in facade


def test_decorative_image_has_an_empty_alt_and_an_undescribed_one_its_title(client, home):
    index = StudyIndexPageFactory(parent=home)
    decorative = make_image(description="", title="Motif")
    DecorativeImage.objects.create(image=decorative)
    legacy = make_image(description="", title="Affiche de la campagne")
    StudyPageFactory(parent=index, listing_image=decorative)
    StudyPageFactory(parent=index, listing_image=legacy)
    html = get(client, index)
    alts = re.findall(r'<img alt="([^"]*)"', html)
    assert "" in alts
    assert "Affiche de la campagne" in alts


# --- No N+1 on renditions --------------------------------------------------------------------


def listing_queries(client, index) -> int:
    get(client, index)  # renditions created on first sight: not what a visitor usually costs
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as queries:
        get(client, index)
    return len(queries)


@pytest.mark.parametrize("kind", ["videos", "testimonies"])
def test_listing_queries_do_not_grow_with_the_number_of_cards(client, home, section, kind):
    if kind == "videos":
        index = VideoIndexPageFactory(parent=home)

        def add_card():
            VideoPageFactory(parent=index, listing_image=make_image())
    else:
        index, _ = section
        types = list(HarassmentType.objects.filter(locale=home.locale))

        def add_card():
            harassment_type = types[len(Page.objects.child_of(index).type(TestimonyPageFactory._meta.model)) % 8]
            HarassmentType.objects.filter(pk=harassment_type.pk).update(illustration=make_image())
            TestimonyPageFactory(parent=index, harassment_type=harassment_type, listing_image=None)

    for _ in range(2):
        add_card()
    few = listing_queries(client, index)
    for _ in range(4):
        add_card()
    many = listing_queries(client, index)
    assert many == few, f"{few} queries for 2 cards, {many} for 6"


# --- wagtail-localize synchronises the vignette ----------------------------------------------


def test_every_page_type_synchronises_its_vignette():
    from wagtail_localize.fields import get_translatable_fields

    page_types = list(_concrete_subclasses(BasePage))
    assert len(page_types) >= 10
    for model in page_types:
        synced = {f.field_name for f in get_translatable_fields(model) if isinstance(f, SynchronizedField)}
        assert "listing_image" in synced, model


def _concrete_subclasses(cls):
    for sub in cls.__subclasses__():
        if not sub._meta.abstract:
            yield sub
        yield from _concrete_subclasses(sub)


# --- The image form: an alternative text, or a decision that the image is decorative ---------


@pytest.fixture
def editor(client, db):
    """A member of Wagtail's « Editors » group, who may add images."""
    user = get_user_model().objects.create_user("redaction", "r@example.org", secrets.token_urlsafe(16))
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def post_image(editor, **fields):
    data = {"title": "Atelier d'écriture", "file": SimpleUploadedFile("atelier.png", png(), content_type="image/png")}
    data.update(fields)
    return editor.post("/admin/images/add/", data)


def test_image_without_alt_text_is_refused_in_french(editor):
    response = post_image(editor)
    assert response.status_code == 200
    assert "Décrivez l'image pour les personnes qui ne la voient pas" in unescape(response.content.decode())
    assert not Image.objects.exists()


def test_image_with_alt_text_is_accepted(editor):
    response = post_image(editor, description="Des mains qui écrivent sur une grande feuille")
    assert response.status_code == 302, response.content[:1000]
    image = Image.objects.get()
    assert image.description == "Des mains qui écrivent sur une grande feuille"
    assert not DecorativeImage.objects.exists()


def test_decorative_image_is_accepted_without_alt_text_and_remembered(editor):
    response = post_image(editor, decorative="on")
    assert response.status_code == 302, response.content[:1000]
    image = Image.objects.get()
    assert DecorativeImage.objects.filter(image=image).exists()
    form = editor.get(f"/admin/images/{image.pk}/").content.decode()
    assert re.search(r'<input[^>]*name="decorative"[^>]*checked', form)
    # Un-ticking it without a description is refused; with one, the mark goes.
    edit = {"title": image.title, "collection": image.collection_id, "tags": ""}
    assert editor.post(f"/admin/images/{image.pk}/", edit).status_code == 200
    assert DecorativeImage.objects.filter(image=image).exists()
    response = editor.post(f"/admin/images/{image.pk}/", {**edit, "description": "Un motif de vagues violettes"})
    assert response.status_code == 302, response.content[:1000]
    assert not DecorativeImage.objects.filter(image=image).exists()


def test_decorative_image_with_alt_text_is_refused(editor):
    response = post_image(editor, decorative="on", description="Un motif")
    assert response.status_code == 200
    assert "Une image décorative n'a pas de texte alternatif" in unescape(response.content.decode())


def test_multiple_upload_asks_for_the_alt_text_and_strips_metadata(editor):
    from tests.test_production_images import has_metadata, jpeg_with_gps

    response = editor.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("atelier.jpg", jpeg_with_gps(), content_type="image/jpeg")},
    )
    data = response.json()
    assert data["success"] and "uploaded_file_id" in data, data
    assert not Image.objects.exists()  # waits for its alternative text
    upload_id = data["uploaded_file_id"]
    prefix = f"uploaded-image-{upload_id}"
    url = f"/admin/images/multiple/create_from_uploaded_image/{upload_id}/"
    collection = Collection.get_first_root_node().pk
    refused = editor.post(url, {f"{prefix}-title": "Atelier", f"{prefix}-collection": collection}).json()
    assert not refused["success"]
    response = editor.post(
        url,
        {
            f"{prefix}-title": "Atelier",
            f"{prefix}-collection": collection,
            f"{prefix}-description": "Des mains qui écrivent",
        },
    )
    assert response.json()["success"], response.json()
    image = Image.objects.get()
    with image.open_file() as f:
        assert not has_metadata(f.read())


# --- The demo's illustrations ----------------------------------------------------------------


def test_demo_draws_its_illustrations_once_with_focal_points_and_licence(demo_site):
    from django.core.management import call_command

    from campagne.models import VideoPage
    from site_parlons.demo.illustrations import COLLECTION_NAME, LICENCE_TAGS

    illustrations = Image.objects.filter(collection__name=COLLECTION_NAME)
    count = illustrations.count()
    assert count >= 15
    assert not illustrations.filter(focal_point_x__isnull=True).exists()
    assert not illustrations.filter(description="").exists()
    for image in illustrations:
        assert set(LICENCE_TAGS) <= set(image.tags.names()), image
    call_command("load_demo_content", stdout=io.StringIO())
    assert Image.objects.count() == count
    # Every section of both trees, every type and every video has its own drawing.
    for child in Page.objects.child_of(demo_site).live().in_menu().specific():
        assert child.listing_image_id, child
        for translation in child.get_translations().specific():
            assert translation.listing_image_id == child.listing_image_id, translation
    assert not HarassmentType.objects.filter(illustration__isnull=True).exists()
    posters = list(VideoPage.objects.filter(locale=demo_site.locale).values_list("video_poster_id", flat=True))
    assert None not in posters
    assert len(set(posters)) == len(posters)  # one poster per video
    assert demo_site.hero_image_id
