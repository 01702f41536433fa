"""Admin listings of translatable snippets, one language at a time.

Wagtail lists every translation of a translatable snippet together (each association
twice, in French and in English) and its French catalogue calls the language « Région »,
which reads like the associations' own region. Here the list shows one language, the
site's default one (French) unless the editor picks another, under the label « Langue ».
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import LocaleFilter, WagtailFilterSet
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet


class OneLanguageFilterSet(WagtailFilterSet):
    """A « Langue » filter without « Tous »: the default language unless another is chosen."""

    def __init__(self, data=None, *args, **kwargs):
        default = Locale.get_default().language_code
        if data is not None and not data.get("locale"):
            data = data.copy()
            data["locale"] = default
        super().__init__(data, *args, **kwargs)
        if "locale" in self.filters:
            # The default is the form's initial value: choosing it is not counted as filtering.
            self.filters["locale"].extra["initial"] = default

    def _add_locale_filter(self):
        locales = set(Locale.objects.values_list("language_code", flat=True))
        choices = [(code, name) for code, name in get_content_languages().items() if code in locales]
        if len(choices) <= 1:
            return
        self.filters["locale"] = LocaleFilter(
            label=_("Langue"),
            choices=choices,
            empty_label=None,
            null_label=None,
            widget=forms.RadioSelect,
        )


class OneLanguageIndexView(IndexView):
    base_filterset_class = OneLanguageFilterSet


class OneLanguageSnippetViewSet(SnippetViewSet):
    """A translatable snippet's list: one language at a time, no « Région » column for the language.

    Keep ``locale`` out of ``list_display`` and ``list_filter``: the filter above replaces both.
    """

    index_view_class = OneLanguageIndexView
