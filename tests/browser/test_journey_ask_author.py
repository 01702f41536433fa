"""A moderator asks the author a question; the author, on a phone and without JavaScript, reads it on
the status page with their code and answers; the moderator reads the answer."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import new_page
from tests.browser.test_journey_moderator import log_in, moderator, submit_testimony  # noqa: F401 - fixture

pytestmark = pytest.mark.browser

STORY = (
    "À la cantine, deux élèves de ma classe renversaient mon plateau chaque midi et filmaient la scène "
    "pour la mettre en ligne le soir même."
)
QUESTION = "Les vidéos sont-elles encore en ligne ? Vous pouvez répondre sans donner de nom."
ANSWER = "Oui, deux vidéos sont encore en ligne, sur un compte que je ne connais pas."


def no_horizontal_scroll(tab) -> bool:
    return tab.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_a_question_to_the_author_and_the_answer(site, chromium, moderator, settings):  # noqa: F811
    from temoignages.models import AuthorMessage, TestimonySubmission

    settings.TESTIMONY_MIN_FILL_SECONDS = 0
    author = new_page(chromium, "phone", javascript=False)
    desk = new_page(chromium, "desktop")
    try:
        submit_testimony(author, site, STORY)
        code = author.locator(".receipt-code").inner_text().strip()
        submission = TestimonySubmission.objects.order_by("-pk").first()

        # The moderator writes from the record's screen.
        log_in(desk, site, "moderatrice")
        desk.goto(f"{site.url}/admin/temoignages/relecture/{submission.pk}/")
        expect(desk.get_by_role("heading", name="Demander une précision à l'auteur ou l'autrice")).to_be_visible()
        desk.get_by_label("Votre question à l'auteur ou l'autrice").fill(QUESTION)
        with desk.expect_navigation():
            desk.get_by_role("button", name="Envoyer la question").click()
        expect(desk.locator(".messages")).to_contain_text("Question envoyée")
        expect(desk.locator(".author-messages")).to_contain_text(QUESTION)
        expect(desk.locator(".author-messages")).to_contain_text("pas encore lu")

        # The author, on a phone, without JavaScript: the code is typed in a form, never in a URL.
        author.goto(site.url + "/fr/temoignages/temoigner/suivi/")
        author.get_by_label("Votre code de suivi").fill(code)
        with author.expect_navigation():
            author.get_by_role("button", name="Voir le statut").click()
        conversation = author.locator(".author-conversation")
        expect(conversation.get_by_role("heading", name="Vos échanges avec l'équipe de modération")).to_be_visible()
        expect(conversation).to_contain_text(QUESTION)
        assert no_horizontal_scroll(author)
        assert code not in author.url and code.replace("-", "") not in author.url

        # Sent empty first: a French error, focused summary, nothing stored.
        with author.expect_navigation():
            author.get_by_role("button", name="Envoyer ma réponse").click()
        expect(author.locator(".error-summary")).to_contain_text("Écrivez votre réponse avant de l'envoyer.")
        assert not AuthorMessage.objects.from_author().exists()

        author.get_by_label("Répondre à l'équipe de modération").fill(ANSWER)
        with author.expect_navigation():
            author.get_by_role("button", name="Envoyer ma réponse").click()
        expect(author.locator(".author-conversation__sent")).to_contain_text("Votre réponse est envoyée")
        expect(conversation).to_contain_text(ANSWER)
        assert no_horizontal_scroll(author)

        # The moderator reads it, marked new this once.
        desk.reload()
        panel = desk.locator(".author-messages")
        expect(panel).to_contain_text(ANSWER)
        expect(panel.locator(".author-messages__item--author")).to_contain_text("Nouveau")
        expect(panel).to_contain_text("lu le")  # the author read the question

        # The conversation as the author sees it, checked by axe at phone width.
        checked = new_page(chromium, "phone", bypass_csp=True)
        try:
            checked.goto(site.url + "/fr/temoignages/temoigner/suivi/")
            checked.get_by_label("Votre code de suivi").fill(code)
            with checked.expect_navigation():
                checked.get_by_role("button", name="Voir le statut").click()
            expect(checked.locator(".author-conversation")).to_contain_text(ANSWER)
            violations = axe_violations(checked)
            assert violations == [], describe("status page with messages", violations)
        finally:
            checked.context.close()
    finally:
        author.context.close()
        desk.context.close()
