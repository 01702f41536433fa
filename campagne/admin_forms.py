"""Admin forms of the campaign pages."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm

from home.models import HarassmentType


class LocalizedTypesPageForm(WagtailAdminPageForm):
    """The harassment types offered as checkboxes in the page's own language only.

    Each language has its own copy of every type (same ``code``): a French page lists the
    French types, an English page the English ones. Types already attached in another
    language are shown checked as their same-code counterpart, so saving never drops them.
    """

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        field = self.fields.get("harassment_types")
        if field is None:
            return
        locale = self.instance.locale if self.instance.locale_id else getattr(parent_page, "locale", None)
        if locale is None:
            return
        field.queryset = HarassmentType.objects.for_locale(locale)
        if self.instance.pk and not self.is_bound:
            codes = self.instance.harassment_types.values_list("code", flat=True)
            self.initial["harassment_types"] = list(field.queryset.filter(code__in=codes))
