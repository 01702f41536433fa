"""The abstract base page, the home page and the standard (legal) page."""

from django.apps import apps
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import LegalStreamBlock
from home.sections import HomeStreamBlock, default_home_sections

from .images import ListingImageMixin, attach_card_images
from .mixins import BodyMixin, IntroMixin, SocialMetaMixin
from .querysets import SitePageManager


class BasePage(ListingImageMixin, SocialMetaMixin, IntroMixin, Page):
    """Every public page type of the site inherits from this abstract page."""

    content_panels = Page.content_panels + IntroMixin.intro_panels
    promote_panels = Page.promote_panels + ListingImageMixin.listing_image_panels + SocialMetaMixin.social_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    # wagtail-localize: what every page translates and what stays the same in every language.
    # Not assigned to ``translatable_fields`` here, so page types that do not declare their
    # own keep wagtail-localize's detection of their extra fields; declare with
    # ``translatable_fields = BasePage.base_translatable_fields + [...]``.
    base_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("og_description"),
        SynchronizedField("og_image"),
        SynchronizedField("listing_image"),
        SynchronizedField("show_in_menus"),
    ]

    objects = SitePageManager()

    class Meta:
        abstract = True

    def get_menu_children(self):
        """Children shown in sub-navigation and section lists: live, public, in menus."""
        return self.get_children().live().public().in_menu().specific()


class HomePage(BasePage):
    """The root of each language's tree: the campaign's front door."""

    hero_title = models.CharField(
        _("slogan"),
        max_length=120,
        default="Plus forts, ensemble !",
        help_text=_("La grande phrase en haut de la page d'accueil."),
    )
    hero_text = models.TextField(
        _("texte d'accueil"),
        blank=True,
        max_length=500,
        help_text=_("Une ou deux phrases sous le slogan, pour dire en quoi le site peut aider."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("illustration d'accueil"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Grande illustration à côté du slogan. Format paysage (au moins 1200 × 800 pixels), "
            "aux couleurs de la campagne ; placez le point d'intérêt sur l'essentiel."
        ),
    )
    body = StreamField(
        HomeStreamBlock(),
        blank=True,
        default=default_home_sections,
        verbose_name=_("sections de la page"),
        help_text=_(
            "Les sections de l'accueil sous le slogan, dans l'ordre de la liste : édito, témoignage, vidéo ou "
            "étude à la une, derniers témoignages, rubriques du site, image, texte… Glissez-les pour les réordonner."
        ),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")], heading=_("En-tête")
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]
    translatable_fields = BasePage.base_translatable_fields + [
        TranslatableField("hero_title"),
        TranslatableField("hero_text"),
        TranslatableField("body"),
        SynchronizedField("hero_image"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "campagne.EditoPage",
        "campagne.InterviewIndexPage",
        "campagne.VideoIndexPage",
        "campagne.StudyIndexPage",
        "campagne.SocialNetworksPage",
        "campagne.ContactPage",
        "temoignages.TestimonyIndexPage",
        "ressources.ResourceIndexPage",
        "home.StandardPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    def get_context(self, request, *args, **kwargs):
        """The hero's links and the feeds' sections, as lazy values: the template caches the part
        that uses them (``{% wagtailpagecache %}``), so on a cache hit none of these queries runs. The
        body's sections query their own content (``home.sections``), inside the same cache."""
        context = super().get_context(request, *args, **kwargs)
        TestimonyFormPage = apps.get_model("temoignages", "TestimonyFormPage")
        ResourceIndexPage = apps.get_model("ressources", "ResourceIndexPage")
        context["sections"] = SimpleLazyObject(lambda: attach_card_images(self.get_menu_children()))
        context["testify_page"] = SimpleLazyObject(
            lambda: TestimonyFormPage.objects.descendant_of(self).published().first()
        )
        context["help_page"] = SimpleLazyObject(
            lambda: ResourceIndexPage.objects.child_of(self).published().first()
        )
        return context


class StandardPage(BodyMixin, BasePage):
    """A plain page: legal notice, privacy policy, accessibility statement, safe browsing."""

    body = StreamField(
        LegalStreamBlock(),
        blank=True,
        verbose_name=_("contenu"),
        help_text=_(
            "Le texte de la page, en blocs. Pour la page de confidentialité, ajoutez le bloc « Durées de "
            "conservation » : il affiche les durées que le site applique vraiment."
        ),
    )

    content_panels = BasePage.content_panels + BodyMixin.body_panels
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    translatable_fields = BasePage.base_translatable_fields + [TranslatableField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage", "ressources.ResourceIndexPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("page simple")
        verbose_name_plural = _("pages simples")
