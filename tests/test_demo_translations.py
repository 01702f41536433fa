"""The demo's English tree is a wagtail-localize translation of the French one.

So the admin's translation editor opens on every English demo page, « Synchroniser les pages
traduites » carries a French edit over, and the English pages have English addresses.
"""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from campagne.models import ContactPage, EditoPage, InterviewPage
from temoignages import models as temoignages_models

pytestmark = pytest.mark.django_db

# French address (below the language prefix) -> English address.
ENGLISH_ADDRESSES = {
    "/": "/",
    "/edito/": "/editorial/",
    "/interviews/": "/interviews/",
    "/interviews/est-ce-du-harcelement/": "/interviews/is-this-harassment/",
    "/videos/": "/videos/",
    "/videos/plus-forts-ensemble/": "/videos/stronger-together/",
    "/etudes/": "/studies/",
    "/etudes/confinement-covid-19/": "/studies/lockdown-covid-19/",
    "/reseaux-sociaux/": "/social-networks/",
    "/contacts-presse/": "/press-contacts/",
    "/temoignages/": "/testimonies/",
    "/temoignages/temoigner/": "/testimonies/testify/",
    "/se-faire-aider/": "/get-help/",
    "/se-faire-aider/est-ce-du-harcelement/": "/get-help/is-it-harassment/",
    "/se-faire-aider/naviguer-en-securite/": "/get-help/browse-safely/",
    "/mentions-legales/": "/legal-notice/",
    "/confidentialite/": "/privacy/",
    "/accessibilite/": "/accessibility/",
}
NEW_FRENCH = "Nous relisons chaque page avec des lycéens avant de la publier."
NEW_ENGLISH = "We read every page again with secondary school pupils before publishing it."


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def translated_french_pages():
    """Every French demo page but testimonies, which are never translation targets."""
    return (
        Page.objects.filter(locale=locale("fr"), depth__gt=1)
        .not_type(temoignages_models.TestimonyPage)
        .specific()
        .order_by("path")
    )


def relative(page: Page) -> str:
    """The page's address without its language prefix: « /fr/edito/ » -> « /edito/ »."""
    return "/" + page.url.split("/", 2)[2]


def english_of(page: Page) -> Page:
    return page.get_translation(locale("en")).specific


def translation_of(page: Page) -> Translation:
    source = TranslationSource.objects.get_for_instance(page)
    return source.translations.get(target_locale=locale("en"))


def snapshot() -> dict:
    return {
        "pages": Page.objects.count(),
        "sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "strings": StringTranslation.objects.count(),
        "revisions": Revision.objects.count(),
        "english": sorted(Page.objects.filter(locale=locale("en")).values_list("id", "url_path")),
    }


def test_every_french_page_has_an_enabled_complete_english_translation(demo_site):
    pages = list(translated_french_pages())
    assert len(pages) == len(ENGLISH_ADDRESSES)
    for page in pages:
        translation = translation_of(page)
        assert translation.enabled, page.url_path
        assert translation.get_target_instance().pk == english_of(page).pk
        total, done = translation.get_progress()
        assert total > 0 and done == total, f"{page.url_path}: {done}/{total} segments in English"


def test_english_pages_have_english_addresses(demo_site):
    addresses = {relative(page): relative(english_of(page)) for page in translated_french_pages()}
    assert addresses == ENGLISH_ADDRESSES


def test_english_text_is_the_translation(client, demo_site):
    edito = english_of(EditoPage.objects.get(locale=locale("fr")))
    assert edito.title == "Editorial"
    html = client.get("/en/editorial/").content.decode()
    assert "We are five students from the IUT de Lens." in html
    assert "Nous sommes cinq étudiants" not in html


def test_each_language_keeps_its_own_tags_and_form_fields(demo_site):
    french = InterviewPage.objects.get(locale=locale("fr"))
    assert set(english_of(french).tags.names()) == {"witnesses", "recognising harassment"}
    contact = english_of(ContactPage.objects.get(locale=locale("fr")))
    assert [field.label for field in contact.form_fields.all()][0] == "Your name"
    assert contact.press_contacts.get().role == "Press relations"


def test_loading_twice_changes_nothing(demo_site):
    before = snapshot()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert snapshot() == before


def test_a_translation_an_editor_disabled_stays_disabled(demo_site):
    translation = translation_of(EditoPage.objects.get(locale=locale("fr")))
    translation.enabled = False
    translation.save()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    translation.refresh_from_db()
    assert not translation.enabled


