"""The visible text of an admin screen as the browser draws it, checked for English.

tests/test_admin_french.py reads the server's HTML; screens drawn by JavaScript (the block
chooser, wagtail-localize's React translation editor) only exist in the browser. Here the
rendered DOM is read with the same rules: text nodes shown on screen or to a screen reader
(outside script/style/template/code, outside elements marked as another language), the alt,
aria-label, title and placeholder attributes and input buttons' values, each compared whole with the
same English source strings. A few words only English has (``ENGLISH_WORDS``) are also looked
for inside each text.
"""

from __future__ import annotations

import calendar
import re

from tests.test_admin_french import _key, english_source_strings

#: English a library writes outside any catalogue, that no French catalogue of ours can reach.
#: Empty: wagtail-localize's two editor labels are given in French by home/static/home/js/
#: translation-editor-labels.js, its segment dates are numeric (home/apps.py).
LIBRARY_ENGLISH: dict[str, re.Pattern] = {}


#: Words only English has, looked for inside each text (where a whole-text match misses them:
#: a date in a French sentence, a language name glued to its label).
ENGLISH_WORDS = {
    *(name.casefold() for name in calendar.month_name[1:]),
    *(name.casefold() for name in calendar.day_name),
    "english",
    "french",
    "translation",
    # Wagtail's French catalogue left « Status » as it was in one place: none other is French.
    "status",
}

#: In wagtail-localize's translation editor, each segment (a list item) shows its French source
#: in a paragraph, then its translation in the first block after it: English content, not
#: interface.
TRANSLATED_VALUES = "section[id^='tab-'] li > p + div"

COLLECT_TEXTS = """
(content) => {
    const skipped = "script, style, template, code, noscript" + (content ? ", " + content : "");
    const otherLanguage = (element) => {
        const marked = element.closest("[lang]");
        return marked && marked !== document.documentElement && !marked.lang.startsWith("fr");
    };
    // Shown on screen, or read by a screen reader (visually hidden but still laid out).
    const shown = (element) => element.checkVisibility({ visibilityProperty: true });
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || element.closest(skipped) || otherLanguage(element) || !shown(element)) continue;
        texts.push(node.textContent);
    }
    for (const element of document.body.querySelectorAll("*")) {
        if (element.closest(skipped) || otherLanguage(element) || !shown(element)) continue;
        for (const attr of ["alt", "aria-label", "title", "placeholder"]) {
            if (element.getAttribute(attr)) texts.push(element.getAttribute(attr));
        }
        // A button's value is sent, not shown; an input button shows its value as its label.
        if (element.matches("input[type=submit], input[type=button], input[type=reset]")) {
            texts.push(element.getAttribute("value") || "");
        }
    }
    return texts.map((text) => text.replace(/\\s+/g, " ").trim()).filter(Boolean);
}
"""


class EnglishWatch:
    """Collects, screen by screen, the English a French editor sees."""

    def __init__(self):
        self.english = english_source_strings()
        self.hits: list[str] = []
        self.allowed_seen: set[str] = set()
        self.screens: list[str] = []

    def english_in(self, text: str) -> str | None:
        """Where the text comes from when it is English, else None."""
        origin = self.english.get(_key(text))
        if origin is None:
            words = set(re.findall(r"[a-z]+", _key(text)))
            if words & ENGLISH_WORDS:
                origin = f"English word {sorted(words & ENGLISH_WORDS)}"
        return origin

    def allowed(self, text: str) -> str | None:
        return next((label for label, pattern in LIBRARY_ENGLISH.items() if pattern.match(text)), None)

    def read(self, page, screen: str, content: str | None = None) -> list[str]:
        """Check the screen as drawn now, leaving out the ``content`` selector's elements
        (text in another language on purpose); return its texts."""
        page.wait_for_load_state("networkidle")
        texts = page.evaluate(COLLECT_TEXTS, content)
        self.screens.append(screen)
        for text in sorted(set(texts)):
            origin = self.english_in(text)
            if origin is None:
                continue
            label = self.allowed(text)
            if label:
                self.allowed_seen.add(label)
            else:
                self.hits.append(f"{screen} ({page.url}): « {text} » ({origin})")
        return texts
