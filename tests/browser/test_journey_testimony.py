"""A person testifies with the keyboard only, keeps the receipt code, checks the status, withdraws."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.testimonies import page_with_story

pytestmark = pytest.mark.browser

STORY = (
    "Au lycée, un groupe se moquait de moi tous les jours dans le bus. Je n'osais plus le prendre "
    "et j'arrivais en retard. En parler ici m'aide à mettre des mots dessus."
)


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches ``selector`` (the keyboard is the only way in)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_testify_with_the_keyboard_then_check_and_withdraw(site, page, viewport, settings):
    # The journey is about the visitor, not the anti-bot timer (a form sent within seconds of
    # being shown gets a decoy thank-you page; a keyboard robot is that fast).
    settings.TESTIMONY_MIN_FILL_SECONDS = 0
    page.goto(site.url + "/fr/temoignages/temoigner/")

    # Sent empty first: an error summary linking to each field, errors tied to their fields.
    tab_to(page, "form.testimony-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    links = summary.locator("a")
    assert links.count() >= 4
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href").lstrip("#")
        # A control, or the first of a group of radio buttons whose fieldset carries the description.
        described = page.evaluate(
            """id => {
                const el = document.getElementById(id);
                const group = el.closest('fieldset');
                const owner = el.hasAttribute('aria-describedby') || !group ? el : group;
                const controls = el.matches('input, select, textarea') ? [el] : [...el.querySelectorAll('input')];
                return {ids: (owner.getAttribute('aria-describedby') || '').split(' ').filter(Boolean),
                        invalid: controls.every(c => c.getAttribute('aria-invalid') === 'true')};
            }""",
            target,
        )
        error_texts = " ".join(page.locator(f"#{ident}").inner_text() for ident in described["ids"])
        message = links.nth(index).inner_text().split(" : ", 1)[-1]
        assert message in error_texts, f"#{target}: error {message!r} not in its aria-describedby"
        assert described["invalid"], f"#{target}: not marked aria-invalid"

    # Now fill it in, with the keyboard only.
    tab_to(page, "#id_harassment_type")
    for _ in range(2):
        page.keyboard.press("ArrowDown")
    assert page.locator("#id_harassment_type").input_value()
    tab_to(page, "input[name=role]")
    page.keyboard.press("Space")
    assert page.locator("input[name=role]:checked").count() == 1
    tab_to(page, "#id_story")
    page.keyboard.type(STORY)
    tab_to(page, "#id_pseudonym")
    page.keyboard.type("Camille")
    tab_to(page, "#id_consent_publication")
    page.keyboard.press("Space")
    tab_to(page, "#id_consent_processing")
    page.keyboard.press("Space")
    tab_to(page, "form.testimony-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    code = page.locator(".receipt-code")
    code.wait_for()
    receipt = code.inner_text().strip()
    assert len(receipt) >= 12
    expect(page.locator("aside.helplines").first).to_be_visible()
    draft = page_with_story(STORY)
    assert draft is not None
    assert not draft.live

    # The status page, with the code: pending. Then withdraw it.
    with page.expect_navigation():
        page.get_by_role("link", name="la page de suivi").click()
    page.get_by_label("Votre code de suivi").fill(receipt)
    with page.expect_navigation():
        page.get_by_role("button", name="Voir le statut").click()
    expect(page.locator(".status-result")).to_contain_text("en attente")
    page.get_by_label(re.compile("Je confirme vouloir retirer")).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Retirer et effacer mon témoignage").click()
    expect(page.locator(".status-result")).to_contain_text("retiré")
    assert page_with_story(STORY) is None
