"""The demo's English pages as wagtail-localize translations of the French ones.

A page copied with ``copy_for_translation`` and edited by hand is, for wagtail-localize, an
unrelated page: the admin offers no translation editor for it and « Synchroniser » does nothing.
Here the English text is stored the way a translator using the admin would store it: a
``TranslationSource`` for the French page, a ``Translation`` into English, one
``StringTranslation`` per segment of the source, then ``save_target``. The English page is the
translation's target from then on, and editors keep it in step with « Synchroniser ».

The English text of a segment is found by extracting the segments of a stand-in page: the French
page carrying the English values (StreamField blocks given the French blocks' ids, position by
position), so both sides have the same segment paths and can be paired.
"""

from __future__ import annotations

import copy
import logging
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail_localize.fields import TranslatableField, get_translatable_fields
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

logger = logging.getLogger(__name__)

TEXT_FIELDS = (StreamField, RichTextField, models.TextField, models.CharField)


def _text_fields(model) -> list[models.Field]:
    """The model's translated fields that hold text (segments come from these)."""
    fields = []
    for declared in get_translatable_fields(model):
        if not isinstance(declared, TranslatableField):
            continue
        field = declared.get_field(model)
        if isinstance(field, TEXT_FIELDS) and not getattr(field, "choices", None):
            fields.append(field)
    return fields


def _align_block_ids(source: Any, target: Any) -> None:
    """Give ``target``'s blocks the ids of ``source``'s blocks at the same place (raw JSON values).

    Segment paths contain block ids; blocks of the same type at the same position are the same
    block in both languages.
    """
    if isinstance(source, list) and isinstance(target, list):
        for source_item, target_item in zip(source, target, strict=False):
            _align_block_ids(source_item, target_item)
    elif isinstance(source, dict) and isinstance(target, dict):
        if "id" in source and source.get("type") == target.get("type"):
            target["id"] = source["id"]
        for key, value in source.items():
            if key != "id" and key in target:
                _align_block_ids(value, target[key])


def _raw_stream(field: StreamField, value: Any) -> list:
    """A StreamField value (JSON text, raw list or StreamValue) as its stored JSON, with block ids."""
    return field.get_prep_value(field.to_python(value) if isinstance(value, str | list) else value)


def english_stand_in(source_page: Page, english: Mapping[str, Any]) -> Page:
    """The French page carrying the English values: its segments pair with the source's."""
    stand_in = copy.copy(source_page)
    for field in _text_fields(type(source_page)):
        if field.name not in english:
            continue
        value = english[field.name]
        if isinstance(field, StreamField):
            french_raw = _raw_stream(field, field.value_from_object(source_page))
            value = _raw_stream(field, value)
            _align_block_ids(french_raw, value)
        setattr(stand_in, field.name, value)
    return stand_in


def _strings_by_path(segments) -> dict[str, list[str]]:
    strings = defaultdict(list)
    for segment in segments:
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


def store_string_translations(source: TranslationSource, locale: Locale, stand_in: Page) -> list[str]:
    """Write the stand-in's text as the translation of each of the source's string segments.

    Segments are paired by path and, within a path (a rich text's paragraphs), by order. Returns
    the paths that could not be paired (different structure): those keep the source's text.
    """
    english = _strings_by_path(extract_segments(stand_in))
    french = defaultdict(list)
    for segment in source.stringsegment_set.select_related("string", "context").order_by("order"):
        french[segment.context.path].append(segment)
    unpaired = []
    for path, segments in french.items():
        texts = english.get(path, [])
        if len(texts) != len(segments):
            unpaired.append(path)
            continue
        for segment, text in zip(segments, texts, strict=True):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    return unpaired


def publish_target(translation: Translation) -> Page:
    """Save the translation's target from the stored strings and publish it now.

    ``save_target(publish=True)`` publishes when the transaction commits; the demo loader runs in
    one transaction (and tests in one that never commits), so the revision is published here.
    """
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    target.get_latest_revision().publish()
    return target.specific


def translate_page(source_page: Page, english: Mapping[str, Any], *, refresh: bool = False) -> Page:
    """The English translation of ``source_page``, managed by wagtail-localize.

    ``english`` maps field names to their English values (a ``slug`` among them). A page already
    translated this way is left as it is (editors' work survives), unless ``refresh``: then the
    source is re-read from the French page and the English strings written again.
    An English page made earlier by copying is converted in place: same page, same id.
    """
    source_page = source_page.specific
    en = Locale.objects.get(language_code="en")
    existing = source_page.get_translations().filter(locale=en).first()
    source = TranslationSource.objects.get_for_instance_or_none(source_page)
    translation = source and source.translations.filter(target_locale=en).first()
    if existing is not None and translation is not None and not refresh:
        # Also when an editor has since disabled the translation: that is their choice.
        return existing.specific

    if source is None:
        source, _ = TranslationSource.get_or_create_from_instance(source_page)
    else:
        source.update_from_db()
    values = dict(english)
    if existing is not None and not refresh:
        # An English page made by copying: its text (perhaps edited since) is the translation.
        existing = existing.specific
        for field in _text_fields(type(existing)):
            if field.name != "slug":
                values[field.name] = field.value_from_object(existing)
    unpaired = store_string_translations(source, en, english_stand_in(source_page, values))
    if unpaired:
        logger.warning("%s: no English text paired for %s", source_page.url_path, ", ".join(unpaired))
    translation, _ = Translation.objects.update_or_create(source=source, target_locale=en, defaults={"enabled": True})
    target = publish_target(translation)
    if existing is None:
        _set_kept_fields(target, english)
    return target


def _set_kept_fields(target: Page, english: Mapping[str, Any]) -> None:
    """Set, on a new English page, the values the translation does not carry (e.g. a form's own
    fields), which each language keeps for itself."""
    carried = {field.name for field in _text_fields(type(target))}
    kept = {name: value for name, value in english.items() if name not in carried}
    if not kept:
        return
    for name, value in kept.items():
        setattr(target, name, value)
    target.save_revision().publish()
