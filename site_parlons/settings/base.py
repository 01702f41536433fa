"""Settings shared by every environment.

Safe for production on its own: no secret key, ``DEBUG`` off, no wildcard host.
``dev`` and ``test`` loosen it; ``production`` refuses to start without the
variables a real deployment needs. Every environment variable read here is
listed, with its default, in the README.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable (``1``, ``true``, ``yes``, ``on``)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable into a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def parse_site_url(value: str) -> tuple[str, str, int]:
    """(scheme, host name, port) of ``SITE_URL``, refused unless Wagtail can serve it as a site.

    A Wagtail ``Site`` has only a host name and a port and derives its scheme from the port
    (443 is https, anything else http): ``https://`` on another port cannot be represented.
    """
    parts = urlsplit(value)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in {"http", "https"} or not parts.hostname or port == -1:
        raise ImproperlyConfigured(
            f"SITE_URL must be an absolute http(s) address, e.g. https://parlonsharcelement.fr (got {value!r})."
        )
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username or parts.password:
        raise ImproperlyConfigured(f"SITE_URL is the site's address alone, without a path or query (got {value!r}).")
    port = port or (443 if parts.scheme == "https" else 80)
    if (parts.scheme == "https") != (port == 443):
        raise ImproperlyConfigured(
            f"SITE_URL {value!r}: Wagtail serves https on port 443 only and http on any other port."
        )
    return parts.scheme, parts.hostname, port


SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Keys of the personal data encrypted at rest (site_parlons/encryption.py): Fernet keys,
# comma-separated, newest first. The first encrypts, all decrypt; see rotate_encryption_key.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    # Before wagtail.admin: it extends the admin's login page.
    "site_parlons.twofactor",
    "campagne",
    "temoignages",
    "ressources",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "site_parlons.ops",
    "site_parlons.demo",
    # django-axes: admin login throttling (see AXES_* below).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks_db",
    # django-csp: its system checks catch settings written for its 3.x API.
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Whitenoise right after SecurityMiddleware: static files skip the rest of the stack.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The security headers above the page cache, so a cached page gets them on every hit.
    "site_parlons.middleware.SiteCSPMiddleware",
    "site_parlons.middleware.permissions_policy_middleware",
    # A cached public page skips everything below (site_parlons/ops/pagecache.py).
    "site_parlons.ops.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Bad input and a database outage get the site's 400 and 503 pages (site_parlons/guards.py).
    # Below the page cache, so a cached page is still served while the database is down; the
    # field limit checks a public POST before CSRF or any view reads it.
    "site_parlons.guards.PublicFormFieldLimitMiddleware",
    "site_parlons.guards.DatabaseOutageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The admin's second factor: django-otp marks the verified session, ours asks for the code.
    "django_otp.middleware.OTPMiddleware",
    "site_parlons.twofactor.middleware.AdminOTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # django-axes after the authentication middleware, as its documentation asks.
    "axes.middleware.AxesMiddleware",
    # Wagtail's password reset view has no hook to answer 429 before it runs; this middleware
    # does for that one URL only. Last: it needs the language (LocaleMiddleware).
    "site_parlons.ops.password_reset.PasswordResetRateLimitMiddleware",
]

ROOT_URLCONF = "site_parlons.urls"
WSGI_APPLICATION = "site_parlons.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_context",
                "site_parlons.ops.context_processors.fragment_cache",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# DATABASE_URL selects PostgreSQL (or any dj-database-url URL). Without it, SQLite in
# var/ tuned for concurrent writers: WAL lets readers work during a write, IMMEDIATE
# transactions take the write lock up front (no "database is locked" on upgrade), and the
# busy timeout makes concurrent submissions wait instead of failing.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        )
    }
    if DATABASES["default"]["ENGINE"].endswith("postgresql"):
        # The database fits in memory (or on an SSD): a random read costs about a sequential
        # one. With PostgreSQL's default (4, spinning disks) the planner reads the whole
        # search index rather than its GIN indexes (bench/search_latency.py).
        # No parallel workers per query: the site's requests already keep every core busy, and a
        # broad search split over helper processes competes with the other requests; with
        # work_mem at its default (4 MB) a broad search sorts on disk (bench/results.md).
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
            f"-c random_page_cost={os.environ.get('DATABASE_RANDOM_PAGE_COST', '1.1')} "
            f"-c max_parallel_workers_per_gather={os.environ.get('DATABASE_PARALLEL_WORKERS', '0')} "
            f"-c work_mem={os.environ.get('DATABASE_WORK_MEM', '16MB')}"
        )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(VAR_DIR / "db.sqlite3")),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------
# Two aliases: ``default`` (one-time form tokens, rate limits, health probe) and ``pages``
# (whole pages, layout fragments, site_parlons/ops/pagecache.py).
# REDIS_URL: both in Redis, shared by every worker and host, through django-redis with
# IGNORE_EXCEPTIONS: when Redis does not answer, reads miss and writes are dropped, so the
# site serves pages uncached and keeps every testimony instead of answering 500 (the outage
# is logged once per worker, site_parlons/ops/caches.py; /healthz says "degraded"). Short
# socket timeouts keep an unreachable Redis from holding each request for long.
# Without it: ``default`` in the database (a table created by every `migrate`), shared by
# every worker and process, with an atomic add() (a token is claimed once, a rate limit
# counts every worker's hits); ``pages`` in this process's memory (dev: one process;
# production.py puts it in files shared by the workers of the host).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    _REDIS_CACHE = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.5},
    }
    CACHES = {
        "default": {**_REDIS_CACHE, "KEY_PREFIX": "parlons"},
        "pages": {**_REDIS_CACHE, "KEY_PREFIX": "parlons-pages"},
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "parlons_cache",
            # Django culls a third of the table past MAX_ENTRIES (300 by default): a claimed
            # token culled early could be sent again. Expired rows go first.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "parlons-pages"},
    }
# Admin login counters (django-axes) always live in the database cache, shared by every worker
# and host: axes' cache handler does arithmetic on what it reads, and a Redis outage (reads
# answered None by IGNORE_EXCEPTIONS) would otherwise turn every admin login into a 500.
CACHES["axes"] = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "parlons_cache",
    "KEY_PREFIX": "axes",
}
# An ignored Redis error goes to this logger, whose filter lets one line per worker through.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "site_parlons.cache"

# --- E-mail ---------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Parlons Harcèlement <ne-pas-repondre@parlonsharcelement.fr>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    # Seconds an SMTP connection may hang; the e-mail worker waits for it, never a request.
    EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Passwords ------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ------------------------------------------------------------
LANGUAGE_CODE = "fr"
# Each language in its own name: the visitors' language switcher.
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
# In the admin, in the editor's language (« Anglais » on a French admin screen).
WAGTAIL_CONTENT_LANGUAGES = [("fr", _("Français")), ("en", _("Anglais"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Django serves MEDIA_ROOT itself only with this on: a single host with no proxy in front (the
# production-like site of the browser tests). Behind nginx (deploy/), nginx serves /media/.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Django's cap on fields is for the Wagtail admin: its page editor posts several fields per
# StreamField block. Public forms (outside /admin/) are capped far lower (site_parlons/guards.py).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
PUBLIC_FORM_MAX_FIELDS = 100
# A whole testimony plus the form fields fits well below this; larger bodies get a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# --- Security defaults (tightened further in production) -------------------
# Content-Security-Policy (django-csp, site_parlons/middleware.py). The public site: scripts
# only from our own static files, no inline script, no eval; frames only from youtube-nocookie,
# which the video block loads after the visitor's click; the site itself cannot be framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": ["https://www.youtube-nocookie.com"],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# Paths under /admin/: Wagtail's admin uses inline styles and a few inline scripts, embeds
# previews of our own pages (same origin) and oEmbed previews. Its login page gets
# frame-ancestors 'none' all the same.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "media-src": [SELF, "blob:"],
        "frame-src": [SELF, "https://www.youtube-nocookie.com"],
        "frame-ancestors": [SELF],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A session cookie, gone when the browser closes: a year-long token on a shared or family
# computer would tell that someone once opened the testimony form.
CSRF_COOKIE_AGE = None

# --- Logging: never the client's address or user agent --------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # django.request and django.server log the request line only; no headers.
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # Wagtail 8 runs search-index and reference-index updates as tasks: one line each.
        "django_tasks": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = "Parlons Harcèlement"
# The site's public address: every absolute URL (sitemap, feeds, og:url, og:image, hreflang,
# share links, JSON-LD, e-mails) starts with it. Page URLs come from the default Wagtail Site,
# which load_demo_content and sync_site_url set from it (home/sites.py). The default is the
# address `make run` serves; production.py requires it.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").strip().rstrip("/")
parse_site_url(SITE_URL)
# Links in the admin's e-mails: the same address unless the admin lives elsewhere.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "").strip().rstrip("/") or SITE_URL
# The database's own search, one language configuration each: on PostgreSQL a text-search
# configuration per language (created by search/migrations), on SQLite FTS5 with the query
# stemmed in the request's language.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.postgres",
            "SEARCH_CONFIG": "french_unaccent",
            "SEARCH_CONFIGS": {"fr": "french_unaccent", "en": "english_unaccent"},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.sqlite"}}
# Snippets the site search covers, as "app_label.Model"; a model not installed yet is skipped.
SEARCH_SNIPPET_MODELS = ["ressources.Association", "ressources.Helpline"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif", "gif"]
# Every frame of an upload is decoded before it is accepted: a truncated or corrupt image is a
# form error, not a 500 (site_parlons/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "site_parlons.uploads.ImageForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# The approve step is the only way a testimony is published (temoignages/permissions.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "temoignages.workflow_actions.publish_approved"
WAGTAILLOCALIZE_ENABLE_MACHINE_TRANSLATION = False

# --- Help section ---------------------------------------------------------
# Where « Quitter rapidement » sends a visitor: a neutral site, replacing this one in history.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://meteofrance.com/")

# --- Testimonies (temoignages) --------------------------------------------
# Days after a moderator's decision before purge_testimonies erases rejected/withdrawn
# testimonies and the contact e-mails and original texts of published ones.
TESTIMONY_RETENTION_DAYS = int(os.environ.get("TESTIMONY_RETENTION_DAYS", "30"))
# Decisions in a day after which the review desk suggests a break (a suggestion, never a block).
TESTIMONY_REVIEW_PAUSE_AFTER = int(os.environ.get("TESTIMONY_REVIEW_PAUSE_AFTER", "10"))

# --- How long each item of personal data is kept -----------------------------------------
# Each figure is read both by the code that erases and by the privacy page, never typed twice.
# A testimony no moderator has decided on: the moderators are alerted after ESCALATION days,
# and it is erased (story, pseudonym, e-mail) after RETENTION days, counted from its receipt.
TESTIMONY_PENDING_ESCALATION_DAYS = int(os.environ.get("TESTIMONY_PENDING_ESCALATION_DAYS", "14"))
TESTIMONY_PENDING_RETENTION_DAYS = int(os.environ.get("TESTIMONY_PENDING_RETENTION_DAYS", "90"))
# Messages sent through the contact form (name, e-mail, message), counted from their receipt.
CONTACT_RETENTION_DAYS = int(os.environ.get("CONTACT_RETENTION_DAYS", "90"))
# Visitors' raw search terms (only counts survive, for the terms editors promote).
SEARCH_TERMS_RETENTION_DAYS = int(os.environ.get("SEARCH_TERMS_RETENTION_DAYS", "7"))
# Finished e-mail tasks of the queue (their rows name a record by id, never its content).
EMAIL_TASK_RETENTION_DAYS = int(os.environ.get("EMAIL_TASK_RETENTION_DAYS", "7"))
# Encrypted database backups: older ones are deleted, so an erased testimony is gone from
# every backup within this many days.
BACKUP_RETENTION_DAYS = int(os.environ.get("BACKUP_RETENTION_DAYS", "14"))
# The public age keys (``age1…``, comma-separated) every database backup is
# encrypted to: the server can write backups but never read them back. The private keys
# (``age-keygen -o key.txt``) stay off the server; restore_db is given one with --identity.
BACKUP_AGE_RECIPIENTS = env_list("BACKUP_AGE_RECIPIENTS")
# Without a recipient backup_db refuses to run; the dev settings allow plaintext backups of a
# developer's own database. Deliberately no variable to allow them in production.
BACKUP_PLAINTEXT_ALLOWED = False
# (count, seconds) per client, counted in the cache: submissions, and status-page lookups.
TESTIMONY_RATE_LIMIT = (5, 3600)
TESTIMONY_STATUS_RATE_LIMIT = (10, 900)
# A form sent sooner than this after it was shown is a bot (it gets a thank-you, nothing is stored).
TESTIMONY_MIN_FILL_SECONDS = 3

# --- Rate limits behind a reverse proxy -------------------------------------
# Behind nginx every request comes from the proxy's address; set TRUST_X_FORWARDED_FOR=true
# there so that the rate limits of every form (contact, testimony, testimony status) key on the
# client address nginx appends to X-Forwarded-For (never stored, see site_parlons/ops/form_protection.py).
# Leave it off when clients reach gunicorn directly: the header could be forged.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)

# --- Page cache, health, login throttling (README, "Production") ----------------
# Whole public pages cached for anonymous visitors, invalidated on publish/unpublish/
# move/delete (site_parlons/ops/pagecache.py). 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# The layout's fragments (header, menu, breadcrumbs, language links, footer, the home page's
# sections) for pages the page cache does not serve; same invalidation (site_parlons/ops/context_processors.py).
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", str(PAGE_CACHE_SECONDS)))
# The cache's outage in one line per worker instead of one per call (site_parlons/ops/caches.py).
LOGGING["filters"] = {"once_per_outage": {"()": "site_parlons.ops.caches.OncePerOutage"}}
LOGGING["loggers"]["site_parlons.cache"] = {"handlers": ["console"], "filters": ["once_per_outage"], "propagate": False}

# Argon2 first: new and re-logged-in passwords are hashed with it; older hashes still verify.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# Login throttling (django-axes), keyed on the client, never on the user name alone (an outsider
# could then lock any moderator out at will): LOGIN_FAILURE_LIMIT_PER_ACCOUNT failures on one user name from
# one client lock that pair; LOGIN_FAILURE_LIMIT_PER_CLIENT failures from one client, whatever the
# names, lock that client (site_parlons/security.py). The same account still signs in from
# elsewhere. The "client" is a keyed hash of the address (site_parlons.ops.form_protection.client_key, which
# honours TRUST_X_FORWARDED_FOR like every rate limit), never the address itself.
# AxesBackend rather than AxesStandaloneBackend: the same guard, plus ModelBackend's get_user(),
# which Client.force_login() and Wagtail's test assertions need from the first backend.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# The cache handler: a counter per key in the "axes" cache (the database, see CACHES), gone
# after the cool-off. The database handler would keep a row per attempt with the user agent and the
# form's data, and needs a real IP address for its inet column.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "axes"
LOGIN_FAILURE_LIMIT_PER_ACCOUNT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_LIMIT_PER_CLIENT = int(os.environ.get("AXES_CLIENT_FAILURE_LIMIT", "10"))
AXES_FAILURE_LIMIT = "site_parlons.security.failure_limit"
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_CLIENT_IP_CALLABLE = "site_parlons.security.client_pseudonym"
# Logs name the user name, the pseudonym and the path; never the user agent (axes' verbose mode).
AXES_VERBOSE = False
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"

# Health checks and the load balancer may call /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# --- Admin second factor (TOTP) ------------------------------------------------
# django-otp provides the devices and the per-session "verified" flag; site_parlons/twofactor/ adds the
# admin pages (enrol, verify, disable, a superuser's reset) and the middleware that asks for the
# code. Required of everyone who can read testimonies and contact e-mails (see below).
# Shown in the authenticator app next to the user name.
OTP_TOTP_ISSUER = "Parlons Harcèlement"
# On (the default, safe for production): superusers and the members of ADMIN_2FA_REQUIRED_GROUPS
# must enrol and give a code before any admin page. "Modérateurs" is temoignages.moderation's
# GROUP_NAME, the only group that reads testimonies. Off (dev.py, test.py): the second factor is
# optional, but an account that has one is still asked for its code.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", True)
ADMIN_2FA_REQUIRED_GROUPS = env_list("ADMIN_2FA_REQUIRED_GROUPS", "Modérateurs")
# Wagtail's admin would load each user's avatar from gravatar.com, handing it a hash of their
# e-mail address: the admin shows Wagtail's default avatar (or an uploaded one) instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- E-mail through a queue, never in a request ---------------------------------------------
# Every e-mail (moderators' notifications, the contact form, admin password resets) is a
# django-tasks task on the "email" backend: a row in this database written in the same
# transaction as the change it reports, sent by the worker (manage.py db_worker --backend email;
# site_parlons/ops/mail.py). "default" stays the immediate backend on purpose: Wagtail runs its
# search-index and reference-index updates there, in the process that changes the content, so a
# withdrawn or unpublished testimony leaves search at once, worker or no worker.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# A failed send is tried again after MAIL_RETRY_BASE_SECONDS, doubling up to MAIL_RETRY_MAX_SECONDS, until it goes.
MAIL_RETRY_BASE_SECONDS = int(os.environ.get("MAIL_RETRY_BASE_SECONDS", "30"))
MAIL_RETRY_MAX_SECONDS = int(os.environ.get("MAIL_RETRY_MAX_SECONDS", "3600"))
# The admin's « mot de passe oublié »: queued (same answer and timing whether the account exists or not)
# and at most PASSWORD_RESET_RATE_LIMIT (count, seconds) requests per client (keyed hash, site_parlons/ops/form_protection.py).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "site_parlons.ops.password_reset.QueuedPasswordResetForm"  # noqa: S105
PASSWORD_RESET_RATE_LIMIT = (5, 3600)
