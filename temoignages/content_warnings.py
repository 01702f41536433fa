"""The structured content warning of a testimony: its level, from the themes and the free text."""

from __future__ import annotations

from temoignages.choices import WarningLevel


def warning_level(level: str, free_text: str) -> str:
    """The level a testimony is shown with: a written warning is at least « sensible ».

    A moderator who describes what may hurt without choosing a level still means the story
    to be folded behind it, as it was when the free text was the whole warning.
    """
    if (free_text or "").strip() and level in ("", WarningLevel.NONE):
        return WarningLevel.SENSITIVE
    return level or WarningLevel.NONE


def backfill_levels(apps) -> int:
    """Give « sensible » to every testimony whose free-text warning has no level (the data
    migration that introduces the levels); the number of pages changed.

    The saved revisions get the level too, so that the editor, which opens the latest one,
    and the next publication keep it. ``apps`` is a migration's app registry (or Django's).
    """
    page_model = apps.get_model("temoignages", "TestimonyPage")
    revision_model = apps.get_model("wagtailcore", "Revision")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    warned = page_model.objects.exclude(content_warning="").filter(content_warning_level=WarningLevel.NONE)
    changed = warned.update(content_warning_level=WarningLevel.SENSITIVE)
    content_type = content_type_model.objects.filter(app_label="temoignages", model="testimonypage").first()
    if content_type is None:
        return changed
    for revision in revision_model.objects.filter(content_type_id=content_type.pk).iterator():
        content = revision.content or {}
        level = warning_level(content.get("content_warning_level", ""), content.get("content_warning", ""))
        if content.get("content_warning_level") != level:
            content["content_warning_level"] = level
            revision.content = content
            revision.save(update_fields=["content"])
    return changed


def offer_themes_of_locale(form, locale_id) -> None:
    """In any form with ``content_warning_themes`` (page editor, review desk): the themes of one language."""
    from home.models import ContentWarningTheme

    field = form.fields.get("content_warning_themes")
    if field is not None:
        field.queryset = ContentWarningTheme.objects.filter(locale_id=locale_id).order_by("sort_order", "name")


def level_with_themes(cleaned_data: dict) -> dict:
    """A moderator who ticks what the story evokes means it to be announced: at least « sensible »,
    as a precision typed without a level (``warning_level``). For a form's ``clean``."""
    if cleaned_data.get("content_warning_themes") and cleaned_data.get("content_warning_level") == WarningLevel.NONE:
        cleaned_data["content_warning_level"] = WarningLevel.SENSITIVE
    return cleaned_data
