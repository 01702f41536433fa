"""Admin: associations and helplines as snippets in a « Se faire aider » menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from home.admin_columns import YesNoColumn
from home.snippet_views import OneLanguageSnippetViewSet

from .models import Association, Helpline, SuicideRiskVocabulary


class AssociationViewSet(OneLanguageSnippetViewSet):
    model = Association
    icon = "group"
    menu_label = _("Associations")
    list_display = ["name", "region", "phone", YesNoColumn.for_field(Association, "to_verify")]
    list_filter = ["region", "to_verify", "harassment_types"]
    search_fields = ["name", "description"]


class HelplineViewSet(OneLanguageSnippetViewSet):
    model = Helpline
    icon = "mobile-alt"
    menu_label = _("Numéros d'aide")
    list_display = ["number", "name", "urgency", "hours"]
    list_filter = ["urgency"]
    search_fields = ["name", "number", "purpose"]


class SuicideRiskVocabularyViewSet(OneLanguageSnippetViewSet):
    """The words that make a testimony or a search show 3114 and 112 first."""

    model = SuicideRiskVocabulary
    icon = "warning"
    menu_label = _("Mots de risque suicidaire")
    list_display = ["name"]


class HelpViewSetGroup(SnippetViewSetGroup):
    items = (HelplineViewSet, AssociationViewSet, SuicideRiskVocabularyViewSet)
    menu_icon = "help"
    menu_label = _("Se faire aider")
    menu_name = "se-faire-aider"


register_snippet(HelpViewSetGroup)