def test_english_pages_copied_by_an_earlier_loader_are_converted_in_place(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    """Earlier loaders copied each French page and overwrote its fields, under the French slug."""
    import site_parlons.demo.content
    from site_parlons.demo.content import ensure_copied_translation, load_demo_content

    def copied(page, fields, refresh=False):
        return ensure_copied_translation(page, {k: v for k, v in fields.items() if k != "slug"})

    with monkeypatch.context() as patch:
        patch.setattr(site_parlons.demo.content, "ensure_translation", copied)
        load_demo_content()
    assert not TranslationSource.objects.exists()
    edito = english_of(EditoPage.objects.get(locale=locale("fr")))
    assert edito.slug == "edito"
    ids = {page.pk: english_of(page).pk for page in translated_french_pages()}

    # Run to its commit: Wagtail creates the redirects from changed slugs then.
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_content()

    assert {page.pk: english_of(page).pk for page in translated_french_pages()} == ids
    assert {relative(page): relative(english_of(page)) for page in translated_french_pages()} == ENGLISH_ADDRESSES
    for page in translated_french_pages():
        assert translation_of(page).get_progress()[1] == translation_of(page).get_progress()[0]
    edito.refresh_from_db()
    assert edito.slug == "editorial" and edito.live
    # Links to the old address keep working.
    response = client.get("/en/edito/")
    assert response.status_code == 301 and response["Location"].endswith("/en/editorial/")


@pytest.fixture
def editor(django_user_model, demo_site):
    """A member who edits and publishes campaign pages in both languages and submits translations."""
    group = Group.objects.create(name="Rédaction (test)")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    for home in Page.objects.filter(depth=2):
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group, page=home, permission=Permission.objects.get(codename=codename)
            )
    user = django_user_model.objects.create_user("redactrice", "redaction@example.org", "motdepasse-solide-123")
    user.groups.add(group)
    return user


def test_a_french_edit_reaches_the_english_page_through_sync(client, editor, django_capture_on_commit_callbacks):
    french = EditoPage.objects.get(locale=locale("fr"))
    english = english_of(french)
    body = french.body.get_prep_value() + [{"type": "paragraph", "value": f"<p>{NEW_FRENCH}</p>"}]
    french.body = json.dumps(body)
    french.save_revision(user=editor).publish()
    client.force_login(editor)
    source = TranslationSource.objects.get_for_instance(french)

    # « Synchroniser les pages traduites », without publishing: the new sentence awaits its translation.
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302, response.content.decode()[:500]
    segment = StringSegment.objects.get(source=source, string__data=NEW_FRENCH)
    translation = translation_of(french)
    assert translation.get_progress()[1] == translation.get_progress()[0] - 1

    # The translation editor (the English page's edit view) saves the sentence, then publishes.
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert 'class="js-translation-editor"' in client.get(edit_url).content.decode()
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        f"value={NEW_ENGLISH}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302

    html = client.get("/en/editorial/").content.decode()
    assert NEW_ENGLISH in html
    assert NEW_FRENCH not in html
    assert "We are five students from the IUT de Lens." in html
    assert "Our aim: everyone should be able to say the word harassment without shame" in html


@pytest.mark.parametrize("role", ["superuser", "editor"])
def test_admin_offers_sync_and_the_translation_editor_on_every_demo_page(client, editor, django_user_model, role):
    """The French page's actions hold « Synchroniser les pages traduites »; the English page's edit
    view is the translation editor. Editors never see the testimony section (moderators' work)."""
    user = editor
    if role == "superuser":
        user = django_user_model.objects.create_superuser("racine", "racine@example.org", "motdepasse-solide-123")
    client.force_login(user)
    testimonies = temoignages_models.TestimonyIndexPage.objects.get(locale=locale("fr"))
    pages = [
        page for page in translated_french_pages() if role == "superuser" or not page.path.startswith(testimonies.path)
    ]
    assert len(pages) >= len(ENGLISH_ADDRESSES) - 2
    for page in pages:
        source = TranslationSource.objects.get_for_instance(page)
        french_view = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert reverse("wagtail_localize:update_translations", args=[source.pk]) in french_view, page.url_path
        assert "Synchroniser les pages traduites" in french_view
        english_view = client.get(reverse("wagtailadmin_pages:edit", args=[english_of(page).pk])).content.decode()
        assert 'class="js-translation-editor"' in english_view, page.url_path
