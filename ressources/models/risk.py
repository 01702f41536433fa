"""The editable list of words that suggest suicidal risk (see ``ressources.risk``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField


class SuicideRiskVocabularyQuerySet(models.QuerySet):
    def all_words(self) -> list[str]:
        """Every language's list together, with the defaults of languages that have none.

        All languages at once: a story written in English on the French form, or a French
        search on the English site, must be caught too; showing 3114 too often harms no one.
        """
        from ressources.risk import DEFAULT_RISK_WORDS

        words: list[str] = []
        listed = set()
        for vocabulary in self.select_related("locale"):
            listed.add(vocabulary.locale.language_code)
            words.extend(vocabulary.word_list)
        for language, defaults in DEFAULT_RISK_WORDS.items():
            if language not in listed:
                words.extend(defaults)
        return words


class SuicideRiskVocabulary(TranslatableMixin, models.Model):
    """Words or expressions that suggest a person may be thinking about suicide.

    When a testimony or a search contains one, the page shows 3114 and 112 first, and the
    moderators' queue puts the testimony at the top. One list per language; until editors
    create one, the built-in list of ``ressources.risk.DEFAULT_RISK_WORDS`` applies.
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

    objects = SuicideRiskVocabularyQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("words")]
    translatable_fields = [TranslatableField("name"), TranslatableField("words")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("liste de mots de risque suicidaire")
        verbose_name_plural = _("listes de mots de risque suicidaire")

    def __str__(self) -> str:
        return self.name

    @property
    def word_list(self) -> list[str]:
        return [line.strip() for line in self.words.splitlines() if line.strip()]
