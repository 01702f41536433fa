from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TemoignagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "temoignages"
    verbose_name = _("Témoignages")

    def ready(self):
        from temoignages import handlers

        handlers.connect()
