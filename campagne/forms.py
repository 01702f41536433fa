"""The contact form's spam rules, on top of the shared protection in ``site_parlons.ops.form_protection``.

A honeypot, a signed timer (3 s minimum, 2 h maximum) and at most 5 accepted messages per
10 minutes per visitor and page. Every refusal is a clear French message with the text kept.
"""

from django.utils.translation import gettext_lazy as _

from site_parlons.ops.form_protection import (
    EXPIRED,
    HONEYPOT,
    INVALID,
    TOO_FAST,
    RateLimit,
    SignedTimer,
    SpamProtectedFormMixin,
)

CONTACT_TIMER = SignedTimer("campagne.contact", min_seconds=3, max_age=2 * 60 * 60)
CONTACT_RATE_LIMIT = RateLimit("campagne.contact", limit=5, window=10 * 60)

_EXPIRED = _("Le formulaire a expiré. Vérifiez votre message puis envoyez-le à nouveau.")


class ContactSpamProtectionMixin(SpamProtectedFormMixin):
    """Mixed into the form builder's form class by ``ContactPage.get_form_class``."""

    honeypot_label = _("Ne remplissez pas ce champ")
    spam_timer = CONTACT_TIMER
    spam_messages = {
        HONEYPOT: _(
            "Votre message n'a pas pu être envoyé : un champ caché, qui sert à repérer les robots, a été rempli "
            "(parfois par le remplissage automatique du navigateur). Nous l'avons vidé : vérifiez votre message "
            "puis envoyez-le à nouveau."
        ),
        TOO_FAST: _("Le formulaire a été envoyé trop vite. Vérifiez votre message puis envoyez-le à nouveau."),
        EXPIRED: _EXPIRED,
        INVALID: _EXPIRED,
    }
