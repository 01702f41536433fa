"""Finding the draft a journey sent: the story is encrypted at rest, so no lookup on it."""

from __future__ import annotations


def page_with_story(story: str):
    """The testimony page holding exactly ``story``, or None (read and decrypted one by one)."""
    from temoignages.models import TestimonyPage

    return next((page for page in TestimonyPage.objects.order_by("-pk") if page.story == story), None)
