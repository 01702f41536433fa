"""Studies with figures (études chiffrées), such as the lockdown study."""

from django.db import models
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from campagne.blocks import KeyFiguresBlock
from campagne.share_images import draw_figure_card
from home.models import BasePage, ListingMixin

from .mixins import CampaignBodyMixin, FeedMixin
from .querysets import CampaignPageManager


class StudyPage(RoutablePageMixin, CampaignBodyMixin, BasePage):
    """A study: how it was done (method, sample, date, source), its key figures and charts.

    Each key figure can be shared on its own: ``chiffre/<n>/`` is the study page with that
    figure's image as its Open Graph image, ``chiffre/<n>/image/`` the PNG itself.
    """

    study_date = models.DateField(
        _("date de l'étude"),
        null=True,
        blank=True,
        help_text=_("Le début de l'enquête (ex. 17 mars 2020 pour le confinement)."),
    )
    method = models.TextField(
        _("méthode"), blank=True, help_text=_("Comment l'étude a été menée : questionnaire en ligne, entretiens…")
    )
    sample = models.CharField(
        _("échantillon"),
        max_length=255,
        blank=True,
        help_text=_("Qui a répondu et combien (ex. « 312 personnes de 13 à 30 ans »)."),
    )
    source = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("Qui a mené l'étude, ou d'où viennent les chiffres.")
    )
    source_url = models.URLField(
        _("lien vers la source"), blank=True, help_text=_("Facultatif : l'adresse où lire l'étude complète.")
    )
    example_data = models.BooleanField(
        _("données d'exemple"),
        default=False,
        help_text=_(
            "Cochez tant que les chiffres ne sont pas les vrais : un bandeau « données d'exemple » s'affiche partout sur la page."
        ),
    )
    key_figures = StreamField(
        KeyFiguresBlock(),
        blank=True,
        verbose_name=_("chiffres clés"),
        help_text=_("Les trois ou quatre chiffres à retenir, affichés en haut de la page."),
    )

    objects = CampaignPageManager()

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("study_date"),
                FieldPanel("method"),
                FieldPanel("sample"),
                FieldPanel("source"),
                FieldPanel("source_url"),
            ],
            heading=_("Méthode"),
        ),
        FieldPanel("example_data"),
        FieldPanel("key_figures"),
        *CampaignBodyMixin.body_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("method"),
        index.SearchField("body"),
        index.SearchField("key_figures"),
    ]
    parent_page_types = ["campagne.StudyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("étude chiffrée")
        verbose_name_plural = _("études chiffrées")

    def get_key_figure(self, number: int):
        """The ``number``-th key figure (from 1), or 404."""
        figures = [block.value for block in self.key_figures if block.block_type == "key_figure"]
        if not 1 <= number <= len(figures):
            raise Http404
        return figures[number - 1]

    @path("chiffre/<int:number>/", name="figure")
    def figure_view(self, request, number):
        figure = self.get_key_figure(number)
        return self.render(request, context_overrides={"shared_figure": figure, "shared_figure_number": number})

    @path("chiffre/<int:number>/image/", name="figure_image")
    def figure_image(self, request, number):
        figure = self.get_key_figure(number)
        with translation.override(self.locale.language_code):
            badge = str(_("Données d'exemple")) if self.example_data else ""
        data = draw_figure_card(
            figure=figure["figure"],
            label=figure["label"],
            footer=f"Parlons Harcèlement — {self.title}",
            badge=badge,
        )
        response = HttpResponse(data, content_type="image/png")
        response["Cache-Control"] = "public, max-age=86400"
        return response


class StudyIndexPage(FeedMixin, ListingMixin, BasePage):
    """« Études chiffrées », newest first, with RSS/Atom feeds."""

    listing_model = "campagne.StudyPage"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campagne.StudyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("liste des études")
        verbose_name_plural = _("listes des études")
