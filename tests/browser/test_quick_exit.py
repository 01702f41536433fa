"""Quick exit: the button and Escape twice leave for the neutral site, and Back does not return."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def neutral(site) -> str:
    return f"{site.url}/robots.txt"


def assert_left_for_good(page, site, visited: str) -> None:
    """On the neutral site, and Back leads to the page before the one left, never to it."""
    page.wait_for_url(neutral(site))
    page.go_back()
    assert page.url != site.url + visited, "Back returned to the page the visitor fled"


def test_quick_exit_button_leaves_and_back_does_not_return(site, page):
    page.goto(site.url + "/fr/")
    visited = "/fr/se-faire-aider/"
    page.goto(site.url + visited)
    button = page.locator("[data-quick-exit]").first
    assert button.is_visible()
    assert "Quitter" in button.inner_text()
    button.click()
    assert_left_for_good(page, site, visited)
    assert page.url == site.url + "/fr/"


def test_escape_twice_leaves_from_anywhere(site, page):
    visited = "/fr/se-faire-aider/"
    page.goto(site.url + visited)
    page.keyboard.press("Escape")
    page.wait_for_timeout(150)
    assert page.url == site.url + visited, "a single Escape must not leave"
    page.keyboard.press("Escape")
    assert_left_for_good(page, site, visited)


def test_quick_exit_is_first_in_the_tab_order_after_the_skip_link(site, page):
    """A frightened visitor reaches it in two key presses."""
    page.goto(site.url + "/fr/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-quick-exit')")
