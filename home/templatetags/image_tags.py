"""Template filters for images: the alternative text a visitor's screen reader reads."""

from django import template

from home.models.images import alt_text as _alt_text

register = template.Library()


@register.filter
def alt_text(image) -> str:
    """The editor's description; empty for an image declared decorative (see ``home.models.images.alt_text``)."""
    return _alt_text(image)
