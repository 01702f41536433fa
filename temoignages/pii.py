"""Spot personal data in a story so that a moderator can redact it before publication.

Deliberately generous: a false alarm costs the moderator a glance, a miss can identify a
victim. Nothing here changes the text; the moderator edits it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"(?<!\d)(?:(?:\+|00)\d{2,3}[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"']+|\b[\w-]+\.(?:com|fr|net|org|io|be|ch|eu|info)\b(?:/[^\s<>\"']*)?", re.I)
HANDLE_RE = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{2,30}")
POSTCODE_RE = re.compile(r"(?<!\d)(?:0[1-9]|[1-8]\d|9[0-8])\d{3}(?!\d)")
ADDRESS_RE = re.compile(
    r"\b\d{0,4}\s*(?:bis\s+)?(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|route)\s+"
    r"(?:d[eu']\s*|des\s+|de la\s+)?[\wÀ-ÿ'-]+(?:\s+[A-ZÀ-Ý][\wÀ-ÿ'-]+)*",
    re.I,
)
INSTITUTION_RE = re.compile(
    r"\b(?:collège|college|lycée|lycee|école|ecole|université|universite|IUT|fac|faculté|CFA|BTS|"
    r"entreprise|société|magasin|agence|usine|clinique|hôpital|hopital|mairie|club|association)"
    r"\s+(?:(?:d[eu']|des|de la|du|privé|public|professionnel|Saint|Sainte)\s*)*[A-ZÀ-Ý][\wÀ-ÿ'-]+(?:[\s-]+[A-ZÀ-Ý][\wÀ-ÿ'-]+)*"
)
CAPITALISED_RE = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ'-]+(?:[\s-]+[A-ZÀ-Ý][a-zà-ÿ'-]+)*")

#: Organisations whose name alone can locate someone (extend with TESTIMONY_PII_ORGANISATIONS).
ORGANISATIONS = [
    "Auchan", "Carrefour", "Leclerc", "Lidl", "Aldi", "Intermarché", "Decathlon", "Ikea", "Amazon", "McDonald's",
    "McDo", "Burger King", "KFC", "SNCF", "RATP", "La Poste", "Orange", "Free", "Bouygues", "SFR", "EDF", "Engie",
    "Pôle emploi", "France Travail", "CAF", "Crous", "Fnac", "Darty", "Renault", "Stellantis", "Total",
]
#: Places (extend with TESTIMONY_PII_PLACES): big cities and the campaign's home area.
PLACES = [
    "Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes", "Montpellier", "Strasbourg", "Bordeaux", "Lille",
    "Rennes", "Reims", "Toulon", "Grenoble", "Dijon", "Angers", "Nîmes", "Clermont-Ferrand", "Le Havre", "Rouen",
    "Amiens", "Metz", "Nancy", "Orléans", "Tours", "Caen", "Brest", "Limoges", "Perpignan", "Besançon", "Lens",
    "Liévin", "Arras", "Béthune", "Douai", "Hénin-Beaumont", "Valenciennes", "Calais", "Boulogne-sur-Mer",
    "Dunkerque", "Roubaix", "Tourcoing", "Avion", "Bruay-la-Buissière", "Carvin", "Harnes", "Noeux-les-Mines",
]
#: Capitalised words that are not names (sentence starters, days, months, common nouns…).
NOT_NAMES = {
    word.lower()
    for word in (
        "Je J Tu Il Elle On Nous Vous Ils Elles Mais Et Ou Donc Or Ni Car Le La Les Un Une Des Du De Ce Cette Ces "
        "Mon Ma Mes Ton Ta Tes Son Sa Ses Notre Nos Votre Vos Leur Leurs Quand Puis Alors Après Avant Depuis "
        "Pendant Aujourd'hui Hier Demain Maintenant Enfin Ensuite Parfois Souvent Toujours Jamais Personne "
        "Quelqu'un Tout Tous Toute Toutes Rien Oui Non Merci Bonjour Salut Si Comme Pourquoi Comment Chaque "
        "Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Janvier Février Mars Avril Mai Juin Juillet Août "
        "Septembre Octobre Novembre Décembre Noël Internet Instagram Snapchat TikTok Facebook Twitter WhatsApp "
        "Discord Messenger Covid Dieu Madame Monsieur Mme Mr Ça Cela Ceci Là Ici Dans Sur Sous Avec Sans Pour "
        "Par En Au Aux À Qui Que Quoi Dont Où Même Aussi Très Plus Moins Peu Beaucoup Trop Seul Seule "
        "I You He She We They It My The A An And But Then When After Before Now Today Yesterday Every Nobody "
        "Someone Everyone Nothing Yes No Thanks Hello"
    ).split()
}


@dataclass(frozen=True)
class Detection:
    kind: str
    text: str


KINDS = {
    "email": _("adresse e-mail"),
    "phone": _("numéro de téléphone"),
    "url": _("lien ou compte en ligne"),
    "institution": _("établissement, entreprise ou organisation"),
    "place": _("lieu ou adresse"),
    "name": _("nom propre possible"),
}


def _word_list(setting_name: str, defaults: list[str]) -> list[str]:
    return defaults + list(getattr(settings, setting_name, []))


def _names(text: str, already: set[str]):
    """Capitalised words that do not start a sentence and are not everyday words."""
    for match in CAPITALISED_RE.finditer(text):
        start = match.start()
        before = text[:start].rstrip()
        at_sentence_start = not before or before[-1] in ".!?…\n:«\"—-"
        words = match.group(0).split()
        if at_sentence_start:
            words = words[1:]
        words = [w for w in words if w.lower().strip("'") not in NOT_NAMES]
        if not words:
            continue
        candidate = " ".join(words)
        if candidate.lower() not in already:
            yield candidate


def detect_personal_data(text: str) -> list[Detection]:
    """Every piece of ``text`` that may identify someone, in reading order of kinds, without duplicates."""
    text = text or ""
    found: list[Detection] = []
    seen: set[str] = set()

    def add(kind: str, value: str) -> None:
        value = value.strip(" .,;:!?()[]\"'")
        if value and value.lower() not in seen:
            seen.add(value.lower())
            found.append(Detection(kind, value))

    for match in EMAIL_RE.finditer(text):
        add("email", match.group(0))
    for match in PHONE_RE.finditer(text):
        add("phone", match.group(0))
    for regex in (URL_RE, HANDLE_RE):
        for match in regex.finditer(text):
            if not any(match.group(0).lower() in s for s in seen):
                add("url", match.group(0))
    for match in INSTITUTION_RE.finditer(text):
        add("institution", match.group(0))
    for name in _word_list("TESTIMONY_PII_ORGANISATIONS", ORGANISATIONS):
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I):
            add("institution", name)
    for name in _word_list("TESTIMONY_PII_PLACES", PLACES):
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            add("place", name)
    for regex in (ADDRESS_RE, POSTCODE_RE):
        for match in regex.finditer(text):
            add("place", match.group(0))
    covered = " ".join(seen)
    for name in _names(text, seen):
        if name.lower() not in covered:
            add("name", name)
    return found


def grouped(detections: list[Detection]) -> list[tuple[str, list[str]]]:
    """(label, [texts]) for each kind that has detections, in the order of ``KINDS``."""
    groups = []
    for kind, label in KINDS.items():
        texts = [d.text for d in detections if d.kind == kind]
        if texts:
            groups.append((label, texts))
    return groups
