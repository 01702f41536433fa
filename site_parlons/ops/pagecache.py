"""Full-page cache for anonymous visitors, invalidated when content changes.

wagtail-cache (the usual library) does not support Wagtail 8 yet (it pins ``wagtail<8``),
so this is Django's cache framework plus Wagtail's signals, kept deliberately small:

* Only ``GET`` requests under a language prefix (``/fr/…``, ``/en/…``: pages and search)
  from visitors without a session or messages cookie are looked up. Each language has its
  own keys because the language is in the path.
* A response is stored only if it is a plain ``200``, sets no cookie, did not use a CSRF
  token (so no page with a form), is not a preview, was not for a logged-in user and does
  not say ``private``, ``no-store`` or ``no-cache``.
* Invalidation is a generation number: publishing, unpublishing, moving or deleting a page,
  adding or removing a view restriction, and saving a snippet or a site setting shown on
  pages, bumps it, so every cached page of every language is stale at once (a newly published
  testimony changes the home page, the index pages, the search results and the menus).
  ``PAGE_CACHE_SECONDS`` bounds the life of an entry anyway. A testimony *submission* bumps
  nothing: it writes a private record and a draft page, neither shown anywhere, and anyone can
  post one (five an hour), which would otherwise keep the whole site uncached.
* The templates' fragments (``{% wagtailcache %}``, ``{% wagtailpagecache %}``) vary on the
  same generation (``content_version()``, given to templates by ``context_processors.py``), so
  the same events make them stale.

Entries live in the ``pages`` cache alias: Redis when ``REDIS_URL`` is set (shared by
every worker and host), otherwise a per-process memory cache (dev, tests) or a file cache
shared by the workers of one host (production without Redis).

When the cache does not answer (Redis down: django-redis ignores the error), every read misses
and every write is dropped: pages are rendered, never replayed, and ``current_generation()``
is a new number each time. An invalidation the cache could not take is retried by this
process before it next reads the generation, so a page unpublished during the outage is not
served from entries the cache still holds when it comes back.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from wagtail import signals as wagtail_signals
from wagtail.models import Page

logger = logging.getLogger(__name__)
# The cache being down, reported once per worker (site_parlons/ops/caches.py).
outage_logger = logging.getLogger("site_parlons.cache")

CACHE_ALIAS = "pages"
GENERATION_KEY = "pagecache:generation"
HEADER = "X-Cache"
# Response headers never replayed from the cache.
UNCACHEABLE_HEADERS = {"set-cookie", HEADER.lower()}


def page_cache():
    return caches[CACHE_ALIAS]


def cache_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


def _fresh_generation() -> int:
    # Time-based, so a generation lost to eviction or a restart never comes back to a
    # number that older (stale) entries were stored under.
    return time.time_ns() // 1000


# Per process: an invalidation the cache did not take (it was down), to retry.
_invalidation_pending: list[bool] = [False]


def current_generation() -> int:
    """The generation every cached page and fragment is stored under (a fresh one, never
    stored under, while the cache does not answer)."""
    if _invalidation_pending[0] and _bump_generation():
        _invalidation_pending[0] = False
    return page_cache().get_or_set(GENERATION_KEY, _fresh_generation, timeout=None)


def content_version() -> int:
    """``current_generation()`` for keying template fragments: a fresh number (a miss) when the
    cache raises instead of answering, so a fragment is never replayed from before an outage."""
    try:
        return current_generation()
    except Exception:
        outage_logger.warning("page cache unreachable", exc_info=True)
        return _fresh_generation()


def _bump_generation() -> bool:
    """A new generation; False when the cache did not answer (django-redis then returns None)."""
    cache = page_cache()
    try:
        try:
            return cache.incr(GENERATION_KEY) is not None
        except ValueError:
            # No generation yet (fresh or evicted): start a new one, newer than any before.
            return cache.add(GENERATION_KEY, _fresh_generation(), timeout=None) is not None
    except Exception:  # a backend that raises instead (files): the same
        outage_logger.warning("page cache unreachable", exc_info=True)
        return False


def invalidate_all(**kwargs) -> None:
    """Make every cached page and fragment stale (called from the content signals)."""
    if _bump_generation():
        logger.debug("page cache invalidated")
    else:
        _invalidation_pending[0] = True


def cache_key(request: HttpRequest) -> str:
    raw = f"{request.get_host()}|{request.get_full_path()}"
    return "pagecache:" + hashlib.sha256(raw.encode()).hexdigest()


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method != "GET" or settings.DEBUG or cache_seconds() <= 0:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    path = request.path_info
    return any(path.startswith(f"/{code}/") for code, _name in settings.LANGUAGES)


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


class PageCacheMiddleware:
    """Serve and store whole pages for anonymous visitors (see the module docstring).

    Goes right after WhiteNoise so a hit skips sessions, locale, CSRF, auth and Wagtail.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return self.get_response(request)
        cache = page_cache()
        key = cache_key(request)
        try:
            generation = current_generation()
            entry = cache.get(key, version=generation)
        except Exception:  # the cache being down must never take the site down
            outage_logger.warning("page cache unreachable", exc_info=True)
            return self.get_response(request)
        if entry is not None:
            status, headers, content = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response.headers[HEADER] = "HIT"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            headers = [(k, v) for k, v in response.items() if k.lower() not in UNCACHEABLE_HEADERS]
            try:
                cache.set(key, (response.status_code, headers, response.content), cache_seconds(), version=generation)
            except Exception:
                outage_logger.warning("page cache unreachable", exc_info=True)
            response.headers[HEADER] = "MISS"
        return response


