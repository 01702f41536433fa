"""What the site keeps about people, for how long, and who reads it: the privacy page's table.

Every duration the code enforces is read here from the same setting the erasing code reads
(site_parlons/settings/base.py, « How long each item of personal data is kept »), so the page
can never show a figure the site does not apply. Words only (no figure) where no code sets a
term: the published story stays until its author withdraws it, an admin account until it is
deleted.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class RetentionRow:
    data: str
    duration: str
    readers: str


@dataclass(frozen=True)
class RetentionGroup:
    service: str
    rows: list[RetentionRow]


def days(setting: str) -> str:
    count = int(getattr(settings, setting))
    return ngettext("%(count)s jour", "%(count)s jours", count) % {"count": count}


def cool_off() -> str:
    """django-axes' cool-off (hours, possibly a fraction) in minutes or hours."""
    minutes = round(float(getattr(settings, "AXES_COOLOFF_TIME", 0.5)) * 60)
    if minutes < 120:
        return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}
    hours = round(minutes / 60)
    return ngettext("%(count)s heure", "%(count)s heures", hours) % {"count": hours}


def retention_schedule() -> list[RetentionGroup]:
    """The table of the « Durées de conservation » block, in the active language."""
    moderators = _("L'équipe de modération")
    return [
        RetentionGroup(
            _("Formulaire de témoignage"),
            [
                RetentionRow(
                    _("Témoignage en attente de relecture : récit, titre, pseudonyme, tranche d'âge, région, e-mail"),
                    _(
                        "Effacé s'il n'a pas été relu au bout de %(pending)s après l'envoi (l'équipe est "
                        "alertée au bout de %(escalation)s)."
                    )
                    % {
                        "pending": days("TESTIMONY_PENDING_RETENTION_DAYS"),
                        "escalation": days("TESTIMONY_PENDING_ESCALATION_DAYS"),
                    },
                    moderators,
                ),
                RetentionRow(
                    _("Témoignage non publié"),
                    _("Effacé entièrement %(days)s après la décision de l'équipe de modération.")
                    % {"days": days("TESTIMONY_RETENTION_DAYS")},
                    moderators,
                ),
                RetentionRow(
                    _("Témoignage retiré avec le code de suivi"),
                    _("Effacé aussitôt. Seul un compteur anonyme garde la trace qu'un témoignage a été retiré."),
                    _("Personne"),
                ),
                RetentionRow(
                    _("Témoignage publié : récit relu, pseudonyme, tranche d'âge, région"),
                    _("En ligne tant que vous ne le retirez pas avec votre code de suivi."),
                    _("Tout le monde, sur le site"),
                ),
                RetentionRow(
                    _("Texte d'origine non relu et e-mail de contact d'un témoignage publié"),
                    _("Effacés %(days)s après la publication.") % {"days": days("TESTIMONY_RETENTION_DAYS")},
                    moderators,
                ),
                RetentionRow(
                    _(
                        "Messages échangés avec l'équipe de modération : ses questions, la version relue proposée, vos réponses"
                    ),
                    _(
                        "Effacés avec le témoignage (retrait, effacement), et au plus tard %(days)s après la décision "
                        "de l'équipe de modération."
                    )
                    % {"days": days("TESTIMONY_RETENTION_DAYS")},
                    _("L'équipe de modération et la personne qui a le code de suivi"),
                ),
                RetentionRow(
                    _("Code de suivi"),
                    _("Jamais gardé en clair : seule son empreinte est gardée, avec le témoignage."),
                    _("Personne"),
                ),
            ],
        ),
        RetentionGroup(
            _("Formulaire de contact"),
            [
                RetentionRow(
                    _("Nom, e-mail et message"),
                    _("Effacés du site %(days)s après leur réception.") % {"days": days("CONTACT_RETENTION_DAYS")},
                    _("Les membres de la campagne qui répondent aux messages"),
                ),
            ],
        ),
        RetentionGroup(
            _("Recherche"),
            [
                RetentionRow(
                    _("Mots tapés dans la recherche"),
                    _(
                        "Effacés au bout de %(days)s ; ne reste que le nombre de recherches des mots que l'équipe "
                        "de rédaction met en avant."
                    )
                    % {"days": days("SEARCH_TERMS_RETENTION_DAYS")},
                    _("L'équipe de rédaction, pour mettre en avant les bonnes pages"),
                ),
            ],
        ),
        RetentionGroup(
            _("Comptes de l'administration du site"),
            [
                RetentionRow(
                    _("Nom, e-mail, mot de passe (jamais gardé en clair), second facteur, actions faites sur le site"),
                    _("Tant que la personne participe à la campagne ; le compte est supprimé à son départ."),
                    _("Les administrateurs et administratrices du site"),
                ),
                RetentionRow(
                    _("Essais de connexion manqués (un compteur, jamais l'adresse IP)"),
                    _("Effacés au bout de %(duration)s.") % {"duration": cool_off()},
                    _("Personne"),
                ),
            ],
        ),
        RetentionGroup(
            _("Fonctionnement du site"),
            [
                RetentionRow(
                    _("E-mails de notification (ils désignent un témoignage par son numéro, jamais par son texte)"),
                    _("Effacés %(days)s après leur envoi.") % {"days": days("EMAIL_TASK_RETENTION_DAYS")},
                    _("Personne"),
                ),
                RetentionRow(
                    _("Sauvegardes chiffrées de la base de données"),
                    _(
                        "Effacées au bout de %(days)s : ce qui est effacé du site disparaît aussi des sauvegardes dans ce délai."
                    )
                    % {"days": days("BACKUP_RETENTION_DAYS")},
                    _("Personne, sauf pour restaurer le site après une panne"),
                ),
            ],
        ),
    ]
