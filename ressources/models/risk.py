"""The editable list of words that suggest suicidal risk (see ``home.risk``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from home.models import EditableWordList


class SuicideRiskVocabulary(EditableWordList):
    """Words or expressions that suggest a person may be thinking about suicide.

    When a testimony or a search contains one, the page shows 3114 and 112 first, and the
    moderators' queue puts the testimony at the top. One list per language; until editors
    create one, the built-in list of ``home.risk.DEFAULT_RISK_WORDS`` applies.
    """

    name = models.CharField(
        _("nom"),
        max_length=80,
        default="Mots de risque suicidaire",
        help_text=_("Nom de la liste, pour la retrouver dans l'administration."),
    )
    words = models.TextField(
        _("mots et expressions"),
        help_text=_(
            "Un mot ou une expression par ligne (ex. « mourir », « en finir »). Majuscules et accents sont "
            "ignorés. Un début de mot suffit : « scarif » trouve « scarifier » et « scarification » ; un mot "
            "n'est jamais cherché au milieu d'un autre."
        ),
    )

    class Meta(EditableWordList.Meta):
        verbose_name = _("liste de mots de risque suicidaire")
        verbose_name_plural = _("listes de mots de risque suicidaire")

    @classmethod
    def default_words(cls) -> dict[str, list[str]]:
        from home.risk import DEFAULT_RISK_WORDS

        return DEFAULT_RISK_WORDS
