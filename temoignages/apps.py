from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TemoignagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "temoignages"
    verbose_name = _("Témoignages")

    def ready(self):
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from temoignages import checks, handlers  # noqa: F401 - checks registers the key check
        from temoignages.models import TestimonySubmission
        from temoignages.permissions import ModeratedPagePermissionPolicy, PrivateRecordPermissionPolicy

        handlers.connect()
        # Every admin listing, search and API answer reads this policy (``policy_registry``).
        register_permission_policy(Page, ModeratedPagePermissionPolicy(Page))
        register_permission_policy(TestimonySubmission, PrivateRecordPermissionPolicy(TestimonySubmission))
