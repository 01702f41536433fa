"""Images on pages: the card image mixin, the decorative mark and one-query rendition loading."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model


class ListingImageMixin(models.Model):
    """The image a page shows on its cards (home, listings) and when it is shared.

    ``card_image_fields`` names, in order, the image fields a card may use: the page's own
    vignette first, then what a page type falls back on (a video's poster, a testimony's
    type illustration: ``"harassment_type.illustration"``).
    """

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de vignette et de partage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Illustration affichée sur les cartes qui mènent à cette page (accueil, listes) et lors d'un partage. "
            "Format paysage, au moins 1200 × 675 pixels ; placez le point d'intérêt sur l'essentiel. "
            "Jamais la photo d'une personne sans son accord écrit."
        ),
    )

    card_image_fields: tuple[str, ...] = ("listing_image",)
    listing_image_panels = [FieldPanel("listing_image")]

    class Meta:
        abstract = True

    @property
    def card_image(self):
        """The first image set among ``card_image_fields``, or None."""
        for path in self.card_image_fields:
            owner, name = _owner_of(self, path)
            image = getattr(owner, name, None) if owner is not None else None
            if image is not None:
                return image
        return None


def _owner_of(obj, path: str):
    """(object holding the last field of ``path``, that field's name); (None, name) if a link is empty."""
    *links, name = path.split(".")
    for link in links:
        obj = getattr(obj, link, None)
        if obj is None:
            break
    return obj, name


def attach_card_images(pages: Iterable) -> list:
    """Load the card images of ``pages`` and all their renditions in two queries, whatever their number.

    Without it each card costs a query for its image and one for its renditions (N+1).
    Relations on the way to an image (``harassment_type``) must already be select_related.
    A page type with more to show on its cards loads it for the whole list in its
    ``load_card_data(pages)`` class method. Returns the pages as a list.
    """
    pages = list(pages)
    wanted: dict[int, list[tuple[object, str]]] = {}
    for page in pages:
        for path in getattr(page, "card_image_fields", ()):
            owner, name = _owner_of(page, path)
            image_id = getattr(owner, f"{name}_id", None) if owner is not None else None
            if image_id:
                wanted.setdefault(image_id, []).append((owner, name))
    if wanted:
        images = get_image_model().objects.filter(pk__in=wanted).select_related("decorative_mark").prefetch_renditions()
        for image in images:
            for owner, name in wanted[image.pk]:
                setattr(owner, name, image)
    for model in {type(page) for page in pages}:
        load_card_data = getattr(model, "load_card_data", None)
        if load_card_data is not None:
            load_card_data([page for page in pages if type(page) is model])
    return pages


def attach_to_paginator_page(items):
    """``attach_card_images`` on a paginator page, in place; returns it."""
    items.object_list = attach_card_images(items.object_list)
    return items


class DecorativeImage(models.Model):
    """Marks an image the editor declared decorative: it is shown with an empty ``alt``.

    Wagtail's image has no such flag; the image form (``site_parlons.uploads.ImageForm``)
    requires a description (the alternative text) unless the editor ticks « image décorative »,
    which creates this row.
    """

    image = models.OneToOneField(
        "wagtailimages.Image",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="decorative_mark",
        verbose_name=_("image"),
    )

    class Meta:
        verbose_name = _("image décorative")
        verbose_name_plural = _("images décoratives")

    def __str__(self) -> str:
        return str(self.image)


def is_decorative(image) -> bool:
    try:
        return image.decorative_mark is not None
    except DecorativeImage.DoesNotExist:
        return False


def alt_text(image) -> str:
    """What a visitor's screen reader says for ``image``.

    The description the editor wrote; nothing for an image marked decorative; the title for
    an image stored before descriptions were required (Wagtail's own default).
    """
    if image is None:
        return ""
    if image.description:
        return image.description
    if is_decorative(image):
        return ""
    return image.title
