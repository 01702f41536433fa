"""Test settings: fast hasher, plain static storage, in-memory SQLite unless DATABASE_URL."""

import base64
import hashlib
import os

from .base import *  # noqa: F403
from .base import CACHES, DATABASE_URL, DATABASES

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105 - never used outside the test suite
# A fixed key derived from a public string, for the test suite only (it protects nothing).
FIELD_ENCRYPTION_KEYS = [base64.urlsafe_b64encode(hashlib.sha256(b"parlons-harcelement tests only").digest()).decode()]
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if not DATABASE_URL:
    # pytest-django creates the test database; a file keeps WAL and real locking behaviour
    # for concurrency tests, while TEST.NAME=None would mean in-memory.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("SQLITE_TEST_PATH") or None}
# The test client's host: absolute URLs of the site and of the admin's e-mails point at it.
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL
# Serve static files from the finders: no collectstatic needed before the tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The page cache would leak pages between tests (same paths, rolled-back data),
# and django-axes needs a request in authenticate() that Client.login() does not pass.
# Tests of those features turn them on with override_settings.
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0
AXES_ENABLED = False
# Most tests sign in to the admin as a superuser or a moderator with force_login(): production's
# mandatory second factor is tested with override_settings (tests/test_admin_2fa.py).
ADMIN_2FA_REQUIRED = False
# Each test starts from an empty cache without touching the database (many antispam and page-cache
# tests need none); the shared database cache of dev and production is tested in real processes
# (tests/test_faults_cache.py). REDIS_URL keeps Redis.
if CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "parlons"}
    # axes warns that its counters need a shared cache: true in production, moot in one test process.
    SILENCED_SYSTEM_CHECKS = ["axes.W001"]
