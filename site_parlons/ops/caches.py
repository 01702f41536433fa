"""The caches as an operator sees them: created by ``migrate``, an outage logged once per worker,
and a deployment check against a cache each worker keeps to itself.

* ``create_cache_tables``: after every ``migrate`` (``make run``, ``make serve-prod``, compose, the
  systemd unit, the image), Django's ``createcachetable`` for whatever database cache the settings
  name (the ``default`` cache without ``REDIS_URL``). Idempotent, and it also covers a site that
  drops Redis later, which a migration run once would not.
* ``OncePerOutage``: the logging filter of ``site_parlons.cache``, where django-redis reports each
  error it ignores (``DJANGO_REDIS_LOGGER``) and pagecache.py each one it catches. One line, no
  traceback, per worker when the cache stops answering; then silence until the cache answers a
  health probe again or ``REPEAT_SECONDS`` have passed (a reminder while the outage lasts).
* ``per_process_cache_check``: ``manage.py check --deploy`` warns when ``default`` or ``pages``
  lives in each process's memory (a token claimed once per worker, a rate limit per worker, a page
  unpublished in one worker still served by the others).
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.core import checks
from django.core.management import call_command

REPEAT_SECONDS = 600.0
PER_PROCESS_BACKENDS = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}

logger = logging.getLogger("site_parlons.cache")
_lock = threading.Lock()
# Per process: monotonic time of the last line let through (None: the cache answers), lines held back.
_outage: dict = {"reported_at": None, "silenced": 0}


class OncePerOutage(logging.Filter):
    """Let the first error of an outage through as one line; hold back the rest (see the module)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "cache_recovered", False):
            return True
        now = time.monotonic()
        with _lock:
            reported_at = _outage["reported_at"]
            if reported_at is not None and now - reported_at < REPEAT_SECONDS:
                _outage["silenced"] += 1
                return False
            silenced, _outage["silenced"], _outage["reported_at"] = _outage["silenced"], 0, now
        error = record.exc_info[1] if record.exc_info else None
        record.msg = "cache unavailable (%s), serving uncached and ignoring cache errors%s"
        record.args = (
            f"{type(error).__name__}: {error}" if error else record.getMessage(),
            f"; {silenced} similar errors silenced" if silenced else "",
        )
        record.exc_info = record.exc_text = None
        return True


def cache_answered() -> None:
    """The cache answered (a health probe): the next error starts a new outage, and is logged."""
    with _lock:
        if _outage["reported_at"] is None:
            return
        silenced, _outage["reported_at"], _outage["silenced"] = _outage["silenced"], None, 0
    logger.warning("cache available again (%s errors silenced)", silenced, extra={"cache_recovered": True})


def create_cache_tables(sender, using: str = "default", verbosity: int = 1, **kwargs) -> None:
    """``post_migrate`` receiver: the database cache's table, if the settings use one."""
    call_command("createcachetable", database=using, verbosity=max(0, verbosity - 1))


@checks.register(checks.Tags.caches, deploy=True)
def per_process_cache_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    why = {
        "default": "each worker would accept the same form token again and count its own rate limits",
        "pages": "a page unpublished in one worker would still be served from the others' memory",
    }
    messages = []
    for alias, consequence in why.items():
        backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
        if backend in PER_PROCESS_BACKENDS:
            messages.append(
                checks.Warning(
                    f"The '{alias}' cache ({backend.rsplit('.', 1)[-1]}) is kept by each process: {consequence}.",
                    hint="Set REDIS_URL, or keep the production settings' database (default) and file (pages) caches.",
                    id="site_parlons_ops.W001",
                )
            )
    return messages
