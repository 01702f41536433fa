"""With JavaScript off, every public page works: content, navigation and the quick-exit link."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.testimonies import page_with_story

from .conftest import new_page
from .pages import LANGUAGES, page_type_urls

pytestmark = pytest.mark.browser


@pytest.fixture
def no_js_page(chromium):
    tab = new_page(chromium, "phone", javascript=False)
    yield tab
    tab.context.close()


def test_every_public_page_type_works_without_javascript(site, no_js_page):
    problems = []
    for language in LANGUAGES:
        for url in page_type_urls(language):
            response = no_js_page.goto(site.url + url.path)
            if response.status != url.status:
                problems.append(f"{url}: HTTP {response.status}")
                continue
            if not no_js_page.locator("main h1").first.is_visible():
                problems.append(f"{url}: no visible main heading")
            if not no_js_page.locator("[data-quick-exit]").first.is_visible():
                problems.append(f"{url}: no visible quick-exit link")
            if no_js_page.evaluate("document.documentElement.lang") != language:
                problems.append(f"{url}: <html lang> is not {language}")
    assert not problems, "Without JavaScript:\n" + "\n".join(problems)


def test_quick_exit_is_a_plain_link_without_javascript(site, no_js_page):
    no_js_page.goto(site.url + "/fr/")
    no_js_page.locator("[data-quick-exit]").first.click()
    no_js_page.wait_for_url(f"{site.url}/robots.txt")


def test_testimony_form_works_without_javascript(site, no_js_page, settings):
    """Errors come back from the server next to their fields; a full form gives the receipt code."""

    settings.TESTIMONY_MIN_FILL_SECONDS = 0
    story = "Sans JavaScript aussi, on doit pouvoir raconter ce qui s'est passé au collège l'an dernier."
    no_js_page.goto(site.url + "/fr/temoignages/temoigner/")
    with no_js_page.expect_navigation():
        no_js_page.locator("form.testimony-form button[type=submit]").click()
    expect(no_js_page.locator(".error-summary")).to_be_visible()
    no_js_page.locator("#id_story").fill(story)
    no_js_page.locator("#id_harassment_type").select_option(index=1)
    no_js_page.locator("input[name=role]").first.check()
    no_js_page.locator("#id_consent_publication").check()
    no_js_page.locator("#id_consent_processing").check()
    with no_js_page.expect_navigation():
        no_js_page.locator("form.testimony-form button[type=submit]").click()
    expect(no_js_page.locator(".receipt-code")).to_be_visible()
    draft = page_with_story(story)
    assert draft is not None and not draft.live
