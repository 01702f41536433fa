"""Check and clean editors' image uploads: every frame must decode, every image has an
alternative text unless the editor declares it decorative, and metadata (EXIF, GPS, XMP, ICC
comments) is stripped before the image is stored.

Wagtail reads only an image's header before accepting it, and lets Pillow's errors on a
truncated or corrupt file escape (a 500). ``ImageForm`` (``WAGTAILIMAGES_IMAGE_FORM_BASE``,
used by the single and the multiple upload) decodes every frame and turns any failure into
a French form error.

Wagtail uses an image's ``description`` as its alternative text. The form requires it, or the
« image décorative » box (``home.DecorativeImage``): an empty ``alt`` is then a decision, not
an omission. The multiple upload asks for it in the form shown after each file.

A photo from a phone carries the place it was taken and the device; a campaign about
harassment must not publish that. Wagtail already refuses files that are not real images
(Willow sniffs the content, the extension must match), files over
``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` and images over ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``
(decompression bombs). This hook runs on every new or replaced original, whatever the
upload path (single, multiple upload, API, code), and re-encodes the pixels without any
metadata; renditions are made from the clean original so they carry none either.
"""

from __future__ import annotations

import io
import logging

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageOps, ImageSequence
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.utils.file import hash_filelike

logger = logging.getLogger(__name__)

# Pillow format → save options that keep quality and drop metadata.
SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
    "GIF": {},
    "AVIF": {"quality": 80},
}


