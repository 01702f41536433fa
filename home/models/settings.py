"""Site-wide settings edited in the admin (Paramètres)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details, social profiles and legal pages shown in the footer and on the social page.

    Not translatable, on purpose: a site setting belongs to a Wagtail ``Site`` (one for both
    languages, which are locales of the same site, not separate sites) and wagtail-localize
    translates pages and snippets, not site settings. Every field here is the same in every
    language anyway (an address, an e-mail, profile URLs, an image); the words around them in
    the footer come from the templates' English catalogue. Text that must differ by language
    belongs in a translatable snippet (see ``search.DistressVocabulary``) or a page.
    """

    contact_email = models.EmailField(
        _("e-mail de contact"),
        blank=True,
        help_text=_("Adresse publique de la campagne, affichée dans le pied de page."),
    )
    postal_address = models.TextField(_("adresse postale"), blank=True, help_text=_("Une ligne par ligne d'adresse."))
    twitter_url = models.URLField(_("Twitter / X"), blank=True, help_text=_("Adresse complète du profil."))
    facebook_url = models.URLField(_("Facebook"), blank=True, help_text=_("Adresse complète de la page."))
    instagram_url = models.URLField(_("Instagram"), blank=True, help_text=_("Adresse complète du profil."))
    youtube_url = models.URLField(_("YouTube"), blank=True, help_text=_("Adresse complète de la chaîne."))
    default_og_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de partage par défaut"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Utilisée quand une page n'a pas sa propre image de partage."),
    )
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page des mentions légales"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "La page qui dit qui publie le site et comment joindre la campagne (obligatoire en France) : "
            "liée en bas de chaque page, sous « Mentions légales »."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de confidentialité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Aussi liée depuis la case de consentement du formulaire de témoignage, sauf si celui-ci en choisit une autre."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("déclaration d'accessibilité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "La page qui dit ce qui est accessible sur le site et à qui écrire sinon (RGAA) : liée en bas de chaque "
            "page, avec l'état de conformité choisi ci-dessous."
        ),
    )
    accessibility_status = models.CharField(
        _("état de conformité (RGAA)"),
        max_length=12,
        choices=[
            ("none", _("non conforme")),
            ("partial", _("partiellement conforme")),
            ("full", _("totalement conforme")),
        ],
        default="partial",
        help_text=_("Affiché dans le pied de page, comme le demande le RGAA ; le même que dans la déclaration."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("postal_address")], heading=_("Contact")),
        MultiFieldPanel(
            [
                FieldPanel("twitter_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Réseaux sociaux"),
        ),
        FieldPanel("default_og_image"),
        MultiFieldPanel(
            [
                PageChooserPanel("legal_notice_page"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("accessibility_page"),
                FieldPanel("accessibility_status"),
            ],
            heading=_("Pages du pied de page"),
            help_text=_("Pages en français : le pied de page du site anglais montre leur traduction."),
        ),
    ]

    class Meta:
        verbose_name = _("paramètres du site")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(name, url) for each social profile that is filled in, in display order."""
        candidates = [
            ("Twitter / X", self.twitter_url),
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in candidates if url]

    def footer_pages(self) -> list[tuple[str, object]]:
        """(role, live page in the current language) for each legal page set, in display order.

        The settings point at the pages of the default language; each is replaced by its
        translation in the active language when there is a live one.
        """
        pages = [
            ("legal", live_translation(self.legal_notice_page)),
            ("privacy", live_translation(self.privacy_page)),
            ("accessibility", live_translation(self.accessibility_page)),
        ]
        return [(role, page) for role, page in pages if page is not None]


def live_translation(page):
    """``page`` in the active language (itself when it has no translation there), or None
    when that version is not live: a link never leads to a draft."""
    if page is None:
        return None
    localized = page.localized
    return localized if localized.live else None
