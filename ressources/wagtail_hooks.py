"""Admin: associations and helplines as snippets in a « Se faire aider » menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.admin_columns import YesNoColumn

from .models import Association, Helpline, SuicideRiskVocabulary


class AssociationViewSet(SnippetViewSet):
    model = Association
    icon = "group"
    menu_label = _("Associations")
    list_display = ["name", "region", "phone", YesNoColumn.for_field(Association, "to_verify"), "locale"]
    list_filter = ["region", "to_verify", "harassment_types", "locale"]
    search_fields = ["name", "description"]


class HelplineViewSet(SnippetViewSet):
    model = Helpline
    icon = "mobile-alt"
    menu_label = _("Numéros d'aide")
    list_display = ["number", "name", "urgency", "hours", "locale"]
    list_filter = ["urgency", "locale"]
    search_fields = ["name", "number", "purpose"]


class SuicideRiskVocabularyViewSet(SnippetViewSet):
    """The words that make a testimony or a search show 3114 and 112 first."""

    model = SuicideRiskVocabulary
    icon = "warning"
    menu_label = _("Mots de risque suicidaire")
    list_display = ["name", "locale"]


class HelpViewSetGroup(SnippetViewSetGroup):
    items = (HelplineViewSet, AssociationViewSet, SuicideRiskVocabularyViewSet)
    menu_icon = "help"
    menu_label = _("Se faire aider")
    menu_name = "se-faire-aider"


register_snippet(HelpViewSetGroup)
