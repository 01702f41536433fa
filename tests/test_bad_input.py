"""Bad input is a 4xx with the site's French page, never a 500.

Search and listing parameters, bodies Django cannot parse (charset, size), public forms with
far too many fields, and editors' image uploads that Pillow cannot read.
"""

import io
import os
import secrets
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.contrib.forms.models import FormSubmission
from wagtail.images import get_image_model

from campagne.forms import CONTACT_TIMER
from site_parlons.ops.form_protection import HONEYPOT_FIELD
from site_parlons.ops.form_protection import TOKEN_FIELD as TIMESTAMP_FIELD
from temoignages import models as tm
from tests.campagne_helpers import campaign_tree, edit_page, form_errors, rich_text, streamfield
from tests.factories.campagne import ContactFormFieldFactory, ContactPageFactory
from tests.factories.home import StandardPageFactory
from tests.factories.ressources import HarassmentGuidePageFactory, ResourceIndexPageFactory
from tests.factories.temoignages import build_testimony_section, valid_data

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
SITE_400 = "Nous n'avons pas pu traiter cette demande"
SITE_404 = "Cette page est introuvable"
#: Past the end of any listing, and past a bigint once multiplied by a page size.
HUGE_PAGES = ["1000000000000000000", "99999999999999999999999999"]
#: Python refuses to read more than 4300 digits: not a number, so the first page.
BAD_PAGES = [*HUGE_PAGES, "9" * 5000, "-1", "0", "abc", "1e3", "\x00", "", " 2", "²"]
BAD_CODES = ["\x00", "inconnu", "a" * 500, "<script>alert(1)</script>", "../..", "é", "%", "' OR 1=1 --"]


@pytest.fixture
def visitor():
    """A visitor whose requests go through CSRF as a browser's do, and whose 500s are answers
    (not exceptions re-raised by the test client)."""
    return Client(enforce_csrf_checks=True, raise_request_exception=False)


@pytest.fixture
def form_page(home):
    return build_testimony_section(home)[1]


@pytest.fixture
def contact(home):
    page = ContactPageFactory(parent=home, slug="contacts", to_address="presse@example.org", subject="Contact presse")
    ContactFormFieldFactory(page=page, label="Votre nom", field_type="singleline")
    ContactFormFieldFactory(page=page, label="Votre message", field_type="multiline")
    return page


def contact_data(**extra) -> dict:
    return {
        "votre_nom": "Inès Journaliste",
        "votre_message": "Bonjour, une demande d'interview.",
        HONEYPOT_FIELD: "",
        TIMESTAMP_FIELD: CONTACT_TIMER.make(time.time() - 30),
        **extra,
    }


def assert_site_page(response, status: int, text: str, language: str = "fr") -> str:
    html = response.content.decode()
    assert response.status_code == status, html[:500]
    assert f'<html lang="{language}">' in html
    assert text in html
    return html


def assert_4xx_site_page(response) -> None:
    """A 404 (no such page of results) or a 200 with the filter dropped; never a 500."""
    assert response.status_code in (200, 404), (response.status_code, response.content[:300])
    if response.status_code == 404:
        assert_site_page(response, 404, SITE_404)


# --- Search and listings --------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["", "temoignage", "interview", "association", "numero"])
@pytest.mark.parametrize("page", HUGE_PAGES)
def test_search_page_past_any_result_is_a_404(client, home, kind, page):
    response = client.get("/fr/recherche/", {"q": "harcèlement", "kind": kind, "page": page})
    assert_site_page(response, 404, SITE_404)


@pytest.mark.skipif(not ON_POSTGRESQL, reason="needs PostgreSQL (DATABASE_URL=postgres://…): its OFFSET is a bigint")
@pytest.mark.parametrize("kind", ["", "interview", "association"])
def test_search_page_overflowing_postgresql_bigint_is_a_404(home, kind):
    # 10**18 pages of 10 results: an offset of 10**19, past PostgreSQL's bigint (9.2 * 10**18).
    response = Client(raise_request_exception=False).get(
        "/fr/recherche/", {"q": "harcèlement", "kind": kind, "page": "1000000000000000000"}
    )
    assert_site_page(response, 404, SITE_404)


