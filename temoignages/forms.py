"""The testimony form and the receipt-code form (plain Django forms, not the form builder)."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from home.models import HarassmentType
from site_parlons.ops.form_protection import HONEYPOT, INVALID, TOO_FAST, SignedTimer, SpamProtectedFormMixin
from temoignages.author_messages import ANSWER_MAX_LENGTH
from temoignages.choices import AgeRange, Region, Role

# Control characters (except tab and newlines) never belong in a story; NUL is refused outright
# by Django's validator with a clear message, the others are silently dropped.
_CONTROL_RE = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


def story_limits() -> tuple[int, int]:
    return (
        int(getattr(settings, "TESTIMONY_STORY_MIN_LENGTH", 30)),
        int(getattr(settings, "TESTIMONY_STORY_MAX_LENGTH", 10_000)),
    )


def form_timer() -> SignedTimer:
    """The form's signed timer, from settings: sent sooner is a bot, later has expired."""
    return SignedTimer(
        "temoignages.form-started",
        min_seconds=float(getattr(settings, "TESTIMONY_MIN_FILL_SECONDS", 3)),
        max_age=int(getattr(settings, "TESTIMONY_FORM_MAX_AGE", 24 * 3600)),
    )


class CleanTextMixin:
    def _clean_text(self, name: str) -> str:
        return _CONTROL_RE.sub("", self.cleaned_data.get(name) or "").strip()


