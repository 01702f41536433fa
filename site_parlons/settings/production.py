"""Production: refuses to start without a secret key and the allowed hosts."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    CACHES,
    FIELD_ENCRYPTION_KEYS,
    REDIS_URL,
    SECRET_KEY,
    SITE_URL,
    VAR_DIR,
    env_bool,
    parse_site_url,
)

DEBUG = False

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production settings refuse to start without it: "
        "export SECRET_KEY to a long random value (see README, 'Environment variables')."
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. Production settings refuse to start without it: "
        "export ALLOWED_HOSTS=parlonsharcelement.fr,www.parlonsharcelement.fr (comma-separated)."
    )
# The default (the development server's address) would put 127.0.0.1 in every shared link,
# feed and sitemap: production names its public address.
if not os.environ.get("SITE_URL", "").strip():
    raise ImproperlyConfigured(
        "SITE_URL is not set. Production settings refuse to start without it: "
        "export SITE_URL=https://parlonsharcelement.fr (the address visitors use, without a path)."
    )
_site_host = parse_site_url(SITE_URL)[1]
if not any(
    pattern == "*" or pattern == _site_host or (pattern.startswith(".") and ("." + _site_host).endswith(pattern))
    for pattern in ALLOWED_HOSTS
):
    raise ImproperlyConfigured(
        f"SITE_URL's host {_site_host!r} is not in ALLOWED_HOSTS: the site would refuse its own address."
    )

# The contact e-mails and original texts of the testimonies are encrypted with these keys; the
# start-up check (temoignages/checks.py) then refuses keys that cannot read the stored data.
if not FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "FIELD_ENCRYPTION_KEYS is not set. Production settings refuse to start without it: export "
        "FIELD_ENCRYPTION_KEYS to a Fernet key, generated once with "
        'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())", '
        "and keep it with the backups' secrets: without it the stored testimonies cannot be read."
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# The admin session ends with the browser and after 8 hours of inactivity at most.
SESSION_COOKIE_AGE = 8 * 3600

# SQLite: refresh the planner's statistics when a connection opens (cheap when nothing
# changed). Without them it sorts 10 000 testimonies instead of walking the date index.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["OPTIONS"]["init_command"] += "PRAGMA optimize=0x10002;"  # noqa: F405
    # Keep each worker's connection open (as DATABASE_URL does for PostgreSQL): opening one
    # and running the PRAGMAs above on every request costs more than most pages' queries.
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))  # noqa: F405
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Without Redis, the workers of one host share the page cache through files in var/
# (a per-process memory cache would keep serving a page another worker just unpublished).
if not REDIS_URL:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("PAGE_CACHE_DIR", str(VAR_DIR / "pagecache")),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }

# --- Growing past one host (every block below is off until its variables are set) ----

# Media on S3-compatible object storage (pip install -r deploy/requirements-scale.txt).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY read by boto3 from the environment.
    if AWS_S3_CUSTOM_DOMAIN:
        for _policy in (CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY):  # noqa: F405
            _policy["DIRECTIVES"]["img-src"] = [*_policy["DIRECTIVES"]["img-src"], f"https://{AWS_S3_CUSTOM_DOMAIN}"]

# OpenSearch / Elasticsearch instead of the database search backend.
WAGTAILSEARCH_URL = os.environ.get("WAGTAILSEARCH_URL", "")
if WAGTAILSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get("WAGTAILSEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"),
            "URLS": [WAGTAILSEARCH_URL],
            "INDEX": os.environ.get("WAGTAILSEARCH_INDEX", "parlons"),
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }

# A caching proxy or CDN in front of several app hosts: Wagtail purges it on publish.
FRONTEND_CACHE_BACKEND = os.environ.get("FRONTEND_CACHE_BACKEND", "")
if FRONTEND_CACHE_BACKEND:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]  # noqa: F405
    if FRONTEND_CACHE_BACKEND == "http":
        WAGTAILFRONTENDCACHE = {
            "proxy": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": os.environ.get("FRONTEND_CACHE_LOCATION", "http://127.0.0.1:8080"),
            }
        }
    elif FRONTEND_CACHE_BACKEND == "cloudflare":
        WAGTAILFRONTENDCACHE = {
            "cloudflare": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
                "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
                "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
            }
        }
    else:
        raise ImproperlyConfigured("FRONTEND_CACHE_BACKEND must be 'http' or 'cloudflare'.")
