"""Retention (GDPR): what ``manage.py purge_testimonies`` erases, and when.

After ``TESTIMONY_RETENTION_DAYS`` (default 30) counted from the moderators' decision:
- rejected and withdrawn testimonies: page, revisions, workflow and task states (with the
  reasons given), comments, log entries and the private record are deleted; an anonymous
  counter keeps the number;
- published testimonies: the contact e-mail and the original, unredacted text of the private
  record are erased, and so are the page's old revisions (which may hold the unredacted text);
  the published revision stays.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Revision

from temoignages import services
from temoignages.choices import Status
from temoignages.models import TestimonyCounter, TestimonySubmission


def retention_days() -> int:
    return int(getattr(settings, "TESTIMONY_RETENTION_DAYS", 30))


def purge(now=None, days: int | None = None) -> dict[str, int]:
    now = now or timezone.now()
    cutoff = now - timedelta(days=retention_days() if days is None else days)
    done = {"rejected": 0, "withdrawn": 0, "personal_data": 0, "revisions": 0}

    expired = TestimonySubmission.objects.filter(
        status__in=[Status.REJECTED, Status.WITHDRAWN], decided_at__lt=cutoff
    ).select_related("page")
    for submission in expired:
        with transaction.atomic():
            if submission.page_id:
                services.erase_page(submission.page)
            kind = "rejected" if submission.status == Status.REJECTED else "withdrawn"
            services.erase_submission(submission)
            TestimonyCounter.increment(f"purged_{kind}")
            done[kind] += 1

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
            submission.contact_email = ""
            submission.story = ""
            submission.title = ""
            submission.personal_data_erased_at = now
            submission.save(update_fields=["contact_email", "story", "title", "personal_data_erased_at"])
            done["personal_data"] += 1
    if any(done.values()):
        services.scrub_search_index()
    return done
