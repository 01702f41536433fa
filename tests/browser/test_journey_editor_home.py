"""A « Rédaction » member (the campaign's editors' group, created by migration), in the French admin, publishes an interview with its
video, then features it on the home page through the block chooser (whose blocks show their
previews) and sees it on the public home, behind the video facade. Then she translates the
interview into English with wagtail-localize, synchronises the home and publishes its English
translation: the English home features the English interview.

Every admin screen of the journey is read as the browser draws it (the React translation
editor included) and its visible text checked against the English source strings of
tests/test_admin_french.py."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.admin_text import LIBRARY_ENGLISH, TRANSLATED_VALUES, EnglishWatch

pytestmark = pytest.mark.browser

PASSWORD = "rédaction-2025-mot-de-passe"
TITLE = "Ce que fait une assistante sociale"
QUESTION = "Peut-on venir vous voir sans rendez-vous ?"
ANSWER = "Oui, la porte est ouverte et ce qui se dit reste entre nous."
SECTION = "Nouvelle interview"
#: The English of each French segment the translation editor asks for.
ENGLISH = {
    TITLE: "What a social worker does",
    "ce-que-fait-une-assistante-sociale": "what-a-social-worker-does",
    QUESTION: "Can I come and see you without an appointment?",
    ANSWER: "Yes, the door is open and what is said stays between us.",
    SECTION: "New interview",
}


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
    watch = EnglishWatch()
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
    watch.read(page, "add an interview")
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
    watch.read(page, "block chooser with a preview")
    option.click()
    # The new section is the body's last block.
    body.locator("input[name$='-value-heading']").last.fill(SECTION)
    body.get_by_role("button", name="Choisissez une page", exact=True).last.click()
    modal = page.locator(".modal-dialog")
    modal.locator("input[name=q]").fill("assistante sociale")
    modal.get_by_role("link", name=TITLE).click()
    expect(modal).to_be_hidden()
    expect(body).to_contain_text(TITLE)
    watch.read(page, "edit the home")
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

    # 4. The interview, translated into English from its « Traduire cette page » action.
    page.goto(site.url + f"/admin/pages/{interview.pk}/edit/")
    status = page.get_by_role("button", name="Afficher/masquer le statut")
    status.click()
    expect(page.locator("[data-side-panel='status']")).to_be_visible()
    watch.read(page, "edit the interview, its status panel open")
    # Closed again: Wagtail remembers an open panel on the next edit screens.
    status.click()
    expect(page.locator("[data-side-panel='status']")).to_be_hidden()
    page.get_by_role("navigation", name="Actions", exact=True).get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Traduire cette page").click()
    page.wait_for_url(re.compile(rf"/admin/localize/submit/page/{interview.pk}/$"))
    page.get_by_role("checkbox", name="Anglais").check()
    watch.read(page, "translate the interview")
    page.get_by_role("button", name="Soumettre").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    english_interview = interview.get_translation(Locale.objects.get(language_code="en"))
    assert page.url.endswith(f"/admin/pages/{english_interview.pk}/edit/")
    translate_segments(page, watch, "translation editor of the interview")
    publish_translation(page, watch, "translation editor of the interview")
    english_interview.refresh_from_db()
    assert english_interview.live
    assert english_interview.title == ENGLISH[TITLE]
    assert english_interview.slug == ENGLISH["ce-que-fait-une-assistante-sociale"]

    # 5. The home, synchronised to English; its translation published from the editor.
    page.goto(site.url + f"/admin/pages/{home.pk}/edit/")
    page.get_by_role("navigation", name="Actions", exact=True).get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Synchroniser les pages traduites").click()
    expect(page.locator("main")).to_contain_text("Mettre à jour les traductions existantes")
    watch.read(page, "synchronise the home")
    page.get_by_role("button", name="Soumettre").click()
    expect(page.locator(".messages")).to_contain_text("Les traductions ont été mises à jour")
    english_home = home.get_translation(Locale.objects.get(language_code="en"))
    page.goto(site.url + f"/admin/pages/{english_home.pk}/edit/")
    translate_segments(page, watch, "translation editor of the home")
    publish_translation(page, watch, "translation editor of the home")

    # 6. The public English home features the English interview, still behind its facade.
    public.goto(site.url + "/en/")
    section = public.locator("section.home-featured", has=public.locator("h2", has_text=ENGLISH[SECTION]))
    link = section.locator(".home-featured__title a")
    expect(link).to_have_text(ENGLISH[TITLE])
    expect(link).to_have_attribute("href", re.compile(r"/en/.*what-a-social-worker-does/$"))
    expect(section.locator("[data-video-facade]")).to_have_count(1)
    expect(public.locator("iframe")).to_have_count(0)

    # Every screen was read; only the library's own English (listed, with why) remains.
    assert watch.hits == [], "English on the French admin screens:\n" + "\n".join(watch.hits)
    # Each allowed string was met: one the library comes to translate must leave the list.
    assert watch.allowed_seen == LIBRARY_ENGLISH.keys()


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_the_check_reads_the_drawn_screen(page, viewport):
    """Text drawn or read aloud counts, hidden text and translated content do not; an English
    month inside a French sentence is caught, as is a library's English label."""
    page.set_content(
        """<main><h1>Tableau de bord</h1><span class="w-sr-only">Save draft</span>
        <p>Modifié le 3 November 2026</p><div hidden>Log out</div><p style="display:none">Log out</p>
        <button value="publish">Publier</button><input type="submit" value="Preview">
        <section id="tab-contenu"><ul><li><p>Se déconnecter</p><div><p>Log out</p></div></li></ul></section>
        <h3><span class="w-sr-only">Status :</span> Publié</h3>
        <footer><span class="w-sr-only">More actions</span></footer></main>""",
    )
    page.add_style_tag(content=".w-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; }")
    watch = EnglishWatch()
    texts = watch.read(page, "sample", TRANSLATED_VALUES)
    assert "Tableau de bord" in texts and "Log out" not in texts
    assert [hit.split("« ")[1].split(" »")[0] for hit in watch.hits] == [
        "Modifié le 3 November 2026",
        "More actions",
        "Preview",
        "Save draft",
        "Status :",
    ]
    assert watch.allowed_seen == set()


