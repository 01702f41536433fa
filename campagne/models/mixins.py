"""Mixins of the campaign pages: body, video, taxonomy, filterable listing, feeds."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from campagne.admin_forms import LocalizedTypesPageForm
from campagne.blocks import CampaignStreamBlock
from campagne.youtube import validate_youtube_url, video_embed
from home.models import HarassmentType, ListingMixin
from home.models.listing import listed_children


class CampaignBodyMixin(models.Model):
    """A body made of the shared blocks plus video, chart and key figure."""

    body = StreamField(
        CampaignStreamBlock(),
        blank=True,
        verbose_name=_("contenu"),
        help_text=_("Le texte de la page, en blocs : titres, paragraphes, images, vidéos, graphiques…"),
    )

    body_panels = [FieldPanel("body")]

    class Meta:
        abstract = True


class YouTubeVideoMixin(models.Model):
    """A YouTube video shown behind a facade: nothing loads from YouTube before the click."""

    video_url = models.URLField(
        _("adresse de la vidéo YouTube"),
        blank=True,
        validators=[validate_youtube_url],
        help_text=_(
            "Ex. https://www.youtube.com/watch?v=… ou https://youtu.be/…. La vidéo n'est chargée "
            "depuis YouTube (version sans cookie) que lorsque le visiteur clique sur « Lire »."
        ),
    )
    video_poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image d'aperçu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Image affichée avant la lecture (format 16/9). Sans image, une illustration du site est utilisée."
        ),
    )

    video_panels = [MultiFieldPanel([FieldPanel("video_url"), FieldPanel("video_poster")], heading=_("Vidéo"))]
    # A card without a vignette shows the video's poster.
    card_image_fields = ("listing_image", "video_poster")

    class Meta:
        abstract = True

    def get_content_warning(self) -> str:
        return "none"

    @property
    def video_embed(self):
        # The page's own vignette stands in for a missing poster, before the site-wide placeholder.
        poster = self.video_poster or getattr(self, "listing_image", None)
        return video_embed(self.video_url, self.title, poster, self.get_content_warning())


class HarassmentTypesMixin(models.Model):
    """The harassment types a page is about, ticked in the page's own language."""

    harassment_types = ParentalManyToManyField(
        HarassmentType,
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
        verbose_name=_("types de harcèlement"),
        help_text=_(
            "Les formes de harcèlement abordées : elles servent au filtre de la liste et aux numéros d'aide proposés."
        ),
    )

    # Checkboxes (not a Ctrl-click multi-select), listing only the page's language.
    harassment_types_panel = FieldPanel("harassment_types", widget=forms.CheckboxSelectMultiple)
    base_form_class = LocalizedTypesPageForm

    class Meta:
        abstract = True

    def localized_types(self):
        return [t.localized for t in self.harassment_types.all()]

    def first_type_code(self) -> str:
        first = self.harassment_types.first()
        return first.code if first else ""


class ListingFilterForm(forms.Form):
    """?type=<code>&tag=<slug>: only values that exist are accepted."""

    type = forms.ChoiceField(label=_("Type de harcèlement"), required=False)
    tag = forms.ChoiceField(label=_("Mot-clé"), required=False)

    def __init__(self, data, *, types, tags):
        super().__init__(data)
        self.fields["type"].choices = [("", _("Tous les types"))] + [(t.code, t.name) for t in types]
        self.fields["tag"].choices = [("", _("Tous les mots-clés"))] + [(t.slug, t.name) for t in tags]

    def active_filters(self) -> dict[str, str]:
        """The valid, non-empty filters; invalid ones are dropped (a 200 with no filter)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    @property
    def ignored(self) -> bool:
        return bool(self.errors)


class FilterableListingMixin(ListingMixin):
    """A listing filterable by harassment type and tag; a bad parameter never gives a 500."""

    tag_model = None  # the TaggedItemBase through model of the listed pages

    class Meta:
        abstract = True

    def get_listing_queryset(self, request):
        return listed_children(self, self.get_listing_class()).published().newest_first()

    def get_filter_form(self, request, base):
        types = HarassmentType.objects.filter(locale=self.locale, code__in=base.values("harassment_types__code"))
        tags = Tag.objects.filter(
            pk__in=self.tag_model.objects.filter(content_object__in=base).values("tag_id")
        ).order_by("name")
        return ListingFilterForm(request.GET, types=types, tags=tags)

    def get_context(self, request, *args, **kwargs):
        # Skip ListingMixin.get_context: the queryset is filtered before pagination.
        context = super(ListingMixin, self).get_context(request, *args, **kwargs)
        base = self.get_listing_queryset(request)
        filters = self.get_filter_form(request, base)
        active = filters.active_filters()
        items = base
        if "type" in active:
            items = items.of_type(active["type"])
        if "tag" in active:
            items = items.tagged(active["tag"])
        context.update(
            items=self.paginate_listing(request, items),
            filters=filters,
            active_filters=active,
            query_string=urlencode(active),
        )
        return context


class FeedMixin(RoutablePageMixin):
    """RSS and Atom feeds of a listing, at ``rss/`` and ``atom/`` under the index page."""

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from campagne.feeds import ListingFeed

        return ListingFeed(self, atom=False)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from campagne.feeds import ListingFeed

        return ListingFeed(self, atom=True)(request)
