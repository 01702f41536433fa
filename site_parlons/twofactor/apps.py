from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    """The admin's second factor (TOTP): no models of its own, django-otp keeps the devices."""

    name = "site_parlons.twofactor"
    label = "twofactor"
    verbose_name = _("Vérification en deux étapes")
