"""Campaign videos: nothing is requested from a third-party host until the visitor clicks play."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def record_third_party(page, site) -> list[str]:
    """Every request to a host other than the live server, answered locally (the test is offline)."""
    own_host = urlsplit(site.url).netloc
    seen: list[str] = []

    def handle(route):
        url = route.request.url
        if urlsplit(url).netloc == own_host or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            seen.append(url)
            route.fulfill(status=204, body="")

    page.route("**/*", handle)
    return seen


def test_no_third_party_request_before_play_then_youtube_nocookie(site, page, viewport):
    from wagtail.models import Locale

    from campagne.models import InterviewPage, VideoPage

    french = Locale.objects.get(language_code="fr")
    videos = [
        page
        for model in (VideoPage, InterviewPage)
        for page in model.objects.live().filter(locale=french).exclude(video_url="")
    ]
    assert len(videos) >= 2, "the demo has the campaign's two videos"
    third_party = record_third_party(page, site)
    for video in videos:
        page.goto(site.url + video.get_url())
        page.wait_for_load_state("networkidle")
        assert third_party == [], f"{video.title}: third-party requests before any click: {third_party}"
        assert page.locator("iframe").count() == 0
        play = page.locator("[data-video-play]").first
        if video.get_content_warning() != "none":
            warning = page.locator(".video-facade .content-warning")
            assert warning.is_visible()
            # The helplines are in the warning, or (video page, player first on a phone) linked
            # from it and listed right under the player.
            help_link = warning.locator("a[href='#aide-video']")
            helplines = page.locator("#aide-video") if help_link.count() else warning
            assert helplines.locator("a[href^='tel:']").count() > 0
            assert warning.bounding_box()["y"] < play.bounding_box()["y"], "the warning comes before the player"
    with page.expect_request(lambda request: urlsplit(request.url).netloc == "www.youtube-nocookie.com"):
        play.click()
    frame = page.locator(".video-facade iframe")
    frame.wait_for()
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    assert third_party and all(urlsplit(url).netloc == "www.youtube-nocookie.com" for url in third_party), third_party
