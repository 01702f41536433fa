"""Every block an editor can pick in a block chooser shows a preview and a French description.

Wagtail only marks a block previewable when the site provides a preview template (its own
global ``wagtailcore/shared/block_preview.html`` or the block's ``preview_template``); without
one the chooser silently shows no preview at all.
"""

from __future__ import annotations

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page


def _chooser_blocks(block, path):
    """The blocks offered by each stream's chooser, nested streams included."""
    if isinstance(block, blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            yield f"{path}.{name}", child
            yield from _chooser_blocks(child, f"{path}.{name}")
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _chooser_blocks(child, f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        yield from _chooser_blocks(block.child_block, path)


def chooser_blocks():
    found = []
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                found += _chooser_blocks(field.stream_block, f"{model.__name__}.{field.name}")
    return found


CHOOSER_BLOCKS = chooser_blocks()


def test_the_pages_offer_blocks_to_choose():
    # The walk must find the streams, or every test below would pass on nothing.
    paths = {path for path, _block in CHOOSER_BLOCKS}
    assert {"HomePage.body.heading", "VideoPage.body.video", "InterviewPage.qa.question_answer"} <= paths
    assert len(paths) > 40


@pytest.mark.parametrize(("path", "block"), CHOOSER_BLOCKS, ids=[path for path, _block in CHOOSER_BLOCKS])
def test_every_chooser_block_is_previewable_with_a_french_description(path, block):
    assert block.is_previewable, f"{path} shows no preview in the block chooser"
    with translation.override("fr"):
        french = str(block.get_description())
    with translation.override("en"):
        english = str(block.get_description())
    assert french, f"{path} has no description"
    # A French source string with its English translation: editors read it in their language.
    assert french != english, f"{path}: « {french} » is not a translated French description"


@pytest.fixture
def editor(client, home):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("redactrice", "r@example.org", "motdepasse-solide-123")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    # The image block's preview shows an image from the site's own library.
    wagtail_factories.ImageFactory(title="Affiche de la campagne")
    return user


@pytest.mark.django_db
def test_every_block_preview_renders_through_wagtails_preview_view(client, editor):
    url = reverse("wagtailadmin_block_preview")
    seen = set()
    for path, block in CHOOSER_BLOCKS:
        if block.definition_prefix in seen:
            continue
        seen.add(block.definition_prefix)
        response = client.get(url, {"id": block.definition_prefix}, HTTP_ACCEPT_LANGUAGE="fr")
        assert response.status_code == 200, path
        soup = BeautifulSoup(response.content, "html.parser")
        # The site's stylesheet, so the preview looks like the site.
        assert soup.select_one("link[rel=stylesheet][href*='css/main.css']"), path
        content = soup.select_one(f"main .block-{block.name}")
        assert content is not None, path
        # Something to see: text, or an image or a drawing (the image block, a chart).
        assert content.get_text(strip=True) or content.select("img, svg, picture"), f"{path}: an empty preview"
