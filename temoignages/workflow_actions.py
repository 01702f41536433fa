"""What happens when the moderation workflow approves: named by ``WAGTAIL_FINISH_WORKFLOW_ACTION``.

Imported while ``wagtail.models`` is still loading, so nothing from Wagtail is imported at the top.
"""


def publish_approved(workflow_state, user=None) -> None:
    """Publish what the last task approved, as Wagtail's default action does.

    The task has already checked that ``user`` may approve it. A testimony refuses every other
    way to be published (``TestimonyPermissionTester.can_publish``), so for a testimony this
    approval is the permission, and the page-level check is skipped.
    """
    from temoignages.models import TestimonyPage

    content_object = workflow_state.content_object
    revision = content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=isinstance(content_object.specific, TestimonyPage))
