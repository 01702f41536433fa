"""The campaign's editorial."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from campagne.blocks import SignatoriesBlock
from home.models import BasePage

from .mixins import CampaignBodyMixin


class EditoPage(CampaignBodyMixin, BasePage):
    """Why five students of the IUT de Lens started the campaign, and what it is for."""

    date = models.DateField(
        _("date de l'édito"),
        null=True,
        blank=True,
        help_text=_("La date affichée sous le titre (ex. le lancement de la campagne)."),
    )
    signatories = StreamField(
        SignatoriesBlock(),
        blank=True,
        verbose_name=_("signataires"),
        help_text=_("Les personnes qui signent l'édito, dans l'ordre d'affichage."),
    )

    content_panels = (
        BasePage.content_panels + [FieldPanel("date")] + CampaignBodyMixin.body_panels + [FieldPanel("signatories")]
    )
    search_fields = BasePage.search_fields + [index.SearchField("body"), index.SearchField("signatories")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("édito")
        verbose_name_plural = _("éditos")
