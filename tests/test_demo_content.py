"""The demo site: whole tree in French and English, idempotent loader."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from campagne.models import ContactPage, StudyPage, VideoPage
from home.models import HarassmentType, HomePage

pytestmark = pytest.mark.django_db


def test_loader_is_idempotent(demo_site):
    pages = Page.objects.count()
    types = HarassmentType.objects.count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert Page.objects.count() == pages
    assert HarassmentType.objects.count() == types


def test_tree_has_every_section_in_french(demo_site):
    fr = Locale.objects.get(language_code="fr")
    children = {type(p) for p in demo_site.get_children().specific()}
    expected = {m for m in HomePage.allowed_subpage_models()}
    assert expected <= children, f"missing sections: {expected - children}"
    assert demo_site.locale == fr
    assert StudyPage.objects.filter(locale=fr, title__icontains="Confinement").exists()
    assert VideoPage.objects.filter(locale=fr).exists()
    contact = ContactPage.objects.get(locale=fr)
    assert "62307 Lens" in str(contact.body)


def test_every_live_page_answers_200_in_both_languages(client, demo_site):
    fr_pages = Page.objects.live().filter(locale__language_code="fr", depth__gt=1).specific()
    assert fr_pages.count() >= 15
    for page in fr_pages:
        url = page.url
        assert url.startswith("/fr/"), url
        response = client.get(url)
        assert response.status_code == 200, url
        translation = page.get_translations().filter(locale__language_code="en").live().first()
        assert translation is not None, f"no English translation for {url}"
        assert translation.url.startswith("/en/")
        response = client.get(translation.url)
        assert response.status_code == 200, translation.url
        assert b'<html lang="en">' in response.content
