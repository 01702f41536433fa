"""« Témoigner »: the form page, its thank-you answer and the receipt-code status page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.models import BasePage, BodyMixin, SiteSettings
from home.models.settings import live_translation
from temoignages.permissions import ModeratedSubtreeMixin


class TestimonyFormPage(ModeratedSubtreeMixin, RoutablePageMixin, BodyMixin, BasePage):
    """Where anyone tells their story, without an account.

    Routes: ``""`` shows the form (GET) and receives it (POST); ``suivi/`` is the status
    page where a receipt code shows the testimony's status and lets its author withdraw it.
    The page lives under a ``TestimonyIndexPage``: drafts are created under that index.
    """

    reassurance = models.TextField(
        _("texte rassurant"),
        blank=True,
        default="",
        max_length=800,
        help_text=_("Affiché en haut du formulaire : pas de compte, anonymat possible, ce que nous ne gardons pas."),
    )
    what_is_published = models.TextField(
        _("ce qui sera publié"),
        blank=True,
        default="",
        max_length=800,
        help_text=_("Explique ce qui apparaîtra sur le site (récit relu, pseudonyme, tranche d'âge, région) et ce qui n'y apparaîtra jamais."),
    )
    review_delay = models.CharField(
        _("délai de relecture"),
        max_length=120,
        blank=True,
        default="",
        help_text=_("Par exemple « sous sept jours ». Affiché dans le formulaire et sur la page de remerciement."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de confidentialité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("La page liée depuis la case de consentement au traitement des données."),
    )
    consent_text_version = models.CharField(
        _("version du texte de consentement"),
        max_length=20,
        default="2025-01",
        help_text=_("Changez-la quand le texte de consentement ou la page de confidentialité change : elle est enregistrée avec chaque témoignage."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("reassurance"), FieldPanel("what_is_published"), FieldPanel("review_delay")],
            heading=_("Textes du formulaire"),
        ),
        MultiFieldPanel(
            [PageChooserPanel("privacy_page"), FieldPanel("consent_text_version")], heading=_("Consentement")
        ),
    ] + BodyMixin.body_panels
    parent_page_types = ["temoignages.TestimonyIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("formulaire de témoignage")
        verbose_name_plural = _("formulaires de témoignage")

    def get_privacy_page(self):
        """The privacy page in the visitor's language: this form's own choice, otherwise the
        site's (Paramètres du site, also linked from the footer)."""
        page = self.privacy_page
        if page is None:
            site = self.get_site()
            page = SiteSettings.for_site(site).privacy_page if site is not None else None
        return live_translation(page)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["privacy_page"] = self.get_privacy_page()
        return context

    def get_testimony_index(self):
        return self.get_parent().specific

    @path("")
    def form_route(self, request):
        from temoignages.views import testimony_form_view

        return testimony_form_view(request, self)

    @path("suivi/")
    def status_route(self, request):
        from temoignages.views import testimony_status_view

        return testimony_status_view(request, self)

    def status_url(self, request=None) -> str:
        return self.url + self.reverse_subpage("status_route")