# --- Invalidation ------------------------------------------------------------------


#: Apps whose non-page models are public content (taxonomy, helplines, associations…).
CONTENT_APPS = ("home", "campagne", "ressources")
#: Apps whose non-page models are private records, never shown on a public page, even when
#: registered as snippets for the moderators (``temoignages.TestimonySubmission``): every
#: anonymous submission saves them. What a testimony shows is its page, once published.
PRIVATE_APPS = ("temoignages",)


def _is_content_model(sender) -> bool:
    """Snippets, site settings and the content apps' models: shown in pages (never the
    private records of ``PRIVATE_APPS``)."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.snippets.models import get_snippet_models

    if sender._meta.app_label in PRIVATE_APPS:
        return False
    if issubclass(sender, BaseSiteSetting | BaseGenericSetting) or sender in get_snippet_models():
        return True
    if sender._meta.label in (
        "wagtailcore.PageViewRestriction",
        "wagtailsearchpromotions.SearchPromotion",
        "wagtailcore.Locale",
    ):
        # A section put behind a password or a login must leave the cached pages, listings and
        # search results at once; editors' picks, shown on the search page (not the query
        # counters); languages, in every page's language links.
        return True
    content_apps = getattr(settings, "PAGE_CACHE_CONTENT_APPS", CONTENT_APPS)
    return sender._meta.app_label in content_apps


def _on_save(sender, instance, created=False, **kwargs):
    # Live pages saved directly (not through publish) and snippet or setting edits.
    if isinstance(instance, Page):
        if instance.live:
            invalidate_all()
    elif _is_content_model(sender):
        from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

        # A settings row is created empty on first read (for_request): nothing changed.
        if created and issubclass(sender, BaseSiteSetting | BaseGenericSetting):
            return
        invalidate_all()


def _on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) or _is_content_model(sender):
        invalidate_all()


def connect_signals() -> None:
    """Called once from ``site_parlons.ops`` when the apps are ready."""
    wagtail_signals.page_published.connect(invalidate_all, dispatch_uid="pagecache_published")
    wagtail_signals.page_unpublished.connect(invalidate_all, dispatch_uid="pagecache_unpublished")
    wagtail_signals.post_page_move.connect(invalidate_all, dispatch_uid="pagecache_moved")
    wagtail_signals.published.connect(invalidate_all, dispatch_uid="pagecache_snippet_published")
    wagtail_signals.unpublished.connect(invalidate_all, dispatch_uid="pagecache_snippet_unpublished")
    post_save.connect(_on_save, dispatch_uid="pagecache_saved")
    post_delete.connect(_on_delete, dispatch_uid="pagecache_deleted")
