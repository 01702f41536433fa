"""Admin listing columns shared by the apps."""

from __future__ import annotations

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column


class YesNoColumn(Column):
    """A yes/no field in words, in the editor's language, where Wagtail prints « True » / « False »."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return "—"
        return _("Oui") if value else _("Non")

    @classmethod
    def for_field(cls, model, name: str) -> YesNoColumn:
        """The column of ``model.name``, titled with its verbose name and sortable on it."""
        return cls(name, label=capfirst(model._meta.get_field(name).verbose_name), sort_key=name)
