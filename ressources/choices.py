"""Fixed vocabularies of the help section: audiences, regions, urgency levels, channels.

Codes are stable and language-independent (filters, routing and the helpline tag key on
them); labels are translated.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    """Who an association or a line is for. ``EVERYONE`` matches any visitor."""

    MINOR = "mineur", _("Mineurs (moins de 18 ans)")
    ADULT = "adulte", _("Adultes")
    STUDENT = "etudiant", _("Étudiants et étudiantes")
    WORKER = "salarie", _("Salariés et agents")
    PARENT = "parent", _("Parents et proches")
    EVERYONE = "tous", _("Tout le monde")


class Region(models.TextChoices):
    """Where an association acts: the whole country, or one region (departments in the text)."""

    NATIONAL = "national", _("France entière")
    AUVERGNE_RHONE_ALPES = "auvergne-rhone-alpes", "Auvergne-Rhône-Alpes"
    BOURGOGNE_FRANCHE_COMTE = "bourgogne-franche-comte", "Bourgogne-Franche-Comté"
    BRETAGNE = "bretagne", "Bretagne"
    CENTRE_VAL_DE_LOIRE = "centre-val-de-loire", "Centre-Val de Loire"
    CORSE = "corse", "Corse"
    GRAND_EST = "grand-est", "Grand Est"
    HAUTS_DE_FRANCE = "hauts-de-france", "Hauts-de-France"
    ILE_DE_FRANCE = "ile-de-france", "Île-de-France"
    NORMANDIE = "normandie", "Normandie"
    NOUVELLE_AQUITAINE = "nouvelle-aquitaine", "Nouvelle-Aquitaine"
    OCCITANIE = "occitanie", "Occitanie"
    PAYS_DE_LA_LOIRE = "pays-de-la-loire", "Pays de la Loire"
    PROVENCE_ALPES_COTE_D_AZUR = "provence-alpes-cote-d-azur", "Provence-Alpes-Côte d'Azur"
    OUTRE_MER = "outre-mer", _("Outre-mer")


class Urgency(models.TextChoices):
    """How a line answers: emergency services first when someone is in danger."""

    EMERGENCY = "urgence", _("Urgence : danger immédiat (police, secours)")
    URGENT = "urgent", _("Aide rapide : signalement, protection, conseil")
    LISTENING = "ecoute", _("Écoute et accompagnement")


#: Display order of urgency levels (smaller first).
URGENCY_RANK = {Urgency.EMERGENCY: 0, Urgency.URGENT: 1, Urgency.LISTENING: 2}
