"""Quick exit: what the safety page says it does is what the browser observes.

The button (or Shift three times, or Escape twice) replaces the fled page with the neutral
site: Back does not show it again, but leads to the site page visited before it, which the
history still holds. Without JavaScript it is a plain link. The button never hides the end of
a page. The suicidal-risk path shows 3114 first.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_page

pytestmark = pytest.mark.browser

SAFETY_PAGE = "/fr/se-faire-aider/naviguer-en-securite/"
# What the safety page says (French demo content); the tests below check each is true.
SAYS_FLED_PAGE_REPLACED = "La page que vous quittez est remplacée par le site météo dans l'historique de l'onglet"
SAYS_BACK_DOES_NOT_SHOW_IT = "le bouton « Retour » ne la réaffiche pas"
SAYS_BACK_LEADS_TO_PREVIOUS = "« Retour » ramène à la page de ce site que vous aviez ouverte juste avant"
SAYS_HISTORY_KEEPS_OTHERS = "Les autres pages de ce site que vous avez vues restent dans l'historique"
SAYS_NO_JS_PLAIN_LINK = "le bouton est un simple lien vers le site météo : « Retour » ramène alors à la page quittée"


def neutral(site) -> str:
    return f"{site.url}/robots.txt"


def safety_text(page, site) -> str:
    page.goto(site.url + SAFETY_PAGE)
    return " ".join(page.locator("main").inner_text().split())


def visit_two_pages(page, site) -> tuple[str, str]:
    first, fled = site.url + "/fr/", site.url + "/fr/se-faire-aider/"
    page.goto(first)
    page.goto(fled)
    return first, fled


def test_exit_replaces_the_fled_page_and_back_goes_where_the_safety_page_says(site, page):
    text = safety_text(page, site)
    for statement in (
        SAYS_FLED_PAGE_REPLACED,
        SAYS_BACK_DOES_NOT_SHOW_IT,
        SAYS_BACK_LEADS_TO_PREVIOUS,
        SAYS_HISTORY_KEEPS_OTHERS,
    ):
        assert statement in text, statement

    first, fled = visit_two_pages(page, site)
    length_before = page.evaluate("history.length")
    button = page.locator("[data-quick-exit]")
    assert button.is_visible() and "Quitter" in button.inner_text()
    button.click()
    page.wait_for_url(neutral(site))
    # Replaced, not added: the history is no longer than before the exit.
    assert page.evaluate("history.length") == length_before
    page.go_back()  # history.back(), waiting for the page it leads to
    assert page.url == first, "Back leads to the site page opened just before, as the safety page says"
    assert page.url != fled, "Back showed the fled page again"
    # The fled page is gone from the history: forward leads to the neutral site, not to it.
    page.go_forward()
    assert page.url == neutral(site)


def test_shift_three_times_leaves_and_shift_as_a_modifier_does_not(site, page):
    _, fled = visit_two_pages(page, site)
    # Capitals typed with Shift are not the shortcut.
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.wait_for_timeout(150)
    assert page.url == fled
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(150)
    assert page.url == fled, "two presses must not leave"
    page.keyboard.press("Shift")
    page.wait_for_url(neutral(site))
    page.go_back()
    assert page.url != fled


def test_another_key_between_shift_presses_restarts_the_count(site, page):
    _, fled = visit_two_pages(page, site)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("x")
    page.keyboard.press("Shift")
    page.wait_for_timeout(150)
    assert page.url == fled


def test_escape_twice_leaves_from_anywhere(site, page):
    _, fled = visit_two_pages(page, site)
    page.keyboard.press("Escape")
    page.wait_for_timeout(150)
    assert page.url == fled, "a single Escape must not leave"
    page.keyboard.press("Escape")
    page.wait_for_url(neutral(site))
    page.go_back()
    assert page.url != fled


def test_without_javascript_the_exit_is_a_plain_link_as_the_safety_page_says(site, chromium):
    tab = new_page(chromium, "phone", javascript=False)
    try:
        text = safety_text(tab, site)
        assert SAYS_NO_JS_PLAIN_LINK in text
        _, fled = visit_two_pages(tab, site)
        link = tab.locator("a.quick-exit")
        assert link.evaluate("a => a.tagName") == "A"
        assert link.get_attribute("href") == neutral(site)
        link.click()
        tab.wait_for_url(neutral(site))
        tab.go_back()
        assert tab.url == fled, "without JavaScript, Back returns to the page left (the page says so)"
    finally:
        tab.context.close()


def test_quick_exit_is_first_in_the_tab_order_after_the_skip_link(site, page):
    """A frightened visitor reaches it in two key presses."""
    page.goto(site.url + "/fr/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-quick-exit')")


# Boxes of every link, control and piece of text in the page, except the button itself.
BOXES_UNDER_BUTTON = """
() => {
    const button = document.querySelector('[data-quick-exit]').getBoundingClientRect();
    const hits = [];
    const overlaps = r => r.width > 0 && r.height > 0 && r.left < button.right && r.right > button.left
        && r.top < button.bottom && r.bottom > button.top;
    const skip = n => n.closest('.quick-exit-wrap, .visually-hidden, [hidden], .skip-link');
    for (const el of document.querySelectorAll('a, button, input, select, textarea, summary, label')) {
        if (!skip(el) && [...el.getClientRects()].some(overlaps)) hits.push(el.outerHTML.slice(0, 120));
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim() || skip(node.parentElement)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        if ([...range.getClientRects()].some(overlaps)) hits.push(node.textContent.trim().slice(0, 80));
    }
    return hits;
}
"""


def end_of_page_urls() -> list[str]:
    """The guide (its first answer, « Je suis en danger », was under the button), the home page,
    the safety page, the form, and the English help page."""
    from ressources.models import HarassmentGuidePage, ResourceIndexPage

    return [
        HarassmentGuidePage.objects.get(locale__language_code="fr").url,
        "/fr/",
        SAFETY_PAGE,
        "/fr/temoignages/temoigner/",
        ResourceIndexPage.objects.get(locale__language_code="en").url,
    ]


def test_the_button_hides_nothing_at_the_end_of_a_page(site, page):
    for path in end_of_page_urls():
        page.goto(site.url + path)
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_timeout(100)
        assert page.evaluate(BOXES_UNDER_BUTTON) == [], path


def test_the_space_is_reserved_whatever_ends_the_page(site, page):
    """The footer's own margins happen to leave room today; the reserved space must not depend on
    them. With the footer gone, the guide ends with its full-width answers (« Je suis en danger »
    first), which must still be clear of the button once scrolled to the end."""
    from ressources.models import HarassmentGuidePage

    page.goto(site.url + HarassmentGuidePage.objects.get(locale__language_code="fr").url)
    page.evaluate("document.querySelectorAll('footer, .site-footer').forEach(el => el.remove())")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(100)
    assert page.evaluate(BOXES_UNDER_BUTTON) == []


# --- suicidal risk -----------------------------------------------------------------------------


def first_tel_links(page, count: int = 2) -> list[str]:
    return page.eval_on_selector_all("main a[href^='tel:']", "els => els.map(a => a.getAttribute('href'))")[:count]


def fill_testimony(page, story: str) -> None:
    page.select_option("#id_harassment_type", index=1)
    page.locator("input[name=role]").first.check()
    page.fill("#id_story", story)
    page.locator("#id_consent_publication").check()
    page.locator("#id_consent_processing").check()


def test_risky_testimony_shows_3114_first_while_typing_and_after_sending(site, page, settings):
    settings.TESTIMONY_MIN_FILL_SECONDS = 0
    page.goto(site.url + "/fr/temoignages/temoigner/")
    notice = page.locator(".risk-notice")
    expect(notice).to_be_hidden()
    fill_testimony(page, "Au collège ils me frappent dans les couloirs.")
    expect(notice).to_be_hidden()
    page.locator("#id_story").press_sequentially(" Je veux mourir ce soir.")
    expect(notice).to_be_visible()
    assert "3114" in notice.inner_text()
    with page.expect_navigation():
        page.locator("form.testimony-form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("Merci")
    assert first_tel_links(page) == ["tel:3114", "tel:112"]
    expect(page.locator("main .risk-notice")).to_be_visible()


def test_search_for_wanting_to_die_shows_3114_first(site, page):
    page.goto(site.url + "/fr/recherche/?q=je+veux+mourir")
    assert first_tel_links(page) == ["tel:3114", "tel:112"]
    expect(page.locator("main .risk-notice")).to_be_visible()
