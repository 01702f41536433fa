"""Public forms on a 360 px phone: the error summary takes the focus in the first screen, the
honeypot is never reached with Tab nor seen, the receipt code copies, the video comes first."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from site_parlons.ops.form_protection import HONEYPOT_FIELD
from tests.browser.conftest import VIEWPORTS, new_page

pytestmark = pytest.mark.browser

SCREEN = VIEWPORTS["phone"]["height"]
STORY = "Au collège, un groupe m'insultait chaque jour dans la cour. En parler ici m'aide enfin un peu."


@pytest.fixture
def phone(chromium):
    tab = new_page(chromium, "phone")
    yield tab
    tab.context.close()


def active_element(page) -> dict:
    return page.evaluate(
        "() => { const el = document.activeElement; return {id: el.id, name: el.getAttribute('name') || '', "
        "cls: el.className || '', tag: el.tagName}; }"
    )


def assert_summary_focused_on_first_screen_and_links_reach_fields(page) -> None:
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    assert page.title().startswith("Erreur : ")
    assert "error-summary" in active_element(page)["cls"], active_element(page)
    # Where it sits on the page, not where the focus scrolled it: the first screen, unscrolled.
    top = summary.evaluate("el => el.getBoundingClientRect().top + window.scrollY")
    assert top < SCREEN - 100, f"the summary starts {top} px down"
    hrefs = summary.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs
    for href in hrefs:
        summary.locator(f"a[href='{href}']").click()
        assert active_element(page)["id"] == href.lstrip("#"), (href, active_element(page))
        page.evaluate("document.getElementById('erreurs').scrollIntoView()")


def tab_through(page, limit: int = 120) -> list[dict]:
    """Every element Tab reaches from the top of the page until it leaves the page."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        current = active_element(page)
        if current["tag"] in ("BODY", "HTML") or (seen and current == seen[0]):
            break
        seen.append(current)
    return seen


def assert_honeypot_unreachable_and_unseen(page) -> None:
    reached = tab_through(page)
    assert any(el["tag"] == "BUTTON" for el in reached), "Tab went through the form"
    assert HONEYPOT_FIELD not in [el["name"] for el in reached]
    honeypot = page.locator(f"input[name={HONEYPOT_FIELD}]")
    assert honeypot.get_attribute("tabindex") == "-1"
    assert honeypot.get_attribute("autocomplete") == "off"
    assert honeypot.locator("xpath=..").get_attribute("aria-hidden") == "true"
    assert not honeypot.is_visible()
    assert honeypot.bounding_box() is None  # no box at all: display none really applies
    assert page.evaluate(
        "el => getComputedStyle(el.closest('.hp-field')).display", honeypot.element_handle()
    ) == "none"


def test_testimony_form_on_a_phone(site, phone, settings):
    settings.TESTIMONY_MIN_FILL_SECONDS = 0
    phone.goto(site.url + "/fr/temoignages/temoigner/")
    assert_honeypot_unreachable_and_unseen(phone)
    with phone.expect_navigation():
        phone.locator("form.testimony-form button[type=submit]").click()
    assert_summary_focused_on_first_screen_and_links_reach_fields(phone)

    # A browser that autofills the hidden field: told so, the text kept, and the resend works.
    phone.select_option("#id_harassment_type", index=1)
    phone.check("#id_role_0")
    phone.fill("#id_story", STORY)
    phone.check("#id_consent_publication")
    phone.check("#id_consent_processing")
    phone.evaluate(f"document.querySelector('input[name={HONEYPOT_FIELD}]').value = 'https://mon-site.example'")
    with phone.expect_navigation() as refused:
        phone.locator("form.testimony-form button[type=submit]").click()
    assert refused.value.status == 400
    expect(phone.locator(".error-summary")).to_contain_text("un champ caché")
    assert phone.locator("#id_story").input_value() == STORY
    phone.check("#id_consent_publication")
    phone.check("#id_consent_processing")
    with phone.expect_navigation():
        phone.locator("form.testimony-form button[type=submit]").click()
    code = phone.locator(".receipt-code").inner_text().strip()

    # With JavaScript the first link is a copy button: the clipboard holds the code, said aloud.
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url)
    copy = phone.get_by_role("button", name="Copier le code")
    copy.click()
    expect(phone.locator("[data-copy-status]")).to_have_text("Code copié")
    assert phone.evaluate("navigator.clipboard.readText()") == code
    # The other link still saves the file.
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Enregistrer dans un fichier").click()
    assert download.value.suggested_filename == "parlons-harcelement-code.txt"
    assert code in open(download.value.path(), encoding="utf-8").read()


def test_contact_form_on_a_phone(site, phone):
    phone.goto(site.url + "/fr/contacts-presse/")
    assert_honeypot_unreachable_and_unseen(phone)
    time.sleep(3.1)  # the contact form's minimum fill time
    with phone.expect_navigation():
        phone.locator("main form button[type=submit]").click()
    assert_summary_focused_on_first_screen_and_links_reach_fields(phone)


def test_video_player_is_in_the_first_screen(site, phone):
    phone.goto(site.url + "/fr/videos/plus-forts-ensemble/")
    assert phone.evaluate("window.scrollY") == 0
    warning = phone.locator(".video-facade .content-warning").bounding_box()
    player = phone.locator("[data-video-facade]").bounding_box()
    assert warning["y"] < player["y"], "the warning comes before the player"
    assert player["y"] < SCREEN, f"player starts at {player['y']} px, below the first screen"
