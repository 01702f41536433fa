"""Keyboard walk: Tab through a page, recording what gets focus and whether the focus shows."""

from __future__ import annotations

FOCUSABLE = (
    "a[href], area[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), "
    "select:not([disabled]), textarea:not([disabled]), summary, iframe, [tabindex]:not([tabindex='-1'])"
)

MARK_CANDIDATES = """selector => {
    const visible = el => {
        const style = getComputedStyle(el);
        // checkVisibility(): false inside a closed <details> (content-visibility: hidden).
        return el.getClientRects().length > 0 && el.checkVisibility() && style.visibility !== 'hidden' && !el.closest('[inert], [aria-hidden=true]');
    };
    const found = [...document.querySelectorAll(selector)].filter(visible);
    // A group of radio buttons is one Tab stop (arrows move inside it): one index per group.
    const groups = {};
    const result = [];
    found.forEach(el => {
        const group = el.type === 'radio' && el.name ? (el.form ? 'form' : '') + ':' + el.name : null;
        if (group && group in groups) {
            el.setAttribute('data-kb', groups[group]);
            return;
        }
        const index = String(result.length);
        if (group) groups[group] = index;
        el.setAttribute('data-kb', index);
        result.push(el.outerHTML.slice(0, 120));
    });
    return result;
}"""

READ_FOCUS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const rect = el.getBoundingClientRect();
    const onScreen = rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth;
    return {index: el.getAttribute('data-kb'), html: el.outerHTML.slice(0, 120), indicator: outline || shadow, onScreen};
}"""


def keyboard_walk(page) -> tuple[list[str], list[dict]]:
    """Tab from the top of the page until focus leaves it or comes back round.

    Returns the candidates (every visible interactive element) and the focus stops seen.
    """
    # The phone's menu is opened first, as a keyboard user does with Enter on « Menu » (its
    # button stays a Tab stop), so that the links inside it are walked too.
    page.evaluate("() => document.querySelectorAll('details.menu').forEach(menu => { menu.open = true; })")
    candidates = page.evaluate(MARK_CANDIDATES, FOCUSABLE)
    page.evaluate("() => { window.scrollTo(0, 0); document.activeElement && document.activeElement.blur(); }")
    stops: list[dict] = []
    seen_indexes: set[str] = set()
    for _ in range(len(candidates) + 5):
        page.keyboard.press("Tab")
        focus = page.evaluate(READ_FOCUS)
        if focus is None:
            break
        if focus["index"] is not None and focus["index"] in seen_indexes:
            break
        seen_indexes.add(focus["index"])
        stops.append(focus)
    return candidates, stops
