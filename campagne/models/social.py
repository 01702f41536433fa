"""The campaign's presence on social networks."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import StreamField
from wagtail.search import index

from campagne.blocks import PartnersStreamBlock
from home.models import BasePage

from .mixins import CampaignBodyMixin


class SocialNetworksPage(CampaignBodyMixin, BasePage):
    """Where to follow the campaign, and the projects and associations it relays.

    The profile links themselves live in the site settings (also shown in the footer),
    so that they are typed once.
    """

    partners = StreamField(
        PartnersStreamBlock(),
        blank=True,
        verbose_name=_("partenaires relayés"),
        help_text=_("Les projets, associations et personnes que la campagne relaie sur ses réseaux."),
    )

    content_panels = BasePage.content_panels + [
        HelpPanel(
            content=_(
                "Les liens vers les profils (Twitter, Facebook…) se modifient dans Paramètres › Paramètres du site."
            ),
            heading=_("Profils"),
        ),
        *CampaignBodyMixin.body_panels,
        FieldPanel("partners"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body"), index.SearchField("partners")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page réseaux sociaux")
        verbose_name_plural = _("pages réseaux sociaux")
