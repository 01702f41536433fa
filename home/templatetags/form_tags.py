"""The error summary shown at the top of a public form that failed (GOV.UK pattern)."""

from __future__ import annotations

from django import forms, template

register = template.Library()


def field_anchor(field: forms.BoundField) -> str:
    """The id a summary link points to: the control itself, the first one for a group of
    radio buttons or checkboxes (their wrapper is not focusable)."""
    widget = field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


@register.inclusion_tag("components/error_summary.html")
def error_summary(form, intro: str = "", labels: bool = True):
    """Nothing when the form has no error; otherwise a box to focus first, one link per invalid
    field in the order of the form, then the errors that belong to no field."""
    items = []
    if form is not None and form.errors:
        items = [
            {"anchor": field_anchor(field), "label": field.label if labels else "", "error": field.errors[0]}
            for field in form.visible_fields()
            if field.errors
        ]
        items += [{"anchor": "", "label": "", "error": error} for error in form.non_field_errors()]
    return {"items": items, "intro": intro}


@register.filter
def described_by_errors(field: forms.BoundField):
    """The field's control, described by its help text and its errors (Django links only the
    help text), for templates that show errors as ``<ul id="<auto_id>_erreurs">``."""
    ids = [f"{field.auto_id}_helptext"] if field.help_text else []
    if field.errors:
        ids.append(f"{field.auto_id}_erreurs")
    return field.as_widget(attrs={"aria-describedby": " ".join(ids)} if ids else None)
