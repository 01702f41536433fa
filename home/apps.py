from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Accueil et socle commun")

    def ready(self):
        from django.db.models.signals import post_save

        from home.models import HomePage
        from home.roles import on_home_created

        post_save.connect(on_home_created, sender=HomePage, dispatch_uid="home_redaction_rights")
        numeric_translation_dates()


def numeric_translation_dates() -> None:
    """wagtail-localize dates each translated segment (« Traduit manuellement le … ») with
    ``strftime(DATE_FORMAT)``, whose month name is the server's C locale (English) whatever the
    editor's language: a numeric date reads the same in every language. Its module constant is
    read at each call, so setting it here is enough."""
    from wagtail_localize import models as localize_models

    localize_models.DATE_FORMAT = "%d/%m/%Y"
