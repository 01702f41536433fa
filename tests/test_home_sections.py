"""The home page's sections: editors pick and order them; a featured page shows only while it
is live and public; the migration moves the sections the template used to fix into the body."""

from __future__ import annotations

import importlib
import json

import pytest
from bs4 import BeautifulSoup

from tests.factories.campagne import (
    InterviewIndexPageFactory,
    InterviewPageFactory,
    StudyIndexPageFactory,
    StudyPageFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)
from tests.factories.temoignages import TestimonyPageFactory


def set_body(home, *sections):
    home.body = json.dumps([{"type": kind, "value": value} for kind, value in sections])
    home.save_revision().publish()


def main_of(client, home):
    response = client.get(home.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("main")


def section_titles(main):
    return [h2.get_text(strip=True) for h2 in main.select("section.home-section > h2")]


@pytest.mark.django_db
def test_a_new_home_page_starts_with_the_edito_the_latest_testimonies_and_the_site(home):
    assert [block.block_type for block in home.body] == ["edito", "latest_testimonies", "site_sections"]


@pytest.mark.django_db
def test_sections_render_in_the_editors_order(client, home, section):
    index, _form = section
    testimony = TestimonyPageFactory(parent=index, title="Un témoignage choisi")
    studies = StudyIndexPageFactory(parent=home, title="Études", show_in_menus=True)
    study = StudyPageFactory(parent=studies, title="Étude sur le confinement")
    set_body(
        home,
        ("featured_study", {"heading": "", "page": study.pk}),
        ("heading", {"text": "Un mot de l'équipe", "level": "h2"}),
        ("featured_testimony", {"heading": "Lu cette semaine", "page": testimony.pk}),
        ("site_sections", {"heading": ""}),
    )
    main = main_of(client, home)
    assert section_titles(main) == ["Étude à la une", "Lu cette semaine", "Le site"]
    text = main.get_text(" ", strip=True)
    assert text.index("Étude à la une") < text.index("Un mot de l'équipe") < text.index("Lu cette semaine")
    assert main.select_one(".home-featured .card__link")["href"] == study.url
    assert testimony.display_title in text
    # Sections the editors removed are gone.
    assert "Derniers témoignages" not in text


@pytest.mark.django_db
def test_a_featured_testimony_disappears_when_unpublished_and_never_shows_a_draft(client, home, section):
    index, _form = section
    testimony = TestimonyPageFactory(parent=index, title="Témoignage à la une")
    draft = TestimonyPageFactory(parent=index, title="Brouillon jamais publié", live=False)
    set_body(
        home,
        ("featured_testimony", {"heading": "Premier", "page": testimony.pk}),
        ("featured_testimony", {"heading": "Second", "page": draft.pk}),
    )
    main = main_of(client, home)
    assert section_titles(main) == ["Premier"]
    assert testimony.display_title in main.get_text(" ", strip=True)
    assert draft.display_title not in str(main)

    testimony.unpublish()
    main = main_of(client, home)
    assert section_titles(main) == []
    assert testimony.display_title not in str(main)


@pytest.mark.django_db
def test_a_featured_video_keeps_its_warning_and_never_loads_youtube_before_the_click(client, home):
    video = VideoPageFactory(
        parent=VideoIndexPageFactory(parent=home), title="Une vidéo qui peut choquer", content_warning="shocking"
    )
    interview = InterviewPageFactory(parent=InterviewIndexPageFactory(parent=home), title="Parler à l'infirmière")
    set_body(
        home,
        ("featured_video", {"heading": "", "page": video.pk}),
        ("featured_video", {"heading": "Une interview", "page": interview.pk}),
    )
    main = main_of(client, home)
    assert section_titles(main) == ["À voir", "Une interview"]
    sections = main.select("section.home-featured")
    warned = sections[0]
    assert "peuvent choquer" in warned.select_one(".content-warning").get_text()
    assert warned.select_one("[data-video-facade]")
    assert warned.select_one(".home-featured__title a")["href"] == video.url
    assert sections[1].select_one("[data-video-facade]")
    assert not sections[1].select_one(".content-warning")
    assert main.select("iframe") == []
    # A warned video does not even start after the click: the visitor presses play again.
    assert "autoplay" not in warned.select_one("[data-video-facade]")["data-embed-url"]


@pytest.mark.django_db
def test_the_migration_moves_the_fixed_sections_into_existing_bodies_once():
    migration = importlib.import_module("home.migrations.0006_home_sections")
    old = [{"type": "paragraph", "value": "<p>Merci</p>", "id": "a"}]
    moved = migration.with_sections(old)
    assert [block["type"] for block in moved] == ["edito", "latest_testimonies", "site_sections", "paragraph"]
    assert migration.with_sections(moved) == moved
    assert migration.without_sections(moved) == old


@pytest.mark.django_db
def test_the_demo_home_features_an_interview_and_the_study_in_both_languages(client, demo_site):
    from home.models import HomePage

    for home in HomePage.objects.all():
        types = [block.block_type for block in home.body]
        assert types == ["edito", "featured_video", "latest_testimonies", "featured_study", "site_sections"]
    english = BeautifulSoup(client.get("/en/").content, "html.parser").select_one("main")
    assert section_titles(english)[1:] == ["Watch", "Latest testimonies", "Featured study", "The site"]
    assert "Lockdown" in english.get_text(" ", strip=True)
