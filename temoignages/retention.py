"""Retention (GDPR): what ``manage.py purge_testimonies`` erases, and when.

After ``TESTIMONY_RETENTION_DAYS`` (default 30) counted from the moderators' decision:
- rejected and withdrawn testimonies: page, revisions, workflow and task states (with the
  reasons given), comments, log entries and the private record are deleted; an anonymous
  counter keeps the number;
- published testimonies: the contact e-mail, the original pseudonym, title and unredacted text,
  and the moderators' internal note of the private record are erased, and so are the page's old revisions (which may hold the
  unredacted text); the published revision stays;
- the messages exchanged with the author (questions, redacted versions, answers) of any decided
  testimony are deleted (a withdrawn or erased testimony takes its messages with it at once).

A testimony no moderator decided on is never kept for ever: ``TESTIMONY_PENDING_ESCALATION_DAYS``
after its receipt the moderators are e-mailed once (``overdue_alert_sent_at`` records it), and
after ``TESTIMONY_PENDING_RETENTION_DAYS`` it is erased like a rejected one and counted.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Revision

from site_parlons.ops.mail import queue_mail
from temoignages import services
from temoignages.choices import Status
from temoignages.models import AuthorMessage, TestimonyCounter, TestimonySubmission
from temoignages.moderation import GROUP_NAME


def retention_days() -> int:
    return int(getattr(settings, "TESTIMONY_RETENTION_DAYS", 30))


def moderators():
    """Who is told about overdue testimonies: the « Modérateurs » group and the administrators."""
    users = get_user_model().objects.filter(Q(groups__name=GROUP_NAME) | Q(is_superuser=True), is_active=True)
    return users.exclude(email="").distinct().order_by("pk")


def alert_overdue(now) -> int:
    """Queue one e-mail per moderator for each testimony pending past the escalation delay, once."""
    cutoff = now - timedelta(days=settings.TESTIMONY_PENDING_ESCALATION_DAYS)
    recipients = list(moderators().values_list("pk", flat=True))
    alerted = 0
    for submission_id in TestimonySubmission.objects.overdue_not_alerted(cutoff).values_list("pk", flat=True):
        with transaction.atomic():
            for recipient_id in recipients:
                queue_mail("pending_overdue", {"submission_id": submission_id, "recipient_id": recipient_id})
            TestimonySubmission.objects.filter(pk=submission_id).update(overdue_alert_sent_at=now)
        alerted += 1
    return alerted


def _erase(submission: TestimonySubmission, counter: str) -> None:
    with transaction.atomic():
        if submission.page_id:
            services.erase_page(submission.page)
        services.erase_submission(submission)
        TestimonyCounter.increment(counter)


def purge(now=None, days: int | None = None) -> dict[str, int]:
    now = now or timezone.now()
    cutoff = now - timedelta(days=retention_days() if days is None else days)
    done = {
        "rejected": 0,
        "withdrawn": 0,
        "pending": 0,
        "alerted": 0,
        "personal_data": 0,
        "revisions": 0,
        "messages": 0,
    }

    done["alerted"] = alert_overdue(now)

    expired = TestimonySubmission.objects.filter(
        status__in=[Status.REJECTED, Status.WITHDRAWN], decided_at__lt=cutoff
    ).select_related("page")
    for submission in expired:
        kind = "rejected" if submission.status == Status.REJECTED else "withdrawn"
        _erase(submission, f"purged_{kind}")
        done[kind] += 1

    pending_cutoff = now - timedelta(days=settings.TESTIMONY_PENDING_RETENTION_DAYS)
    for submission in TestimonySubmission.objects.pending_since_before(pending_cutoff).select_related("page"):
        _erase(submission, "purged_pending")
        done["pending"] += 1

    published = TestimonySubmission.objects.filter(
        status=Status.PUBLISHED, decided_at__lt=cutoff, personal_data_erased_at__isnull=True
    ).select_related("page")
    for submission in published:
        with transaction.atomic():
            page = submission.page
            if page is not None:
                keep = {page.live_revision_id, page.latest_revision_id} - {None}
                old = Revision.objects.for_instance(page).exclude(pk__in=keep)
                done["revisions"] += old.count()
                old.delete()
            # The page keeps the pseudonym as the moderators published it; the record's is the original.
            submission.contact_email = ""
            submission.story = ""
            submission.title = ""
            submission.pseudonym = ""
            submission.moderator_note = ""
            submission.personal_data_erased_at = now
            submission.save(
                update_fields=["contact_email", "story", "title", "pseudonym", "moderator_note", "personal_data_erased_at"]
            )
            done["personal_data"] += 1
    done["messages"], _ = AuthorMessage.objects.filter(submission__decided_at__lt=cutoff).delete()
    if any(done.values()):
        services.scrub_search_index()
    return done
