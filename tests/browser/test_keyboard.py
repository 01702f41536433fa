"""Keyboard use: every interactive element reachable with Tab, with a visible focus indicator."""

from __future__ import annotations

import pytest

from .keyboard import keyboard_walk
from .pages import LANGUAGES, page_type_urls

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interactive_element_is_reachable_with_a_visible_focus(site, page, viewport, language):
    problems = []
    for url in page_type_urls(language):
        page.goto(site.url + url.path)
        candidates, stops = keyboard_walk(page)
        reached = {stop["index"] for stop in stops}
        for index, html in enumerate(candidates):
            if str(index) not in reached:
                problems.append(f"{url} @ {viewport}: not reachable with Tab: {html}")
        for stop in stops:
            if not stop["indicator"]:
                problems.append(f"{url} @ {viewport}: no visible focus indicator on {stop['html']}")
            if not stop["onScreen"]:
                problems.append(f"{url} @ {viewport}: focused element scrolled out of view: {stop['html']}")
    assert not problems, "Keyboard problems:\n" + "\n".join(problems)
