"""Asking the author of a testimony, who has no account and perhaps no e-mail.

Moderators send a question or the redacted version they intend to publish; the author reads it
on the status page with their receipt code and answers, or accepts the redacted version. Only
while the testimony awaits a decision. Notices leave through the mail queue, by ids: the author's
(only if they left an e-mail) holds a link to the status page, never the text or the code; the
moderators' a link to the review screen, never the answer.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from site_parlons.ops.mail import queue_mail
from temoignages.choices import MessageKind, Status
from temoignages.models import AuthorMessage, TestimonySubmission

QUESTION_MAX_LENGTH = 2000
ANSWER_MAX_LENGTH = 3000


class MessageRefused(Exception):
    """The message cannot be sent; ``message`` says why, in words for the person who tried."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _locked_pending(submission: TestimonySubmission) -> TestimonySubmission:
    """The record, locked until the end of the transaction, if it still awaits a decision."""
    locked = TestimonySubmission.objects.select_for_update().filter(pk=submission.pk).first()
    if locked is None or locked.status != Status.PENDING:
        raise MessageRefused(
            _("Ce témoignage n'attend plus de décision (publié, non publié ou retiré) : la conversation est close.")
        )
    return locked


def _clean_text(text: str, limit: int, empty_message, too_long_message) -> str:
    text = (text or "").strip()
    if not text:
        raise MessageRefused(empty_message)
    if len(text) > limit:
        raise MessageRefused(too_long_message % {"limit": limit, "length": len(text)})
    return text


def _notify_author(message: AuthorMessage, submission: TestimonySubmission) -> None:
    # The e-mail address is read again when the notice is built; a child under 15 never has one.
    if submission.contact_email:
        queue_mail("author_message_notice", {"message_id": message.pk})


@sensitive_variables()
def ask_author(submission: TestimonySubmission, user, body: str) -> AuthorMessage:
    """A moderator's question to the author."""
    body = _clean_text(
        body,
        QUESTION_MAX_LENGTH,
        _("Écrivez la question avant de l'envoyer."),
        _("La question est trop longue : %(limit)s caractères au plus (elle en compte %(length)s)."),
    )
    with transaction.atomic():
        locked = _locked_pending(submission)
        message = AuthorMessage.objects.create(submission=locked, kind=MessageKind.QUESTION, body=body, moderator=user)
        _notify_author(message, locked)
    return message


def propose_redaction(submission: TestimonySubmission, user) -> AuthorMessage:
    """Send the author the title and story of the draft as it stands now (the version to be published)."""
    with transaction.atomic():
        locked = _locked_pending(submission)
        page = locked.page
        if page is None:
            raise MessageRefused(
                _("Le brouillon de ce témoignage n'existe pas : recréez les pages manquantes, puis relisez-le.")
            )
        draft = page.get_latest_revision_as_object()
        if not (draft.story or "").strip():
            raise MessageRefused(_("Le brouillon de ce témoignage n'a pas de récit : rien à proposer."))
        message = AuthorMessage.objects.create(
            submission=locked,
            kind=MessageKind.REDACTION,
            headline=draft.headline or "",
            body=draft.story,
            moderator=user,
        )
        _notify_author(message, locked)
    return message


def latest_redaction(submission: TestimonySubmission) -> AuthorMessage | None:
    return submission.author_messages.filter(kind=MessageKind.REDACTION).order_by("-created_at", "-pk").first()


def redaction_accepted(submission: TestimonySubmission) -> bool:
    """Whether the author accepted the latest redacted version sent to them."""
    proposal = latest_redaction(submission)
    return proposal is not None and proposal.replies.filter(kind=MessageKind.ACCEPTED).exists()


def _notify_moderators(message: AuthorMessage) -> None:
    from temoignages.retention import moderators

    for recipient_id in moderators().values_list("pk", flat=True):
        queue_mail("author_answered", {"message_id": message.pk, "recipient_id": recipient_id})


@sensitive_variables()
def answer(submission: TestimonySubmission, body: str) -> AuthorMessage:
    """The author's answer to the moderators' latest message."""
    body = _clean_text(
        body,
        ANSWER_MAX_LENGTH,
        _("Écrivez votre réponse avant de l'envoyer."),
        _(
            "Votre réponse est trop longue : %(limit)s caractères au plus (elle en compte %(length)s). Raccourcissez-la."
        ),
    )
    with transaction.atomic():
        locked = _locked_pending(submission)
        asked = locked.author_messages.from_moderators().order_by("-created_at", "-pk").first()
        if asked is None:
            raise MessageRefused(_("L'équipe de modération ne vous a pas encore écrit : il n'y a rien à répondre."))
        message = AuthorMessage.objects.create(submission=locked, kind=MessageKind.ANSWER, body=body, reply_to=asked)
        _notify_moderators(message)
    return message


def accept_redaction(submission: TestimonySubmission) -> AuthorMessage:
    """The author agrees to the latest redacted version sent to them."""
    with transaction.atomic():
        locked = _locked_pending(submission)
        proposal = latest_redaction(locked)
        if proposal is None:
            raise MessageRefused(_("Aucune version relue ne vous a été proposée."))
        if proposal.replies.filter(kind=MessageKind.ACCEPTED).exists():
            raise MessageRefused(_("Vous avez déjà accepté cette version relue."))
        message = AuthorMessage.objects.create(submission=locked, kind=MessageKind.ACCEPTED, reply_to=proposal)
        _notify_moderators(message)
    return message


def mark_read(messages, when=None) -> int:
    """Mark these messages as seen by the other side; how many were unread."""
    ids = [message.pk for message in messages if message.read_at is None]
    if not ids:
        return 0
    return AuthorMessage.objects.filter(pk__in=ids, read_at__isnull=True).update(read_at=when or timezone.now())


def status_page_full_url(submission: TestimonySubmission) -> str | None:
    """The absolute URL of the status page of the form the testimony came from (else of its language)."""
    from temoignages.models import TestimonyFormPage

    form_page = None
    if submission.form_page_id:
        form_page = TestimonyFormPage.objects.filter(pk=submission.form_page_id).first()
    if form_page is None:
        pages = TestimonyFormPage.objects.live()
        if submission.locale_id:
            pages = pages.filter(locale_id=submission.locale_id)
        form_page = pages.order_by("path").first()
    if form_page is None:
        return None
    base = form_page.get_full_url()
    if not base:
        return None
    return base + form_page.reverse_subpage("status_route")
