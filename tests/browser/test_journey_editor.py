"""An editor creates an interview page with a video and a question-and-answer block in the admin,
previews it, publishes it and sees it live."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "édition-2025-mot-de-passe"
TITLE = "Parler à l'infirmière scolaire"
QUESTION = "À qui parler quand on n'ose pas le dire à ses parents ?"
ANSWER = "L'infirmière scolaire écoute sans juger et garde le secret."


@pytest.fixture
def editor(site):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("editrice", email="", password=PASSWORD)


def test_editor_creates_previews_and_publishes_an_interview(site, page, viewport, editor):
    from wagtail.models import Locale

    from campagne.models import InterviewIndexPage, InterviewPage

    index = InterviewIndexPage.objects.get(locale=Locale.objects.get(language_code="fr"))
    page.goto(site.url + "/admin/login/")
    page.locator("#id_username").fill("editrice")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(site.url + f"/admin/pages/add/campagne/interviewpage/{index.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_video_url").fill("https://www.youtube.com/watch?v=eEfKzPVbFU0")

    # The question-and-answer StreamField: add a block from the chooser, fill both parts.
    qa = page.locator("[data-contentpath='qa']")
    qa.locator("button[title], .c-sf-add-button").first.click()
    question = qa.locator("input[name$='-value-question']")
    # With a single block type Wagtail inserts it at once; otherwise it opens the chooser.
    chooser_option = page.get_by_role("option", name=re.compile("Question et réponse"))
    question.or_(chooser_option).first.wait_for()
    if not question.count():
        chooser_option.first.click()
    qa.locator("input[name$='-value-question']").fill(QUESTION)
    answer = qa.locator("[contenteditable=true]").first
    answer.click()
    page.keyboard.type(ANSWER)
    # The rich text editor writes its hidden input a moment after the typing; the preview and
    # the publish both send the form, so wait for it (under load it lags behind).
    expect(qa.locator("input[name$='-value-answer']")).to_have_value(re.compile("infirmi"))
    # Wagtail fills the slug from the title; without it the form would come back with an error.
    expect(page.locator("#id_slug")).not_to_have_value("")

    # Preview in the side panel: the page as it will look, before anything is public.
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h1", has_text=TITLE).wait_for(state="attached")
    # Both parts of the block, as typed (the answer's hidden input was written before opening).
    expect(preview.locator("main")).to_contain_text(QUESTION)
    expect(preview.locator("main")).to_contain_text(ANSWER)
    assert not InterviewPage.objects.filter(title=TITLE).exists() or not InterviewPage.objects.get(title=TITLE).live

    # Close the preview (on a phone it covers the editor), then publish from the footer's drop-down.
    # (A DOM click: on a phone the open panel lies over its own toggle.)
    page.locator("[data-side-panel-toggle='preview']").dispatch_event("click")
    page.locator("#w-preview-iframe").wait_for(state="hidden")
    # Wagtail may autosave the new page as a draft and turn the add view into the edit view (its
    # address replaced, the form re-drawn). Let any such request finish before publishing, and wait
    # for the listing itself: the address change once passed for the publish's navigation.
    indicator = page.locator("#w-autosave-indicator")
    expect(indicator).not_to_have_attribute("data-w-autosave-state-value", "saving", timeout=20_000)
    publish = page.locator("footer button[name='action-publish']")
    if not publish.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    publish.click()
    # Wagtail redirects to the parent's listing with a success message; a form sent back
    # with errors would stay on the edit view and say why.
    listing = re.compile(rf"/admin/pages/{index.pk}/$")
    errors = page.locator(".error-message, .help-critical, .messages .error")
    try:
        page.wait_for_url(listing, timeout=20_000)
    except PlaywrightTimeout:
        raise AssertionError((page.url, errors.all_inner_texts(), page.locator("body").inner_text()[:2000])) from None
    expect(page.locator(".messages")).to_contain_text(TITLE)
    created = InterviewPage.objects.get(title=TITLE)
    assert created.live

    public = page.context.new_page()
    public.goto(site.url + created.get_url())
    expect(public.locator("h1")).to_have_text(TITLE)
    main = public.locator("main")
    expect(main).to_contain_text(QUESTION)
    expect(main).to_contain_text(ANSWER)
    expect(public.locator("[data-video-facade]")).to_have_count(1)
    expect(public.locator("iframe")).to_have_count(0)