def decode_every_frame(upload) -> None:
    """Decode every frame of the uploaded file with Pillow; raise whatever Pillow raises."""
    upload.seek(0)
    try:
        with PILImage.open(upload) as image:
            for frame in ImageSequence.Iterator(image):
                frame.load()
    finally:
        upload.seek(0)


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, where a file Pillow cannot fully read is a form error."""

    default_error_messages = {
        "unreadable_image": _(
            "Ce fichier image est incomplet ou abîmé et ne peut pas être lu. Enregistrez-le de nouveau "
            "depuis votre logiciel d'images, puis réessayez."
        ),
    }

    def to_python(self, data):
        try:
            checked = super().to_python(data)
            if checked is not None:
                decode_every_frame(data)
        except ValidationError:
            raise
        except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError… on a bad file
            raise ValidationError(self.error_messages["unreadable_image"], code="unreadable_image") from exc
        return checked


class ImageForm(BaseImageForm):
    """Wagtail's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``): ``CheckedImageField`` for the
    file, and an alternative text required unless the image is declared decorative."""

    decorative = forms.BooleanField(
        label=_("Image décorative"),
        required=False,
        help_text=_(
            "Cochez seulement si l'image n'apporte aucune information (un motif, un fond) : "
            "les lecteurs d'écran l'ignoreront et le texte alternatif reste vide."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        original = self.fields.get("file")
        if original is not None:
            # Same label, requirement and widget (with the attributes Wagtail set on it).
            self.fields["file"] = CheckedImageField(
                label=original.label, required=original.required, widget=original.widget
            )
        description = self.fields.get("description")
        if description is None:
            del self.fields["decorative"]  # a partial form (fields=…) without the alternative text
            return
        description.label = _("Texte alternatif")
        description.help_text = _(
            "Obligatoire. Décrivez en une phrase ce que montre l'image, pour les personnes qui ne la voient pas "
            "(lecteur d'écran, image non chargée) : « Deux mains qui se tendent sous un soleil levant ». "
            "Inutile de commencer par « Image de ». Laissez vide seulement si l'image est décorative."
        )
        # The box sits right under the text it replaces.
        order = [name for name in self.fields if name != "decorative"]
        order.insert(order.index("description") + 1, "decorative")
        self.order_fields(order)
        if self.instance.pk:
            from home.models.images import is_decorative

            self.fields["decorative"].initial = is_decorative(self.instance)

    def clean(self):
        cleaned = super().clean()
        if "description" not in self.fields:
            return cleaned
        description = (cleaned.get("description") or "").strip()
        if cleaned.get("decorative"):
            if description:
                self.add_error(
                    "decorative",
                    _("Une image décorative n'a pas de texte alternatif : videz-le, ou décochez « Image décorative »."),
                )
        elif not description and "description" not in self.errors:
            self.add_error(
                "description",
                _(
                    "Décrivez l'image pour les personnes qui ne la voient pas, ou cochez « Image décorative » "
                    "si elle n'apporte aucune information."
                ),
            )
        cleaned["description"] = description
        # Read by the post_save handler, so commit=False callers that save the image get it too.
        self.instance._decorative_choice = bool(cleaned.get("decorative"))
        return cleaned


def strip_metadata(data: bytes) -> tuple[bytes, int, int] | None:
    """Re-encode ``data`` without metadata. Returns (bytes, width, height), or None to keep it.

    The EXIF orientation is applied to the pixels first, so a portrait photo stays upright.
    """
    with PILImage.open(io.BytesIO(data)) as source:
        fmt = source.format
        if fmt not in SAVE_OPTIONS:
            return None
        options = dict(SAVE_OPTIONS[fmt])
        if fmt in ("GIF", "WEBP", "PNG") and getattr(source, "is_animated", False):
            # Keep every frame; metadata other than timing is still dropped.
            frames = [frame.copy() for frame in ImageSequence.Iterator(source)]
            options.update(save_all=True, append_images=frames[1:], loop=source.info.get("loop", 0))
            options["duration"] = source.info.get("duration", 100)
            clean = frames[0]
        else:
            clean = ImageOps.exif_transpose(source)
            if clean is source:
                clean = source.copy()
        # A fresh image object has no .info/.getexif(): nothing but pixels (and palette).
        clean.info = {key: value for key, value in clean.info.items() if key == "transparency"}
        if fmt == "JPEG" and clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")
        out = io.BytesIO()
        clean.save(out, format=fmt, **options)
        return out.getvalue(), clean.width, clean.height


def _strip_on_upload(sender, instance, **kwargs):
    field_file = instance.file
    if not field_file:
        return
    # A new image whose file is already stored: the multiple upload, when the file waits for
    # its alternative text, copies it into place before the image is saved.
    stored_before_save = instance._state.adding and getattr(field_file, "_committed", True)
    if getattr(field_file, "_committed", True) and not stored_before_save:
        return  # no new file in this save
    try:
        field_file.open("rb")
        field_file.seek(0)
        data = field_file.read()
        result = strip_metadata(data)
    except Exception:
        # Wagtail's form already validated it as an image; if Pillow cannot re-encode it
        # (rare format), keep the original rather than lose the editor's upload.
        logger.warning("could not strip metadata from an uploaded image", exc_info=True)
        return
    if result is None:
        return
    clean_bytes, width, height = result
    name = field_file.name
    if stored_before_save:
        # The stored copy still carries the metadata: the clean file takes its place.
        field_file.close()
        field_file.storage.delete(name)
        name = name.rsplit("/", 1)[-1]
    instance.file = ContentFile(clean_bytes, name=name)
    instance.width, instance.height = width, height
    instance.file_size = len(clean_bytes)
    instance.file_hash = hash_filelike(io.BytesIO(clean_bytes))


def _record_decorative_choice(sender, instance, **kwargs):
    choice = getattr(instance, "_decorative_choice", None)
    if choice is None:
        return  # not saved from the image form
    from home.models.images import DecorativeImage

    if choice:
        DecorativeImage.objects.get_or_create(image=instance)
    else:
        DecorativeImage.objects.filter(image=instance).delete()
    del instance._decorative_choice


def connect_signals() -> None:
    pre_save.connect(_strip_on_upload, sender=get_image_model(), dispatch_uid="strip_image_metadata")
    post_save.connect(_record_decorative_choice, sender=get_image_model(), dispatch_uid="record_decorative_choice")