def translate_segments(page, watch, screen):
    """Fill, in the translation editor, the English of every segment still to translate, tab
    after tab (the slug waits in « Promotion »)."""
    page.locator("li.incomplete").first.wait_for(state="attached")
    tabs = page.get_by_role("tab")
    for index in range(tabs.count()):
        tabs.nth(index).click()
        watch.read(page, f"{screen}, tab {tabs.nth(index).inner_text()}", TRANSLATED_VALUES)
        pending = page.locator("li.incomplete:visible")
        while pending.count():
            segment = pending.first
            source = segment.inner_text()
            french = next((text for text in ENGLISH if text in source), None)
            assert french is not None, f"a segment to translate that the journey does not expect: {source!r}"
            segment.get_by_role("button", name="Traduire").click()
            segment.locator("textarea").fill(ENGLISH[french])
            watch.read(page, f"{screen}, a segment open", TRANSLATED_VALUES)
            segment.get_by_role("button", name="Enregistrer").click()
            expect(page.locator("li.incomplete", has_text=french)).to_have_count(0)
    expect(page.locator("li.incomplete")).to_have_count(0)
    watch.read(page, f"{screen}, translated", TRANSLATED_VALUES)


def publish_translation(page, watch, screen):
    footer = page.locator("footer")
    expect(footer.get_by_role("button", name="Publier dans Anglais")).to_be_visible()
    footer.get_by_role("button", name="Publier dans Anglais").click()
    expect(page.locator(".messages")).to_contain_text("publié")
    watch.read(page, screen + " (published)", TRANSLATED_VALUES)
