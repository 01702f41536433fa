"""The private record of a testimony: seen by moderators only, never published as such."""

from __future__ import annotations

from django.core.validators import validate_email
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from site_parlons.encryption import CANARY_TEXT, EncryptedTextField
from temoignages.choices import AgeRange, LegalBasis, Region, RejectionReason, Role, Status


class TestimonySubmissionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Status.PENDING)

    def review_queue(self):
        """What waits for a moderator's decision: urgent first, then the longest waiting.

        Listings never show the author's words: the encrypted fields are not even read."""
        return (
            self.pending()
            .filter(page__isnull=False)
            .defer("title", "story", "pseudonym", "contact_email")
            .order_by("-suicide_risk", "created_at", "pk")
        )

    def at_risk_first(self):
        """Testimonies flagged for suicidal risk first, then the newest."""
        return self.order_by("-suicide_risk", "-created_at")

    def missing_page(self):
        """Pending submissions whose draft page was never created (or was deleted)."""
        return self.pending().filter(page__isnull=True)

    def decided_before(self, moment):
        return self.filter(decided_at__lt=moment)

    def pending_since_before(self, moment):
        """Received before ``moment`` and still waiting for a decision."""
        return self.pending().filter(created_at__lt=moment)

    def overdue_not_alerted(self, moment):
        """Waiting since before ``moment``, the moderators not yet alerted about it."""
        return self.pending_since_before(moment).filter(overdue_alert_sent_at__isnull=True)

    def with_receipt(self, receipt_hash: str):
        return self.filter(receipt_hash=receipt_hash)


