"""WCAG 2.1 AA in a real browser: axe-core on every public page type, keyboard, titles."""

from __future__ import annotations

import pytest

from .axe import axe_violations, describe
from .pages import LANGUAGES, all_page_urls, page_type_urls

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_type_has_no_wcag_violation(site, axe_page, viewport, language):
    """axe finds no WCAG 2.1 A/AA violation on any page type, in this language and viewport."""
    failures = []
    urls = page_type_urls(language)
    assert len(urls) > 5
    for url in urls:
        response = axe_page.goto(site.url + url.path)
        if response.status != url.status:
            failures.append(f"{url} @ {viewport}: HTTP {response.status}, expected {url.status}")
            continue
        violations = axe_violations(axe_page)
        if violations:
            failures.append(describe(f"{url} @ {viewport}", violations))
    assert not failures, "axe-core found WCAG 2.1 A/AA violations:\n" + "\n".join(failures)


def test_page_titles_are_unique_and_meaningful(site, chromium):
    """Every page's <title> names the page and the site, and no two pages share one."""
    from wagtail.models import Locale

    from home.models import HomePage

    from .conftest import new_page

    tab = new_page(chromium, "desktop")
    problems = []
    try:
        for language in LANGUAGES:
            titles: dict[str, str] = {}
            home_title = HomePage.objects.get(locale=Locale.objects.get(language_code=language)).title
            for url in all_page_urls(language):
                tab.goto(site.url + url.path)
                title = tab.title()
                heading = tab.locator("h1").first.inner_text().strip()
                names_site = "Parlons Harcèlement" in title or title.startswith(home_title)
                if not names_site or len(title) < len("Parlons Harcèlement") + 5:
                    problems.append(f"{url}: title {title!r} does not name the page and the site")
                if heading and heading.split()[0].lower() not in title.lower():
                    problems.append(f"{url}: title {title!r} does not match the heading {heading!r}")
                if title in titles:
                    problems.append(f"{url}: same title {title!r} as {titles[title]}")
                titles[title] = url.path
    finally:
        tab.context.close()
    assert not problems, "\n".join(problems)


def test_testimony_form_states_have_no_wcag_violation(site, axe_page, viewport, settings):
    """The pages only a POST reaches: the form with its errors, the thank-you page, the status page."""
    settings.TESTIMONY_MIN_FILL_SECONDS = 0
    failures = []
    form_url = site.url + "/fr/temoignages/temoigner/"
    axe_page.goto(form_url)
    axe_page.locator("form.testimony-form button[type=submit]").click()
    axe_page.locator(".error-summary").wait_for()
    failures += [describe(f"form with errors @ {viewport}", axe_violations(axe_page))]
    axe_page.locator("#id_story").fill("Un récit assez long pour passer la limite basse du formulaire, voilà.")
    axe_page.locator("#id_harassment_type").select_option(index=1)
    axe_page.locator("input[name=role]").first.check()
    axe_page.locator("#id_consent_publication").check()
    axe_page.locator("#id_consent_processing").check()
    axe_page.locator("form.testimony-form button[type=submit]").click()
    code = axe_page.locator(".receipt-code").inner_text().strip()
    failures += [describe(f"thank-you page @ {viewport}", axe_violations(axe_page))]
    axe_page.goto(form_url + "suivi/")
    axe_page.get_by_label("Votre code de suivi").fill(code)
    axe_page.get_by_role("button", name="Voir le statut").click()
    axe_page.locator(".status-result").wait_for()
    failures += [describe(f"status page @ {viewport}", axe_violations(axe_page))]
    failures = [failure for failure in failures if failure]
    assert not failures, "axe-core found WCAG 2.1 A/AA violations:\n" + "\n".join(failures)


def test_accessibility_statement_states_the_measured_conformance(site, chromium):
    """The RGAA-style statement says, in both languages, what was measured and how."""
    from .conftest import new_page

    tab = new_page(chromium, "phone")
    try:
        for path, words in [
            ("/fr/accessibilite/", "partiellement conforme"),
            ("/en/accessibility/", "partially compliant"),
        ]:
            tab.goto(site.url + path)
            text = tab.locator("main").inner_text()
            assert words in text, path
            assert "WCAG 2.1" in text and "axe-core" in text, path
    finally:
        tab.context.close()
