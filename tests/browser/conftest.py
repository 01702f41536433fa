"""Real-browser tests: Debian's Chromium driven by Playwright against Django's live server.

One Chromium per test session (per xdist worker); each test gets a fresh browser context
(no cookies or history shared) at a phone or desktop viewport. Playwright never downloads a
browser here: it drives /usr/bin/chromium, which CI installs with apt. The tests skip, with
the reason below, only when that binary is absent.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
SKIP_REASON = "needs Chromium at /usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}

# Playwright's sync API keeps an asyncio loop registered on the main thread, which makes
# Django refuse ORM calls from the test itself ("async context"). The test code never runs
# inside that loop: it waits on the browser, so the ORM is used synchronously as usual.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def use_a_database_file() -> None:
    """Serve the live server from a SQLite file rather than the shared in-memory database.

    A browser loads a page, its assets and the admin's previews in parallel, and the live server
    answers each in its own thread. On the in-memory database they share one connection and
    SQLite's table locks, which fail at once ("database table is locked"); on a file, each
    thread has its own connection, with WAL and the busy timeout of the real settings.
    Set before the test database is created (which happens after collection).
    """
    from django.conf import settings
    from django.db import connections

    for database in (settings.DATABASES["default"], connections["default"].settings_dict):
        if database["ENGINE"].endswith("sqlite3") and not (database.get("TEST") or {}).get("NAME"):
            folder = tempfile.mkdtemp(prefix="parlons-browser-")
            database.setdefault("TEST", {})["NAME"] = os.path.join(folder, "test.sqlite3")


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        if any(item.get_closest_marker("browser") for item in items):
            use_a_database_file()
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()
    playwright.stop()


SKIPPED_MODELS = {"contenttypes.ContentType"}
NATURAL_PRIMARY_KEYS = {"auth.Permission"}


@pytest.fixture(scope="session")
def migrated_state(django_db_setup, django_db_blocker) -> list[str]:
    """The rows the migrations created (tree root, locales, groups, workflows), serialised once.

    Live-server tests are transactional: the database is flushed after each one, taking those
    rows with it, while the flush's post_migrate signal recreates content types and
    permissions under new ids. So the copy refers to them by natural key (leaving content
    types out, and merging permissions with those recreated).
    (pytest-django's ``django_db_serialized_rollback`` finds no serialised copy when the live
    server is set up before the database, as happens here.)
    """
    from django.apps import apps
    from django.core import serializers

    app_list = [(config, None) for config in apps.get_app_configs() if config.models_module]
    models = [
        model
        for model in serializers.sort_dependencies(app_list, allow_cycles=True)
        if model._meta.label not in SKIPPED_MODELS and not model._meta.proxy and model._meta.managed
    ]
    with django_db_blocker.unblock():
        return [
            serializers.serialize(
                "json",
                model._base_manager.order_by(model._meta.pk.name),
                use_natural_foreign_keys=True,
                use_natural_primary_keys=model._meta.label in NATURAL_PRIMARY_KEYS,
            )
            for model in models
        ]


def restore_migrated_state(state: list[str]) -> None:
    from django.core import serializers
    from django.db import connection, transaction

    with transaction.atomic(), connection.constraint_checks_disabled():
        deferred = []
        for rows in state:
            for item in serializers.deserialize("json", rows, handle_forward_references=True):
                item.save()
                if item.deferred_fields:
                    deferred.append(item)
        for item in deferred:
            item.save_deferred_fields()


@pytest.fixture
def site(live_server, transactional_db, migrated_state, settings):
    """The demo content served by the live server.

    The quick-exit destination is a page of the live server itself, so no test ever leaves
    for the real neutral site.
    """
    from django.core.cache import cache
    from wagtail.models import Page

    from site_parlons.demo.content import load_demo_content

    if not Page.objects.exists():
        restore_migrated_state(migrated_state)
    settings.QUICK_EXIT_URL = f"{live_server.url}/robots.txt"
    # Rate limits and the page cache live in the cache, which the database flush leaves.
    cache.clear()
    load_demo_content()
    return live_server


def new_page(chromium, viewport: str, *, javascript: bool = True, locale: str = "fr-FR", bypass_csp: bool = False):
    """A tab in its own context. The site's Content-Security-Policy stays in force (a feature
    it breaks must fail here) unless ``bypass_csp``, needed only to inject axe-core."""
    context = chromium.new_context(
        viewport=VIEWPORTS[viewport], java_script_enabled=javascript, locale=locale, bypass_csp=bypass_csp
    )
    context.set_default_timeout(10_000)
    return context.new_page()


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request) -> str:
    return request.param


@pytest.fixture
def page(chromium, viewport) -> Iterator:
    """A fresh tab (own context: no cookies, no history) at the parametrised viewport."""
    tab = new_page(chromium, viewport)
    yield tab
    tab.context.close()


@pytest.fixture
def axe_page(chromium, viewport) -> Iterator:
    """Like ``page``, but axe-core (an inline script) may be injected despite the CSP."""
    tab = new_page(chromium, viewport, bypass_csp=True)
    yield tab
    tab.context.close()
