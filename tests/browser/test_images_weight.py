"""The home page with its illustrations, on a cheap phone: within 150 KB, no image without its size."""

from __future__ import annotations

import mimetypes
from urllib.parse import unquote

import pytest
from django.core.files.storage import default_storage

pytestmark = pytest.mark.browser

BUDGET = 150 * 1024


def test_home_with_its_images_stays_within_150_kb_on_a_phone(site, chromium):
    # A cheap phone's screen: 360 px wide, two device pixels per CSS pixel (the larger renditions).
    context = chromium.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    page = context.new_page()

    # The live server does not serve media (DEBUG is off): this stands in for nginx. Files are
    # read through the storage the renditions were written with (its location is fixed when it
    # is first used, which another test's MEDIA_ROOT may have set); a missing one is a 404,
    # never an exception that would leave the request hanging.
    def serve_media(route):
        name = unquote(route.request.url.split("/media/", 1)[1])
        if not default_storage.exists(name):
            route.fulfill(status=404, body=b"")
            return
        with default_storage.open(name) as file:
            body = file.read()
        route.fulfill(
            status=200, body=body, headers={"Content-Type": mimetypes.guess_type(name)[0] or "application/octet-stream"}
        )

    page.route("**/media/**", serve_media)
    # Responses are collected as they come and read after the load: reading a body inside
    # Playwright's event handler can stall its dispatcher (the page then never goes idle).
    responses = []
    page.on("response", lambda response: responses.append(response))
    # A generous timeout: the first view draws every rendition of the page, and this test
    # weighs the page, it does not time it (bench/ does).
    page.goto(site.url + "/fr/", wait_until="load", timeout=120_000)
    page.wait_for_load_state("networkidle", timeout=120_000)
    loaded = {response.url: len(response.body()) for response in responses if response.ok}
    try:
        images = [url for url in loaded if "/media/images/" in url]
        assert images, "no illustration loaded"
        # The lighter sources (the video facade's poster is AVIF, the illustrations WebP), never the fallback.
        assert all(url.endswith((".webp", ".avif")) for url in images), images
        # Uncompressed bodies: an upper bound of what travels (text is compressed on the way).
        total = sum(loaded.values())
        assert total <= BUDGET, f"{total} bytes: " + ", ".join(f"{u.rsplit('/', 1)[-1]} {s}" for u, s in loaded.items())
        # Every image reserves its box before it arrives (no layout shift), and the hero is shown.
        sizes = page.eval_on_selector_all(
            "main img", "imgs => imgs.map(i => [i.getAttribute('width'), i.getAttribute('height')])"
        )
        assert sizes and all(w and h for w, h in sizes), sizes
        assert page.eval_on_selector(".hero__media img", "img => img.complete && img.naturalWidth > 0")
    finally:
        context.close()
