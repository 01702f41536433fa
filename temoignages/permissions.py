"""Who may see and act on the testimony subtree in the admin.

Wagtail's page permissions are granted on a node and inherited by everything below it; they
cannot be denied lower down. Its stock « Editors » and « Moderators » groups hold theirs on the
tree root, so, left alone, they would reach every testimony. This module narrows them with
Wagtail's own extension points, never with data a fresh install could lack:

* ``ModeratedPagePermissionPolicy`` (registered for ``Page``) leaves the testimony subtree out of
  every admin listing, search, report and API answer for anyone who is not a moderator.
* ``ModeratedSubtreePermissionTester`` (returned by the subtree's page types) refuses every
  action on those pages to anyone who is not a moderator.
* ``TestimonyPermissionTester`` adds what holds for everyone, superusers included: a testimony
  is never copied, moved or published by hand (only the workflow's approve step publishes it,
  ``temoignages.workflow_actions``), and a refused one is never edited back to life.
* ``creating_testimonies()``: a testimony page is only ever created from a private record
  (or by the demo loader); any other creation (a copy, an alias, a translation) is refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.models import PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from temoignages.choices import Status
from temoignages.moderation import is_moderator

_creation_allowed: ContextVar[bool] = ContextVar("testimony_creation_allowed", default=False)


@contextmanager
def creating_testimonies() -> Iterator[None]:
    """Allow ``TestimonyPage`` creation inside the block (submissions, demo content, factories)."""
    token = _creation_allowed.set(True)
    try:
        yield
    finally:
        _creation_allowed.reset(token)


def check_creation_allowed() -> None:
    if not _creation_allowed.get():
        raise PermissionDenied("A testimony page is only created from a submission.")


def testimony_index_paths() -> list[str]:
    """Tree paths of the testimony indexes (one per language): the subtree starts there."""
    from temoignages.models import TestimonyIndexPage

    return list(TestimonyIndexPage.objects.values_list("path", flat=True))


def moderated_subtree_q() -> Q:
    """The testimony indexes and everything under them, in every language."""
    q = Q()
    for path in testimony_index_paths():
        q |= Q(path__startswith=path)
    return q


def _cached_is_moderator(user) -> bool:
    # Listings ask many times per request; the answer is per user and request.
    if not hasattr(user, "_is_testimony_moderator"):
        user._is_testimony_moderator = is_moderator(user)
    return user._is_testimony_moderator


class ModeratedSubtreeMixin:
    """For the page types of the testimony subtree: their permission tester."""

    def permissions_for_user(self, user):
        return ModeratedSubtreePermissionTester(user, self)


class ModeratedPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, without the testimony subtree for non-moderators."""

    def _without_subtree(self, user, pages):
        if _cached_is_moderator(user):
            return pages
        subtree = moderated_subtree_q()
        return pages.exclude(subtree) if subtree else pages

    def instances_user_has_any_permission_for(self, user, actions):
        return self._without_subtree(user, super().instances_user_has_any_permission_for(user, actions))

    def explorable_instances(self, user):
        return self._without_subtree(user, super().explorable_instances(user))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not _cached_is_moderator(user) and _in_subtree(instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


def _in_subtree(page) -> bool:
    return any(page.path.startswith(path) for path in testimony_index_paths())


class ModeratedSubtreePermissionTester(PagePermissionTester):
    """For the testimony index and form pages: moderators (and superusers) only."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.is_moderator = _cached_is_moderator(user)
        if not self.is_moderator:
            # Whatever a group holds on an ancestor stops at the testimony subtree.
            self.permissions = set()

    def _moderator_and(self, allowed: bool) -> bool:
        return self.is_moderator and allowed

    def can_add_subpage(self):
        return self._moderator_and(super().can_add_subpage())

    def can_edit(self):
        return self._moderator_and(super().can_edit())

    def can_delete(self, ignore_bulk=False):
        return self._moderator_and(super().can_delete(ignore_bulk=ignore_bulk))

    def can_unpublish(self):
        return self._moderator_and(super().can_unpublish())

    def can_publish(self):
        return self._moderator_and(super().can_publish())

    def can_submit_for_moderation(self):
        return self._moderator_and(super().can_submit_for_moderation())

    def can_lock(self):
        return self._moderator_and(super().can_lock())

    def can_unlock(self):
        return self._moderator_and(super().can_unlock())

    def can_publish_subpage(self):
        return self._moderator_and(super().can_publish_subpage())

    def can_reorder_children(self):
        return self._moderator_and(super().can_reorder_children())

    def can_move(self):
        # The section stays where the testimonies' links point; only a superuser reorganises it.
        return self.user.is_superuser and super().can_move()

    def can_view_revisions(self):
        return self._moderator_and(super().can_view_revisions())


class TestimonyPermissionTester(ModeratedSubtreePermissionTester):
    """For a testimony page: the moderators' rights, minus what only the workflow may do."""

    @cached_property
    def is_refused(self) -> bool:
        from temoignages.models import TestimonySubmission

        return TestimonySubmission.objects.filter(page_id=self.page.pk, status=Status.REJECTED).exists()

    def can_edit(self):
        return super().can_edit() and not self.is_refused

    def can_submit_for_moderation(self):
        return super().can_submit_for_moderation() and not self.is_refused

    def can_publish(self):
        # Publishing is the approve step of the moderation workflow (``publish_approved``).
        return False

    def can_publish_subpage(self):
        return False

    def can_set_view_restrictions(self):
        return False

    def can_delete(self, ignore_bulk=False):
        # Erased with its private record only: withdrawal by its author, or the retention purge
        # once refused or unpublished. A moderator refuses or unpublishes instead.
        return False

    def can_copy(self):
        return False

    def can_move(self):
        return False

    def can_move_to(self, destination):
        return False


class PrivateRecordPermissionPolicy(ModelPermissionPolicy):
    """The private records: created by the form only, never added or copied in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
