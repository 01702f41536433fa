"""Admin login throttling: a lock-out nobody can aim at a known account, and no address kept.

Two clients, A (the one failing) and B (the moderator elsewhere), told apart by their address
as the site reads it (``REMOTE_ADDR``, or the proxy's X-Forwarded-For entry when
``TRUST_X_FORWARDED_FOR``).
"""

import base64
import datetime
import logging
import socket

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone

pytestmark = pytest.mark.django_db

ADDRESS_A = "203.0.113.7"
ADDRESS_B = "198.51.100.9"
PASSWORD = "motdepasse-solide-123"  # noqa: S105 - a test account
PER_ACCOUNT = 5
PER_CLIENT = 10


@pytest.fixture(autouse=True)
def _axes_on():
    caches["axes"].clear()
    with override_settings(
        AXES_ENABLED=True, LOGIN_FAILURE_LIMIT_PER_ACCOUNT=PER_ACCOUNT, LOGIN_FAILURE_LIMIT_PER_CLIENT=PER_CLIENT
    ):
        yield
    caches["axes"].clear()


def axes_rows() -> list[tuple[str, bytes, object]]:
    """What axes keeps: the rows of its database cache, values decoded (key, pickled value, expiry)."""
    table = connection.ops.quote_name(settings.CACHES["axes"]["LOCATION"])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key, value, expires FROM {table} WHERE cache_key LIKE %s", ["axes:%"])  # noqa: S608
        rows = cursor.fetchall()
    # SQLite hands raw datetimes back naive; Django's database cache writes them in UTC.
    return [
        (key, base64.b64decode(value), expires if timezone.is_aware(expires) else timezone.make_aware(expires, datetime.UTC))
        for key, value, expires in rows
    ]


@pytest.fixture
def accounts(django_user_model):
    for name in ("moderatrice", "editrice"):
        django_user_model.objects.create_superuser(name, f"{name}@example.org", PASSWORD)


def login(client: Client, username: str, password: str, **meta):
    return client.post("/admin/login/", {"username": username, "password": password}, **meta)


def fail(times: int, username: str = "moderatrice", **meta) -> None:
    client = Client()
    for _ in range(times):
        response = login(client, username, "mauvais-mot-de-passe", **meta)
        assert response.status_code in (200, 429)


def signs_in(username: str, **meta) -> bool:
    client = Client()
    response = login(client, username, PASSWORD, **meta)
    return response.status_code == 302 and "_auth_user_id" in client.session


def test_failures_from_one_client_do_not_lock_the_account_elsewhere(accounts):
    fail(PER_ACCOUNT, REMOTE_ADDR=ADDRESS_A)
    # A is locked for that account, even with the right password, with axes' French page...
    client = Client()
    response = login(client, "moderatrice", PASSWORD, REMOTE_ADDR=ADDRESS_A)
    assert response.status_code == 429
    assert "bloquée" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # ...but the moderator signs in from elsewhere, and A may still sign in to another account.
    assert signs_in("moderatrice", REMOTE_ADDR=ADDRESS_B)
    assert signs_in("editrice", REMOTE_ADDR=ADDRESS_A)


def test_one_client_failing_across_accounts_is_locked_for_every_account(accounts):
    for index in range(PER_CLIENT - 1):
        fail(1, username=f"inconnu-{index}", REMOTE_ADDR=ADDRESS_A)
    assert signs_in("editrice", REMOTE_ADDR=ADDRESS_A)  # below the client's limit (and resets it)
    for index in range(PER_CLIENT):
        fail(1, username=f"inconnu-{index}", REMOTE_ADDR=ADDRESS_A)
    assert not signs_in("editrice", REMOTE_ADDR=ADDRESS_A)
    assert not signs_in("moderatrice", REMOTE_ADDR=ADDRESS_A)
    assert signs_in("moderatrice", REMOTE_ADDR=ADDRESS_B)


def test_a_forged_forwarded_for_header_does_not_escape_the_lock(accounts):
    fail(PER_ACCOUNT, REMOTE_ADDR=ADDRESS_A)
    assert not signs_in("moderatrice", REMOTE_ADDR=ADDRESS_A, HTTP_X_FORWARDED_FOR=ADDRESS_B)


@override_settings(TRUST_X_FORWARDED_FOR=True)
def test_behind_the_proxy_clients_are_told_apart_by_the_address_it_appends(accounts):
    """Like every rate limit of the site (site_parlons.ops.form_protection.client_address): the last entry."""
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    fail(PER_ACCOUNT, HTTP_X_FORWARDED_FOR=f"{ADDRESS_B}, {ADDRESS_A}", **proxy)
    assert not signs_in("moderatrice", HTTP_X_FORWARDED_FOR=ADDRESS_A, **proxy)
    assert signs_in("moderatrice", HTTP_X_FORWARDED_FOR=ADDRESS_B, **proxy)


def test_lock_out_lasts_the_cool_off_and_is_counted_in_the_cache_only(accounts):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    fail(PER_ACCOUNT, REMOTE_ADDR=ADDRESS_A)
    assert not signs_in("moderatrice", REMOTE_ADDR=ADDRESS_A)
    assert (AccessAttempt.objects.count(), AccessFailureLog.objects.count(), AccessLog.objects.count()) == (0, 0, 0)
    # Every axes counter expires with the cool-off: nothing outlives it.
    rows = axes_rows()
    assert len(rows) == 2  # (user name, client) and client
    cool_off = settings.AXES_COOLOFF_TIME * 3600
    now = timezone.now()
    assert all(0 < (expires - now).total_seconds() <= cool_off for _key, _value, expires in rows)


def test_no_address_is_stored_or_logged(accounts, caplog):
    from axes.models import AccessAttempt, AccessFailureLog

    caplog.set_level(logging.DEBUG)
    fail(PER_ACCOUNT + 1, REMOTE_ADDR=ADDRESS_A, HTTP_USER_AGENT="Navigateur-De-Test/1.0")
    assert signs_in("moderatrice", REMOTE_ADDR=ADDRESS_B)
    assert not AccessAttempt.objects.exists()
    assert not AccessFailureLog.objects.exists()
    stored = [(key, value) for key, value, _expires in axes_rows()]
    assert stored
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "AXES" in logged  # axes did log the failures and the lock-out
    for secret in (ADDRESS_A, ADDRESS_B, "Navigateur-De-Test"):
        assert not [key for key, value in stored if secret in key or secret.encode() in value]
        assert secret not in logged


def test_lock_out_holds_and_logins_work_while_redis_is_unreachable(accounts):
    """Production with REDIS_URL and Redis down: django-redis answers reads with None, on which
    axes' counting would fail (a 500 on every admin login). Its counters live in the database cache."""
    with socket.socket() as probe:  # a port nothing listens on: connections are really refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    redis = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{port}/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.5},
    }
    with override_settings(CACHES={**settings.CACHES, "default": redis, "pages": redis}):
        fail(PER_ACCOUNT, REMOTE_ADDR=ADDRESS_A)
        assert not signs_in("moderatrice", REMOTE_ADDR=ADDRESS_A)
        assert signs_in("moderatrice", REMOTE_ADDR=ADDRESS_B)
