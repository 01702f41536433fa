"""Editable search vocabulary: the words that make the search page show the helplines."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField

from .text import fold, stem

#: Used until editors create a list for a language (then theirs replaces it).
DEFAULT_DISTRESS_WORDS = {
    "fr": [
        "suicide", "suicider", "me tuer", "mourir", "mort", "en finir", "disparaître", "danger", "peur",
        "menace", "frapper", "coups", "viol", "violée", "agression", "me faire du mal", "scarification",
        "urgence", "au secours", "détresse", "désespoir", "plus envie de vivre",
    ],
    "en": [
        "suicide", "kill myself", "die", "end it", "danger", "afraid", "scared", "fear", "threat",
        "hurt myself", "self harm", "rape", "assault", "emergency", "help me", "hopeless",
    ],
}


class DistressVocabularyQuerySet(models.QuerySet):
    def all_words(self) -> list[str]:
        """Every listed word or expression, of every language, with the defaults of the
        languages that have no list. All languages together: a French visitor may search
        the English site in French, and a helpline shown too often harms no one."""
        words: list[str] = []
        languages_with_lists = set()
        for vocabulary in self.select_related("locale"):
            languages_with_lists.add(vocabulary.locale.language_code)
            words.extend(vocabulary.word_list)
        for language, defaults in DEFAULT_DISTRESS_WORDS.items():
            if language not in languages_with_lists:
                words.extend(defaults)
        return words


class DistressVocabulary(TranslatableMixin, models.Model):
    """Words or expressions that suggest a visitor is in distress.

    When a search contains one of them, the search page shows the helplines first.
    One list per language (translate it with « Traduire »); without any list for a
    language, the built-in list ``DEFAULT_DISTRESS_WORDS`` applies.
    """

    name = models.CharField(
        _("nom"),
        max_length=80,
        default="Mots de détresse",
        help_text=_("Nom de la liste, pour la retrouver dans l'administration."),
    )
    words = models.TextField(
        _("mots et expressions"),
        help_text=_(
            "Un mot ou une expression par ligne (ex. « peur », « en finir »). Majuscules et accents "
            "sont ignorés ; un mot trouve aussi ses pluriels et féminins (« menace » trouve « menacée »)."
        ),
    )

    objects = DistressVocabularyQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("words")]
    # Both fields are translated: each language has its own words, not a copy.
    translatable_fields = [TranslatableField("name"), TranslatableField("words")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("liste de mots de détresse")
        verbose_name_plural = _("listes de mots de détresse")

    def __str__(self) -> str:
        return self.name

    @property
    def word_list(self) -> list[str]:
        return [line.strip() for line in self.words.replace(",", "\n").splitlines() if line.strip()]


def looks_like_distress(query: str, words: list[str]) -> bool:
    """True if ``query`` contains one of ``words`` (folded; single words by their stem)."""
    folded_query = " ".join(fold(query).split())
    query_words = folded_query.split()
    if not query_words:
        return False
    for entry in words:
        folded = " ".join(fold(entry).replace("'", " ").replace("-", " ").split())
        if not folded:
            continue
        if " " in folded:
            if f" {folded} " in f" {folded_query} ":
                return True
            continue
        entry_stem = stem(folded)
        if any(word == folded or word.startswith(entry_stem) for word in query_words):
            return True
    return False
