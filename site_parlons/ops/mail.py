"""Every e-mail the site sends leaves the request through one queue: a django-tasks task on the
``email`` backend (django-tasks-db: a row in the site's database), sent by a worker
(``manage.py db_worker --backend email``).

* Queued in the caller's transaction, not on commit: the row commits with the change it reports
  (a crash just after the commit cannot lose it) and rolls back with it (a rolled-back change
  sends nothing).
* One task per recipient and message, so a retry never re-sends to someone who already got it.
* Arguments are a kind and ids; the message is built when it is sent (``mail_messages``), from
  what the database holds then. A story, a contact e-mail or a reset token is never queued.
* django-tasks 0.12 has no retries: a failed send queues the same message again with
  ``run_after`` (back-off doubling from ``MAIL_RETRY_BASE_SECONDS`` up to
  ``MAIL_RETRY_MAX_SECONDS``), for as long as it takes. The failed attempt keeps its row
  (status FAILED, the error's class only), the next one is READY.
* Finished rows (sent, failed, nothing to send) are deleted ``EMAIL_TASK_RETENTION_DAYS`` after
  they finished (``purge_finished_tasks``, run by ``manage.py purge_personal_data``).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

MAIL_BACKEND = "email"


class MailNotSent(Exception):
    """Raised after the next attempt is queued, so the failed attempt's row says FAILED."""


def retry_delay(attempt: int) -> int:
    """Seconds before attempt ``attempt + 1``: doubling from the base, capped."""
    base = max(1, int(getattr(settings, "MAIL_RETRY_BASE_SECONDS", 30)))
    cap = max(base, int(getattr(settings, "MAIL_RETRY_MAX_SECONDS", 3600)))
    return min(cap, base * 2 ** min(attempt - 1, 30))


def queue_mail(kind: str, ids: dict, attempt: int = 1, run_after=None) -> None:
    """Queue one message (``kind`` names its builder in ``mail_messages.BUILDERS``, ``ids`` its arguments)."""
    queued = send_queued_mail.using(run_after=run_after) if run_after else send_queued_mail
    queued.enqueue(kind=kind, ids=ids, attempt=attempt)


def purge_finished_tasks(now) -> int:
    """Delete the queue's rows that finished before the retention delay; how many."""
    from django_tasks_db.models import DBTaskResult

    cutoff = now - timedelta(days=settings.EMAIL_TASK_RETENTION_DAYS)
    finished = DBTaskResult.objects.filter(backend_name=MAIL_BACKEND).finished()
    deleted, _ = finished.filter(finished_at__lt=cutoff).delete()
    return deleted


@task(backend=MAIL_BACKEND)
def send_queued_mail(kind: str, ids: dict, attempt: int = 1) -> str:
    """Build the message from the database and send it; on any failure, queue the next attempt."""
    from site_parlons.ops.mail_messages import BUILDERS

    try:
        message = BUILDERS[kind](**ids)
        if message is None:
            return "nothing to send"
        message.send()
    except Exception as exc:
        delay = retry_delay(attempt)
        queue_mail(kind, ids, attempt=attempt + 1, run_after=timezone.now() + timedelta(seconds=delay))
        # The class name only: an SMTP error may quote addresses or the message.
        logger.warning(
            "%s e-mail not sent (attempt %s, %s); next attempt in %s s", kind, attempt, type(exc).__name__, delay
        )
        raise MailNotSent(f"{type(exc).__name__}; attempt {attempt + 1} queued in {delay} s") from None
    return "sent"
