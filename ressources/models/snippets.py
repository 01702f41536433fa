"""Associations and helplines: the snippets the « Se faire aider » section is built from."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ressources.choices import Audience, Region, Urgency
from ressources.routing import rank_lines

from .fields import MultipleChoiceField


def _audience_q(audience: str) -> Q:
    """Rows for ``audience``: those that list it, list « everyone », or list nobody in particular."""
    return Q(audiences__contains=f",{audience},") | Q(audiences__contains=f",{Audience.EVERYONE},") | Q(audiences="")


#: The logo size of the directory (the template's ``{% image %}`` filter must match).
LOGO_RENDITION = "max-120x120"


def source_language_types() -> Q:
    """Offer editors one copy of each harassment type (the source language's): routing and
    filters key on ``HarassmentType.code``, so any locale's copy would do, and one list is clearer."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


def tel_href(number: str) -> str:
    """The ``tel:`` form of a displayed number: digits and a leading + only."""
    return re.sub(r"[^\d+]", "", number or "")


class ContactChannelsMixin(models.Model):
    """The ways to reach a line or an association besides the phone, shared by both snippets."""

    website = models.URLField(_("site web"), blank=True, help_text=_("Adresse complète, commençant par https://."))
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Adresse publique de contact, si elle existe."))
    chat_url = models.URLField(
        _("tchat"), blank=True, help_text=_("Adresse de la page de tchat en ligne, s'il y en a un.")
    )
    sms_number = models.CharField(
        _("SMS"), max_length=30, blank=True, help_text=_("Numéro auquel on peut écrire par SMS, tel qu'affiché.")
    )
    whatsapp_url = models.URLField(
        _("WhatsApp"), blank=True, help_text=_("Lien wa.me ou adresse de la conversation WhatsApp, s'il y en a une.")
    )
    is_free = models.BooleanField(_("gratuit"), default=True, help_text=_("Cochez si le service ne coûte rien."))
    is_anonymous = models.BooleanField(
        _("anonyme"), default=False, help_text=_("Cochez si l'on peut contacter le service sans donner son nom.")
    )

    channel_panels = [
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                FieldPanel("chat_url"),
                FieldRowPanel([FieldPanel("sms_number"), FieldPanel("whatsapp_url")]),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("is_anonymous")]),
            ],
            heading=_("Autres moyens de contact"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def sms_href(self) -> str:
        return tel_href(self.sms_number)


class AssociationQuerySet(models.QuerySet):
    def for_type(self, code: str):
        """Associations that cover the harassment type ``code`` (any locale's copy of it)."""
        return self.filter(harassment_types__code=code).distinct() if code else self

    def for_audience(self, audience: str):
        return self.filter(_audience_q(audience)) if audience else self

    def for_region(self, region: str):
        """Associations of ``region`` and those that act nationwide (they help there too)."""
        if not region:
            return self
        if region == Region.NATIONAL:
            return self.filter(region=Region.NATIONAL)
        return self.filter(region__in=[region, Region.NATIONAL])

    def for_listing(self):
        """Everything the directory displays, fetched in a fixed number of queries."""
        images = get_image_model().objects.prefetch_renditions(LOGO_RENDITION)
        return self.prefetch_related(Prefetch("logo", queryset=images), "harassment_types").order_by(
            "-is_national_first", "name"
        )


class Association(TranslatableMixin, ContactChannelsMixin, index.Indexed, ClusterableModel):
    """An association that helps victims of harassment, listed in the « Se faire aider » directory."""

    name = models.CharField(_("nom"), max_length=150, help_text=_("Nom de l'association tel qu'elle le présente."))
    description = models.TextField(
        _("description"),
        max_length=800,
        help_text=_("Deux ou trois phrases simples : ce que l'association fait, pour qui, comment la joindre."),
    )
    harassment_types = ParentalManyToManyField(
        "home.HarassmentType",
        verbose_name=_("types de harcèlement"),
        blank=True,
        limit_choices_to=source_language_types,
        related_name="associations",
        help_text=_("Les situations pour lesquelles l'association peut aider (sert au filtre de l'annuaire)."),
    )
    audiences = MultipleChoiceField(
        _("public"),
        multiple_choices=Audience.choices,
        blank=True,
        help_text=_("À qui l'association s'adresse. Sans case cochée, elle est montrée à tout le monde."),
    )
    region = models.CharField(
        _("région"),
        max_length=40,
        choices=Region.choices,
        default=Region.NATIONAL,
        help_text=_("« France entière » pour une association nationale ; sinon la région où elle agit."),
    )
    area = models.CharField(
        _("zone précise"),
        max_length=120,
        blank=True,
        help_text=_(
            "Département ou ville, si l'action est plus locale que la région (ex. « Pas-de-Calais (62), Lens »)."
        ),
    )
    phone = models.CharField(
        _("téléphone"),
        max_length=30,
        blank=True,
        help_text=_("Numéro tel qu'il doit s'afficher (ex. « 0 800 05 95 95 »)."),
    )
    hours = models.CharField(
        _("horaires"),
        max_length=150,
        blank=True,
        help_text=_("Quand on peut appeler ou écrire (ex. « 7 j/7, 9 h – 19 h »)."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Logo de l'association, avec son accord. Facultatif."),
    )
    to_verify = models.BooleanField(
        _("à vérifier"),
        default=False,
        help_text=_(
            "Cochez tant que les coordonnées n'ont pas été confirmées par l'association : un avertissement s'affiche."
        ),
    )
    # Denormalised so that the listing can order national associations first without a CASE.
    is_national_first = models.BooleanField(default=True, editable=False)

    objects = AssociationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("harassment_types", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences"),
                FieldPanel("region"),
                FieldPanel("area"),
            ],
            heading=_("Pour qui, où"),
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("hours")], heading=_("Téléphone")),
        *ContactChannelsMixin.channel_panels,
        FieldPanel("to_verify"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("hours"),
        TranslatableField("area"),
        SynchronizedField("harassment_types"),
        SynchronizedField("audiences"),
        SynchronizedField("region"),
        SynchronizedField("phone"),
        SynchronizedField("website"),
        SynchronizedField("email"),
        SynchronizedField("chat_url"),
        SynchronizedField("sms_number"),
        SynchronizedField("whatsapp_url"),
        SynchronizedField("is_free"),
        SynchronizedField("is_anonymous"),
        SynchronizedField("logo"),
        SynchronizedField("to_verify"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.is_national_first = self.region == Region.NATIONAL
        super().save(*args, **kwargs)

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)

    def get_audience_labels(self) -> list[str]:
        labels = dict(Audience.choices)
        return [labels[code] for code in self.audiences if code in labels]


class HelplineQuerySet(models.QuerySet):
    def candidates(self, locale=None):
        """Lines of ``locale`` (default: the active language's), with what routing needs, in order."""
        if locale is None:
            locale = Locale.get_active()
        return self.filter(locale=locale).prefetch_related("harassment_types").order_by("sort_order", "pk")

    def for_situation(self, harassment_type: str = "", audience: str = "", urgent: bool = False, locale=None) -> list:
        """The lines that fit a situation, best first (see ``ressources.routing.rank_lines``)."""
        return rank_lines(list(self.candidates(locale)), harassment_type, audience, urgent)

    def made_for(self, audience: str, locale=None):
        """The lines that name ``audience`` themselves (for minors: 3018, 119, Fil Santé Jeunes),
        not the general ones that serve everybody, in the editors' order."""
        return self.candidates(locale).filter(audiences__contains=f",{audience},")


class Helpline(TranslatableMixin, ContactChannelsMixin, Orderable, ClusterableModel):
    """A national helpline or reporting service; editors order them by dragging in the list."""

    name = models.CharField(
        _("nom"), max_length=120, help_text=_("Nom court du service (ex. « Allô Enfance en danger »).")
    )
    number = models.CharField(
        _("numéro"),
        max_length=30,
        blank=True,
        help_text=_("Numéro tel qu'il s'affiche (ex. « 116 006 »). Vide pour un service uniquement en ligne."),
    )
    purpose = models.TextField(
        _("à quoi il sert"), max_length=500, help_text=_("Une ou deux phrases : qui peut appeler, pour quoi.")
    )
    hours = models.CharField(
        _("horaires"), max_length=150, help_text=_("Quand le service répond (ex. « 24 h/24, 7 j/7 »).")
    )
    urgency = models.CharField(
        _("niveau d'urgence"),
        max_length=10,
        choices=Urgency.choices,
        default=Urgency.LISTENING,
        help_text=_("« Urgence » : montré en premier quand quelqu'un est en danger immédiat."),
    )
    harassment_types = ParentalManyToManyField(
        "home.HarassmentType",
        verbose_name=_("types de harcèlement"),
        blank=True,
        limit_choices_to=source_language_types,
        related_name="helplines",
        help_text=_("Situations pour lesquelles ce numéro est conseillé. Aucune : conseillé pour toutes."),
    )
    audiences = MultipleChoiceField(
        _("public"),
        multiple_choices=Audience.choices,
        blank=True,
        help_text=_("À qui ce numéro s'adresse. Aucune case : tout le monde."),
    )

    objects = HelplineQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("name")]),
        FieldPanel("purpose"),
        FieldPanel("hours"),
        FieldPanel("urgency"),
        MultiFieldPanel(
            [FieldPanel("harassment_types", widget=forms.CheckboxSelectMultiple), FieldPanel("audiences")],
            heading=_("Quand le proposer"),
        ),
        *ContactChannelsMixin.channel_panels,
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("purpose"),
        TranslatableField("hours"),
        SynchronizedField("number"),
        SynchronizedField("urgency"),
        SynchronizedField("harassment_types"),
        SynchronizedField("audiences"),
        SynchronizedField("sort_order"),
        SynchronizedField("website"),
        SynchronizedField("email"),
        SynchronizedField("chat_url"),
        SynchronizedField("sms_number"),
        SynchronizedField("whatsapp_url"),
        SynchronizedField("is_free"),
        SynchronizedField("is_anonymous"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("numéro d'aide")
        verbose_name_plural = _("numéros d'aide")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return f"{self.number} — {self.name}" if self.number else self.name

    @property
    def tel_href(self) -> str:
        return tel_href(self.number)

    @property
    def is_emergency(self) -> bool:
        return self.urgency == Urgency.EMERGENCY

    @property
    def type_codes(self) -> set[str]:
        """Codes of the harassment types this line is advised for (uses the prefetch cache)."""
        return {t.code for t in self.harassment_types.all()}
