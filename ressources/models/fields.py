"""A model field holding several codes from a fixed list, portable to SQLite and PostgreSQL."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class MultipleChoiceField(models.CharField):
    """Several choice codes stored as ``",a,b,"`` so that one ``LIKE '%,a,%'`` finds each code.

    Python sees a list of codes. Chosen over an ``ArrayField`` (PostgreSQL only) or a
    ``JSONField`` (``contains`` is not supported on SQLite) because the embedded default
    database is SQLite.
    """

    def __init__(self, *args, multiple_choices=(), **kwargs):
        # Migrations pass bare codes (labels are not part of the schema); models pass (code, label).
        self.multiple_choices = [
            tuple(choice) if isinstance(choice, tuple | list) else (choice, choice) for choice in multiple_choices
        ]
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["multiple_choices"] = [code for code, _label in self.multiple_choices]
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    @property
    def valid_codes(self) -> set[str]:
        return {code for code, _label in self.multiple_choices}

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return [str(code) for code in value if code]
        return [code for code in str(value).split(",") if code]

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        codes = self.to_python(value)
        return f",{','.join(codes)}," if codes else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        unknown = [code for code in self.to_python(value) if code not in self.valid_codes]
        if unknown:
            raise ValidationError(_("Valeur inconnue : %(codes)s."), params={"codes": ", ".join(unknown)})
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.multiple_choices,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
            "widget": forms.CheckboxSelectMultiple,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        for key in ("max_length", "empty_value"):
            defaults.pop(key, None)
        return form_class(**defaults)