class TestimonySubmission(models.Model):
    """What the person who testified sent, exactly as sent, plus their consent record.

    Saved before anything else happens, in its own transaction: the draft page, the workflow
    and the e-mails are created from it afterwards and can be re-created from it if they fail
    (``manage.py repair_testimonies`` or the admin's « Recréer les pages manquantes »).
    No IP address, user agent or cookie is ever stored here. What identifies or was written by
    the person (proposed title, story, pseudonym, contact e-mail) is encrypted at rest
    (``FIELD_ENCRYPTION_KEYS``): the database, its dumps and its backups hold only tokens.
    """

    created_at = models.DateTimeField(_("reçu le"), auto_now_add=True, db_index=True)
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("langue"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    form_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("formulaire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le formulaire d'où vient le témoignage ; la page est créée sous sa liste."),
    )
    harassment_type = models.ForeignKey(
        "home.HarassmentType",
        verbose_name=_("type de harcèlement"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    title = EncryptedTextField(_("titre proposé"), max_length=120, blank=True)
    story = EncryptedTextField(
        _("récit d'origine"), blank=True, help_text=_("Le texte tel qu'envoyé, avant relecture.")
    )
    pseudonym = EncryptedTextField(_("pseudonyme"), max_length=60, blank=True)
    age_range = models.CharField(_("tranche d'âge"), max_length=20, choices=AgeRange.choices, blank=True)
    region = models.CharField(_("région"), max_length=30, choices=Region.choices, blank=True)

    consent_publication = models.BooleanField(_("accepte la publication"), default=False)
    consent_processing = models.BooleanField(_("accepte le traitement des données"), default=False)
    consent_text_version = models.CharField(_("version du texte de consentement"), max_length=20)
    consented_at = models.DateTimeField(_("consentement donné le"))
    legal_basis = models.CharField(
        _("base légale"),
        max_length=30,
        choices=LegalBasis.choices,
        editable=False,
        help_text=_("Déduite de la tranche d'âge : consentement dès 15 ans, intérêt légitime de prévention avant."),
    )

    suicide_risk = models.BooleanField(
        _("risque suicidaire"),
        default=False,
        editable=False,
        db_index=True,
        help_text=_(
            "Le récit contenait, à l'envoi, un mot de la liste « Mots de risque suicidaire » : à lire en premier."
        ),
    )

    contact_email = EncryptedTextField(
        _("e-mail de contact"),
        max_length=254,
        blank=True,
        validators=[validate_email],
        help_text=_("Pour l'équipe de modération uniquement ; jamais publié."),
    )
    personal_data_erased_at = models.DateTimeField(
        _("e-mail et récit d'origine effacés le"),
        null=True,
        blank=True,
        help_text=_(
            "Après la décision et le délai de conservation, l'e-mail et le texte d'origine non relu sont effacés."
        ),
    )

    overdue_alert_sent_at = models.DateTimeField(
        _("alerte de retard envoyée le"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Les modérateurs sont prévenus une fois qu'un témoignage attend une décision depuis trop longtemps."
        ),
    )

    status = models.CharField(_("statut"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    decided_at = models.DateTimeField(_("décidé le"), null=True, blank=True, db_index=True)
    rejection_reason_code = models.CharField(
        _("motif du refus"), max_length=30, choices=RejectionReason.choices, blank=True
    )
    rejection_reason = models.TextField(_("raison du refus"), blank=True)
    moderator_note = models.TextField(
        _("note interne"), blank=True, help_text=_("Visible par l'équipe de modération seulement.")
    )

    receipt_hash = models.CharField(_("empreinte du code de suivi"), max_length=64, unique=True, editable=False)
    page = models.OneToOneField(
        "temoignages.TestimonyPage",
        verbose_name=_("page du témoignage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
    )

    objects = TestimonySubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("témoignage reçu")
        verbose_name_plural = _("témoignages reçus")
        ordering = ["-suicide_risk", "-created_at"]
        permissions = [("export_testimonysubmission", _("Peut exporter les témoignages reçus"))]

    def __str__(self) -> str:
        # Never the story or the pseudonym: this string lands in admin logs and lists.
        return str(_("Témoignage reçu n° %(pk)s")) % {"pk": self.pk}

    def save(self, *args, **kwargs):
        """The legal basis follows the age range, and no contact e-mail is ever kept for a
        child under 15 (the form drops it too; this holds for every other way in)."""
        self.legal_basis = LegalBasis.for_age_range(self.age_range)
        if self.age_range == AgeRange.UNDER_15:
            self.contact_email = ""
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "age_range" in update_fields:
            kwargs["update_fields"] = {*update_fields, "legal_basis", "contact_email"}
        super().save(*args, **kwargs)

    def mark(self, status: str, reason: str = "") -> None:
        self.status = status
        self.decided_at = timezone.now() if status != Status.PENDING else None
        if reason:
            self.rejection_reason = reason
        self.save(update_fields=["status", "decided_at", "rejection_reason"])


class TestimonyCounter(models.Model):
    """Anonymous tallies of what was erased (withdrawn, purged): a number, nothing else."""

    name = models.CharField(_("nom"), max_length=40, unique=True)
    value = models.PositiveIntegerField(_("valeur"), default=0)

    class Meta:
        verbose_name = _("compteur anonyme")
        verbose_name_plural = _("compteurs anonymes")

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"

    @classmethod
    def increment(cls, name: str, by: int = 1) -> None:
        if by <= 0:
            return
        cls.objects.get_or_create(name=name)
        cls.objects.filter(name=name).update(value=F("value") + by)

    @classmethod
    def get(cls, name: str) -> int:
        return cls.objects.filter(name=name).values_list("value", flat=True).first() or 0


class EncryptionCanary(models.Model):
    """A known text encrypted under the newest key, written by the migration that encrypted the
    private records and re-written by ``rotate_encryption_key``. The start-up check
    (temoignages/checks.py) decrypts it: keys that cannot read the stored data stop the site
    before it shows or writes anything."""

    value = EncryptedTextField(_("valeur"))

    class Meta:
        verbose_name = _("témoin de chiffrement")
        verbose_name_plural = _("témoins de chiffrement")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    def is_readable(self) -> bool:
        return self.value == CANARY_TEXT
