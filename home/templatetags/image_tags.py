"""Template filters for images: the alternative text a visitor's screen reader reads."""

from django import template
from django.conf import settings

from home.models.images import alt_text as _alt_text

register = template.Library()


@register.filter
def alt_text(image) -> str:
    """The editor's description; empty for an image declared decorative (see ``home.models.images.alt_text``)."""
    return _alt_text(image)


@register.simple_tag
def alt_language() -> str:
    """The language descriptions are written in: the site's source language (images are not
    translated), so a screen reader reads a French description with a French voice on an
    English page (WCAG 3.1.2)."""
    return settings.LANGUAGE_CODE.split("-")[0]
