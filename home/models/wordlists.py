"""An editable list of words per language, with built-in defaults: the base of the search's
distress words and of the suicidal-risk words."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField


class WordListQuerySet(models.QuerySet):
    def all_words(self) -> list[str]:
        """Every language's list together, with the model's defaults for the languages editors
        have not listed yet. All languages at once: a French text on the English site (or the
        reverse) must be caught too, and a helpline shown too often harms no one."""
        words: list[str] = []
        listed = set()
        for vocabulary in self.select_related("locale"):
            listed.add(vocabulary.locale.language_code)
            words.extend(vocabulary.word_list)
        for language, defaults in self.model.default_words().items():
            if language not in listed:
                words.extend(defaults)
        return words


class EditableWordList(TranslatableMixin, models.Model):
    """One list per language (translated with « Traduire »). Concrete lists declare their
    ``name`` and ``words`` fields (their help texts differ) and their ``default_words()``."""

    objects = WordListQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("words")]
    # Both fields are translated: each language has its own words, not a copy.
    translatable_fields = [TranslatableField("name"), TranslatableField("words")]

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def __str__(self) -> str:
        return self.name

    @classmethod
    def default_words(cls) -> dict[str, list[str]]:
        raise NotImplementedError

    @property
    def word_list(self) -> list[str]:
        """One entry per line (a comma separates entries too)."""
        return [line.strip() for line in self.words.replace(",", "\n").splitlines() if line.strip()]
