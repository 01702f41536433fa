"""The campaign's awareness videos."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campagne.youtube import CONTENT_WARNING_CHOICES, WARNING_NONE
from home.models import BasePage

from .mixins import CampaignBodyMixin, FeedMixin, FilterableListingMixin, HarassmentTypesMixin, YouTubeVideoMixin
from .querysets import CampaignPageManager


class VideoPageTag(TaggedItemBase):
    content_object = ParentalKey("campagne.VideoPage", on_delete=models.CASCADE, related_name="tagged_items")


class VideoPage(YouTubeVideoMixin, HarassmentTypesMixin, CampaignBodyMixin, BasePage):
    """A video behind a privacy facade, with a content warning and helplines when needed."""

    content_warning = models.CharField(
        _("avertissement"),
        max_length=12,
        choices=CONTENT_WARNING_CHOICES,
        default=WARNING_NONE,
        help_text=_(
            "« Sujet sensible » ou « choquant » : un avertissement et les numéros d'aide s'affichent avant la vidéo, "
            "et elle ne démarre jamais toute seule."
        ),
    )
    duration = models.DurationField(
        _("durée"), null=True, blank=True, help_text=_("Au format minutes:secondes, ex. 3:25.")
    )
    transcript = models.TextField(
        _("transcription"),
        blank=True,
        help_text=_(
            "Ce qui est dit et montré dans la vidéo, pour les personnes qui ne peuvent ni la voir ni l'entendre."
        ),
    )
    tags = ClusterTaggableManager(
        through=VideoPageTag,
        blank=True,
        verbose_name=_("mots-clés"),
        help_text=_("Mots-clés libres, séparés par des virgules."),
    )

    objects = CampaignPageManager()

    content_panels = BasePage.content_panels + [
        *YouTubeVideoMixin.video_panels,
        MultiFieldPanel([FieldPanel("content_warning"), FieldPanel("duration")], heading=_("Avant la lecture")),
        *CampaignBodyMixin.body_panels,
        FieldPanel("transcript"),
        MultiFieldPanel([HarassmentTypesMixin.harassment_types_panel, FieldPanel("tags")], heading=_("Classement")),
    ]
    # wagtail-localize: tags are words of one language, each translation keeps its own (left out
    # here, they would be copied from the French page on every synchronisation).
    translatable_fields = BasePage.base_translatable_fields + [
        TranslatableField("body"),
        SynchronizedField("video_url"),
        SynchronizedField("video_poster"),
        SynchronizedField("content_warning"),
        SynchronizedField("duration"),
        TranslatableField("transcript"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body"), index.SearchField("transcript")]
    parent_page_types = ["campagne.VideoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("vidéo")
        verbose_name_plural = _("vidéos")

    def clean(self):
        super().clean()
        if not self.video_url:
            raise ValidationError({"video_url": _("Une page vidéo a besoin de l'adresse de sa vidéo YouTube.")})

    def get_content_warning(self) -> str:
        return self.content_warning

    def duration_display(self) -> str:
        if not self.duration:
            return ""
        seconds = int(self.duration.total_seconds())
        return f"{seconds // 60}:{seconds % 60:02d}"

    def duration_iso(self) -> str:
        if not self.duration:
            return ""
        seconds = int(self.duration.total_seconds())
        return f"PT{seconds // 60}M{seconds % 60}S"


class VideoIndexPage(FeedMixin, FilterableListingMixin, BasePage):
    """« Vidéos »: filterable by harassment type and tag, with RSS/Atom feeds."""

    listing_model = "campagne.VideoPage"
    tag_model = VideoPageTag
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campagne.VideoPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("liste des vidéos")
        verbose_name_plural = _("listes des vidéos")
