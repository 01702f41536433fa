"""Videos: YouTube ids parsed in Python, and a facade that loads nothing from YouTube before a click."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from campagne.youtube import parse_youtube_id, validate_youtube_url, video_embed
from tests.factories.campagne import (
    InterviewIndexPageFactory,
    InterviewPageFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)

VIDEO_ID = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", min_size=11, max_size=11
)


@pytest.fixture(autouse=True)
def french():
    """Render in French whatever an earlier test's /en/ request left active in this thread."""
    with translation.override("fr"):
        yield


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=eEfKzPVbFU0", "eEfKzPVbFU0"),
        ("https://youtu.be/KHgWd7_Ys7A", "KHgWd7_Ys7A"),
        ("https://youtu.be/KHgWd7_Ys7A?t=42", "KHgWd7_Ys7A"),
        ("https://m.youtube.com/watch?feature=share&v=eEfKzPVbFU0", "eEfKzPVbFU0"),
        ("http://youtube.com/watch?v=eEfKzPVbFU0&list=PL123", "eEfKzPVbFU0"),
        ("https://www.youtube.com/embed/eEfKzPVbFU0", "eEfKzPVbFU0"),
        ("https://www.youtube.com/shorts/eEfKzPVbFU0", "eEfKzPVbFU0"),
        ("https://www.youtube-nocookie.com/embed/eEfKzPVbFU0?autoplay=1", "eEfKzPVbFU0"),
        ("https://vimeo.com/123456789", None),
        ("https://www.youtube.com/watch?v=short", None),
        ("https://www.youtube.com/watch?v=eEfKzPVbFU0<script>", None),
        ("https://evil.example/watch?v=eEfKzPVbFU0", None),
        ("https://youtu.be.evil.example/eEfKzPVbFU0", None),
        ("javascript:alert(1)//youtu.be/eEfKzPVbFU0", None),
        ("", None),
    ],
)
def test_parse_youtube_id(url, expected):
    assert parse_youtube_id(url) == expected


@given(VIDEO_ID)
def test_watch_and_short_links_give_the_same_id(video_id):
    assert parse_youtube_id(f"https://www.youtube.com/watch?v={video_id}") == video_id
    assert parse_youtube_id(f"https://youtu.be/{video_id}") == video_id


@given(st.text(max_size=200))
def test_parser_never_crashes_and_only_returns_safe_ids(text):
    result = parse_youtube_id(text)
    assert result is None or re.fullmatch(r"[A-Za-z0-9_-]{11}", result)


def test_validator_message_is_french():
    with pytest.raises(ValidationError, match="pas une vidéo YouTube reconnue"):
        validate_youtube_url("https://dailymotion.com/video/x7")
    validate_youtube_url("https://youtu.be/KHgWd7_Ys7A")


def test_embed_urls_use_youtube_nocookie_and_never_autoplay_with_a_warning():
    plain = video_embed("https://youtu.be/KHgWd7_Ys7A", "Vidéo")
    assert plain.play_url == "https://www.youtube-nocookie.com/embed/KHgWd7_Ys7A"
    assert plain.embed_url.startswith("https://www.youtube-nocookie.com/embed/KHgWd7_Ys7A?")
    assert "autoplay=1" in plain.embed_url
    for level in ("sensitive", "shocking"):
        warned = video_embed("https://youtu.be/KHgWd7_Ys7A", "Vidéo", warning=level)
        assert "autoplay" not in warned.embed_url


THIRD_PARTY = re.compile(r"^(https?:)?//", re.I)
LOADING_ATTRS = [
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "srcset"),
    ("source", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("link", "href"),
]


def assert_nothing_third_party_loads(html: str):
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["iframe", "embed", "object", "video", "audio"]), "no player before a click"
    for tag, attr in LOADING_ATTRS:
        for element in soup.find_all(tag):
            if tag == "link" and element.get("rel") in (["alternate"], ["canonical"]):
                continue  # not fetched by the browser
            value = element.get(attr) or ""
            assert not THIRD_PARTY.match(value.strip()), f"{tag} {attr} loads {value}"
    for style in soup.find_all(style=True):
        assert "url(" not in style["style"]
    # YouTube only appears in plain links and in the data attribute the click handler reads.
    for element in soup.find_all(string=re.compile("youtube", re.I)):
        if element.parent.name == "script" and element.parent.get("type") == "application/ld+json":
            continue  # structured data (embedUrl): read by search engines, never run or fetched by the browser
        assert element.parent.name not in ("script", "style")
    for element in soup.find_all(True):
        for attr, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else value
            if "youtube" in text.lower():
                assert (element.name, attr) in {("a", "href"), ("figure", "data-embed-url")}, (element.name, attr)


