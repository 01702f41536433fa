"""Interviews with professionals who fight harassment every day."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campagne.blocks import InterviewQAStreamBlock
from home.models import BasePage

from .mixins import FeedMixin, FilterableListingMixin, HarassmentTypesMixin, YouTubeVideoMixin
from .querysets import CampaignPageManager


class InterviewPageTag(TaggedItemBase):
    content_object = ParentalKey("campagne.InterviewPage", on_delete=models.CASCADE, related_name="tagged_items")


class InterviewPage(YouTubeVideoMixin, HarassmentTypesMixin, BasePage):
    """An interview: the person, the video, a summary, the Q&A and a full transcript."""

    person_name = models.CharField(
        _("nom de la personne"), max_length=120, blank=True, help_text=_("Prénom et nom de la personne interviewée.")
    )
    person_role = models.CharField(
        _("fonction"),
        max_length=160,
        blank=True,
        help_text=_("Ex. « psychologue », « conseillère principale d'éducation »."),
    )
    person_organisation = models.CharField(
        _("structure"),
        max_length=160,
        blank=True,
        help_text=_("L'association, l'établissement ou le service où elle travaille."),
    )
    person_photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Portrait de la personne, avec son accord. Facultatif."),
    )
    summary = models.TextField(
        _("résumé"), blank=True, help_text=_("Ce qu'il faut retenir de l'interview, en quelques phrases.")
    )
    questions_answered = models.TextField(
        _("questions auxquelles l'interview répond"),
        blank=True,
        help_text=_(
            "Une question par ligne, telle qu'un visiteur se la pose (ex. « Est-ce que ce que je subis est du harcèlement ? »)."
        ),
    )
    qa = StreamField(
        InterviewQAStreamBlock(),
        blank=True,
        verbose_name=_("questions et réponses"),
        help_text=_("Les échanges de l'interview, question par question."),
    )
    transcript = models.TextField(
        _("transcription complète"),
        blank=True,
        help_text=_(
            "Tout ce qui est dit dans la vidéo, pour les personnes sourdes ou qui ne peuvent pas mettre le son."
        ),
    )
    tags = ClusterTaggableManager(
        through=InterviewPageTag,
        blank=True,
        verbose_name=_("mots-clés"),
        help_text=_("Mots-clés libres, séparés par des virgules."),
    )

    objects = CampaignPageManager()

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("person_name"),
                FieldPanel("person_role"),
                FieldPanel("person_organisation"),
                FieldPanel("person_photo"),
            ],
            heading=_("Personne interviewée"),
        ),
        *YouTubeVideoMixin.video_panels,
        FieldPanel("summary"),
        FieldPanel("questions_answered"),
        FieldPanel("qa"),
        FieldPanel("transcript"),
        MultiFieldPanel([HarassmentTypesMixin.harassment_types_panel, FieldPanel("tags")], heading=_("Classement")),
    ]
    # wagtail-localize: tags are words of one language, each translation keeps its own (left out
    # here, they would be copied from the French page on every synchronisation).
    translatable_fields = BasePage.base_translatable_fields + [
        SynchronizedField("video_url"),
        SynchronizedField("video_poster"),
        TranslatableField("person_name"),
        TranslatableField("person_role"),
        TranslatableField("person_organisation"),
        SynchronizedField("person_photo"),
        TranslatableField("summary"),
        TranslatableField("questions_answered"),
        TranslatableField("qa"),
        TranslatableField("transcript"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("person_name"),
        index.SearchField("person_organisation"),
        index.SearchField("summary"),
        index.SearchField("questions_answered"),
        index.SearchField("qa"),
        index.SearchField("transcript"),
    ]
    parent_page_types = ["campagne.InterviewIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")

    def questions_list(self) -> list[str]:
        return [line.strip() for line in self.questions_answered.splitlines() if line.strip()]

    def person_line(self) -> str:
        return ", ".join(part for part in (self.person_role, self.person_organisation) if part)


class InterviewIndexPage(FeedMixin, FilterableListingMixin, BasePage):
    """« Interviews »: filterable by harassment type and tag, with RSS/Atom feeds."""

    listing_model = "campagne.InterviewPage"
    tag_model = InterviewPageTag
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campagne.InterviewPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("liste des interviews")
        verbose_name_plural = _("listes des interviews")