@pytest.mark.parametrize("page", BAD_PAGES)
def test_search_bad_page_or_kind_never_500(client, home, page):
    assert_4xx_site_page(client.get("/fr/recherche/", {"q": "harcèlement", "page": page}))
    for kind in BAD_CODES:
        assert_4xx_site_page(client.get("/fr/recherche/", {"q": "harcèlement", "kind": kind, "page": page}))


@pytest.fixture
def listings(home):
    """Every public listing page (index pages with ``?page=`` and filters), by name."""
    tree = campaign_tree(home)
    index, _form = build_testimony_section(home)
    help_page = ResourceIndexPageFactory(parent=home, slug="se-faire-aider")
    guide = HarassmentGuidePageFactory(parent=help_page, slug="est-ce-du-harcelement")
    return {
        "interviews": (tree["interviews"], ["page", "type", "tag"]),
        "videos": (tree["videos"], ["page", "type", "tag"]),
        "studies": (tree["studies"], ["page", "type", "tag"]),
        "testimonies": (index, ["page", "type", "tag"]),
        "help": (help_page, ["page", "type", "public", "region"]),
        "guide": (guide, ["step"]),
    }


@pytest.mark.parametrize("name", ["interviews", "videos", "studies", "testimonies", "help", "guide"])
def test_listing_bad_parameters_never_500(client, listings, name):
    page, params = listings[name]
    values = BAD_PAGES + BAD_CODES
    for param in params:
        for value in values:
            assert_4xx_site_page(client.get(page.url, {param: value}))
    # Every parameter bad at once, repeated.
    query = "&".join(f"{param}=%00&{param}=99999999999999999999" for param in params)
    assert_4xx_site_page(client.get(f"{page.url}?{query}"))


# --- Bodies Django cannot parse ---------------------------------------------------------------


def test_utf16_post_to_the_testimony_form_gets_the_site_400(visitor, form_page):
    visitor.get(form_page.url)  # the CSRF cookie, as a browser has it
    # The test client encodes the text in the charset the content type names.
    body = "&".join(f"{k}={v}" for k, v in valid_data(form_page).items())
    response = visitor.post(form_page.url, body, content_type="application/x-www-form-urlencoded; charset=utf-16")
    html = assert_site_page(response, 400, SITE_400)
    assert "3018" in html
    assert not tm.TestimonySubmission.objects.exists()


def test_utf16_post_to_the_contact_form_gets_the_site_400(visitor, contact):
    visitor.get(contact.url)
    body = "&".join(f"{k}={v}" for k, v in contact_data().items())
    response = visitor.post(contact.url, body, content_type="application/x-www-form-urlencoded; charset=utf-16")
    assert_site_page(response, 400, SITE_400)
    assert not FormSubmission.objects.exists()


def test_the_400_page_needs_no_database(visitor, form_page, django_assert_num_queries):
    visitor.get(form_page.url)
    with django_assert_num_queries(0):
        response = visitor.post(
            form_page.url, b"story=x", content_type="application/x-www-form-urlencoded; charset=utf-16"
        )
    assert response.status_code == 400


def test_english_address_gets_the_400_page_in_english(visitor, form_page):
    response = visitor.post("/en/anything/", b"a=b", content_type="application/x-www-form-urlencoded; charset=utf-16")
    assert_site_page(response, 400, "We could not process this request", language="en")


@pytest.mark.parametrize("enforce_csrf", [False, True])
def test_three_megabyte_body_gets_the_site_400(form_page, enforce_csrf):
    visitor = Client(enforce_csrf_checks=enforce_csrf, raise_request_exception=False)
    visitor.get(form_page.url)
    body = b"story=" + b"x" * (3 * 1024 * 1024)
    response = visitor.post(form_page.url, body, content_type="application/x-www-form-urlencoded")
    assert_site_page(response, 400, SITE_400)
    assert not tm.TestimonySubmission.objects.exists()


