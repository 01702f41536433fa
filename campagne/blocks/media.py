"""A YouTube video behind a privacy facade, usable in any campaign page body."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from campagne.youtube import CONTENT_WARNING_CHOICES, WARNING_NONE, parse_youtube_id, video_embed


class VideoStructValue(blocks.StructValue):
    def embed(self):
        return video_embed(self.get("url"), self.get("title"), self.get("poster"), self.get("content_warning"))


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label=_("adresse de la vidéo YouTube"),
        help_text=_(
            "Ex. https://www.youtube.com/watch?v=… ou https://youtu.be/… — rien n'est chargé depuis YouTube avant le clic du visiteur."
        ),
    )
    title = blocks.CharBlock(
        label=_("titre de la vidéo"),
        max_length=160,
        help_text=_("Lu par les lecteurs d'écran et affiché sur le bouton."),
    )
    poster = ImageChooserBlock(
        label=_("image d'aperçu"),
        required=False,
        help_text=_("Image affichée avant la lecture (16/9). Sans image, une illustration du site est utilisée."),
    )
    content_warning = blocks.ChoiceBlock(
        label=_("avertissement"),
        choices=CONTENT_WARNING_CHOICES,
        default=WARNING_NONE,
        help_text=_("Sensible ou choquant : un avertissement et les numéros d'aide s'affichent avant la vidéo."),
    )

    class Meta:
        template = "components/streamfield/blocks/video_block.html"
        icon = "media"
        label = _("Vidéo YouTube")
        description = _("Une vidéo YouTube qui ne se charge qu'au clic du visiteur (respect de la vie privée).")
        group = _("Médias")
        value_class = VideoStructValue
        preview_value = {
            "url": "https://youtu.be/KHgWd7_Ys7A",
            "title": "Plus forts, ensemble !",
            "content_warning": WARNING_NONE,
        }

    def clean(self, value):
        value = super().clean(value)
        if parse_youtube_id(value.get("url") or "") is None:
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Cette adresse n'est pas une vidéo YouTube reconnue."))}
            )
        return value
