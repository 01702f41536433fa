"""Messages between the moderators and the anonymous author of a testimony.

The author has no account and may have left no e-mail: they read and answer on the status page,
with their receipt code. Only the moderators and the holder of that code ever see a message; its
text is encrypted at rest and goes with the private record (withdrawal, purge).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from site_parlons.encryption import EncryptedTextField
from temoignages.choices import MESSAGE_DIRECTIONS, MessageDirection, MessageKind


class AuthorMessageQuerySet(models.QuerySet):
    def from_moderators(self):
        return self.filter(direction=MessageDirection.MODERATORS)

    def from_author(self):
        return self.filter(direction=MessageDirection.AUTHOR)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def unread_answers(self):
        """What the author wrote that no moderator has seen yet."""
        return self.from_author().unread()

    def conversation(self):
        return self.order_by("created_at", "pk")


class AuthorMessage(models.Model):
    """One message of the conversation about a testimony awaiting review.

    ``headline`` is set on a proposed redacted version only (its title, the body being its story).
    ``read_at``: when the other side first saw it (a moderator on the review screen, the author on
    the status page).
    """

    submission = models.ForeignKey(
        "temoignages.TestimonySubmission",
        verbose_name=_("témoignage reçu"),
        on_delete=models.CASCADE,
        related_name="author_messages",
    )
    direction = models.CharField(_("sens"), max_length=20, choices=MessageDirection.choices, editable=False)
    kind = models.CharField(_("type de message"), max_length=20, choices=MessageKind.choices)
    headline = EncryptedTextField(_("titre proposé"), max_length=120, blank=True)
    body = EncryptedTextField(_("texte"), blank=True)
    created_at = models.DateTimeField(_("envoyé le"), auto_now_add=True, db_index=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modérateur ou modératrice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reply_to = models.ForeignKey(
        "self",
        verbose_name=_("en réponse à"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replies",
    )
    read_at = models.DateTimeField(_("lu le"), null=True, blank=True)

    objects = AuthorMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message avec l'auteur ou l'autrice")
        verbose_name_plural = _("messages avec l'auteur ou l'autrice")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        # Never the text: this string may land in logs.
        return str(_("Message n° %(pk)s du témoignage reçu n° %(submission)s")) % {
            "pk": self.pk,
            "submission": self.submission_id,
        }

    def save(self, *args, **kwargs):
        self.direction = MESSAGE_DIRECTIONS[self.kind]
        super().save(*args, **kwargs)

    @property
    def from_author(self) -> bool:
        return self.direction == MessageDirection.AUTHOR
