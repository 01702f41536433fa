"""Helpers for the campaign tests: admin form data for blocks and a page tree."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories.campagne import (
    ContactPageFactory,
    EditoPageFactory,
    InterviewIndexPageFactory,
    SocialNetworksPageFactory,
    StudyIndexPageFactory,
    VideoIndexPageFactory,
)

__all__ = ["inline_formset", "list_block", "nested_form_data", "rich_text", "streamfield"]


def list_block(items):
    """ListBlock form data (each child has its own id, order and deleted flag)."""
    data = {str(i): {"value": item, "deleted": "", "order": str(i), "id": ""} for i, item in enumerate(items)}
    data["count"] = str(len(items))
    return data


def chart_value(title="Harcèlement en ligne", kind="bar", rows=(("Insultes", "40"), ("Rumeurs", "25"))):
    return {
        "title": title,
        "kind": kind,
        "unit": "%",
        "rows": list_block([{"label": label, "value": value} for label, value in rows]),
        "description": "",
        "source": "Enquête de test",
        "example_data": "on",
    }


def video_value(url="https://youtu.be/KHgWd7_Ys7A", title="Vidéo de test", warning="none"):
    return {"url": url, "title": title, "poster": "", "content_warning": warning}


def add_page(client, parent, model, data, action="action-publish"):
    url = reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))
    return client.post(url, {**nested_form_data(data), action: action})


def edit_page(client, page, data, action="action-publish"):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    return client.post(url, {**nested_form_data(data), action: action})


def form_errors(response) -> str:
    """Readable admin form errors when a post did not redirect."""
    context = getattr(response, "context", None) or {}
    form = context.get("form")
    return str(form.errors.as_data()) if form is not None else response.content.decode()[:2000]


def campaign_tree(home):
    return {
        "edito": EditoPageFactory(parent=home, slug="edito"),
        "interviews": InterviewIndexPageFactory(parent=home, slug="interviews"),
        "videos": VideoIndexPageFactory(parent=home, slug="videos"),
        "studies": StudyIndexPageFactory(parent=home, slug="etudes"),
        "social": SocialNetworksPageFactory(parent=home, slug="reseaux-sociaux"),
        "contact": ContactPageFactory(parent=home, slug="contacts-presse"),
    }
