"""Signal handlers: keep the private record's status in step with the workflow, and queue
moderators' notifications (sent by the e-mail worker, never in the request)."""

from __future__ import annotations

import logging

from django.db.models.signals import post_save
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    page_published,
    page_unpublished,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from site_parlons.ops.mail_messages import queue_workflow_notification
from temoignages.choices import Status
from temoignages.models import TestimonyIndexPage, TestimonyPage, TestimonySubmission

logger = logging.getLogger(__name__)


def _submission_for(page) -> TestimonySubmission | None:
    if page is None or not isinstance(page.specific, TestimonyPage):
        return None
    return TestimonySubmission.objects.filter(page_id=page.pk).first()


def on_page_published(sender, instance, **kwargs):
    submission = _submission_for(instance)
    if submission is not None and submission.status != Status.PUBLISHED:
        submission.mark(Status.PUBLISHED)


def on_page_unpublished(sender, instance, **kwargs):
    submission = _submission_for(instance)
    if submission is not None and submission.status == Status.PUBLISHED:
        submission.mark(Status.REJECTED)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    submission = _submission_for(instance.content_object)
    if submission is None:
        return
    task_state = instance.current_task_state
    reason = task_state.specific.get_comment() if task_state else ""
    submission.mark(Status.REJECTED, reason=reason or "")


def on_index_created(sender, instance, created, raw=False, **kwargs):
    """A new testimony index (e.g. a new language) gets the workflow and the moderators' rights."""
    if created and not raw:
        from temoignages.moderation import assign_to_index, get_moderation_workflow, get_moderators_group

        assign_to_index(instance.pk, get_moderation_workflow(), get_moderators_group())


def deferred_notifier(signal: str):
    """A receiver that queues Wagtail's notification for ``signal``: one e-mail task per recipient,
    written in the transaction that changes the workflow (site_parlons.ops.mail), sent by the
    worker. The request never talks to the mail server; a rolled-back change queues nothing."""

    def receiver(sender, instance=None, user=None, **kwargs):
        queue_workflow_notification(signal, instance, user=user)

    return receiver


# Kept at module level: signals hold weak references.
task_submitted_receiver = deferred_notifier("task_submitted")
workflow_submitted_receiver = deferred_notifier("workflow_submitted")
workflow_approved_receiver = deferred_notifier("workflow_approved")
workflow_rejected_receiver = deferred_notifier("workflow_rejected")


def connect() -> None:
    page_published.connect(on_page_published, sender=TestimonyPage, dispatch_uid="temoignages_published")
    page_unpublished.connect(on_page_unpublished, sender=TestimonyPage, dispatch_uid="temoignages_unpublished")
    workflow_rejected.connect(on_workflow_rejected, sender=WorkflowState, dispatch_uid="temoignages_rejected")
    post_save.connect(on_index_created, sender=TestimonyIndexPage, dispatch_uid="temoignages_index_created")
    # Same dispatch_uid as wagtail.admin's own receivers: this app is ready() first, so
    # Wagtail's later connect() with that uid is ignored and these wrappers replace them.
    task_submitted.connect(
        task_submitted_receiver, sender=TaskState, dispatch_uid="group_approval_task_submitted_email_notification"
    )
    workflow_submitted.connect(
        workflow_submitted_receiver, sender=WorkflowState, dispatch_uid="workflow_state_submitted_email_notification"
    )
    workflow_approved.connect(
        workflow_approved_receiver, sender=WorkflowState, dispatch_uid="workflow_state_approved_email_notification"
    )
    workflow_rejected.connect(
        workflow_rejected_receiver, sender=WorkflowState, dispatch_uid="workflow_state_rejected_email_notification"
    )
