from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DistressVocabulary


class DistressVocabularyViewSet(SnippetViewSet):
    model = DistressVocabulary
    icon = "warning"
    menu_label = DistressVocabulary._meta.verbose_name_plural
    list_display = ["name", "locale"]


register_snippet(DistressVocabularyViewSet)