@pytest.mark.django_db
@pytest.mark.parametrize("warning", ["none", "sensitive", "shocking"])
def test_video_page_requests_nothing_from_youtube_before_the_click(client, home, warning):
    index = VideoIndexPageFactory(parent=home)
    page = VideoPageFactory(
        parent=index, video_url="https://www.youtube.com/watch?v=KHgWd7_Ys7A", content_warning=warning
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert_nothing_third_party_loads(html)
    assert "i.ytimg.com" not in html and "img.youtube.com" not in html
    soup = BeautifulSoup(html, "html.parser")
    play = soup.select_one("a[data-video-play]")
    assert play["href"] == "https://www.youtube-nocookie.com/embed/KHgWd7_Ys7A"
    figure = soup.select_one("[data-video-facade]")
    assert figure["data-embed-url"].startswith("https://www.youtube-nocookie.com/embed/KHgWd7_Ys7A")
    # The poster is local: the placeholder served by the site itself.
    assert play.img["src"].startswith("/static/")
    assert soup.select_one('script[src="/static/js/video-facade.js"]')


@pytest.mark.django_db
def test_shocking_video_shows_warning_and_helplines_before_the_player(client, home):
    from ressources.demo import ensure_helplines
    from site_parlons.demo.content import ensure_taxonomy

    ensure_taxonomy()
    ensure_helplines()
    index = VideoIndexPageFactory(parent=home)
    page = VideoPageFactory(parent=index, content_warning="shocking")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    facade = soup.select_one(".video-facade")
    warning = facade.select_one(".content-warning")
    assert "peuvent choquer" in warning.get_text()
    children = [c for c in facade.children if getattr(c, "name", None)]
    player = facade.select_one("[data-video-facade]")
    assert children.index(warning) < children.index(player)
    # On the video page the helplines follow the player (a short warning keeps the player in
    # a phone's first screen) and the warning links to them.
    help_box = facade.select_one("#aide-video")
    assert help_box.select_one(".helplines a[href='tel:3018']")
    assert children.index(player) < children.index(help_box)
    assert warning.select_one("a[href='#aide-video']")
    assert "autoplay" not in facade.select_one("[data-video-facade]")["data-embed-url"]
    assert "avertissement" in facade.select_one("a[data-video-play]").get_text()


@pytest.mark.django_db
def test_video_without_warning_has_no_warning_block(client, home):
    index = VideoIndexPageFactory(parent=home)
    page = VideoPageFactory(parent=index, content_warning="none")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.select_one(".content-warning") is None
    assert soup.select_one(".helplines") is None


@pytest.mark.django_db
def test_interview_video_uses_the_same_facade(client, home):
    page = InterviewPageFactory(parent=InterviewIndexPageFactory(parent=home), video_url="https://youtu.be/eEfKzPVbFU0")
    html = client.get(page.url).content.decode()
    assert_nothing_third_party_loads(html)
    assert 'href="https://www.youtube-nocookie.com/embed/eEfKzPVbFU0"' in html


@pytest.mark.django_db
def test_demo_videos_are_the_press_kit_ones(client, demo_site):
    from campagne.models import InterviewPage, VideoPage

    video = VideoPage.objects.get(locale__language_code="fr")
    assert video.video_embed.youtube_id == "KHgWd7_Ys7A"
    assert video.content_warning == "shocking"
    interview = InterviewPage.objects.get(locale__language_code="fr", slug="est-ce-du-harcelement")
    assert interview.video_embed.youtube_id == "eEfKzPVbFU0"
    for page in (video, interview, video.get_translations().get().specific):
        assert_nothing_third_party_loads(client.get(page.url).content.decode())


def test_facade_script_only_inserts_youtube_nocookie_iframes():
    from pathlib import Path

    script = (Path(__file__).resolve().parent.parent / "site_parlons/static/js/video-facade.js").read_text()
    assert "https://www.youtube-nocookie.com/embed/" in script
    assert "youtube.com/" not in script.replace("youtube-nocookie.com/", "")
    assert 'addEventListener("click"' in script


@pytest.mark.django_db
def test_video_page_requires_a_video(admin_client, home):
    from campagne.models import VideoPage
    from tests.campagne_helpers import add_page, form_errors, streamfield

    index = VideoIndexPageFactory(parent=home)
    response = add_page(
        admin_client,
        index,
        VideoPage,
        {"title": "Sans vidéo", "slug": "sans-video", "video_url": "", "body": streamfield([]), "tags": ""},
    )
    assert response.status_code == 200
    assert "besoin de l'adresse de sa vidéo" in form_errors(response)
    assert not VideoPage.objects.filter(slug="sans-video").exists()


@pytest.mark.django_db
def test_video_page_shows_the_video_right_after_its_title(client, home):
    index = VideoIndexPageFactory(parent=home)
    page = VideoPageFactory(parent=index, content_warning="sensitive", intro="Une introduction avant la vidéo.")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    article = soup.select_one("main article")
    children = [c for c in article.children if getattr(c, "name", None)]
    assert children[0].name == "h1"
    assert "video-facade" in children[1]["class"], "the facade (warning, then player) comes right after the title"
    assert children.index(article.select_one(".lead")) > 1


@pytest.mark.django_db
def test_video_page_facade_uses_the_page_poster_else_the_site_placeholder(client, home):
    from wagtail_factories import ImageFactory

    index = VideoIndexPageFactory(parent=home)
    with_poster = VideoPageFactory(parent=index, video_poster=ImageFactory(title="Affiche"))
    without = VideoPageFactory(parent=index, video_poster=None)
    play = BeautifulSoup(client.get(with_poster.url).content, "html.parser").select_one("a[data-video-play]")
    poster = play.select_one("img.video-facade__poster")
    assert poster["src"].startswith("/media/images/"), poster
    assert "video-placeholder" not in str(play)
    play = BeautifulSoup(client.get(without.url).content, "html.parser").select_one("a[data-video-play]")
    assert play.select_one("img.video-facade__poster")["src"].endswith("/img/video-placeholder.svg")
