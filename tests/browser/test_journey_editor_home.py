"""A « Rédaction » member (the campaign's editors' group, created by migration), in the French admin, publishes an interview with its
video, then features it on the home page through the block chooser (whose blocks show their
previews) and sees it on the public home, behind the video facade."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "rédaction-2025-mot-de-passe"
TITLE = "Ce que fait une assistante sociale"
QUESTION = "Peut-on venir vous voir sans rendez-vous ?"
ANSWER = "Oui, la porte est ouverte et ce qui se dit reste entre nous."
SECTION = "Nouvelle interview"


@pytest.fixture
def editor(site):
    """A member of « Rédaction » with the rights the group gets out of the box, nothing added."""
    from django.contrib.auth import get_user_model

    from home.roles import get_redaction_group

    user = get_user_model().objects.create_user("redactrice", "redactrice@example.org", PASSWORD)
    user.groups.add(get_redaction_group())
    return user


def log_in(page, site):
    page.goto(site.url + "/admin/login/")
    page.locator("#id_username").fill("redactrice")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def publish_and_wait_for(page, listing):
    """Publish from the footer once any autosave has finished; wait for the listing Wagtail
    redirects to (an edit view sent back with errors stays put and says why)."""
    indicator = page.locator("#w-autosave-indicator")
    expect(indicator).not_to_have_attribute("data-w-autosave-state-value", "saving", timeout=20_000)
    publish = page.locator("footer button[name='action-publish']")
    if not publish.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    publish.click()
    errors = page.locator(".error-message, .help-critical, .messages .error")
    try:
        page.wait_for_url(listing, timeout=20_000)
    except PlaywrightTimeout:
        raise AssertionError((page.url, errors.all_inner_texts(), page.locator("body").inner_text()[:2000])) from None


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_editor_publishes_an_interview_and_features_it_on_the_home(site, page, viewport, editor):
    from wagtail.models import Locale

    from campagne.models import InterviewIndexPage, InterviewPage
    from home.models import HarassmentType, HomePage

    fr = Locale.objects.get(language_code="fr")
    index = InterviewIndexPage.objects.get(locale=fr)
    home = HomePage.objects.get(locale=fr)
    log_in(page, site)

    # 1. The interview, with its video and a harassment type ticked among the French ones only.
    page.goto(site.url + f"/admin/pages/add/campagne/interviewpage/{index.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_video_url").fill("https://www.youtube.com/watch?v=eEfKzPVbFU0")
    types = page.locator("input[type=checkbox][name='harassment_types']")
    expect(types).to_have_count(HarassmentType.objects.filter(locale=fr).count())
    page.get_by_role("checkbox", name="Harcèlement scolaire").check()
    expect(page.get_by_role("checkbox", name="School bullying")).to_have_count(0)
    qa = page.locator("[data-contentpath='qa']")
    qa.locator("button.c-sf-add-button").first.click()
    qa.locator("input[name$='-value-question']").fill(QUESTION)
    qa.locator("[contenteditable=true]").first.click()
    page.keyboard.type(ANSWER)
    expect(qa.locator("input[name$='-value-answer']")).to_have_value(re.compile("porte"))
    expect(page.locator("#id_slug")).not_to_have_value("")
    publish_and_wait_for(page, re.compile(rf"/admin/pages/{index.pk}/$"))
    interview = InterviewPage.objects.get(title=TITLE)
    assert interview.live
    assert [t.code for t in interview.harassment_types.all()] == ["scolaire"]

    # 2. The home page: a « Vidéo ou interview à la une » section from the block chooser.
    page.goto(site.url + f"/admin/pages/{home.pk}/edit/")
    body = page.locator("[data-contentpath='body']")
    body.locator("button.c-sf-add-button").last.click()
    option = page.get_by_role("option", name="Vidéo ou interview à la une")
    option.wait_for()
    # Every block of the chooser offers its preview; this one shows the section as the site draws it.
    expect(page.locator(".w-combobox__option-preview").first).to_be_visible()
    assert page.locator(".w-combobox__option-preview").count() == page.get_by_role("option").count()
    option.locator("xpath=..").locator(".w-combobox__option-preview").click()
    preview = page.locator(".w-combobox-preview")
    expect(preview).to_contain_text("Vidéo ou interview à la une")
    expect(preview).to_contain_text("rien n'est chargé depuis YouTube")
    frame = page.frame_locator(".w-combobox-preview__iframe")
    expect(frame.locator("main h2")).to_have_text("À voir")
    option.click()
    # The new section is the body's last block.
    body.locator("input[name$='-value-heading']").last.fill(SECTION)
    body.get_by_role("button", name="Choisissez une page", exact=True).last.click()
    modal = page.locator(".modal-dialog")
    modal.locator("input[name=q]").fill("assistante sociale")
    modal.get_by_role("link", name=TITLE).click()
    expect(modal).to_be_hidden()
    expect(body).to_contain_text(TITLE)
    publish_and_wait_for(page, re.compile(r"/admin/pages/\d+/$"))
    home.refresh_from_db()
    assert [block.block_type for block in home.body][-1] == "featured_video"

    # 3. The public home shows the new section with the interview behind its facade.
    public = page.context.new_page()
    public.goto(site.url + "/fr/")
    section = public.locator("section.home-featured", has=public.locator("h2", has_text=SECTION))
    expect(section.locator(".home-featured__title a")).to_have_text(TITLE)
    expect(section.locator("[data-video-facade]")).to_have_count(1)
    expect(public.locator("iframe")).to_have_count(0)
