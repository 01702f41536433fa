"""The moderator's decisions, taken through Wagtail's workflow so that its signals fire, its log
entries are written and ``WAGTAIL_FINISH_WORKFLOW_ACTION`` publishes what is approved."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.models import TaskState

from temoignages.choices import RejectionReason, Status
from temoignages.models import TestimonyPage, TestimonySubmission

APPROVE = "approve"
REJECT = "reject"


def open_task_state(page: TestimonyPage | None) -> TaskState | None:
    """The moderation task waiting for a decision on ``page``, if any."""
    if page is None or page.live:
        return None
    return page.current_workflow_task_state


def can_decide(submission: TestimonySubmission, user) -> bool:
    """Pending, in the workflow, and ``user`` is one of the task's reviewers."""
    if submission.status != Status.PENDING:
        return False
    task_state = open_task_state(submission.page)
    if task_state is None:
        return False
    actions = {name for name, _label, _modal in task_state.task.specific.get_actions(submission.page, user)}
    return {APPROVE, REJECT} <= actions


def _act(submission: TestimonySubmission, user, action: str, **kwargs) -> None:
    if not can_decide(submission, user):
        raise PermissionDenied
    task_state = open_task_state(submission.page)
    task_state.task.specific.on_action(task_state, user, action, **kwargs)


def approve(submission: TestimonySubmission, user) -> None:
    """Approve the moderation task: the workflow's finish action publishes the latest revision
    (the redacted version, if one was saved) and the private record follows (``handlers``)."""
    _act(submission, user, APPROVE)


def refuse(submission: TestimonySubmission, user, reason: str, details: str = "") -> None:
    """Reject the moderation task (never published) and keep why on the private record."""
    if reason not in RejectionReason.values:
        raise ValueError(reason)
    with transaction.atomic():
        _act(submission, user, REJECT, comment=details)
        submission.refresh_from_db()
        submission.rejection_reason_code = reason
        submission.rejection_reason = details
        submission.save(update_fields=["rejection_reason_code", "rejection_reason"])


def local_midnight() -> datetime.datetime:
    """Today's start in the site's time zone (Europe/Paris), as an aware datetime."""
    now = timezone.localtime()
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def reviewed_today(user) -> int:
    """Approvals and refusals ``user`` made since midnight, read from the workflow's task states."""
    return TaskState.objects.filter(
        finished_by=user,
        status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
        finished_at__gte=local_midnight(),
    ).count()


def pause_suggested(count: int) -> bool:
    return count >= settings.TESTIMONY_REVIEW_PAUSE_AFTER
