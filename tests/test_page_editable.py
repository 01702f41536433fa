"""Every page type opens, saves and previews in the admin, with the login throttling on.

Wagtail's own assertions (``assertPageIsEditable``, ``assertPageIsPreviewable``) log in with
the first of ``AUTHENTICATION_BACKENDS``: it must be a backend that can load a user, which
django-axes' ``AxesBackend`` is and ``AxesStandaloneBackend`` is not. The page types are
those of ``tests/test_page_tree.py``: a new one without a factory fails here too.
"""

import pytest
from django.http import QueryDict
from django.test import Client, override_settings
from django.urls import reverse
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from home.models import HomePage
from tests.factories import PAGE_FACTORIES
from tests.test_page_tree import project_page_models

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_axes_on")]


@pytest.fixture
def _axes_on():
    from django.core.cache import cache

    cache.clear()
    with override_settings(AXES_ENABLED=True):
        yield
    cache.clear()


class _Assertions(WagtailPageTestCase):
    """Wagtail's page assertions, used from pytest functions (fixtures, parametrization)."""

    def runTest(self):  # noqa: N802 - unittest's name
        """Unused: only the assertions are borrowed."""


def page_of_type(model, home, made: dict):
    """A live page of ``model`` under the first parent type the tree allows, built with factories."""
    if model is HomePage:
        return home
    if model not in made:
        parent_model = next(m for m in model.allowed_parent_page_models() if m is HomePage or m in PAGE_FACTORIES)
        made[model] = PAGE_FACTORIES[model](parent=page_of_type(parent_model, home, made))
    return made[model]


def block_post_data(block, state, prefix: str, data: QueryDict) -> None:
    """Add a block's form state (``get_form_state()``) to ``data`` under the names its editor posts.

    Wagtail's StreamField editor builds its inputs in JavaScript: the edit page's HTML, which
    the assertions read, has none, so each stream is posted from the page's own value.
    """
    if isinstance(block, (blocks.StreamBlock, blocks.ListBlock)):
        data[f"{prefix}-count"] = str(len(state))
        for index, child in enumerate(state):
            child_prefix = f"{prefix}-{index}"
            data.update({f"{child_prefix}-deleted": "", f"{child_prefix}-order": str(index)})
            data[f"{child_prefix}-id"] = child.get("id") or ""
            if isinstance(block, blocks.StreamBlock):
                data[f"{child_prefix}-type"] = child["type"]
                child_block = block.child_blocks[child["type"]]
            else:
                child_block = block.child_block
            block_post_data(child_block, child["value"], f"{child_prefix}-value", data)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            block_post_data(child_block, state.get(name), f"{prefix}-{name}", data)
    elif isinstance(state, (list, tuple)):
        data.setlist(prefix, [str(item) for item in state])
    elif isinstance(state, bool):
        if state:
            data[prefix] = "on"
    elif state is not None:
        data[prefix] = str(state)


def edit_post_data(client: Client, page) -> QueryDict:
    """What the edit form posts for ``page`` unchanged: its HTML fields plus its streams."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data._mutable = True
    for field in type(page)._meta.get_fields():
        if isinstance(field, StreamField):
            block = field.stream_block
            block_post_data(block, block.get_form_state(getattr(page, field.name)), field.name, data)
    return data


@pytest.fixture
def assertions():
    helper = _Assertions()
    helper.client = Client()
    return helper


@pytest.mark.parametrize("model", project_page_models(), ids=lambda m: m.__name__)
def test_page_type_is_editable_and_previewable(model, home, assertions):
    assert model in PAGE_FACTORIES, f"{model.__name__} has no factory in tests/factories"
    page = page_of_type(model, home, {})
    editor = assertions.create_superuser("editrice-des-pages")
    assertions.client.force_login(editor)
    post_data = edit_post_data(assertions.client, page)
    # Wagtail's assertion only checks that nothing raised; the form must also be valid.
    response = assertions.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), post_data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assertions.assertPageIsEditable(page, post_data=post_data)
    for mode, _label in page.preview_modes:
        assertions.assertPageIsPreviewable(page, mode=mode, post_data=post_data)


def test_the_first_authentication_backend_still_enforces_the_lock_out(client, django_user_model):
    """Wagtail logs in with ``AUTHENTICATION_BACKENDS[0]``; that backend is still axes' guard."""
    from axes.backends import AxesStandaloneBackend
    from django.conf import settings
    from django.utils.module_loading import import_string

    assert issubclass(import_string(settings.AUTHENTICATION_BACKENDS[0]), AxesStandaloneBackend)
    password = "motdepasse-solide-123"  # noqa: S105 - a test account
    django_user_model.objects.create_superuser("moderatrice", "m@example.org", password)
    for _ in range(settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT):
        client.post("/admin/login/", {"username": "moderatrice", "password": "mauvais"})
    response = client.post("/admin/login/", {"username": "moderatrice", "password": password})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
