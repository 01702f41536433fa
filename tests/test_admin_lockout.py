"""Admin login throttling: a lock-out nobody can aim at a known account, and no address kept.

Two clients, A (the one failing) and B (the moderator elsewhere), told apart by their address
as the site reads it (``REMOTE_ADDR``, or the proxy's X-Forwarded-For entry when
``TRUST_X_FORWARDED_FOR``).
"""

import logging
import time
import uuid

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

ADDRESS_A = "203.0.113.7"
ADDRESS_B = "198.51.100.9"
PASSWORD = "motdepasse-solide-123"  # noqa: S105 - a test account
PER_ACCOUNT = 5
PER_CLIENT = 10


@pytest.fixture(autouse=True)
def _axes_on():
    cache.clear()
    with override_settings(
        AXES_ENABLED=True, LOGIN_FAILURE_LIMIT_PER_ACCOUNT=PER_ACCOUNT, LOGIN_FAILURE_LIMIT_PER_CLIENT=PER_CLIENT
    ):
        yield
    cache.clear()


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
    """Like every rate limit of the site (home.antispam.client_address): the last entry."""
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
    keys = [key for key in cache._cache if ":axes-" in key]  # LocMemCache's own store
    assert len(keys) == 2  # (user name, client) and client
    cool_off = settings.AXES_COOLOFF_TIME * 3600
    assert all(0 < cache._expire_info[key] - time.time() <= cool_off for key in keys)


def test_no_address_is_stored_or_logged(accounts, caplog):
    from axes.models import AccessAttempt, AccessFailureLog

    caplog.set_level(logging.DEBUG)
    fail(PER_ACCOUNT + 1, REMOTE_ADDR=ADDRESS_A, HTTP_USER_AGENT="Navigateur-De-Test/1.0")
    assert signs_in("moderatrice", REMOTE_ADDR=ADDRESS_B)
    assert not AccessAttempt.objects.exists()
    assert not AccessFailureLog.objects.exists()
    stored = list(cache._cache.items())  # LocMemCache: key -> pickled value
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "AXES" in logged  # axes did log the failures and the lock-out
    for secret in (ADDRESS_A, ADDRESS_B, "Navigateur-De-Test"):
        assert not [key for key, value in stored if secret in key or secret.encode() in value]
        assert secret not in logged


def test_redis_keys_hold_no_address(accounts):
    """The production cache: every key axes writes to Redis, read back from Redis itself."""
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/0"
    try:
        server = redis.Redis.from_url(url, socket_connect_timeout=1)
        server.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("needs Redis at 127.0.0.1:6379")
    prefix = f"lockout-test-{uuid.uuid4().hex}"
    caches = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": prefix},
    }
    from axes.handlers.proxy import AxesProxyHandler

    # Django renews its cache connections on the override; axes' handler keeps the cache it
    # was built with, so it is built again, on the way in and out.
    try:
        with override_settings(CACHES=caches):
            AxesProxyHandler.get_implementation(force=True)
            fail(PER_ACCOUNT, REMOTE_ADDR=ADDRESS_A)
            assert not signs_in("moderatrice", REMOTE_ADDR=ADDRESS_A)
            assert signs_in("moderatrice", REMOTE_ADDR=ADDRESS_B)
            keys = [key.decode() for key in server.scan_iter(f"{prefix}:*")]
            assert keys
            for key in keys:
                assert ADDRESS_A not in key
                assert ADDRESS_A.encode() not in server.get(key)
            axes_keys = [key for key in keys if ":axes-" in key]
            assert len(axes_keys) == 2  # (user name, client) and client
            assert all(0 < server.ttl(key) <= settings.AXES_COOLOFF_TIME * 3600 for key in axes_keys)
    finally:
        for key in server.scan_iter(f"{prefix}:*"):
            server.delete(key)
        AxesProxyHandler.get_implementation(force=True)
