from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import HarassmentType


class HarassmentTypeViewSet(SnippetViewSet):
    """Editors extend and translate the harassment taxonomy from « Extraits »."""

    model = HarassmentType
    icon = "tag"
    menu_label = _("Types de harcèlement")
    list_display = ["name", "code", "sort_order"]
    search_fields = ["name", "code"]
    ordering = ["sort_order", "name"]


register_snippet(HarassmentTypeViewSet)
