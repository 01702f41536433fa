"""The public side of testimonies: the index and the moderated testimony pages."""

from __future__ import annotations

import re

from django import forms
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import PageManager
from wagtail.search import index

from home.models import BasePage, HarassmentType, ListingMixin, attach_card_images
from home.models.listing import in_listing_index, listed_children
from home.models.querysets import SitePageQuerySet
from site_parlons.encryption import EncryptedRevisionsMixin, EncryptedTextField
from temoignages.admin_forms import TestimonyPageForm
from temoignages.choices import AgeRange, Region, Role, WarningLevel
from temoignages.content_warnings import warning_level
from temoignages.panels import PersonalDataPanel
from temoignages.permissions import ModeratedSubtreeMixin, TestimonyPermissionTester, check_creation_allowed

# Query-string values accepted as a type code or tag slug (Unicode letters allowed, as taggit's slugs).
SLUG_RE = re.compile(r"[\w-]{1,100}")


class TestimonyPageQuerySet(SitePageQuerySet):
    """The site's page QuerySet with what the testimony listings and the home page add."""

    def latest_for_home(self, locale, limit: int = 3):
        return (
            in_listing_index(self.published(), locale)
            .select_related("harassment_type")
            .order_by("-first_published_at")[:limit]
        )

    def related_to(self, page: TestimonyPage, limit: int = 3):
        """Other published testimonies of the same type and language, newest first."""
        qs = in_listing_index(self.published(), page.locale).exclude(pk=page.pk)
        if page.harassment_type_id:
            qs = qs.filter(harassment_type__code=page.harassment_type.code)
        return qs.order_by("-first_published_at")[:limit]


TestimonyPageManager = PageManager.from_queryset(TestimonyPageQuerySet)


class TestimonyPageTag(TaggedItemBase):
    content_object = ParentalKey("temoignages.TestimonyPage", on_delete=models.CASCADE, related_name="tagged_items")


