"""WCAG 1.4.10 Reflow: at 320 CSS px nothing scrolls sideways, on every page, FR and EN.

320 px is the width WCAG names (1280 px at 400 % zoom) and the width of the smallest phones
our visitors carry. A failure names the page and the widest elements that stick out, with a
selector, so the fix can go straight to the template or the CSS.
"""

from __future__ import annotations

import pytest

from .form_states import walk_testimony_form
from .pages import LANGUAGES, all_page_urls, page_type_urls

pytestmark = pytest.mark.browser

WIDTH = 320

# The elements whose right edge passes the viewport, widest first. An element inside a box that
# clips or scrolls horizontally (a table's scrolling wrapper) does not widen the page: skipped.
OFFENDERS = """
() => {
    const limit = window.innerWidth;
    const selector = el => {
        const parts = [];
        for (let node = el; node && node.nodeType === 1 && parts.length < 4; node = node.parentElement) {
            let part = node.tagName.toLowerCase();
            if (node.id) { parts.unshift(part + '#' + node.id); break; }
            if (node.classList.length) part += '.' + [...node.classList].join('.');
            parts.unshift(part);
        }
        return parts.join(' > ');
    };
    const clipped = el => {
        for (let node = el.parentElement || el.parentNode; node && node !== document.body; node = node.parentElement) {
            if (getComputedStyle(node).overflowX !== 'visible') return true;
        }
        return false;
    };
    const found = [];
    for (const el of document.body.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.right <= limit + 0.5 || getComputedStyle(el).position === 'fixed') continue;
        if (clipped(el)) continue;
        const text = (el.innerText || el.getAttribute('alt') || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
        found.push({selector: selector(el), right: Math.round(box.right), width: Math.round(box.width), text});
    }
    // A word too long for its box overflows it without widening the box: measure the text too.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim() || !node.parentElement || clipped(node)) continue;
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.width === 0 || box.right <= limit + 0.5) continue;
        if (getComputedStyle(node.parentElement).position === 'fixed') continue;
        const text = node.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60);
        found.push({selector: selector(node.parentElement) + ' (text)', right: Math.round(box.right), width: Math.round(box.width), text});
    }
    // Keep the innermost: an ancestor is only "too wide" because of its child.
    const inner = found.filter(a => !found.some(b => b !== a && b.selector.startsWith(a.selector + ' > ')));
    return inner.sort((a, b) => b.right - a.right).slice(0, 3);
}
"""


def overflow(tab) -> str | None:
    """None when the page fits the viewport, otherwise what sticks out."""
    scroll_width, inner_width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if scroll_width <= inner_width:
        return None
    culprits = "; ".join(
        f"{item['selector']} (right edge {item['right']} px, {item['width']} px wide, {item['text']!r})"
        for item in tab.evaluate(OFFENDERS)
    )
    return f"scrollWidth {scroll_width} > {inner_width}: {culprits or 'no single element found'}"


@pytest.fixture
def narrow_tab(chromium):
    context = chromium.new_context(viewport={"width": WIDTH, "height": 640})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_scrolls_sideways_at_320px(site, narrow_tab, language, settings):
    from wagtail.models import Locale

    from temoignages.models import TestimonyFormPage

    settings.TESTIMONY_MIN_FILL_SECONDS = 0
    failures = []
    # Every live page, not one of each type: a single long word in one page's text is enough.
    urls = list({url.path: url for url in all_page_urls(language) + page_type_urls(language)}.values())
    assert len(urls) > 5
    for url in urls:
        response = narrow_tab.goto(site.url + url.path)
        assert response.status == url.status, f"{url}: HTTP {response.status}"
        if problem := overflow(narrow_tab):
            failures.append(f"{url}: {problem}")
    form = TestimonyFormPage.objects.live().get(locale=Locale.objects.get(language_code=language))
    for state in walk_testimony_form(narrow_tab, site.url, form.get_url(), language):
        if problem := overflow(narrow_tab):
            failures.append(f"{state} [{language}]: {problem}")
    assert not failures, f"Pages wider than {WIDTH} px:\n" + "\n".join(failures)
