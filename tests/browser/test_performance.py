"""Light on a cheap phone: the home page's transferred weight, and Lighthouse's four scores.

Measured on a production-like site (tests/browser/prodlike.py), not on Django's live server:
what a visitor downloads depends on whitenoise's compression and the hashed static names that
only production settings give.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from .lighthouse_report import CATEGORIES, LIGHTHOUSE, THRESHOLD, score_pages
from .prodlike import production_like_site

pytestmark = pytest.mark.browser

HOME_BUDGET = 150 * 1024  # bytes on the wire, every request of the first load


@pytest.fixture(scope="module")
def prodlike():
    with production_like_site() as site:
        yield site


def test_home_page_weighs_at_most_150_kb_on_a_phone(prodlike, chromium):
    """Everything the home page pulls at 360 px (HTML, CSS, JS, fonts, images), as transferred.

    Playwright's request sizes are what went over the wire: compressed bodies plus headers.
    Chromium asks plain-HTTP servers for gzip, not Brotli, so this is an upper bound for the
    HTTPS site. Images below the fold load lazily and count only if the phone loads them.
    """
    context = chromium.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    tab = context.new_page()
    responses = []
    tab.on("requestfinished", lambda request: responses.append(request))
    try:
        tab.goto(prodlike.url + "/fr/", wait_until="networkidle")
        sizes = []
        for request in responses:
            size = request.sizes()
            sizes.append((size["responseBodySize"] + size["responseHeadersSize"], request.url))
    finally:
        context.close()
    total = sum(size for size, _url in sizes)
    detail = "\n".join(f"  {size / 1024:6.1f} KB  {url}" for size, url in sorted(sizes, reverse=True))
    print(f"home page, 360 px: {total / 1024:.1f} KB in {len(sizes)} requests\n{detail}")
    assert len(sizes) >= 2, "the page loaded nothing but itself: the measure saw no stylesheet"
    assert total <= HOME_BUDGET, f"home page: {total / 1024:.1f} KB > {HOME_BUDGET / 1024:.0f} KB\n{detail}"


@pytest.mark.skipif(not LIGHTHOUSE.exists(), reason="needs node_modules/.bin/lighthouse (make test runs npm ci)")
def test_lighthouse_scores_at_least_98_on_the_key_pages(prodlike):
    """Home, a testimony, the testimony form and a video page, mobile: 98 or more everywhere."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        rows = score_pages(prodlike, Path(tmp))
    failures = []
    for label, path, scores, losses in rows:
        assert scores is not None, f"{label}: no page of that type in the demo content"
        print(label, path, scores)
        low = {name: scores[name] for name in CATEGORIES if scores[name] < THRESHOLD}
        if low:
            failures.append(f"{label} ({path}): {low}; " + "; ".join(losses))
    assert len(rows) == 4
    assert not failures, f"Lighthouse under {THRESHOLD}:\n" + "\n".join(failures)
