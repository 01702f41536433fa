"""The shared harassment taxonomy used by testimonies, interviews, videos and resources."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class HarassmentTypeQuerySet(models.QuerySet):
    def for_locale(self, locale):
        return self.filter(locale=locale)


class HarassmentType(TranslatableMixin, index.Indexed, models.Model):
    """A kind of harassment (school, sexual, workplace, cyber…). Editors may add more.

    ``code`` is a stable, language-independent key shared by all translations of a
    type; code elsewhere (helpline routing, filters) keys on it, never on the name.
    """

    code = models.SlugField(
        _("code"),
        max_length=40,
        help_text=_(
            "Identifiant court et stable, sans accent ni espace (ex. « scolaire »). Ne pas le changer une fois utilisé."
        ),
    )
    name = models.CharField(
        _("nom"), max_length=80, help_text=_("Nom affiché aux visiteurs (ex. « Harcèlement scolaire »).")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Une phrase qui explique ce que recouvre ce type de harcèlement.")
    )
    illustration = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("illustration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Dessin qui représente ce type sur les cartes des témoignages qui n'ont pas d'image. "
            "Jamais la photo d'une personne."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("ordre d'affichage"), default=100, help_text=_("Les plus petits nombres s'affichent en premier.")
    )

    objects = HarassmentTypeQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("illustration"),
        FieldPanel("sort_order"),
    ]
    # The admin's list searches name and code (home/wagtail_hooks.py) and autocompletes:
    # each of its fields must be indexed, or the search backend refuses the query.
    search_fields = [
        index.SearchField("name"),
        index.SearchField("code"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.AutocompleteField("code"),
        index.FilterField("locale_id"),
    ]
    # wagtail-localize: the name and description are translated; the code, the illustration
    # and the order are the same in every language.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("code"),
        SynchronizedField("sort_order"),
        SynchronizedField("illustration"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("type de harcèlement")
        verbose_name_plural = _("types de harcèlement")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_harassment_type_code_per_locale"),
        ]

    def __str__(self) -> str:
        return self.name


#: The types the campaign starts with (code, French name, English name).
DEFAULT_HARASSMENT_TYPES = [
    ("scolaire", "Harcèlement scolaire", "School bullying"),
    ("sexuel", "Harcèlement sexuel", "Sexual harassment"),
    ("travail", "Harcèlement au travail", "Workplace harassment"),
    ("cyber", "Cyberharcèlement", "Cyberbullying"),
    ("rue", "Harcèlement de rue", "Street harassment"),
    ("famille", "Harcèlement familial", "Family harassment"),
    ("confinement", "Harcèlement pendant le confinement", "Harassment during lockdown"),
    ("autre", "Autre forme de harcèlement", "Other harassment"),
]


class ContentWarningThemeQuerySet(models.QuerySet):
    def for_locale(self, locale):
        return self.filter(locale=locale)


class ContentWarningTheme(TranslatableMixin, models.Model):
    """A theme a content warning names before a story (« violences sexuelles », « idées suicidaires »…).

    Editors maintain the list; moderators tick the themes a testimony evokes, and visitors
    read them before choosing to open the story.
    """

    name = models.CharField(
        _("nom"),
        max_length=80,
        help_text=_(
            "Tel qu'il s'affiche après « Ce témoignage évoque : », en minuscules et sans détail "
            "(ex. « violences sexuelles »)."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("ordre d'affichage"),
        default=100,
        help_text=_("Les plus petits nombres s'affichent en premier, dans la liste à cocher comme sur le site."),
    )
    urgent_helplines = models.BooleanField(
        _("numéros d'urgence en premier"),
        default=False,
        help_text=_(
            "Cochez pour un thème de danger (idées suicidaires, automutilation) : sous un récit qui l'évoque, "
            "les numéros d'urgence s'affichent avant les autres."
        ),
    )

    objects = ContentWarningThemeQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("sort_order"), FieldPanel("urgent_helplines")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("sort_order"),
        SynchronizedField("urgent_helplines"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thème d'avertissement")
        verbose_name_plural = _("thèmes d'avertissement")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


#: The themes the campaign starts with (French name, English name), in display order.
DEFAULT_CONTENT_WARNING_THEMES = [
    ("violences physiques", "physical violence"),
    ("violences sexuelles", "sexual violence"),
    ("idées suicidaires", "suicidal thoughts"),
    ("automutilation", "self-harm"),
    ("insultes et propos haineux", "insults and hate speech"),
    ("harcèlement en ligne", "online harassment"),
    ("menaces", "threats"),
    ("troubles alimentaires", "eating disorders"),
]
