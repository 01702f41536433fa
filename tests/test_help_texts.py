"""Every field an editor or a moderator fills in the admin says what it is for.

A help text is the only guidance a non-technical member has in an edit form. This walks the
edit form of every page type, snippet and setting (with their inline forms) and fails on a
field without one, unless it is in the short list below: Wagtail's own controls, which
carry their explanation in Wagtail's interface.
"""

import pytest
from wagtail.admin.panels import get_edit_handler
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models

from campagne.models import ContactPage
from home.models import SiteSettings

#: Form fields Wagtail adds and explains itself, by name (a dotted name is an inline form's field).
WAGTAIL_CONTROLS = {
    # Scheduled publishing: edited in the « Planifier la publication » dialog, which explains them.
    "go_live_at",
    "expire_at",
    # Comments: the comment side panel, never shown as a form field.
    "comment_notifications",
    "comments.text",
    "comments.contentpath",
    "comments.position",
    "comments.resolved",
    "comments.replies.text",
}
#: Wagtail's form builder: each field row reads « Libellé / Type de champ / Requis / Texte d'aide »,
#: self-explanatory in the row that builds a visitor's form field.
FORM_BUILDER_FIELDS = {"form_fields.help_text", "form_fields.required", "form_fields.field_type"}


def edited_models():
    pages = [model for model in get_page_models() if model is not Page]
    models = {*pages, *get_snippet_models(), *settings_registry}
    return sorted(models, key=lambda model: model._meta.label)


def form_fields(form_class, prefix=""):
    """(name, form field) of a form and of its inline forms, recursively."""
    for name, field in form_class.base_fields.items():
        yield prefix + name, field
    for name, formset in getattr(form_class, "formsets", {}).items():
        yield from form_fields(formset.form, f"{prefix}{name}.")


def edit_form_class(model):
    handler = model.get_edit_handler() if hasattr(model, "get_edit_handler") else get_edit_handler(model)
    return handler.get_form_class()


@pytest.mark.parametrize("model", edited_models(), ids=lambda model: model._meta.label)
def test_every_edit_form_field_has_a_help_text(model):
    exempt = WAGTAIL_CONTROLS | FORM_BUILDER_FIELDS
    missing = [name for name, field in form_fields(edit_form_class(model)) if not field.help_text and name not in exempt]
    assert missing == [], f"{model._meta.label}: fields without a help text: {missing}"


def test_the_walk_covers_pages_snippets_settings_and_inline_forms():
    """The test above sees what it must: else an empty walk would pass."""
    labels = {model._meta.label for model in edited_models()}
    assert {"home.HomePage", "temoignages.TestimonyPage", "ressources.Association", "home.SiteSettings"} <= labels
    names = dict(form_fields(edit_form_class(ContactPage)))
    assert {"from_address", "subject", "press_contacts.name", "form_fields.label"} <= set(names)
    settings_names = dict(form_fields(edit_form_class(SiteSettings)))
    assert {"legal_notice_page", "accessibility_page"} <= set(settings_names)
    # The sender declared again on the contact page carries our French help text, not Wagtail's empty one.
    assert "Vide" in str(names["from_address"].help_text)
