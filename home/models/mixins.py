"""Small page mixins, each carrying its own admin panels.

They go before ``Page`` in a model's bases. ``BasePage`` composes them; page types
elsewhere inherit from ``BasePage`` rather than repeating fields.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from home.blocks import BaseStreamBlock


class SocialMetaMixin(models.Model):
    """Open Graph / social card fields: the image shared when a page is linked."""

    og_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de partage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Image affichée quand la page est partagée sur les réseaux sociaux "
            "(1200 × 630 pixels conseillés). Sans image, celle du site est utilisée."
        ),
    )
    og_description = models.CharField(
        _("texte de partage"),
        max_length=200,
        blank=True,
        help_text=_(
            "Court texte affiché sous le titre lors d'un partage. Sans texte, la description de recherche est utilisée."
        ),
    )

    social_panels = [
        MultiFieldPanel(
            [FieldPanel("og_image"), FieldPanel("og_description")],
            heading=_("Partage sur les réseaux sociaux"),
        )
    ]

    class Meta:
        abstract = True

    def get_share_description(self) -> str:
        # Every page gets a meta description: the editor's, else the introduction.
        return self.og_description or getattr(self, "search_description", "") or getattr(self, "intro", "") or ""


class IntroMixin(models.Model):
    """A short plain-text introduction shown under the title and on cards."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("Deux ou trois phrases, affichées sous le titre et dans les cartes qui mènent à la page."),
    )

    intro_panels = [FieldPanel("intro")]

    class Meta:
        abstract = True


class BodyMixin(models.Model):
    """A StreamField body made of the shared editorial blocks."""

    body = StreamField(
        BaseStreamBlock(), blank=True, verbose_name=_("contenu"), help_text=_("Le texte de la page, en blocs.")
    )

    body_panels = [FieldPanel("body")]

    class Meta:
        abstract = True
