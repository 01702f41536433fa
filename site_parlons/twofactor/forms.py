"""The one field every second-factor page asks for."""

from django import forms
from django.utils.translation import gettext_lazy as _

from site_parlons.twofactor.otp import normalise_code


class CodeForm(forms.Form):
    """A code from the authenticator app (6 digits) or, where accepted, a recovery code."""

    code = forms.CharField(
        label=_("Code de vérification"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false", "autofocus": True}
        ),
    )

    def __init__(self, *args, recovery_allowed: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.recovery_allowed = recovery_allowed
        if recovery_allowed:
            self.fields["code"].help_text = _("Les 6 chiffres affichés par votre application, ou un code de secours.")
        else:
            self.fields["code"].help_text = _("Les 6 chiffres affichés par votre application.")
            self.fields["code"].widget.attrs["inputmode"] = "numeric"

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        is_totp = code.isdigit() and len(code) == 6
        is_recovery = self.recovery_allowed and code.isalnum() and 8 <= len(code) <= 16
        if not (is_totp or is_recovery):
            raise forms.ValidationError(_("Saisissez les 6 chiffres affichés par votre application."))
        return code