class TestimonyForm(SpamProtectedFormMixin, CleanTextMixin, forms.Form):
    """The honeypot and the signed timer come from the mixin. A doubtful submission is refused
    with a message and the text kept, never with a decoy thank-you: a person whose browser
    filled the hidden field would otherwise keep a receipt code for a story never saved.
    An expired form is the view's (it asks to resend with a renewed token)."""

    honeypot_label = _("Ne remplissez pas ce champ")
    spam_messages = {
        HONEYPOT: _(
            "Votre témoignage n'est pas encore envoyé : un champ caché, qui sert à repérer les robots, a été rempli "
            "(parfois par le remplissage automatique du navigateur). Nous l'avons vidé. Votre texte est conservé : "
            "vérifiez-le puis envoyez-le à nouveau."
        ),
        TOO_FAST: _(
            "Votre témoignage n'est pas encore envoyé : le formulaire est parti quelques secondes seulement après "
            "son affichage, comme le font les robots. Votre texte est conservé : vérifiez-le puis envoyez-le à nouveau."
        ),
        INVALID: _(
            "Votre témoignage n'est pas encore envoyé : le formulaire n'a pas pu être vérifié. Votre texte est "
            "conservé : envoyez-le à nouveau."
        ),
    }

    # First, so that a child under 15 reads what applies to them (the notice right after this
    # field in the template) before writing anything.
    age_range = forms.ChoiceField(
        label=_("Votre tranche d'âge (facultatif)"),
        required=False,
        choices=[("", _("Je préfère ne pas le dire"))] + AgeRange.choices,
        help_text=_("Elle nous aide à vous indiquer les bons numéros d'aide."),
    )
    harassment_type = forms.ModelChoiceField(
        label=_("De quel harcèlement s'agit-il ?"),
        queryset=HarassmentType.objects.none(),
        empty_label=_("Choisissez un type"),
        error_messages={
            "required": _("Choisissez le type de harcèlement."),
            "invalid_choice": _("Choisissez un type dans la liste."),
        },
    )
    role = forms.ChoiceField(
        label=_("Vous êtes…"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Dites-nous si vous êtes victime, témoin ou autre."), "invalid_choice": _("Choisissez une réponse dans la liste.")},
    )
    story = forms.CharField(
        label=_("Votre récit"),
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": _("Écrivez votre récit : c'est le seul champ de texte obligatoire.")},
    )
    title = forms.CharField(
        label=_("Un titre (facultatif)"), required=False, max_length=120, help_text=_("120 caractères au plus.")
    )
    pseudonym = forms.CharField(
        label=_("Pseudonyme (facultatif)"),
        required=False,
        max_length=60,
        help_text=_("Laissez vide pour signer « Anonyme ». N'utilisez pas votre vrai nom."),
    )
    region = forms.ChoiceField(
        label=_("Votre région (facultatif)"), required=False, choices=[("", _("Je préfère ne pas le dire"))] + Region.choices
    )
    consent_publication = forms.BooleanField(
        label=_("J'accepte que mon récit soit publié sur le site, après relecture et anonymisation par l'équipe de modération."),
        error_messages={"required": _("Cochez cette case pour que votre récit puisse être publié.")},
    )
    consent_processing = forms.BooleanField(
        label=_("J'accepte que ces informations soient conservées pour traiter mon témoignage."),
        error_messages={"required": _("Cochez cette case : sans elle, nous ne pouvons pas garder votre récit.")},
    )
    contact_email = forms.EmailField(
        label=_("Votre e-mail (facultatif)"),
        required=False,
        max_length=254,
        help_text=_(
            "Seulement si vous acceptez que l'équipe de modération vous écrive. Jamais publié, effacé après "
            "traitement. Pas d'e-mail avant 15 ans : il ne serait pas gardé."
        ),
        error_messages={"invalid": _("Cette adresse e-mail n'est pas valide (exemple : nom@exemple.fr).")},
    )

    #: True when an e-mail was sent with « Moins de 15 ans » and dropped (see ``__init__``).
    email_discarded = False

    def __init__(self, *args, page=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        email_key = self.add_prefix("contact_email")
        if self.is_under_15 and self.data.get(email_key):
            # No contact e-mail is kept for a child under 15. Dropped before validation rather
            # than refused: the story goes at once (no error to fix about an address we would
            # not keep, even a mistyped one), and the thank-you page says it was not kept.
            self.data = self.data.copy()
            self.data[email_key] = ""
            self.email_discarded = True
        locale = getattr(page, "locale", None)
        self.fields["harassment_type"].queryset = HarassmentType.objects.filter(locale=locale) if locale else HarassmentType.objects.none()
        minimum, maximum = story_limits()
        story = self.fields["story"]
        story.max_length = maximum
        story.widget.attrs["maxlength"] = str(maximum)
        story.help_text = _("Entre %(min)s et %(max)s caractères. Évitez les noms, adresses et numéros : nous les retirerons.") % {
            "min": minimum,
            "max": f"{maximum:,}".replace(",", "\u202f"),
        }
        privacy = page.get_privacy_page() if page is not None else None
        if privacy is not None and privacy.live:
            self.fields["consent_processing"].help_text = format_html(
                '<a href="{}">{}</a>', privacy.url, _("Lire ce que nous gardons, pourquoi et combien de temps")
            )

    def get_spam_timer(self) -> SignedTimer:
        return form_timer()

    @property
    def is_under_15(self) -> bool:
        """Whether the person chose « Moins de 15 ans » (from what was sent, valid or not)."""
        return self.is_bound and self.data.get(self.add_prefix("age_range")) == AgeRange.UNDER_15

    def clean_story(self) -> str:
        story = self._clean_text("story")
        minimum, maximum = story_limits()
        if len(story) < minimum:
            raise forms.ValidationError(
                _("Votre récit est trop court : écrivez au moins %(min)s caractères (actuellement %(count)s)."),
                params={"min": minimum, "count": len(story)},
                code="min_length",
            )
        if len(story) > maximum:
            raise forms.ValidationError(
                _("Votre récit est trop long : %(max)s caractères au plus (actuellement %(count)s)."),
                params={"max": maximum, "count": len(story)},
                code="max_length",
            )
        return story

    def clean_title(self) -> str:
        return self._clean_text("title")

    def clean_pseudonym(self) -> str:
        return self._clean_text("pseudonym")


class ReceiptCodeForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    code = forms.CharField(
        label=_("Votre code de suivi"),
        max_length=64,
        help_text=_("Le code affiché après l'envoi de votre témoignage, par exemple ABCD-EFGH-…"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
        error_messages={"required": _("Saisissez votre code de suivi.")},
    )
    confirm = forms.BooleanField(
        label=_("Je confirme vouloir retirer mon témoignage. Il sera effacé définitivement."), required=False
    )


class AuthorAnswerForm(forms.Form):
    """The author's answer to the moderators, on the status page (the code travels in the same POST)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("prefix", "reponse")
        super().__init__(*args, **kwargs)
        self.fields["answer"].max_length = ANSWER_MAX_LENGTH
        self.fields["answer"].help_text = _(
            "%(limit)s caractères au plus. Seule l'équipe de modération lira votre réponse."
        ) % {"limit": ANSWER_MAX_LENGTH}

    answer = forms.CharField(
        label=_("Répondre à l'équipe de modération"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Écrivez votre réponse avant de l'envoyer."),
            "max_length": _(
                "Votre réponse est trop longue : %(limit_value)d caractères au plus (elle en compte %(show_value)d). "
                "Votre texte est conservé : raccourcissez-le."
            ),
        },
    )
