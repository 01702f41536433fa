"""A moderator sees pending testimonies on the dashboard, redacts a phone number, approves one
and rejects another with a reason."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.testimonies import page_with_story

pytestmark = pytest.mark.browser

PASSWORD = "modération-2025-mot-de-passe"
PHONE = "06 12 34 56 78"
STORY_TO_PUBLISH = (
    f"Dans mon club de sport, un entraîneur m'écrivait le soir. Appelez-moi au {PHONE}, disait-il, et j'avais peur."
)
STORY_TO_REJECT = (
    "Ce texte ne raconte rien de vécu : c'est une publicité déguisée pour un site de paris en ligne, voilà."
)


def submit_testimony(page, site, story: str) -> None:
    page.goto(site.url + "/fr/temoignages/temoigner/")
    page.locator("#id_harassment_type").select_option(index=1)
    page.locator("input[name=role]").first.check()
    page.locator("#id_story").fill(story)
    page.locator("#id_consent_publication").check()
    page.locator("#id_consent_processing").check()
    with page.expect_navigation():
        page.locator("form.testimony-form button[type=submit]").click()
    expect(page.locator(".receipt-code")).to_be_visible()


@pytest.fixture
def moderator(site):
    from django.contrib.auth import get_user_model

    from temoignages.moderation import get_moderators_group

    user = get_user_model().objects.create_user("moderatrice", password=PASSWORD)
    user.groups.add(get_moderators_group())
    return user


def log_in(page, site, username: str) -> None:
    page.goto(site.url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def run_workflow_action(page, action: str) -> None:
    """Wagtail's footer keeps workflow actions in a drop-down: open it, click the action."""
    button = page.locator(f"footer button[data-workflow-action-name='{action}']").first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    button.click()


def test_moderator_redacts_approves_and_rejects(site, page, viewport, moderator, settings):
    from temoignages.models import TestimonySubmission

    settings.TESTIMONY_MIN_FILL_SECONDS = 0
    submit_testimony(page, site, STORY_TO_PUBLISH)
    submit_testimony(page, site, STORY_TO_REJECT)
    to_publish = page_with_story(STORY_TO_PUBLISH)
    to_reject = page_with_story(STORY_TO_REJECT)

    log_in(page, site, "moderatrice")
    panel = page.locator("section:has(#pending-testimonies-title)")
    expect(panel).to_contain_text("2 témoignages en attente")

    # Redact the phone number the detector points at, then approve: it is published. (The
    # dashboard leads to the review desk, tests/browser/test_journey_review_desk.py; the page
    # editor's own workflow actions stay usable.)
    page.goto(site.url + f"/admin/pages/{to_publish.pk}/edit/")
    story = page.locator("#id_story")
    story.wait_for()
    assert PHONE in page.locator("main").inner_text(), "the detected phone number is listed for the moderator"
    story.fill(story.input_value().replace(PHONE, "[numéro retiré]"))
    with page.expect_navigation():
        run_workflow_action(page, "approve")
    page.wait_for_load_state()
    to_publish.refresh_from_db()
    assert to_publish.live
    assert PHONE not in to_publish.story
    public = page.context.new_page()
    public.goto(site.url + to_publish.get_url())
    expect(public.locator(".testimony__story")).to_contain_text("[numéro retiré]")
    public.close()

    # Reject the other with a reason: never public, the private record says why.
    page.goto(site.url + f"/admin/pages/{to_reject.pk}/edit/")
    run_workflow_action(page, "reject")
    dialog = page.locator("[role=dialog]:visible, .modal:visible").last
    dialog.locator("textarea").fill("Publicité, pas un témoignage.")
    with page.expect_navigation():
        dialog.locator("button[type=submit], input[type=submit]").last.click()
    page.wait_for_load_state()
    to_reject.refresh_from_db()
    assert not to_reject.live
    submission = TestimonySubmission.objects.get(page=to_reject)
    assert submission.status == "rejected"
    assert "Publicité" in (submission.rejection_reason or "")
