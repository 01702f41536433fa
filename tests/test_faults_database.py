"""The database out of reach: cached pages are still served, every other page is a friendly 503.

The outage is real: the request's connection to the ``default`` database is a new connection
whose settings point where no database answers (a SQLite file in a directory that does not
exist, or a PostgreSQL port nothing listens on), so the driver itself fails to connect. The
test's own connection, holding its transaction, is set aside and put back afterwards.
"""

import copy
import socket
from contextlib import contextmanager

import pytest
from django.core.cache import caches
from django.db import connections
from django.test import Client, override_settings

from site_parlons.ops.pagecache import HEADER
from tests.factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db

HELPLINES = ["3018", "119", "3919", "3114", "112", "17", "114"]


def closed_port() -> int:
    """A local TCP port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def unreachable_database(tmp_path):
    """Point the ``default`` connection at a database that cannot be reached, for real."""
    real = connections["default"]
    settings_dict = copy.deepcopy(real.settings_dict)
    if real.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "no-such-directory" / "db.sqlite3")
    else:
        settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    unreachable = real.__class__(settings_dict, alias="default")
    connections["default"] = unreachable
    try:
        yield
    finally:
        unreachable.close()
        connections["default"] = real


@pytest.fixture
def database_down(tmp_path):
    with unreachable_database(tmp_path):
        yield


@pytest.fixture
def visitor():
    # A 500 is an answer to check, not an exception re-raised by the test client.
    return Client(raise_request_exception=False)


def assert_friendly_503(response, language="fr") -> str:
    html = response.content.decode()
    assert response.status_code == 503, html[:500]
    assert int(response["Retry-After"]) > 0
    assert f'<html lang="{language}">' in html
    for number in HELPLINES:
        assert f'href="tel:{number}"' in html
    return html


def test_database_really_is_unreachable(database_down):
    from django.db import OperationalError, connection

    with pytest.raises(OperationalError):
        connection.ensure_connection()


def test_public_page_is_a_french_503_with_the_helplines(visitor, home, database_down):
    html = assert_friendly_503(visitor.get("/fr/"))
    assert "Le site est momentanément indisponible" in html
    assert "Server Error" not in html


def test_search_and_forms_are_503_too(visitor, home, database_down):
    assert_friendly_503(visitor.get("/fr/recherche/", {"q": "harcèlement"}))
    assert_friendly_503(visitor.get("/fr/temoignages/temoigner/"))


def test_english_address_gets_the_503_in_english(visitor, home, database_down):
    html = assert_friendly_503(visitor.get("/en/"), language="en")
    assert "The site is temporarily unavailable" in html


def test_outage_outside_a_view_is_a_503_too(visitor, home, database_down):
    # The admin's middleware reads the session (in the database) before any view runs.
    visitor.cookies["sessionid"] = "a" * 32
    assert_friendly_503(visitor.get("/admin/"))


@pytest.fixture
def page_cache_on():
    caches["pages"].clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    caches["pages"].clear()


def test_cached_page_is_still_served_and_the_503_is_never_cached(visitor, home, page_cache_on, tmp_path):
    cached = StandardPageFactory(parent=home, title="Se protéger en ligne", slug="se-proteger")
    other = StandardPageFactory(parent=home, title="Mentions légales", slug="mentions-legales")
    first = visitor.get(cached.url)
    assert first[HEADER] == "MISS"
    with unreachable_database(tmp_path):
        response = visitor.get(cached.url)
        assert response.status_code == 200
        assert response[HEADER] == "HIT"
        assert response.content == first.content
        assert_friendly_503(visitor.get(other.url))
    # Back up: the page is served (and cached) again, not a 503 kept from the outage.
    response = visitor.get(other.url)
    assert response.status_code == 200
    assert response[HEADER] == "MISS"
