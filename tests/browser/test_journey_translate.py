"""A French-speaking editor changes a sentence of the French édito, synchronises the English
translation from the admin, translates the changed sentence in the translation editor and
publishes it: the English page shows it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "rédaction-2025-mot-de-passe"
NEW_FRENCH = "En octobre 2019, cinq étudiants de Lens ont lancé la campagne pour libérer la parole."
NEW_ENGLISH = "In October 2019, five students from Lens started the campaign to help people speak up."


@pytest.fixture
def editor(site):
    """A member of an editorial group: edits and publishes pages in both languages, submits
    translations; no superuser rights."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission, Page

    group = Group.objects.create(name="Rédaction (parcours)")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    for home in Page.objects.filter(depth=2):
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group, page=home, permission=Permission.objects.get(codename=codename)
            )
    user = get_user_model().objects.create_user("redactrice", "redaction@example.org", PASSWORD)
    user.groups.add(group)
    return user


def publish_from_footer(page) -> None:
    publish = page.locator("footer button[name='action-publish']")
    if not publish.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    publish.click()


def test_editor_syncs_and_translates_a_french_change(site, page, viewport, editor):
    from wagtail.models import Locale

    from campagne.models import EditoPage

    french = EditoPage.objects.get(locale=Locale.objects.get(language_code="fr"))
    english = french.get_translation(Locale.objects.get(language_code="en"))
    old_intro = french.intro

    page.goto(site.url + "/admin/login/")
    page.locator("#id_username").fill("redactrice")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    # The French édito: one sentence changed, published.
    page.goto(site.url + f"/admin/pages/{french.pk}/edit/")
    page.locator("#id_intro").fill(NEW_FRENCH)
    publish_from_footer(page)
    page.wait_for_url(re.compile(rf"/admin/pages/{french.get_parent().pk}/$"))
    french.refresh_from_db()
    assert french.intro == NEW_FRENCH

    # « Synchroniser les pages traduites » from the page's actions, without publishing at once.
    page.goto(site.url + f"/admin/pages/{french.pk}/edit/")
    page.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Synchroniser les pages traduites").click()
    expect(page.locator("main")).to_contain_text("Mettre à jour les traductions existantes")
    page.get_by_role("button", name="Soumettre").click()
    expect(page.locator(".messages")).to_contain_text("Les traductions ont été mises à jour")
    english.refresh_from_db()
    assert english.intro != NEW_FRENCH, "the English page must wait for its translation"

    # The English page opens in the translation editor, in French; the new sentence awaits.
    page.goto(site.url + f"/admin/pages/{english.pk}/edit/")
    segment = page.locator("li.incomplete", has_text=NEW_FRENCH)
    segment.get_by_role("button", name="Traduire").click()
    segment.locator("textarea").fill(NEW_ENGLISH)
    segment.get_by_role("button", name="Enregistrer").click()
    expect(page.locator("p", has_text=NEW_ENGLISH)).to_be_visible()
    expect(page.locator("li.incomplete")).to_have_count(0)
    page.locator("footer").get_by_role("button", name=re.compile("^Publier dans")).click()
    expect(page.locator(".messages")).to_contain_text("Editorial")

    public = page.context.new_page()
    public.goto(site.url + "/en/editorial/")
    main = public.locator("main")
    expect(main).to_contain_text(NEW_ENGLISH)
    expect(main).not_to_contain_text(NEW_FRENCH)
    expect(main).not_to_contain_text(old_intro)
    expect(main).to_contain_text("We are five students from the IUT de Lens.")
