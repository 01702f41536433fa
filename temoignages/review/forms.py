"""The review desk's forms: the redacted version of the draft, and a refusal with its reason."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagWidget
from wagtail.admin.forms import WagtailAdminModelForm

from home.models import HarassmentType
from temoignages.choices import RejectionReason
from temoignages.content_warnings import level_with_themes, offer_themes_of_locale
from temoignages.models import TestimonyPage

#: What a moderator may change on the draft before deciding (another field of the page goes here
#: and, if it needs one, in ``REDACTION_WIDGETS``).
REDACTION_FIELDS = [
    "headline",
    "story",
    "pseudonym",
    "content_warning_level",
    "content_warning_themes",
    "content_warning",
    "harassment_type",
    "tags",
]
REDACTION_WIDGETS = {
    "headline": forms.TextInput,
    "pseudonym": forms.TextInput,
    "story": forms.Textarea(attrs={"rows": 14}),
    "content_warning_level": forms.RadioSelect,
    "content_warning_themes": forms.CheckboxSelectMultiple,
    "harassment_type": forms.RadioSelect,
    # A plain text input (comma-separated), usable without the admin's tag script.
    "tags": TagWidget,
}


class RedactionForm(WagtailAdminModelForm):
    """The draft page's public text and classification, as the moderator redacts them.

    Saved as a new revision of the draft (``save_revision``); it never publishes.
    """

    class Meta:
        model = TestimonyPage
        fields = REDACTION_FIELDS
        widgets = REDACTION_WIDGETS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "harassment_type" in self.fields:
            # The page's own language only: the types are translated per locale.
            field = self.fields["harassment_type"]
            field.queryset = HarassmentType.objects.filter(locale_id=self.instance.locale_id).order_by("sort_order")
            field.empty_label = _("Non précisé")
        if "tags" in self.fields:
            self.fields["tags"].help_text = _("Séparés par des virgules, par exemple : école, réseaux sociaux.")
        offer_themes_of_locale(self, self.instance.locale_id)

    def clean(self):
        return level_with_themes(super().clean())


class RefusalForm(forms.Form):
    reason = forms.ChoiceField(label=_("Motif du refus"), choices=RejectionReason.choices, widget=forms.RadioSelect)
    details = forms.CharField(
        label=_("Précisions (facultatif, obligatoire pour « Autre raison »)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Pour l'équipe de modération seulement ; l'auteur ou l'autrice ne voit jamais ce texte."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == RejectionReason.OTHER and not (cleaned.get("details") or "").strip():
            self.add_error("details", _("Précisez la raison du refus quand vous choisissez « Autre raison »."))
        return cleaned
