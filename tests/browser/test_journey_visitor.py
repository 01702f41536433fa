"""A visitor, on a phone and on a desktop: read testimonies, find help, search, read in English."""

from __future__ import annotations

import re

import pytest

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
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Témoignages").click()
    page.wait_for_url(re.compile(r"/fr/temoignages/$"))
    assert page.locator("h1").inner_text() == "Témoignages"
    cards_before = page.locator(".cards > *").count()

    # Filter by type: a plain GET form, so it works without JavaScript too.
    page.get_by_label("Type de harcèlement").select_option("travail")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url(re.compile(r"\?type=travail"))
    cards = page.locator(".cards > *")
    assert 0 < cards.count() < cards_before
    assert "travail" in page.locator(".cards").inner_text().lower()

    # A testimony the moderators put behind a content warning: collapsed until asked for.
    page.get_by_role("link", name="Des remarques « pour rire »").click()
    warning = page.locator("details.content-warning")
    assert warning.locator("summary").is_visible()
    story = warning.locator(".testimony__story")
    assert not story.is_visible()
    warning.locator("summary").click()
    assert story.is_visible()
    helplines = page.locator("aside.helplines")
    helplines.first.scroll_into_view_if_needed()
    assert helplines.first.is_visible()
    assert helplines.first.locator("a[href^='tel:']").count() > 0
    testimony_path = page.url.removeprefix(site.url)

    # Search without accents finds the accented word.
    page.get_by_role("link", name="Rechercher").first.click()
    page.get_by_label("Votre recherche").fill("harcelement")
    page.get_by_label("Votre recherche").press("Enter")
    page.wait_for_url(re.compile(r"q=harcelement"))
    count = page.locator(".search-count").inner_text()
    assert re.match(r"\d+ résultats? pour « harcelement »", count) and not count.startswith("0 ")
    first_result = page.locator(".search-results a").first
    result_title = first_result.inner_text().strip()
    first_result.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text().strip()
    result_path = page.url.removeprefix(site.url)
    assert result_path.startswith("/fr/"), result_title

    # The language switcher leads to the same page in English.
    for path in (result_path, testimony_path):
        page.goto(site.url + path)
        page.get_by_role("navigation", name="Choix de la langue").get_by_role("link", name="English").click()
        page.wait_for_url(site.url + translation_url(path, "en"))
        assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1").inner_text() == "Remarks « just for fun »"
