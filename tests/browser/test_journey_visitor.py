"""A visitor, on a phone and on a desktop: read testimonies, find help, search, read in English."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def translation_url(path: str, language: str) -> str:
    """The URL of the page served at ``path`` in ``language`` (from the database, not the UI)."""
    from wagtail.models import Page

    path = path.split("#")[0].split("?")[0]
    page = next((page for page in Page.objects.live().specific() if page.get_url() == path), None)
    assert page is not None, f"no page at {path}"
    return page.get_translations().get(locale__language_code=language).get_url()


def test_visitor_reads_a_testimony_finds_help_searches_and_switches_to_english(site, page, viewport):
    page.goto(site.url + "/fr/")
    # On a phone the menu is behind its button; on a computer it is laid out flat.
    toggle = page.locator(".menu__toggle")
    if toggle.is_visible():
        toggle.click()
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Témoignages").click()
    page.wait_for_url(re.compile(r"/fr/temoignages/$"))
    assert page.locator("h1").inner_text() == "Témoignages"
    cards_before = page.locator(".cards > *").count()

    # Filter by type: a plain GET form, so it works without JavaScript too.
    page.get_by_label("Type de harcèlement").select_option("travail")
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url(re.compile(r"\?type=travail"))
    cards = page.locator(".cards > *")
    assert 0 < cards.count() < cards_before
    expect(page.locator(".cards")).to_contain_text(re.compile("travail", re.IGNORECASE))

    # A testimony the moderators put behind a content warning: collapsed until asked for.
    with page.expect_navigation():
        page.get_by_role("link", name="Des remarques « pour rire »").click()
    page.wait_for_url(re.compile(r"/fr/temoignages/[^/?]+/$"))
    warning = page.locator("details.content-warning")
    expect(warning.locator("summary")).to_be_visible()
    story = warning.locator(".testimony__story")
    expect(story).to_be_hidden()
    warning.locator("summary").click()
    expect(story).to_be_visible()
    helplines = page.locator("aside.helplines").first
    helplines.scroll_into_view_if_needed()
    expect(helplines).to_be_visible()
    expect(helplines.locator("a[href^='tel:']").first).to_be_attached()
    testimony_path = page.url.removeprefix(site.url)

    # Search from the header's field, on every page, without accents: the accented word is
    # found. On a phone the field is behind the menu button.
    toggle = page.locator(".menu__toggle")
    if toggle.is_visible():
        toggle.click()
    query = page.get_by_label("Rechercher sur le site")
    query.fill("harcelement")
    with page.expect_navigation():
        query.press("Enter")
    page.wait_for_url(re.compile(r"q=harcelement"))
    expect(page.locator(".search-count")).to_have_text(re.compile(r"^[1-9]\d* résultats? pour « harcelement »"))
    first_result = page.locator(".search-results a").first
    result_title = first_result.inner_text().strip()
    result_href = first_result.get_attribute("href")
    with page.expect_navigation():
        first_result.click()
    page.wait_for_url(re.compile(re.escape(result_href.split("?")[0].split("#")[0])))
    expect(page.locator("h1").first).not_to_be_empty()
    result_path = page.url.removeprefix(site.url)
    assert result_path.startswith("/fr/"), result_title

    # The language switcher leads to the same page in English.
    for path in (result_path, testimony_path):
        page.goto(site.url + path)
        english = translation_url(path, "en")
        with page.expect_navigation():
            page.get_by_role("navigation", name="Choix de la langue").get_by_role("link", name="English").click()
        page.wait_for_url(site.url + english)
        assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator("h1")).to_have_text("Remarks « just for fun »")
