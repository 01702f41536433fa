"""Moderators' side of the conversation with a testimony's author: send a question or the redacted version.

POST only (the forms sit in the panel ``temoignages/admin/author_messages.html``), then back to
the page the moderator came from.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied

from temoignages import author_messages
from temoignages.models import TestimonySubmission
from temoignages.moderation import is_moderator
from temoignages.review import review_url


def _back(request, submission: TestimonySubmission) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return review_url(submission.pk)


def _refused(request):
    # A 403 page, not Wagtail's redirect to the dashboard: nothing was sent, and it must be plain.
    return permission_denied(request, PermissionDenied())


# An error report shows « ******** » for the question, like for the author's answer on the status page.
@sensitive_post_parameters()
@require_POST
def ask(request, submission_pk: int):
    if not is_moderator(request.user):
        return _refused(request)
    submission = get_object_or_404(TestimonySubmission, pk=submission_pk)
    try:
        author_messages.ask_author(submission, request.user, request.POST.get("body", ""))
    except author_messages.MessageRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Question envoyée. L'auteur ou l'autrice la lira sur la page de suivi."))
    return redirect(_back(request, submission))


@require_POST
def propose(request, submission_pk: int):
    if not is_moderator(request.user):
        return _refused(request)
    submission = get_object_or_404(TestimonySubmission, pk=submission_pk)
    try:
        author_messages.propose_redaction(submission, request.user)
    except author_messages.MessageRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            _("Version relue envoyée. L'auteur ou l'autrice pourra l'accepter ou répondre sur la page de suivi."),
        )
    return redirect(_back(request, submission))