class TestimonyIndexPage(ModeratedSubtreeMixin, RoutablePageMixin, ListingMixin, BasePage):
    """« Témoignages »: the published testimonies, newest first, filterable by type and tag,
    with RSS (``rss/``) and Atom (``atom/``) feeds of the same list."""

    listing_model = "temoignages.TestimonyPage"
    per_page = 12
    parent_page_types = ["home.HomePage"]
    subpage_types = ["temoignages.TestimonyPage", "temoignages.TestimonyFormPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("liste des témoignages")
        verbose_name_plural = _("listes des témoignages")

    def get_filters(self, request) -> dict:
        """The valid ``?type=`` and ``?tag=``. An unknown value is dropped and noted under
        ``"ignored"``: the visitor (often following an old link) sees the whole list with a
        notice, as on the campaign listings, never an error page."""
        filters = {}
        raw_type = (request.GET.get("type") or "").strip()
        if raw_type:
            harassment_type = None
            if SLUG_RE.fullmatch(raw_type):
                harassment_type = HarassmentType.objects.filter(locale=self.locale, code=raw_type).first()
            if harassment_type is None:
                filters["ignored"] = True
            else:
                filters["type"] = harassment_type
        raw_tag = (request.GET.get("tag") or "").strip()
        if raw_tag:
            tag = None
            if SLUG_RE.fullmatch(raw_tag):
                tag = TestimonyPageTag.tag_model().objects.filter(slug=raw_tag).first()
            if tag is None:
                filters["ignored"] = True
            else:
                filters["tag"] = tag
        return filters

    def get_listing_queryset(self, request, filters=None):
        qs = listed_children(self, TestimonyPage).published()
        filters = filters if filters is not None else self.get_filters(request)
        if "type" in filters:
            qs = qs.of_type(filters["type"].code)
        if "tag" in filters:
            qs = qs.tagged(filters["tag"].slug)
        return qs.select_related("harassment_type").order_by("-first_published_at", "-pk")

    def get_context(self, request, *args, **kwargs):
        # ListingMixin's get_context is bypassed: the filters are computed once here.
        context = BasePage.get_context(self, request, *args, **kwargs)
        filters = self.get_filters(request)
        context["filters"] = filters
        context["items"] = self.paginate_listing(request, self.get_listing_queryset(request, filters))
        context["types"] = HarassmentType.objects.filter(locale=self.locale)
        query = {}
        if "type" in filters:
            query["type"] = filters["type"].code
        if "tag" in filters:
            query["tag"] = filters["tag"].slug
        context["query_string"] = urlencode(query)
        from .form_page import TestimonyFormPage

        context["testify_page"] = TestimonyFormPage.objects.child_of(self).published().first()
        return context

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from temoignages.feeds import TestimonyFeed

        return TestimonyFeed(self, atom=False)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from temoignages.feeds import TestimonyFeed

        return TestimonyFeed(self, atom=True)(request)


class TestimonyPage(EncryptedRevisionsMixin, BasePage):
    """One person's story, public only once a moderator has approved it.

    The page title stays neutral (« Témoignage n° 12 ») so that notifications and admin lists
    never carry words typed by the author; the title the author proposed goes in ``headline``.
    Created only from a private record (``temoignages.services``), published only by the
    moderation workflow's approve step (``temoignages.permissions``).
    """

    harassment_type = models.ForeignKey(
        HarassmentType,
        verbose_name=_("type de harcèlement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le type de harcèlement raconté ; il choisit les numéros d'aide affichés sous le récit."),
    )
    role = models.CharField(
        _("rôle"), max_length=20, choices=Role.choices, default=Role.VICTIM, help_text=_("Qui raconte : victime, témoin ou autre.")
    )
    # headline, pseudonym and story are encrypted at rest, in the page's row and in its revisions:
    # until a moderator redacts them they are the author's own words (issue 15).
    headline = EncryptedTextField(
        _("titre affiché"),
        max_length=120,
        blank=True,
        help_text=_("Titre public proposé par l'auteur ou l'autrice ; vérifiez qu'il ne permet d'identifier personne."),
    )
    pseudonym = EncryptedTextField(
        _("pseudonyme"), max_length=60, blank=True, help_text=_("Laissez vide pour afficher « Anonyme ».")
    )
    age_range = models.CharField(
        _("tranche d'âge"), max_length=20, choices=AgeRange.choices, blank=True, help_text=_("Facultatif ; publié avec le récit.")
    )
    region = models.CharField(
        _("région"), max_length=30, choices=Region.choices, blank=True, help_text=_("Facultatif ; publié avec le récit.")
    )
    story = EncryptedTextField(
        _("récit"), help_text=_("Le récit tel qu'il sera publié : retirez noms, lieux, établissements et coordonnées.")
    )
    content_warning_level = models.CharField(
        _("avertissement"),
        max_length=12,
        choices=WarningLevel.choices,
        default=WarningLevel.NONE,
        help_text=_(
            "« Sensible » ou « choquant » : le récit est replié derrière un avertissement que le visiteur ouvre "
            "s'il le souhaite. « Choquant » pour des violences décrites en détail. Des thèmes cochés ou une "
            "précision sans niveau valent « sensible »."
        ),
    )
    content_warning_themes = ParentalManyToManyField(
        "home.ContentWarningTheme",
        blank=True,
        related_name="testimony_pages",
        verbose_name=_("thèmes évoqués"),
        help_text=_(
            "Cochez ce que le récit évoque : l'avertissement les nomme (« Ce témoignage évoque : … »). "
            "La liste se complète dans « Fragments › Thèmes d'avertissement »."
        ),
    )
    content_warning = models.CharField(
        _("précision (facultatif)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Quelques mots ajoutés à l'avertissement si les thèmes ne suffisent pas. "
            "Remplie sans niveau, elle vaut avertissement « sensible »."
        ),
    )
    tags = ClusterTaggableManager(
        through=TestimonyPageTag, blank=True, verbose_name=_("mots-clés"), help_text=_("Quelques mots-clés pour filtrer la liste.")
    )

    objects = TestimonyPageManager()

    content_panels = BasePage.content_panels + [
        FieldPanel("headline", widget=forms.TextInput),
        PersonalDataPanel(heading=_("Données personnelles détectées")),
        FieldPanel("story"),
        MultiFieldPanel(
            [
                FieldPanel("content_warning_level", widget=forms.RadioSelect),
                FieldPanel("content_warning_themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("content_warning"),
                FieldPanel("tags"),
                FieldPanel("harassment_type"),
            ],
            heading=_("Modération"),
        ),
        MultiFieldPanel(
            [FieldPanel("role"), FieldPanel("pseudonym", widget=forms.TextInput), FieldPanel("age_range"), FieldPanel("region")],
            heading=_("À propos de l'auteur ou de l'autrice"),
        ),
    ]
    # Through methods: the index holds its text in clear, so a draft's story must not reach it.
    search_fields = BasePage.search_fields + [index.SearchField("indexed_story"), index.SearchField("indexed_headline")]
    parent_page_types = ["temoignages.TestimonyIndexPage"]
    subpage_types = []
    # Stories are never illustrated with a person: without a vignette, the card shows its type's drawing.
    card_image_fields = ("listing_image", "harassment_type.illustration")
    # Never added by hand in the admin: every testimony comes from the form.
    is_creatable = False
    base_form_class = TestimonyPageForm

    class Meta:
        verbose_name = _("témoignage")
        verbose_name_plural = _("témoignages")

    def permissions_for_user(self, user):
        return TestimonyPermissionTester(user, self)

    def clean(self):
        super().clean()
        self.content_warning_level = warning_level(self.content_warning_level, self.content_warning)

    def save(self, *args, **kwargs):
        # A copy, an alias or a translation would be a public story without a private record:
        # it would escape moderation, withdrawal and retention.
        if self._state.adding:
            check_creation_allowed()
        self.content_warning_level = warning_level(self.content_warning_level, self.content_warning)
        return super().save(*args, **kwargs)

    @property
    def has_content_warning(self) -> bool:
        """The story is folded behind a warning (never shown in a card or a feed)."""
        return self.content_warning_level != WarningLevel.NONE

    @property
    def is_shocking(self) -> bool:
        return self.content_warning_level == WarningLevel.SHOCKING

    @classmethod
    def load_card_data(cls, pages: list[TestimonyPage]) -> None:
        """The warning themes of the warned cards among ``pages``, in one query (none when no card is warned)."""
        warned = [page for page in pages if page.has_content_warning]
        if warned:
            prefetch_related_objects(warned, "content_warning_themes")

    def warning_theme_names(self) -> list[str]:
        """The ticked themes in the page's language, in the editors' order."""
        themes = [
            theme if theme.locale_id == self.locale_id else (theme.get_translation_or_none(self.locale) or theme)
            for theme in self.content_warning_themes.all()
        ]
        return [theme.name for theme in sorted(themes, key=lambda theme: (theme.sort_order, theme.name))]

    @property
    def needs_urgent_helplines(self) -> bool:
        """A ticked theme asks for the emergency numbers first (suicidal thoughts, self-harm…)."""
        return any(theme.urgent_helplines for theme in self.content_warning_themes.all())

    def warning_heading(self) -> str:
        if self.is_shocking:
            return str(_("Avertissement : ce témoignage peut choquer."))
        return str(_("Avertissement : ce témoignage aborde un sujet sensible."))

    def warning_line(self) -> str:
        """The warning in one line, for cards and feeds: its level, then the themes (or the precision).

        Lower case (« sujet sensible — menaces »): a card capitalises it, a feed puts it in a sentence.
        """
        level = _("peut choquer") if self.is_shocking else _("sujet sensible")
        details = ", ".join(self.warning_theme_names()) or self.content_warning.strip().rstrip(".")
        return f"{level} — {details}" if details else str(level)

    def indexed_story(self) -> str:
        """The story for the search index: only once published (publishing reindexes the page)."""
        return self.story if self.live else ""

    def indexed_headline(self) -> str:
        return self.headline if self.live else ""

    @property
    def display_title(self) -> str:
        return self.headline or self.title

    @property
    def author_name(self) -> str:
        return self.pseudonym or str(_("Anonyme"))

    @property
    def excerpt(self) -> str:
        return Truncator(self.story).words(40)

    def get_share_description(self) -> str:
        # The story is public once approved; its opening words describe the page.
        return super().get_share_description() or Truncator(self.story).words(30)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = attach_card_images(
            TestimonyPage.objects.related_to(self).select_related("harassment_type")
        )
        context["share_url"] = self.get_full_url(request)
        return context

