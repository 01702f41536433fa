"""Editor experience and languages: block metadata, help texts, English rendering, image renditions."""

import json

import pytest
from bs4 import BeautifulSoup

from campagne import blocks, models
from tests.factories.campagne import (
    InterviewIndexPageFactory,
    InterviewPageFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)

STREAMS = [
    blocks.CampaignStreamBlock,
    blocks.InterviewQAStreamBlock,
    blocks.KeyFiguresBlock,
    blocks.SignatoriesBlock,
    blocks.PartnersStreamBlock,
]


@pytest.mark.parametrize("stream", STREAMS)
def test_every_campaign_block_has_template_icon_preview_description_and_group(stream):
    for name, block in stream().child_blocks.items():
        meta = block.meta
        assert getattr(meta, "template", None), f"{name}: template"
        assert meta.icon and meta.icon != "placeholder", f"{name}: icon"
        assert meta.description, f"{name}: description"
        assert getattr(meta, "group", ""), f"{name}: group"
        if name not in ("image",):  # an image preview needs an uploaded image
            assert meta.preview_value is not None, f"{name}: preview_value"
            block.render(block.get_preview_value())  # the preview renders


CAMPAIGN_PAGES = [
    models.EditoPage,
    models.InterviewPage,
    models.VideoPage,
    models.StudyPage,
    models.SocialNetworksPage,
    models.ContactPage,
    models.PressContact,
]


@pytest.mark.parametrize("model", CAMPAIGN_PAGES)
def test_every_campaign_field_has_a_french_help_text(model):
    own = [*model._meta.local_fields, *model._meta.local_many_to_many]
    skip = {"id", "page_ptr", "page", "sort_order", "to_address", "from_address", "subject"}
    for field in own:
        if field.name in skip or field.auto_created:
            continue
        assert str(field.help_text), f"{model.__name__}.{field.name} has no help text"


@pytest.mark.django_db
def test_english_video_page_is_translated(client, demo_site):
    from campagne.models import VideoPage

    english = VideoPage.objects.get(locale__language_code="en")
    soup = BeautifulSoup(client.get(english.url).content, "html.parser")
    text = soup.select_one("main").get_text(" ", strip=True)
    assert "Warning: this video contains images or words that may shock." in text
    assert "I have read the warning: show the video" in text
    assert soup.select_one(".share-links")["aria-label"] == "Share this page"
    assert "Avertissement" not in text


@pytest.mark.django_db
def test_english_study_chart_table_is_translated(client, demo_site):
    from campagne.models import StudyPage

    # The demo study publishes no chart and no example data (tests/test_safety_content.py): an
    # editor's English study with both is built here.
    english = StudyPage.objects.get(locale__language_code="en")
    english.example_data = True
    english.body = json.dumps(
        [
            {
                "type": "chart",
                "value": {
                    "title": "Forms of harassment",
                    "kind": "bar",
                    "unit": "%",
                    "rows": [{"label": "Insults", "value": "60"}, {"label": "Threats", "value": "40"}],
                    "description": "Insults come first.",
                    "source": "Parlons Harcèlement",
                    "example_data": True,
                },
            }
        ]
    )
    english.save_revision().publish()
    soup = BeautifulSoup(client.get(english.url).content, "html.parser")
    assert soup.select_one(".notice--example strong").get_text() == "Example data"
    assert soup.select_one(".chart table caption").get_text().startswith("Data of the chart")


@pytest.mark.django_db
def test_poster_and_portrait_use_local_avif_webp_renditions(client, home):
    from wagtail_factories import ImageFactory

    poster = ImageFactory(title="Affiche")
    portrait = ImageFactory(title="Portrait")
    video = VideoPageFactory(parent=VideoIndexPageFactory(parent=home), video_poster=poster)
    soup = BeautifulSoup(client.get(video.url).content, "html.parser")
    picture = soup.select_one("a[data-video-play] picture")
    types = {source["type"] for source in picture.find_all("source")}
    assert {"image/avif", "image/webp"} <= types
    assert picture.img["alt"] == ""  # the button text names the video
    assert picture.img.get("sizes") or picture.find("source").get("sizes")
    for source in picture.find_all("source"):
        assert not source["srcset"].startswith(("http", "//"))
    interview = InterviewPageFactory(parent=InterviewIndexPageFactory(parent=home), person_photo=portrait)
    soup = BeautifulSoup(client.get(interview.url).content, "html.parser")
    assert soup.select_one(".person picture source[type='image/webp']")


@pytest.mark.django_db
@pytest.mark.parametrize("model_name", ["InterviewPage", "VideoPage"])
@pytest.mark.parametrize(("language", "other"), [("fr", "en"), ("en", "fr")])
def test_harassment_types_are_checkboxes_in_the_pages_own_language(
    admin_client, demo_site, model_name, language, other
):
    from django.urls import reverse

    from home.models import HarassmentType

    model = getattr(models, model_name)
    page = model.objects.filter(locale__language_code=language).first()
    if language != "fr":
        # A synced translation opens in wagtail-localize's editor: stop the sync, as an editor who
        # edits the English page by hand does, to get Wagtail's own form.
        from wagtail_localize.models import Translation

        Translation.objects.filter(source__object_id=page.translation_key, target_locale=page.locale).update(
            enabled=False
        )
    # A type attached in the other language shows as its counterpart in the page's language.
    foreign = HarassmentType.objects.get(locale__language_code=other, code="cyber")
    page.harassment_types.add(foreign)
    page.save_revision()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select("select[name='harassment_types']") == []
    boxes = soup.select("input[type=checkbox][name='harassment_types']")
    own = HarassmentType.objects.filter(locale__language_code=language)
    assert sorted(int(box["value"]) for box in boxes) == sorted(own.values_list("pk", flat=True))
    labels = {box.find_parent("label").get_text(strip=True) for box in boxes}
    assert labels == set(own.values_list("name", flat=True))
    assert not labels & set(HarassmentType.objects.filter(locale__language_code=other).values_list("name", flat=True))
    checked = {int(box["value"]) for box in boxes if box.has_attr("checked")}
    assert own.get(code="cyber").pk in checked
