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
