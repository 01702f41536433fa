from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home.models import ContentWarningTheme, HarassmentType
from home.snippet_views import OneLanguageSnippetViewSet


class HarassmentTypeViewSet(OneLanguageSnippetViewSet):
    """Editors extend and translate the harassment taxonomy from « Extraits »."""

    model = HarassmentType
    icon = "tag"
    menu_label = _("Types de harcèlement")
    list_display = ["name", "code", "sort_order"]
    search_fields = ["name", "code"]
    ordering = ["sort_order", "name"]


register_snippet(HarassmentTypeViewSet)


class ContentWarningThemeViewSet(OneLanguageSnippetViewSet):
    """The themes moderators tick in a testimony's warning; editors add, order and translate them."""

    model = ContentWarningTheme
    icon = "warning"
    menu_label = _("Thèmes d'avertissement")
    list_display = ["name", "sort_order"]
    ordering = ["sort_order", "name"]


register_snippet(ContentWarningThemeViewSet)


@hooks.register("insert_editor_js")
def translation_editor_labels():
    """The two labels wagtail-localize's translation editor writes in English whatever the
    editor's language, given in it (the script acts only on that editor)."""
    return format_html(
        '<script src="{}" data-title="{}" data-more-actions="{}"></script>',
        static("home/js/translation-editor-labels.js"),
        _("Traduction : {source} vers {target}"),
        _("Plus d'actions"),
    )
