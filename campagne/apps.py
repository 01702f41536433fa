from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampagneConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "campagne"
    verbose_name = _("Campagne")
