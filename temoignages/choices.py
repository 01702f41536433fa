"""Fixed choices shared by the form, the private record and the public page."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    VICTIM = "victime", _("Victime")
    WITNESS = "temoin", _("Témoin")
    OTHER = "autre", _("Autre (proche, parent, professionnel…)")


class AgeRange(models.TextChoices):
    UNDER_15 = "moins-15", _("Moins de 15 ans")
    FROM_15_TO_17 = "15-17", _("15 à 17 ans")
    FROM_18_TO_25 = "18-25", _("18 à 25 ans")
    FROM_26_TO_40 = "26-40", _("26 à 40 ans")
    FROM_41_TO_60 = "41-60", _("41 à 60 ans")
    OVER_60 = "plus-60", _("Plus de 60 ans")


class Region(models.TextChoices):
    """French regions (a choice, never free text: less room for identifying details)."""

    AUVERGNE_RHONE_ALPES = "ara", "Auvergne-Rhône-Alpes"
    BOURGOGNE_FRANCHE_COMTE = "bfc", "Bourgogne-Franche-Comté"
    BRETAGNE = "bretagne", "Bretagne"
    CENTRE_VAL_DE_LOIRE = "cvl", "Centre-Val de Loire"
    CORSE = "corse", "Corse"
    GRAND_EST = "grand-est", "Grand Est"
    HAUTS_DE_FRANCE = "hdf", "Hauts-de-France"
    ILE_DE_FRANCE = "idf", "Île-de-France"
    NORMANDIE = "normandie", "Normandie"
    NOUVELLE_AQUITAINE = "nouvelle-aquitaine", "Nouvelle-Aquitaine"
    OCCITANIE = "occitanie", "Occitanie"
    PAYS_DE_LA_LOIRE = "pdl", "Pays de la Loire"
    PACA = "paca", "Provence-Alpes-Côte d'Azur"
    OUTRE_MER = "outre-mer", _("Outre-mer")
    ABROAD = "etranger", _("Hors de France")


class WarningLevel(models.TextChoices):
    """How strongly a published story is announced; its codes are the videos' (``campagne.youtube``)."""

    NONE = "none", _("aucun")
    SENSITIVE = "sensitive", _("sensible")
    SHOCKING = "shocking", _("choquant")


class Status(models.TextChoices):
    PENDING = "pending", _("En attente de relecture")
    PUBLISHED = "published", _("Publié")
    REJECTED = "rejected", _("Non publié")
    WITHDRAWN = "withdrawn", _("Retiré par son auteur ou autrice")


class LegalBasis(models.TextChoices):
    """Why the private record may be kept (GDPR art. 6), recorded with each testimony.

    From 15, a person may consent alone (art. 45 of the French loi Informatique et Libertés,
    which sets GDPR art. 8's age at 15). Under 15, consent would need a parent's as well;
    a prevention and counselling service offered directly to a child needs no parent's
    consent (GDPR recital 38), so the record rests on the campaign's legitimate interest in
    preventing harassment and helping the child who speaks up (GDPR art. 6(1)(f)).
    """

    CONSENT = "consent", _("Consentement de la personne (RGPD, art. 6.1.a ; seule dès 15 ans)")
    PREVENTION_UNDER_15 = (
        "prevention-under-15",
        _("Intérêt légitime de prévention, moins de 15 ans (RGPD, art. 6.1.f et considérant 38)"),
    )

    @classmethod
    def for_age_range(cls, age_range: str) -> "LegalBasis":
        return cls.PREVENTION_UNDER_15 if age_range == AgeRange.UNDER_15 else cls.CONSENT


class MessageKind(models.TextChoices):
    """What a message between the moderators and the author of a testimony is."""

    QUESTION = "question", _("Question de l'équipe de modération")
    REDACTION = "redaction", _("Version relue proposée")
    ANSWER = "answer", _("Réponse de l'auteur ou l'autrice")
    ACCEPTED = "accepted", _("Version relue acceptée")


class MessageDirection(models.TextChoices):
    MODERATORS = "moderators", _("De l'équipe de modération")
    AUTHOR = "author", _("De l'auteur ou l'autrice")


#: Who writes each kind of message.
MESSAGE_DIRECTIONS = {
    MessageKind.QUESTION: MessageDirection.MODERATORS,
    MessageKind.REDACTION: MessageDirection.MODERATORS,
    MessageKind.ANSWER: MessageDirection.AUTHOR,
    MessageKind.ACCEPTED: MessageDirection.AUTHOR,
}


class RejectionReason(models.TextChoices):
    """Why a moderator refused a testimony: kept on the private record, never shown in public."""

    OFF_TOPIC = "hors-sujet", _("Hors sujet : ne raconte pas un harcèlement")
    IDENTIFIES = "identifiant", _("Permet d'identifier quelqu'un, même après relecture")
    HATEFUL = "haineux", _("Propos haineux ou diffamatoires")
    DUPLICATE = "doublon", _("Doublon d'un témoignage déjà reçu")
    AUTHOR_REQUEST = "demande-auteur", _("À la demande de l'auteur ou de l'autrice")
    OTHER = "autre", _("Autre raison (à préciser)")
