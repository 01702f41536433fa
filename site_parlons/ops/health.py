"""``/healthz``: can this instance serve? For load balancers and uptime checks.

* 200 ``ok``: the database answers a query, and both caches (``default``, ``pages``) store and
  return a value.
* 200 ``degraded``: the database answers but a cache does not (Redis down). The site still
  serves every page, uncached, and stores every testimony (the cache's errors are ignored), so
  the instance stays in the load balancer; monitoring should alert on the word.
* 503 ``unavailable``: the database does not answer. Nothing can be stored or shown.

Nothing else is said (no versions, no error text): the details go to the log, which only
operators read, once per outage (``site_parlons.ops.caches``).
"""

import logging
import os
import secrets
import threading

from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from site_parlons.ops.caches import cache_answered

logger = logging.getLogger(__name__)
cache_logger = logging.getLogger("site_parlons.cache")
CACHE_ALIASES = ("default", "pages")


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("healthz: database unreachable")
        return False


def cache_ok(alias: str = "default") -> bool:
    """Store a random value and read it back. With Redis down django-redis ignores the error:
    the value read is then None, not the one stored."""
    # One key per worker thread: probes of other workers or hosts never overwrite it meanwhile.
    key = f"healthz:{os.getpid()}:{threading.get_ident()}"
    token = secrets.token_hex(8)
    try:
        store = caches[alias]
        store.set(key, token, timeout=10)
        return store.get(key) == token
    except Exception:  # a backend that raises (files, database): the same verdict, logged once
        cache_logger.warning("healthz: %s cache unreachable", alias, exc_info=True)
        return False


def status() -> str:
    """``ok``, ``degraded`` (a cache is down, the site serves) or ``unavailable`` (no database)."""
    if not database_ok():
        return "unavailable"
    if all([cache_ok(alias) for alias in CACHE_ALIASES]):
        cache_answered()
        return "ok"
    return "degraded"


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    state = status()
    return HttpResponse(
        state,
        status=503 if state == "unavailable" else 200,
        content_type="text/plain; charset=utf-8",
    )
