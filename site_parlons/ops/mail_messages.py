"""The e-mails the site sends, each built by the worker from ids when it is sent (``ops.mail``).

Built late on purpose: the queue holds no text, and a message about something that is gone
(a withdrawn testimony, a deleted submission, a deactivated account) or no longer waiting
(a review request already decided) is not sent.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import override
from wagtail.admin.signal_handlers import (
    task_submission_email_notifier,
    workflow_approval_email_notifier,
    workflow_rejection_email_notifier,
    workflow_submission_email_notifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.users.models import UserProfile

from site_parlons.ops.mail import queue_mail

# Wagtail's own notifiers (recipients, templates, context), by the signal that triggers them.
NOTIFIERS = {
    "task_submitted": (task_submission_email_notifier, TaskState),
    "workflow_submitted": (workflow_submission_email_notifier, WorkflowState),
    "workflow_approved": (workflow_approval_email_notifier, WorkflowState),
    "workflow_rejected": (workflow_rejection_email_notifier, WorkflowState),
}
# A request to review is pointless once the review is over.
STILL_PENDING = {"task_submitted": TaskState.STATUS_IN_PROGRESS, "workflow_submitted": WorkflowState.STATUS_IN_PROGRESS}


def _from_address() -> str:
    return getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", None) or settings.DEFAULT_FROM_EMAIL


def _active_user(user_id: int):
    return get_user_model().objects.filter(pk=user_id, is_active=True).exclude(email="").first()


def _language(user) -> str:
    return UserProfile.get_for_user(user).get_preferred_language()


def moderation_notification(
    signal: str, instance_id: int, recipient_id: int, user_id: int | None = None
) -> EmailMultiAlternatives | None:
    """One recipient's copy of a Wagtail workflow notification (subject, text and HTML as Wagtail renders them)."""
    notifier, model = NOTIFIERS[signal]
    instance = model.objects.filter(pk=instance_id).first()
    recipient = _active_user(recipient_id)
    if instance is None or recipient is None or not notifier.can_handle(instance):
        return None
    if signal in STILL_PENDING and instance.status != STILL_PENDING[signal]:
        return None
    if not getattr(UserProfile.get_for_user(recipient), f"{notifier.notification}_notifications"):
        return None
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    templates = notifier.get_template_set(instance)
    context = {**notifier.get_context(instance, user=user), "user": recipient}
    with override(_language(recipient)):
        subject = render_to_string(templates["subject"], context).strip()
        body = render_to_string(templates["text"], context).strip()
        use_html = getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False)
        html = render_to_string(templates["html"], context) if use_html else None
    message = EmailMultiAlternatives(
        subject, body, _from_address(), [recipient.email], headers={"Auto-Submitted": "auto-generated"}
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message


def contact_message(submission_id: int, recipient: int = 0, to: str | None = None) -> EmailMultiAlternatives | None:
    """A contact form message to one of the page's « adresses de destination » (``recipient``: its rank).

    (``to``, the address itself, is what tasks queued before the rank carried; still read so that
    they are sent, and no longer written.)
    """
    from wagtail.contrib.forms.models import FormSubmission

    submission = FormSubmission.objects.filter(pk=submission_id).select_related("page").first()
    if submission is None:
        return None
    page = submission.page.specific
    if to is None:
        addresses = page.destination_addresses()
        if recipient >= len(addresses):
            return None
        to = addresses[recipient]
    lines = []
    for field in page.get_form_fields():
        value = submission.form_data.get(field.clean_name)
        if value is None:
            continue
        lines.append(f"{field.label}: {', '.join(value) if isinstance(value, list) else value}")
    return EmailMultiAlternatives(
        page.subject, "\n".join(lines), page.from_address or settings.DEFAULT_FROM_EMAIL, [to]
    )


def pending_overdue(submission_id: int, recipient_id: int) -> EmailMultiAlternatives | None:
    """A moderator is told that a testimony has waited too long, and when it will be erased unread.

    Names the record by its number only (never its story or pseudonym): the e-mail leaves the site.
    """
    from django.urls import reverse
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    from temoignages.models import TestimonySubmission

    submission = TestimonySubmission.objects.pending().filter(pk=submission_id).first()
    recipient = _active_user(recipient_id)
    if submission is None or recipient is None:
        return None
    if submission.page_id:
        path = reverse("wagtailadmin_pages:edit", args=[submission.page_id])
    else:
        path = reverse(TestimonySubmission.snippet_viewset.get_url_name("inspect"), args=[submission.pk])
    received = timezone.localtime(submission.created_at)
    erased_on = received + timedelta(days=settings.TESTIMONY_PENDING_RETENTION_DAYS)
    with override(_language(recipient)):
        subject = _("Témoignage reçu n° %(number)s : en attente depuis %(days)s jours") % {
            "number": submission.pk,
            "days": settings.TESTIMONY_PENDING_ESCALATION_DAYS,
        }
        body = _(
            "Le témoignage reçu n° %(number)s, reçu le %(received)s, attend toujours une décision.\n"
            "Sans décision, il sera effacé sans avoir été publié le %(erased)s (durée de conservation).\n\n"
            "Le relire : %(url)s"
        ) % {
            "number": submission.pk,
            "received": date_format(received, "DATE_FORMAT"),
            "erased": date_format(erased_on, "DATE_FORMAT"),
            "url": settings.WAGTAILADMIN_BASE_URL + path,
        }
    return EmailMultiAlternatives(
        subject, body, _from_address(), [recipient.email], headers={"Auto-Submitted": "auto-generated"}
    )


def author_message_notice(message_id: int) -> EmailMultiAlternatives | None:
    """The author is told that the moderators wrote to them: a link to the status page, nothing else.

    Not the message (an e-mail may be read by someone else), not the receipt code (reading the
    message needs it): whoever holds only the mailbox learns no more than that a testimony exists.
    """
    from django.utils.translation import gettext as _

    from temoignages.author_messages import status_page_full_url
    from temoignages.choices import AgeRange, MessageDirection
    from temoignages.models import AuthorMessage

    message = (
        AuthorMessage.objects.filter(pk=message_id, direction=MessageDirection.MODERATORS)
        .select_related("submission__locale")
        .first()
    )
    if message is None:
        return None
    submission = message.submission
    if submission.status != "pending" or not submission.contact_email or submission.age_range == AgeRange.UNDER_15:
        return None
    url = status_page_full_url(submission)
    if url is None:
        return None
    language = submission.locale.language_code if submission.locale_id else settings.LANGUAGE_CODE
    with override(language):
        subject = _("Parlons Harcèlement : un message vous attend")
        body = _(
            "Bonjour,\n\n"
            "L'équipe de modération de Parlons Harcèlement vous a écrit à propos du témoignage que vous avez envoyé.\n"
            "Pour lire son message et lui répondre, ouvrez la page de suivi et saisissez votre code de suivi :\n"
            "%(url)s\n\n"
            "Pour protéger votre témoignage, ni le message ni votre code ne sont jamais envoyés par e-mail.\n"
            "Si vous n'avez pas envoyé de témoignage, ignorez ce message."
        ) % {"url": url}
    return EmailMultiAlternatives(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [submission.contact_email],
        headers={"Auto-Submitted": "auto-generated"},
    )


def author_answered(message_id: int, recipient_id: int) -> EmailMultiAlternatives | None:
    """A moderator is told that the author of a testimony answered: its number and a link, never the answer."""
    from django.utils.translation import gettext as _

    from temoignages.choices import MessageDirection, MessageKind
    from temoignages.models import AuthorMessage
    from temoignages.review import review_url

    message = (
        AuthorMessage.objects.filter(pk=message_id, direction=MessageDirection.AUTHOR, submission__status="pending")
        .select_related("submission")
        .first()
    )
    recipient = _active_user(recipient_id)
    if message is None or recipient is None:
        return None
    number = message.submission_id
    with override(_language(recipient)):
        if message.kind == MessageKind.ACCEPTED:
            subject = _("Témoignage reçu n° %(number)s : la version relue est acceptée") % {"number": number}
            first = _("L'auteur ou l'autrice du témoignage reçu n° %(number)s a accepté la version relue.")
        else:
            subject = _("Témoignage reçu n° %(number)s : l'auteur ou l'autrice a répondu") % {"number": number}
            first = _("L'auteur ou l'autrice du témoignage reçu n° %(number)s a répondu à l'équipe de modération.")
        body = (
            (first % {"number": number})
            + "\n\n"
            + _("Lire la conversation : %(url)s")
            % {"url": settings.WAGTAILADMIN_BASE_URL + review_url(message.submission_id)}
        )
    return EmailMultiAlternatives(
        subject, body, _from_address(), [recipient.email], headers={"Auto-Submitted": "auto-generated"}
    )


def password_reset(user_ids: list[int]) -> EmailMultiAlternatives | None:
    """Wagtail's password reset e-mail, its token made now (never stored in the queue).

    The request queues one task whatever the address matched (none, one or several accounts),
    so that its timing tells nothing; several accounts get one task each here.
    """
    if len(user_ids) > 1:
        with transaction.atomic():
            for user_id in user_ids:
                queue_mail("password_reset", {"user_ids": [user_id]})
        return None
    user = _active_user(user_ids[0]) if user_ids else None
    if user is None or not user.has_usable_password():
        return None
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    context = {
        "email": user.email,
        "domain": base.netloc,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": base.scheme or "https",
    }
    with override(_language(user)):
        subject = "".join(
            render_to_string("wagtailadmin/account/password_reset/email_subject.txt", context).splitlines()
        )
        body = render_to_string("wagtailadmin/account/password_reset/email.txt", context)
    return EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def queue_workflow_notification(signal: str, instance, user=None) -> int:
    """Queue one message per recipient Wagtail's notifier would write to; returns how many.

    Called from the signal, inside the transaction that changes the workflow (see ``ops.mail``).
    """
    notifier, _model = NOTIFIERS[signal]
    if not notifier.can_handle(instance, user=user):
        return 0
    recipients = notifier.get_valid_recipients(instance, user=user)
    for recipient in sorted(recipients, key=lambda r: r.pk):
        ids = {"signal": signal, "instance_id": instance.pk, "recipient_id": recipient.pk}
        queue_mail("moderation", {**ids, "user_id": user.pk if user else None})
    return len(recipients)


BUILDERS: dict[str, Callable[..., EmailMultiAlternatives | None]] = {
    "moderation": moderation_notification,
    "contact": contact_message,
    "password_reset": password_reset,
    "pending_overdue": pending_overdue,
    "author_message_notice": author_message_notice,
    "author_answered": author_answered,
}
