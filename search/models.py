"""Editable search vocabulary: the words that make the search page show the helplines."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from home.models import EditableWordList

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


class DistressVocabulary(EditableWordList):
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

    class Meta(EditableWordList.Meta):
        verbose_name = _("liste de mots de détresse")
        verbose_name_plural = _("listes de mots de détresse")

    @classmethod
    def default_words(cls) -> dict[str, list[str]]:
        return DEFAULT_DISTRESS_WORDS

