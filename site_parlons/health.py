"""``/healthz``: is this instance able to serve? For load balancers and uptime checks.

200 ``ok`` when the database answers a query and the cache stores and returns a value;
503 ``unavailable`` otherwise. Nothing else is said (no versions, no error text): the
details go to the log, which only operators read.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("healthz: database unreachable")
        return False


def cache_ok() -> bool:
    try:
        token = secrets.token_hex(8)
        cache.set("healthz", token, timeout=10)
        return cache.get("healthz") == token
    except Exception:
        logger.exception("healthz: cache unreachable")
        return False


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    healthy = database_ok() and cache_ok()
    return HttpResponse(
        "ok" if healthy else "unavailable",
        status=200 if healthy else 503,
        content_type="text/plain; charset=utf-8",
    )
