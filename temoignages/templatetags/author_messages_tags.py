"""The conversation with a testimony's author, for the moderators' screens."""

from __future__ import annotations

from django import template
from django.urls import reverse

from temoignages import author_messages
from temoignages.choices import Status
from temoignages.moderation import is_moderator

register = template.Library()


@register.simple_tag(takes_context=True)
def author_conversation(context, submission) -> dict:
    """Everything ``temoignages/admin/author_messages.html`` shows, from ``submission`` and ``request``.

    The author's messages a moderator had not seen are marked « Nouveau » this once, then read:
    showing them to a moderator is reading them.
    """
    request = context.get("request")
    if submission is None or request is None or not is_moderator(request.user):
        return {"allowed": False}
    conversation = list(submission.author_messages.select_related("moderator").conversation())
    unread = {message.pk for message in conversation if message.from_author and message.read_at is None}
    author_messages.mark_read([message for message in conversation if message.pk in unread])
    return {
        "allowed": True,
        "messages": conversation,
        "unread": unread,
        "open": submission.status == Status.PENDING,
        "has_draft": submission.page_id is not None,
        "has_email": bool(submission.contact_email),
        "accepted": author_messages.redaction_accepted(submission),
        "ask_url": reverse("temoignages_admin:author_ask", args=[submission.pk]),
        "propose_url": reverse("temoignages_admin:author_propose", args=[submission.pk]),
        "next": request.get_full_path(),
        "question_max": author_messages.QUESTION_MAX_LENGTH,
    }
