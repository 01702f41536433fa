from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RessourcesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ressources"
    verbose_name = _("Se faire aider")
