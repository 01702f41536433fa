"""StreamField blocks shared by every app's pages.

Each block's Meta sets its template, icon, preview and description so that editors see
what they are choosing. Templates live in ``templates/components/streamfield/`` in a
folder that mirrors block names; the stream template only loops with ``include_block``.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("titre"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("niveau"),
        choices=[("h2", _("Titre de section (niveau 2)")), ("h3", _("Sous-titre (niveau 3)"))],
        default="h2",
        help_text=_("Utilisez le niveau 2 pour une nouvelle section, le niveau 3 à l'intérieur d'une section."),
    )

    class Meta:
        template = "components/streamfield/blocks/heading_block.html"
        icon = "title"
        label = _("Titre")
        description = _("Un titre qui découpe le texte en sections.")
        preview_value = {"text": "Parler, c'est déjà agir", "level": "h2"}
        group = _("Texte")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        template = "components/streamfield/blocks/paragraph_block.html"
        icon = "pilcrow"
        label = _("Paragraphe")
        description = _("Du texte mis en forme : gras, italique, listes, liens.")
        preview_value = "<p>Le harcèlement n'est jamais de la faute de la personne qui le subit.</p>"
        group = _("Texte")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citation"))
    attribution = blocks.CharBlock(label=_("auteur ou autrice"), required=False, max_length=120)

    class Meta:
        template = "components/streamfield/blocks/quote_block.html"
        icon = "openquote"
        label = _("Citation")
        description = _("Une phrase mise en avant, avec son auteur ou autrice.")
        preview_value = {"text": "La première étape pour s'en sortir, c'est d'en parler.", "attribution": "L'équipe"}
        group = _("Texte")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("légende"), required=False, max_length=250)

    class Meta:
        template = "components/streamfield/blocks/captioned_image_block.html"
        icon = "image"
        label = _("Image")
        description = _("Une image avec son texte alternatif (obligatoire sauf image décorative) et une légende.")
        group = _("Médias")

    def get_preview_value(self):
        """An image of the site's own library: a preview value cannot name a fixed image."""
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("pk").first()
        alt_text = image.default_alt_text if image else ""
        return self.normalize(
            {
                "image": {"image": image, "alt_text": alt_text or "", "decorative": False},
                "caption": _("La légende s'affiche sous l'image."),
            }
        )


class LinkStructValue(blocks.StructValue):
    """Link logic in Python: templates only print ``value.href``."""

    def href(self) -> str:
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("url") or ""


class CallToActionBlock(blocks.StructBlock):
    """A button-styled link to a page or an external URL (one of the two, not both)."""

    label = blocks.CharBlock(label=_("texte du bouton"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page du site"), required=False)
    url = blocks.URLBlock(label=_("ou adresse externe"), required=False)

    class Meta:
        template = "components/streamfield/blocks/call_to_action_block.html"
        icon = "link"
        label = _("Bouton d'action")
        description = _("Un lien bien visible vers une page du site ou une adresse externe.")
        preview_value = {"label": "Témoigner", "url": "https://www.parlonsharcelement.fr/"}
        group = _("Liens")
        value_class = LinkStructValue

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            error = ValidationError(_("Choisissez une page du site ou une adresse externe, pas les deux."))
            raise StructBlockValidationError(block_errors={"page": error, "url": error})
        return value


class RetentionTableStructValue(blocks.StructValue):
    def groups(self):
        """The durations as the site applies them, read from the settings at each display."""
        from home.privacy import retention_schedule

        return retention_schedule()


class RetentionTableBlock(blocks.StructBlock):
    """The privacy page's table of what is kept, how long and who reads it. Its figures are
    never typed: they come from the settings the erasing code reads (``home.privacy``)."""

    caption = blocks.CharBlock(
        label=_("titre du tableau (facultatif)"),
        required=False,
        max_length=120,
        help_text=_("Laissez vide pour « Ce que nous gardons, combien de temps, qui le lit »."),
    )

    class Meta:
        template = "components/streamfield/blocks/retention_table_block.html"
        icon = "table"
        label = _("Durées de conservation")
        description = _(
            "Le tableau des données gardées, de leur durée de conservation et de qui les lit. Les durées sont "
            "celles que le site applique : rien à saisir, elles se mettent à jour toutes seules, en français et en anglais."
        )
        preview_value = {"caption": ""}
        group = _("Pages légales")
        value_class = RetentionTableStructValue


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks available on every editorial page."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        template = "components/streamfield/stream_block.html"


class LegalStreamBlock(BaseStreamBlock):
    """The body of the legal pages (privacy, legal notice…): the editorial blocks plus the
    live table of retention durations."""

    retention_table = RetentionTableBlock()
