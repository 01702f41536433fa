"""A moderator works from the review desk: dashboard count, queue, a veiled story revealed,
a name redacted, one testimony approved (then public) and another refused with a reason."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from tests.browser.test_journey_moderator import log_in, submit_testimony
from tests.browser.testimonies import page_with_story

pytestmark = pytest.mark.browser

PASSWORD = "modération-2025-mot-de-passe"
NAME = "Kevin Martin"
STORY_TO_PUBLISH = f"Au club de sport, {NAME} m'insultait devant tout le monde et je n'osais plus y aller le mercredi."
STORY_TO_REFUSE = (
    "Ce texte ne raconte rien de vécu : c'est une publicité déguisée pour un site de paris en ligne, voilà."
)
SCREENSHOTS = os.environ.get("REVIEW_DESK_SCREENSHOTS")


@pytest.fixture
def moderator(site):
    from django.contrib.auth import get_user_model

    from temoignages.moderation import get_moderators_group

    user = get_user_model().objects.create_user("moderatrice", password=PASSWORD)
    user.groups.add(get_moderators_group())
    return user


def shot(page, viewport: str, name: str, visible_part: bool = False) -> None:
    """Screenshots for a person to look at, only when asked (never committed)."""
    if SCREENSHOTS:
        path = os.path.join(SCREENSHOTS, f"{name}-{viewport}.png")
        if visible_part:
            page.screenshot(path=path)
        else:
            # The admin scrolls inside its content area: the whole of it, not the window.
            page.locator("#main").screenshot(path=path)


def assert_no_horizontal_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_moderator_decides_from_the_desk(site, page, viewport, moderator, settings):
    from temoignages.models import TestimonySubmission

    settings.TESTIMONY_MIN_FILL_SECONDS = 0
    submit_testimony(page, site, STORY_TO_PUBLISH)
    submit_testimony(page, site, STORY_TO_REFUSE)
    to_publish = page_with_story(STORY_TO_PUBLISH)
    to_refuse = page_with_story(STORY_TO_REFUSE)

    log_in(page, site, "moderatrice")
    panel = page.locator("section:has(#pending-testimonies-title)")
    expect(panel).to_contain_text("2 témoignages en attente")
    expect(panel).to_contain_text("le plus ancien attend depuis")
    with page.expect_navigation():
        panel.locator("#pending-testimonies-title a").click()
    expect(page.locator("main")).to_contain_text("2 témoignages attendent une décision")
    assert NAME not in page.locator("main").inner_text(), "no story text in the queue"
    assert_no_horizontal_scroll(page)
    shot(page, viewport, "queue")

    # Oldest first: the first one sent comes first.
    submission = TestimonySubmission.objects.get(page=to_publish)
    with page.expect_navigation():
        page.locator(f"a[href$='/relecture/{submission.pk}/']").click()
    story = page.locator("[data-review-story]")
    expect(story).to_be_hidden()
    assert_no_horizontal_scroll(page)
    shot(page, viewport, "review-veiled")
    page.locator("summary.review-story__summary").click()
    expect(story).to_be_visible()
    expect(story.locator("mark.pii--name")).to_contain_text(NAME)
    shot(page, viewport, "review-open")
    page.locator(".review-decisions").scroll_into_view_if_needed()
    assert_no_horizontal_scroll(page)
    shot(page, viewport, "review-decisions", visible_part=True)

    field = page.locator("#id_story")
    field.fill(field.input_value().replace(NAME, "un garçon du club"))
    with page.expect_navigation():
        page.locator("form.review-form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Version relue enregistrée")
    expect(page.locator("[data-review-story]")).to_contain_text("un garçon du club")
    to_publish.refresh_from_db()
    assert not to_publish.live

    with page.expect_navigation():
        page.locator("button[data-decision=approve]").click()
    expect(page.locator(".messages")).to_contain_text("approuvé et publié")
    expect(page.locator("main")).to_contain_text("Vous avez relu 1 témoignage aujourd'hui")
    to_publish.refresh_from_db()
    assert to_publish.live
    public = page.context.new_page()
    public.goto(site.url + to_publish.get_url())
    expect(public.locator(".testimony__story")).to_contain_text("un garçon du club")
    assert NAME not in public.locator("main").inner_text()
    public.close()

    # The other one, refused with a reason: never public.
    refused_record = TestimonySubmission.objects.get(page=to_refuse)
    with page.expect_navigation():
        page.locator(f"a[href$='/relecture/{refused_record.pk}/']").click()
    page.locator("input[name=reason][value=hors-sujet]").check()
    page.locator("#id_details").fill("Publicité, pas un témoignage.")
    with page.expect_navigation():
        page.locator("button[data-decision=refuse]").click()
    expect(page.locator(".messages")).to_contain_text("refusé")
    refused_record.refresh_from_db()
    to_refuse.refresh_from_db()
    assert not to_refuse.live
    assert refused_record.status == "rejected"
    assert refused_record.rejection_reason_code == "hors-sujet"
    assert "Publicité" in refused_record.rejection_reason
    expect(page.locator("main")).to_contain_text("Aucun témoignage n'attend de décision")
