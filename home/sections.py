"""The home page's sections: blocks an editor adds, removes and orders on the home page.

Some sections show content the editors pick (a testimony, a video or an interview, a study);
others show what the site holds at the time (the édito, the latest testimonies, the site's
sections). A picked page shows only while it is live and public: a testimony withdrawn or
unpublished after being featured disappears from the home, and a draft never shows.
"""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Page, Site

from home.blocks import BaseStreamBlock

T = "components/streamfield/blocks/"
GROUP = _("Sections de l'accueil")


def visible(page: Page | None):
    """``page`` in the visitor's language when translated, as its specific page, only if live and public."""
    if page is None:
        return None
    candidate = page.localized
    return Page.objects.live().public().filter(pk=candidate.pk).specific().first()


def preview_home(parent_context) -> Page | None:
    """The page a home section reads from: the page being rendered, or in a block preview the
    default site's home in the editor's language, so the preview shows the site's real content."""
    page = (parent_context or {}).get("page")
    if page is not None:
        return page
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page.localized.specific if site else None


def section_heading() -> blocks.CharBlock:
    """Every section's optional title: left empty, the section proposes its own."""
    return blocks.CharBlock(
        label=_("titre de la section"),
        required=False,
        max_length=120,
        help_text=_("Laissez vide pour le titre proposé."),
    )


class FeaturedPageStructValue(blocks.StructValue):
    def featured(self):
        return visible(self.get("page"))


class FeaturedPageBlock(blocks.StructBlock):
    """A section showing one page an editor picked; subclasses set the page types."""

    heading = section_heading()

    class Meta:
        value_class = FeaturedPageStructValue
        group = GROUP

    def get_preview_value(self):
        """The latest published page of the right type: a preview value cannot name a fixed page."""
        models = self.child_blocks["page"].target_models
        page = Page.objects.type(*models).live().public().order_by("-first_published_at").first()
        return self.normalize({"heading": "", "page": page})

    def get_preview_context(self, value, parent_context=None):
        return {**super().get_preview_context(value, parent_context), "preview": True}


class FeaturedTestimonyBlock(FeaturedPageBlock):
    page = blocks.PageChooserBlock(
        label=_("témoignage"),
        page_type="temoignages.TestimonyPage",
        help_text=_("Un témoignage publié. S'il est retiré ou dépublié plus tard, la section disparaît de l'accueil."),
    )

    class Meta:
        template = T + "featured_testimony_block.html"
        icon = "openquote"
        label = _("Témoignage à la une")
        description = _("Un témoignage publié, choisi par l'équipe, mis en avant sur l'accueil.")


class FeaturedVideoBlock(FeaturedPageBlock):
    page = blocks.PageChooserBlock(
        label=_("vidéo ou interview"),
        page_type=["campagne.VideoPage", "campagne.InterviewPage"],
        help_text=_(
            "Une page vidéo ou une interview. Son avertissement s'affiche avant la vidéo, qui ne démarre "
            "jamais toute seule."
        ),
    )

    class Meta:
        template = T + "featured_video_block.html"
        icon = "media"
        label = _("Vidéo ou interview à la une")
        description = _(
            "Une vidéo ou une interview mise en avant, avec son avertissement éventuel ; rien n'est chargé "
            "depuis YouTube avant le clic du visiteur."
        )


class FeaturedStudyBlock(FeaturedPageBlock):
    page = blocks.PageChooserBlock(label=_("étude"), page_type="campagne.StudyPage")

    class Meta:
        template = T + "featured_study_block.html"
        icon = "doc-full"
        label = _("Étude à la une")
        description = _("Une étude de la campagne mise en avant, avec son résumé.")


class HomeSectionBlock(blocks.StructBlock):
    """A section filled from the site's content at each display; the editor sets only its title."""

    heading = section_heading()

    class Meta:
        group = GROUP
        preview_value = {"heading": ""}

    def get_preview_context(self, value, parent_context=None):
        return {**super().get_preview_context(value, parent_context), "preview": True}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        home = preview_home(parent_context)
        context["section"] = self.section_content(home, value, parent_context or {}) if home is not None else None
        return context

    def section_content(self, home, value, parent_context):
        raise NotImplementedError


class EditoSectionBlock(HomeSectionBlock):
    class Meta:
        template = T + "edito_section_block.html"
        icon = "edit"
        label = _("L'édito")
        description = _("Le titre et le chapeau de l'édito de la campagne, avec un lien pour le lire.")

    def section_content(self, home, value, parent_context):
        # Looked up by name: home/ imports no other app.
        return apps.get_model("campagne", "EditoPage").objects.child_of(home).published().first()


class LatestTestimoniesBlock(HomeSectionBlock):
    count = blocks.IntegerBlock(
        label=_("nombre de témoignages"),
        min_value=1,
        max_value=6,
        default=3,
        help_text=_("Les plus récents d'abord, dans la langue de la page."),
    )

    class Meta:
        template = T + "latest_testimonies_block.html"
        icon = "list-ul"
        label = _("Derniers témoignages")
        description = _("Les derniers témoignages publiés, les plus récents d'abord.")
        preview_value = {"heading": "", "count": 3}

    def section_content(self, home, value, parent_context):
        from home.models import attach_card_images

        limit = value.get("count") or 3
        TestimonyPage = apps.get_model("temoignages", "TestimonyPage")
        return attach_card_images(TestimonyPage.objects.latest_for_home(home.locale, limit=limit))


class SiteSectionsBlock(HomeSectionBlock):
    class Meta:
        template = T + "site_sections_block.html"
        icon = "folder-open-inverse"
        label = _("Les rubriques du site")
        description = _("Une carte pour chaque rubrique du site affichée dans le menu.")

    def section_content(self, home, value, parent_context):
        from home.models import attach_card_images

        # The home page's context already reads them (its feed links): read once per page.
        if "sections" in parent_context:
            return parent_context["sections"]
        return attach_card_images(home.get_menu_children())


class HomeStreamBlock(BaseStreamBlock):
    """The home page's body: its sections in the editors' order, then any editorial block."""

    edito = EditoSectionBlock()
    featured_testimony = FeaturedTestimonyBlock()
    featured_video = FeaturedVideoBlock()
    featured_study = FeaturedStudyBlock()
    latest_testimonies = LatestTestimoniesBlock()
    site_sections = SiteSectionsBlock()

    class Meta:
        template = "components/streamfield/stream_block.html"


def default_home_sections() -> list[dict]:
    """A new home page's sections, those the home page always showed before editors could order them."""
    return [
        {"type": "edito", "value": {"heading": ""}},
        {"type": "latest_testimonies", "value": {"heading": "", "count": 3}},
        {"type": "site_sections", "value": {"heading": ""}},
    ]