# --- Too many fields --------------------------------------------------------------------------


def test_testimony_with_2000_fields_is_refused_and_not_stored(client, form_page):
    data = valid_data(form_page)
    data.update({f"champ{i}": "x" for i in range(2000 - len(data))})
    response = client.post(form_page.url, data)
    assert_site_page(response, 400, SITE_400)
    assert not tm.TestimonySubmission.objects.exists()
    # The same testimony without the padding is accepted: the limit is not in the way.
    assert client.post(form_page.url, valid_data(form_page)).status_code == 200
    assert tm.TestimonySubmission.objects.count() == 1


def test_contact_with_2000_fields_is_refused_and_not_stored(client, contact):
    data = contact_data(**{f"champ{i}": "x" for i in range(2000)})
    response = client.post(contact.url, data)
    assert_site_page(response, 400, SITE_400)
    assert not FormSubmission.objects.exists()
    assert client.post(contact.url, contact_data()).status_code in (200, 302)
    assert FormSubmission.objects.count() == 1


def test_admin_page_editor_may_still_post_hundreds_of_fields(admin_client, home):
    page = StandardPageFactory(parent=home, title="Mentions légales", slug="mentions-legales")
    blocks = [("paragraph", rich_text(f"<p>Paragraphe {i}.</p>")) for i in range(150)]
    data = {"title": "Mentions légales", "slug": "mentions-legales", "intro": "", "body": streamfield(blocks)}
    response = edit_page(admin_client, page, data)
    assert response.status_code == 302, form_errors(response)
    page.refresh_from_db()
    assert len(page.body) == 150


# --- Editors' image uploads -------------------------------------------------------------------


def gif(frames: int = 1) -> bytes:
    images = [PILImage.new("RGB", (64, 48), (200, 30 * i, 30)) for i in range(frames)]
    out = io.BytesIO()
    images[0].save(out, format="GIF", save_all=frames > 1, append_images=images[1:])
    return out.getvalue()


def jpeg() -> bytes:
    out = io.BytesIO()
    PILImage.effect_noise((256, 256), 60).convert("RGB").save(out, format="JPEG", quality=90)
    return out.getvalue()


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_superuser("photos", "p@example.org", secrets.token_urlsafe(16))
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("tronque.gif", gif()[:64]),  # header and palette read, pixels cut
        ("tronque.gif", gif()[:20]),  # header cut
        ("anime.gif", gif(frames=3)[:-40]),  # last frame cut
        ("tronque.jpg", jpeg()[:-2000]),  # Pillow reads a JPEG's pixels only when asked
    ],
    ids=["gif-pixels-cut", "gif-header-cut", "gif-last-frame-cut", "jpeg-cut"],
)
def test_truncated_image_upload_is_a_french_form_error(editor, name, data):
    response = editor.post(
        "/admin/images/add/", {"title": "Affiche", "file": SimpleUploadedFile(name, data, content_type="image/gif")}
    )
    assert response.status_code in (200, 400), response.content[:300]
    assert "Ce fichier image est incomplet ou abîmé" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_truncated_image_in_the_multiple_upload_is_an_error_not_a_500(editor):
    response = editor.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("tronque.gif", gif()[:64], content_type="image/gif")},
    )
    assert response.status_code in (200, 400), response.content[:300]
    assert "incomplet ou abîmé" in response.json()["error_message"]
    assert not get_image_model().objects.exists()


def test_whole_animated_gif_is_still_accepted(editor):
    response = editor.post(
        "/admin/images/add/",
        {
            "title": "Animation",
            "description": "Un carré qui change de couleur",
            "file": SimpleUploadedFile("anime.gif", gif(frames=3)),
        },
    )
    assert response.status_code == 302, response.content[:500]
    assert get_image_model().objects.get().title == "Animation"
