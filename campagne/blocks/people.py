"""People and partners: the édito's signatories, the projects the campaign relays."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

T = "components/streamfield/blocks/"


class SignatoryBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("nom"), max_length=120, help_text=_("Prénom et nom, ou prénom seul."))
    role = blocks.CharBlock(
        label=_("rôle"), required=False, max_length=160, help_text=_("Ex. « Étudiante à l'IUT de Lens, cofondatrice ».")
    )

    class Meta:
        template = T + "signatory_block.html"
        icon = "user"
        label = _("Signataire")
        description = _("Une personne qui signe l'édito.")
        group = _("Personnes")
        preview_value = {"name": "Camille", "role": "Cofondatrice de la campagne"}


PARTNER_KINDS = [("association", _("Association")), ("projet", _("Projet")), ("personne", _("Personne"))]


class PartnerStructValue(blocks.StructValue):
    def kind_label(self):
        return dict(PARTNER_KINDS).get(self.get("kind"), "")


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("nom"), max_length=160, help_text=_("Nom du projet, de l'association ou de la personne.")
    )
    kind = blocks.ChoiceBlock(
        label=_("type"),
        choices=PARTNER_KINDS,
        default="association",
        help_text=_("Sert à regrouper les partenaires relayés."),
    )
    description = blocks.TextBlock(
        label=_("présentation"), required=False, help_text=_("Une ou deux phrases : ce qu'ils font.")
    )
    url = blocks.URLBlock(
        label=_("site ou profil"), required=False, help_text=_("Adresse complète, ouverte dans le même onglet.")
    )

    class Meta:
        template = T + "partner_block.html"
        icon = "group"
        label = _("Partenaire relayé")
        description = _("Un projet, une association ou une personne que la campagne relaie sur les réseaux.")
        group = _("Personnes")
        value_class = PartnerStructValue
        preview_value = {
            "name": "Association d'aide aux victimes",
            "kind": "association",
            "description": "Écoute et accompagnement.",
        }
