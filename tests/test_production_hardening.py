"""Production hardening: deploy checks, security headers, /healthz, admin accounts."""

import os
import secrets
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import identify_hasher
from django.test import override_settings

from tests.factories.home import StandardPageFactory

ROOT = Path(__file__).resolve().parent.parent


def production_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="site_parlons.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        ALLOWED_HOSTS="parlonsharcelement.fr",
        SITE_URL="https://parlonsharcelement.fr",
        **extra,
    )
    return env


def test_check_deploy_is_clean_at_warning_level():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_harden_cookies_hsts_and_hashers():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY,"
        " s.LANGUAGE_COOKIE_SECURE, s.SESSION_COOKIE_SAMESITE, s.SECURE_HSTS_SECONDS, s.PASSWORD_HASHERS[0],"
        " s.CACHES['pages']['BACKEND'])"
    )
    result = subprocess.run(  # noqa: S603 - fixed code, our own interpreter
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "True",
        "True",
        "True",
        "True",
        "Lax",
        "31536000",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        # workers of one host share the page cache when there is no Redis
        "django.core.cache.backends.filebased.FileBasedCache",
    ]


@pytest.mark.django_db
def test_public_page_security_headers(client, home):
    page = StandardPageFactory(parent=home)
    response = client.get(page.url)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in csp.split("; ")}
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert directives["frame-src"] == ["https://www.youtube-nocookie.com"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in permissions
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_public_pages_have_no_inline_script(client, home):
    """The strict CSP would block inline scripts: the templates must not rely on any."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(home.url).content, "html.parser")
    scripts = soup.find_all("script")
    # JSON-LD is a data block: the browser never runs it, and CSP's script-src does not apply to it.
    data_blocks = [script for script in scripts if script.get("type") == "application/ld+json"]
    assert data_blocks, "the home page carries its structured data"
    for script in scripts:
        if script in data_blocks:
            continue
        assert script.get("src"), f"inline script found: {script}"
    assert not soup.select("[onclick], [onload], [onerror], [onsubmit]")


def csp_directives(response) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in response["Content-Security-Policy"].split("; ")}


@pytest.mark.django_db
def test_admin_gets_its_own_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    directives = csp_directives(response)
    # The admin frames its own previews; the strict public policy does not apply to it.
    assert directives["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in directives["script-src"]


@pytest.mark.django_db
def test_admin_login_cannot_be_framed(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" in directives["script-src"]


@pytest.mark.django_db
def test_public_policy_is_unchanged_by_django_csp(client, home):
    """The header django-csp writes holds the same directives as the hand-written policy it replaced."""
    expected = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; media-src 'self'; frame-src https://www.youtube-nocookie.com; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"
    )
    assert csp_directives(client.get(home.url)) == {part.split()[0]: part.split()[1:] for part in expected.split("; ")}


@override_settings(SECURE_HSTS_SECONDS=31_536_000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SECURE_SSL_REDIRECT=False)
@pytest.mark.django_db
def test_hsts_one_year_over_https(client, home):
    response = client.get(home.url, secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_reports_a_broken_database_without_details(client):
    with mock.patch("site_parlons.ops.health.connection") as connection:
        connection.cursor.side_effect = RuntimeError("could not connect to server at 10.0.0.5")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable"


@pytest.mark.django_db
def test_healthz_reports_a_broken_cache_as_degraded(client):
    """A cache that raises (Redis down is in tests/test_faults_cache.py): the site still serves,
    so the instance stays in the load balancer."""
    with mock.patch("site_parlons.ops.health.caches") as caches:
        caches.__getitem__.return_value.set.side_effect = ConnectionError("redis down")
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"degraded"


@override_settings(
    PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
)
@pytest.mark.django_db
def test_admin_passwords_are_hashed_with_argon2():
    user = get_user_model().objects.create_user("moderatrice", password=secrets.token_urlsafe(16))
    assert identify_hasher(user.password).algorithm == "argon2"


def test_base_settings_put_argon2_first():
    from site_parlons.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.django_db
def test_weak_admin_password_is_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("court1", "motdepasse", "123456789012345"):
        with pytest.raises(ValidationError):
            validate_password(weak)


@pytest.fixture
def _fresh_lockout_counters():
    """django-axes counts in the cache, which outlives a test's database rollback."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@override_settings(AXES_ENABLED=True, LOGIN_FAILURE_LIMIT_PER_ACCOUNT=3)
@pytest.mark.django_db
@pytest.mark.usefixtures("_fresh_lockout_counters")
def test_admin_login_locks_out_after_repeated_failures(client):
    from axes.models import AccessAttempt

    password = secrets.token_urlsafe(16)
    get_user_model().objects.create_superuser("moderateur", "m@example.org", password)
    for _ in range(3):
        response = client.post("/admin/login/", {"username": "moderateur", "password": "mauvais-mot-de-passe"})
    assert response.status_code == 429
    # Locked: even the right password is refused now (from this client: tests/test_admin_lockout.py).
    response = client.post("/admin/login/", {"username": "moderateur", "password": password})
    assert response.status_code == 429
    assert "bloquée" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Counted in the cache under keyed hashes; no database row, so no client address recorded.
    assert not AccessAttempt.objects.exists()


@override_settings(AXES_ENABLED=True, LOGIN_FAILURE_LIMIT_PER_ACCOUNT=3)
@pytest.mark.django_db
@pytest.mark.usefixtures("_fresh_lockout_counters")
def test_admin_login_still_works_below_the_limit(client):
    password = secrets.token_urlsafe(16)
    get_user_model().objects.create_superuser("editrice", "e@example.org", password)
    client.post("/admin/login/", {"username": "editrice", "password": "faux"})
    response = client.post("/admin/login/", {"username": "editrice", "password": password})
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
