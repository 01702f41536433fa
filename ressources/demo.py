"""Demo content of the help section: national helplines, associations, the guide, safe browsing.

Only what can be stated as true is published: the national lines (numbers, hours, who runs
them) and national associations. Local structures around Lens are left to the campaign to add
once each has confirmed its details; the demo publishes none it could not check.
"""

from __future__ import annotations

import json

from home.models import HarassmentType, StandardPage
from site_parlons.demo.content import blocks, ensure_child, ensure_translation, get_locales, paragraphs

from .choices import Audience, Region, Urgency
from .models import Association, HarassmentGuidePage, Helpline, ResourceIndexPage

A = Audience

# (sort order, number, urgency, type codes, audiences, channels, French text, English text)
# Texts are (name, purpose, hours).
HELPLINES = [
    {
        "number": "17",
        "urgency": Urgency.EMERGENCY,
        "fr": ("Police secours", "Police ou gendarmerie, pour une agression ou un danger en cours.", "24 h/24, 7 j/7"),
        "en": ("Police", "Police or gendarmerie, for an assault or a danger happening now.", "24/7"),
    },
    {
        "number": "112",
        "urgency": Urgency.EMERGENCY,
        "fr": (
            "Numéro d'urgence européen",
            "Toutes les urgences, depuis n'importe quel pays de l'Union européenne.",
            "24 h/24, 7 j/7",
        ),
        "en": ("European emergency number", "Any emergency, from any country of the European Union.", "24/7"),
    },
    {
        "number": "114",
        "sms_number": "114",
        "urgency": Urgency.EMERGENCY,
        "website": "https://www.info.urgence114.fr/",
        "fr": (
            "Urgences par SMS",
            "Par SMS, tchat ou visio (appli Urgence 114) : pour les personnes sourdes ou malentendantes, "
            "et pour toute personne qui ne peut pas parler sans se mettre en danger.",
            "24 h/24, 7 j/7",
        ),
        "en": (
            "Emergencies by text",
            "By text message, chat or video (Urgence 114 app): for deaf or hard-of-hearing people, and for "
            "anyone who cannot speak without putting themselves in danger.",
            "24/7",
        ),
    },
    {
        "number": "3018",
        "urgency": Urgency.URGENT,
        "types": ["scolaire", "cyber"],
        "audiences": [A.MINOR, A.PARENT],
        "anonymous": True,
        "website": "https://www.3018.fr/",
        "chat_url": "https://www.3018.fr/",
        "fr": (
            "Harcèlement à l'école et en ligne",
            "Pour les jeunes victimes ou témoins de harcèlement scolaire ou de violences numériques, et leurs "
            "parents. Peut faire retirer en quelques heures des contenus et des comptes. Le 3020, ancien numéro "
            "contre le harcèlement scolaire, a été regroupé avec le 3018, désormais le numéro unique : composez "
            "le 3018.",
            "7 j/7, 9 h – 23 h, jours fériés compris",
        ),
        "en": (
            "Bullying at school and online",
            "For young victims or witnesses of school bullying or online violence, and their parents. Can have "
            "content and accounts removed within hours. The former school-bullying line 3020 has been merged "
            "into 3018, now the single number: dial 3018.",
            "Every day, 9 am – 11 pm, bank holidays included",
        ),
    },
    {
        "number": "3919",
        "urgency": Urgency.URGENT,
        "types": ["sexuel", "famille", "rue", "confinement"],
        "audiences": [A.ADULT, A.STUDENT, A.WORKER, A.PARENT],
        "anonymous": True,
        "website": "https://www.solidaritefemmes.org/",
        "fr": (
            "Violences Femmes Info",
            "Pour les femmes victimes de violences (conjugales, sexuelles, sexistes), leur entourage et les "
            "professionnels. Écoute, information et orientation.",
            "24 h/24, 7 j/7",
        ),
        "en": (
            "Violence against women",
            "For women facing violence (domestic, sexual, sexist), the people around them and professionals. "
            "Listening, information and referral.",
            "24/7",
        ),
    },
    {
        "number": "119",
        "urgency": Urgency.URGENT,
        "types": ["scolaire", "famille", "sexuel", "confinement"],
        "audiences": [A.MINOR, A.PARENT],
        "website": "https://www.allo119.gouv.fr/",
        "fr": (
            "Allô Enfance en danger",
            "Pour un enfant ou un adolescent en danger ou en risque de l'être, ou un adulte inquiet pour lui. "
            "L'appel n'apparaît pas sur les factures.",
            "24 h/24, 7 j/7",
        ),
        "en": (
            "Children in danger",
            "For a child or teenager in danger or at risk, or an adult worried about one. The call does not "
            "appear on phone bills.",
            "24/7",
        ),
    },
    {
        "number": "",
        "urgency": Urgency.URGENT,
        "types": ["sexuel", "famille", "rue"],
        "website": "https://arretonslesviolences.gouv.fr/",
        "chat_url": "https://arretonslesviolences.gouv.fr/",
        "anonymous": True,
        "fr": (
            "arretonslesviolences.gouv.fr",
            "Signaler des violences sexuelles ou sexistes et échanger par tchat avec des policiers ou gendarmes "
            "formés, sans se déplacer.",
            "24 h/24, 7 j/7",
        ),
        "en": (
            "arretonslesviolences.gouv.fr",
            "Report sexual or sexist violence and chat with trained police officers, without going to a station.",
            "24/7",
        ),
    },
    {
        "number": "",
        "urgency": Urgency.URGENT,
        "types": ["cyber"],
        "website": "https://www.internet-signalement.gouv.fr/",
        "fr": (
            "PHAROS",
            "Signaler à la police un contenu illicite en ligne : menaces, appels à la haine, images d'abus sur "
            "des mineurs, harcèlement.",
            "En ligne, à tout moment",
        ),
        "en": (
            "PHAROS",
            "Report illegal online content to the police: threats, hate speech, images of child abuse, harassment.",
            "Online, at any time",
        ),
    },
    {
        "number": "3114",
        "urgency": Urgency.URGENT,
        "audiences": [A.EVERYONE],
        "website": "https://3114.fr/",
        "fr": (
            "Prévention du suicide",
            "Si vous pensez au suicide, ou si vous êtes inquiet pour un proche. Des soignants formés vous répondent.",
            "24 h/24, 7 j/7",
        ),
        "en": (
            "Suicide prevention",
            "If you are thinking about suicide, or worried about someone close. Trained health professionals answer.",
            "24/7",
        ),
    },
    {
        "number": "116 006",
        "urgency": Urgency.LISTENING,
        "audiences": [A.EVERYONE],
        "website": "https://www.france-victimes.fr/",
        "email": "victimes@france-victimes.fr",
        "fr": (
            "France Victimes",
            "Pour toute victime d'une infraction : écoute, information sur vos droits, accompagnement près de "
            "chez vous.",
            "7 j/7, 9 h – 19 h",
        ),
        "en": (
            "France Victimes",
            "For any victim of an offence: listening, information on your rights, support near you.",
            "Every day, 9 am – 7 pm",
        ),
    },
    {
        "number": "0 800 05 95 95",
        "urgency": Urgency.LISTENING,
        "types": ["sexuel"],
        "anonymous": True,
        "website": "https://cfcv.asso.fr/",
        "fr": (
            "Viols Femmes Informations",
            "Pour les personnes victimes de viol ou d'agression sexuelle, femmes et hommes, et leurs proches.",
            "Du lundi au vendredi, 10 h – 19 h",
        ),
        "en": (
            "Rape helpline (Viols Femmes Informations)",
            "For women and men who have suffered rape or sexual assault, and those close to them.",
            "Monday to Friday, 10 am – 7 pm",
        ),
    },
    {
        "number": "0 800 235 236",
        "urgency": Urgency.LISTENING,
        "audiences": [A.MINOR, A.STUDENT],
        "anonymous": True,
        "website": "https://www.filsantejeunes.com/",
        "chat_url": "https://www.filsantejeunes.com/",
        "fr": (
            "Fil Santé Jeunes",
            "Pour les 12–25 ans : parler de ce qui ne va pas, de santé, de relations, de harcèlement.",
            "7 j/7, 9 h – 23 h",
        ),
        "en": (
            "Fil Santé Jeunes",
            "For 12 to 25-year-olds: talk about what is wrong, health, relationships, harassment.",
            "Every day, 9 am – 11 pm",
        ),
    },
]

ASSOCIATIONS = [
    {
        "name": "Association e-Enfance / 3018",
        "phone": "3018",
        "types": ["scolaire", "cyber"],
        "audiences": [A.MINOR, A.PARENT],
        "anonymous": True,
        "website": "https://e-enfance.org/",
        "chat_url": "https://www.3018.fr/",
        "fr": (
            "Protège les enfants et les adolescents des violences numériques et du harcèlement scolaire ; "
            "elle répond au 3018 et aide à faire supprimer des contenus.",
            "7 j/7, 9 h – 23 h",
        ),
        "en": (
            "Protects children and teenagers from online violence and school bullying; it answers 3018 and "
            "helps get harmful content removed.",
            "Every day, 9 am – 11 pm",
        ),
    },
    {
        "name": "France Victimes",
        "phone": "116 006",
        "types": [],
        "audiences": [A.EVERYONE],
        "website": "https://www.france-victimes.fr/",
        "email": "victimes@france-victimes.fr",
        "fr": (
            "Fédération des associations d'aide aux victimes : écoute, droits, accompagnement juridique et "
            "psychologique, avec des permanences dans chaque département.",
            "7 j/7, 9 h – 19 h",
        ),
        "en": (
            "Federation of victim support associations: listening, rights, legal and psychological support, "
            "with offices in every département.",
            "Every day, 9 am – 7 pm",
        ),
    },
    {
        "name": "Fil Santé Jeunes",
        "phone": "0 800 235 236",
        "types": ["scolaire", "cyber", "sexuel", "famille"],
        "audiences": [A.MINOR, A.STUDENT],
        "anonymous": True,
        "website": "https://www.filsantejeunes.com/",
        "chat_url": "https://www.filsantejeunes.com/",
        "fr": (
            "Service d'écoute anonyme pour les 12–25 ans, par téléphone et par tchat : santé, relations, "
            "harcèlement, mal-être.",
            "7 j/7, 9 h – 23 h",
        ),
        "en": (
            "Anonymous listening service for 12 to 25-year-olds, by phone and chat: health, relationships, "
            "harassment, distress.",
            "Every day, 9 am – 11 pm",
        ),
    },
    {
        "name": "Collectif féministe contre le viol",
        "phone": "0 800 05 95 95",
        "types": ["sexuel"],
        "audiences": [A.EVERYONE],
        "anonymous": True,
        "website": "https://cfcv.asso.fr/",
        "fr": (
            "Répond à la ligne Viols Femmes Informations et accompagne les personnes victimes de violences "
            "sexuelles, quel que soit leur âge.",
            "Du lundi au vendredi, 10 h – 19 h",
        ),
        "en": (
            "Runs the Viols Femmes Informations line and supports victims of sexual violence of any age.",
            "Monday to Friday, 10 am – 7 pm",
        ),
    },
    {
        "name": "Fédération nationale Solidarité Femmes",
        "phone": "3919",
        "types": ["sexuel", "famille", "confinement"],
        "audiences": [A.ADULT, A.PARENT],
        "anonymous": True,
        "website": "https://www.solidaritefemmes.org/",
        "fr": (
            "Réseau d'associations qui accueillent les femmes victimes de violences ; elle répond au 3919.",
            "24 h/24, 7 j/7",
        ),
        "en": ("Network of associations welcoming women who face violence; it answers 3919.", "24/7"),
    },
    {
        "name": "Marion La Main Tendue",
        "phone": "",
        "types": ["scolaire", "cyber"],
        "audiences": [A.MINOR, A.PARENT],
        "website": "https://marionlamaintendue.com/",
        "fr": (
            "Association de lutte contre le harcèlement scolaire : prévention dans les établissements, "
            "soutien aux familles.",
            "",
        ),
        "en": ("Association against school bullying: prevention in schools, support for families.", ""),
    },
    {
        "name": "AVFT — Association européenne contre les violences faites aux femmes au travail",
        "phone": "",
        "types": ["travail", "sexuel"],
        "audiences": [A.WORKER, A.ADULT],
        "website": "https://www.avft.org/",
        "fr": (
            "Aide les personnes victimes de harcèlement sexuel ou de violences sexuelles au travail à faire "
            "valoir leurs droits.",
            "",
        ),
        "en": ("Helps people facing sexual harassment or sexual violence at work to assert their rights.", ""),
    },
    {
        "name": "SOS homophobie",
        "phone": "01 48 06 42 41",
        "types": ["scolaire", "travail", "cyber", "rue", "famille", "autre"],
        "audiences": [A.EVERYONE],
        "anonymous": True,
        "website": "https://www.sos-homophobie.org/",
        "fr": (
            "Écoute anonyme et soutien des personnes victimes de LGBTIphobies, à l'école, au travail, en ligne "
            "ou dans la famille.",
            "Horaires sur le site de l'association",
        ),
        "en": (
            "Anonymous listening and support for people facing anti-LGBTI hostility, at school, at work, online "
            "or in the family.",
            "Hours on the association's website",
        ),
    },
]

CHANNEL_FIELDS = ("website", "email", "chat_url", "sms_number", "whatsapp_url")


def _types(codes, locale):
    return list(HarassmentType.objects.filter(code__in=codes, locale=locale))


def _channels(item: dict) -> dict:
    fields = {name: item.get(name, "") for name in CHANNEL_FIELDS}
    fields.update(is_free=item.get("free", True), is_anonymous=item.get("anonymous", False))
    return fields


def ensure_helplines() -> None:
    fr, en = get_locales()
    for order, item in enumerate(HELPLINES):
        name, purpose, hours = item["fr"]
        source = Helpline.objects.filter(locale=fr, name=name).first()
        if source is None:
            source = Helpline.objects.create(
                locale=fr,
                name=name,
                purpose=purpose,
                hours=hours,
                number=item["number"],
                urgency=item["urgency"],
                audiences=item.get("audiences", []),
                sort_order=order,
                **_channels(item),
            )
            source.harassment_types.set(_types(item.get("types", []), fr))
            source.save()
        if not Helpline.objects.filter(translation_key=source.translation_key, locale=en).exists():
            name, purpose, hours = item["en"]
            translation = Helpline.objects.create(
                locale=en,
                translation_key=source.translation_key,
                name=name,
                purpose=purpose,
                hours=hours,
                number=source.number,
                urgency=source.urgency,
                audiences=source.audiences,
                sort_order=source.sort_order,
                **_channels(item),
            )
            # As wagtail-localize synchronises it: the same (source-language) types.
            translation.harassment_types.set(source.harassment_types.all())
            translation.save()


def ensure_associations() -> None:
    fr, en = get_locales()
    for item in ASSOCIATIONS:
        common = {
            "phone": item.get("phone", ""),
            "region": item.get("region", Region.NATIONAL),
            "audiences": item.get("audiences", []),
            "to_verify": item.get("to_verify", False),
            **_channels(item),
        }
        source = Association.objects.filter(locale=fr, name=item["name"]).first()
        if source is None:
            description, hours = item["fr"]
            source = Association.objects.create(
                locale=fr, name=item["name"], description=description, hours=hours, area=item.get("area", ""), **common
            )
            source.harassment_types.set(_types(item["types"], fr))
            source.save()
        if not Association.objects.filter(translation_key=source.translation_key, locale=en).exists():
            description, hours = item["en"]
            translation = Association.objects.create(
                locale=en,
                translation_key=source.translation_key,
                name=item.get("en_name", item["name"]),
                description=description,
                hours=hours,
                area=item.get("en_area", item.get("area", "")),
                **common,
            )
            translation.harassment_types.set(source.harassment_types.all())
            translation.save()


def _question(key, question, help_text, answers):
    return {
        "type": "question",
        "value": {
            "key": key,
            "question": question,
            "help": help_text,
            "answers": [{"label": label, "target": target} for label, target in answers],
        },
    }


def _result(key, title, explanation, law, type_code, audience, locale, urgent=False):
    return {
        "type": "result",
        "value": {
            "key": key,
            "title": title,
            "explanation": "".join(f"<p>{text}</p>" for text in explanation),
            "law": law,
            "harassment_type": type_code,
            "audience": audience,
            "urgent": urgent,
        },
    }


def guide_steps_fr(locale) -> str:
    return json.dumps(
        [
            _question(
                "depart",
                "Que se passe-t-il pour vous ?",
                "Choisissez ce qui ressemble le plus à votre situation. Vous pourrez recommencer à tout moment.",
                [
                    ("Je suis en danger en ce moment", "danger"),
                    ("Ça se passe à l'école, au collège, au lycée ou à la fac", "ecole"),
                    ("Ça se passe au travail ou en stage", "travail-question"),
                    ("Des remarques, gestes ou demandes à caractère sexuel", "sexuel-question"),
                    ("Ça se passe en ligne : réseaux sociaux, messages, jeux", "en-ligne"),
                ],
            ),
            _question(
                "ecole",
                "Ces moqueries, mises à l'écart, menaces ou coups se répètent-ils ?",
                "Par exemple : chaque semaine, ou presque tous les jours.",
                [
                    ("Oui, ça revient souvent", "scolaire"),
                    ("Oui, et ça continue aussi en ligne", "cyber"),
                    ("Non, c'est arrivé une fois", "une-fois"),
                ],
            ),
            _question(
                "travail-question",
                "Ces agissements se répètent-ils et abîment-ils vos conditions de travail ou votre santé ?",
                "Par exemple : critiques humiliantes, mise à l'écart, tâches impossibles, menaces.",
                [("Oui", "travail"), ("C'est arrivé une fois", "une-fois")],
            ),
            _question(
                "sexuel-question",
                "Ces propos ou gestes se répètent-ils, ou vous a-t-on mis une pression grave pour obtenir un acte sexuel ?",
                "",
                [
                    ("Oui, ça se répète", "sexuel"),
                    ("Une pression grave, même une seule fois", "sexuel"),
                    ("Non, une seule remarque", "une-fois"),
                ],
            ),
            _question(
                "en-ligne",
                "Êtes-vous visé plusieurs fois, ou par plusieurs personnes ?",
                "Messages, commentaires, photos partagées sans votre accord, faux comptes…",
                [("Oui", "cyber"), ("Non, un seul message", "une-fois")],
            ),
            _result(
                "danger",
                "Votre sécurité d'abord",
                [
                    "Si vous êtes en danger maintenant, appelez le 17 ou le 112. Si vous ne pouvez pas parler, "
                    "envoyez un SMS au 114 : il est lu par des professionnels des urgences.",
                    "Mettez-vous si possible à l'abri, près d'autres personnes. Ce qui vous arrive n'est pas de votre faute.",
                ],
                "",
                "",
                "",
                locale,
                urgent=True,
            ),
            _result(
                "scolaire",
                "Cela ressemble à du harcèlement scolaire",
                [
                    "La loi parle de harcèlement scolaire quand un élève subit des propos ou des comportements "
                    "répétés (moqueries, insultes, mises à l'écart, coups, rumeurs) de la part d'élèves ou "
                    "d'adultes de son établissement, et que sa vie s'en trouve dégradée : peur d'aller en cours, "
                    "notes qui baissent, mal au ventre, tristesse.",
                    "Ce n'est pas « pour rire » et ce n'est pas votre faute. Parlez-en à un adulte de confiance, "
                    "gardez des preuves (captures, dates) et appelez le 3018.",
                ],
                "Article 222-33-2-3 du code pénal, créé par la loi du 2 mars 2022 visant à combattre le "
                "harcèlement scolaire : jusqu'à 3 ans de prison et 45 000 € d'amende, 10 ans et 150 000 € si la "
                "victime s'est suicidée ou a tenté de le faire. Les auteurs mineurs relèvent de la justice des mineurs.",
                "scolaire",
                Audience.MINOR,
                locale,
            ),
            _result(
                "travail",
                "Cela ressemble à du harcèlement moral au travail",
                [
                    "La loi parle de harcèlement moral au travail quand des agissements répétés dégradent vos "
                    "conditions de travail et peuvent porter atteinte à vos droits, à votre dignité, à votre "
                    "santé ou à votre avenir professionnel. Il n'est pas nécessaire que l'auteur soit votre "
                    "supérieur.",
                    "Notez les faits avec leur date, gardez les écrits, parlez-en au médecin du travail, aux "
                    "représentants du personnel ou à l'inspection du travail.",
                ],
                "Article 222-33-2 du code pénal : 2 ans de prison et 30 000 € d'amende. Le code du travail "
                "(article L1152-1) interdit aussi ces agissements et protège la personne qui les dénonce.",
                "travail",
                Audience.WORKER,
                locale,
            ),
            _result(
                "sexuel",
                "Cela ressemble à du harcèlement sexuel",
                [
                    "La loi parle de harcèlement sexuel quand des propos ou comportements à connotation sexuelle "
                    "ou sexiste sont imposés de façon répétée et portent atteinte à votre dignité, ou créent une "
                    "situation intimidante, hostile ou offensante. Une pression grave pour obtenir un acte sexuel "
                    "en est aussi, même une seule fois.",
                    "Vous n'avez rien provoqué. Vous pouvez en parler, vous faire accompagner et porter plainte, "
                    "y compris longtemps après.",
                ],
                "Article 222-33 du code pénal : 2 ans de prison et 30 000 € d'amende, jusqu'à 3 ans et 45 000 € "
                "dans les cas aggravés (par exemple sur un mineur de 15 ans, par une personne qui abuse de son "
                "autorité, ou en ligne).",
                "sexuel",
                "",
                locale,
            ),
            _result(
                "cyber",
                "Cela ressemble à du cyberharcèlement",
                [
                    "Le harcèlement en ligne est puni comme le harcèlement moral, et plus sévèrement parce qu'il "
                    "passe par internet. Il est constitué aussi quand plusieurs personnes s'en prennent à vous, "
                    "même si chacune n'a agi qu'une fois (« raid »).",
                    "Ne répondez pas, faites des captures d'écran avec la date, signalez les comptes à la "
                    "plateforme et appelez le 3018 : il peut faire supprimer des contenus rapidement.",
                ],
                "Article 222-33-2-2 du code pénal : jusqu'à 2 ans de prison et 30 000 € d'amende quand les faits "
                "passent par internet, 3 ans et 45 000 € avec une autre circonstance aggravante (par exemple une "
                "victime de 15 ans ou moins).",
                "cyber",
                "",
                locale,
            ),
            _result(
                "une-fois",
                "Un fait isolé peut aussi être puni",
                [
                    "Le harcèlement suppose en général des faits répétés. Mais un fait unique peut être une autre "
                    "infraction : insulte, menace, outrage sexiste, violence, diffusion d'une image intime.",
                    "Si ce qui s'est passé vous a fait du mal, vous avez le droit d'en parler et d'être aidé.",
                ],
                "",
                "",
                "",
                locale,
            ),
        ]
    )


def guide_steps_en(locale) -> str:
    return json.dumps(
        [
            _question(
                "depart",
                "What is happening to you?",
                "Choose what looks most like your situation. You can start again at any time.",
                [
                    ("I am in danger right now", "danger"),
                    ("It happens at school, college or university", "ecole"),
                    ("It happens at work or during an internship", "travail-question"),
                    ("Remarks, gestures or demands of a sexual nature", "sexuel-question"),
                    ("It happens online: social media, messages, games", "en-ligne"),
                ],
            ),
            _question(
                "ecole",
                "Do the teasing, exclusion, threats or blows happen again and again?",
                "For instance: every week, or almost every day.",
                [
                    ("Yes, it keeps coming back", "scolaire"),
                    ("Yes, and it goes on online too", "cyber"),
                    ("No, it happened once", "une-fois"),
                ],
            ),
            _question(
                "travail-question",
                "Does this behaviour happen repeatedly and harm your working conditions or your health?",
                "For instance: humiliating criticism, being left out, impossible tasks, threats.",
                [("Yes", "travail"), ("It happened once", "une-fois")],
            ),
            _question(
                "sexuel-question",
                "Do these remarks or gestures happen repeatedly, or were you put under serious pressure for a sexual act?",
                "",
                [
                    ("Yes, it happens repeatedly", "sexuel"),
                    ("Serious pressure, even once", "sexuel"),
                    ("No, a single remark", "une-fois"),
                ],
            ),
            _question(
                "en-ligne",
                "Are you targeted several times, or by several people?",
                "Messages, comments, pictures shared without your consent, fake accounts…",
                [("Yes", "cyber"), ("No, a single message", "une-fois")],
            ),
            _result(
                "danger",
                "Your safety first",
                [
                    "If you are in danger now, call 17 or 112. If you cannot speak, text 114: emergency "
                    "professionals read it.",
                    "If you can, get to a safe place near other people. What is happening to you is not your fault.",
                ],
                "",
                "",
                "",
                locale,
                urgent=True,
            ),
            _result(
                "scolaire",
                "This looks like school bullying",
                [
                    "French law calls it school bullying when a pupil suffers repeated remarks or behaviour "
                    "(mockery, insults, exclusion, blows, rumours) from pupils or adults of their school, and "
                    "their life gets worse: fear of going to class, falling grades, stomach aches, sadness.",
                    "It is not “just a joke” and it is not your fault. Talk to an adult you trust, keep evidence "
                    "(screenshots, dates) and call 3018.",
                ],
                "Article 222-33-2-3 of the French Criminal Code, created by the law of 2 March 2022 against school "
                "bullying: up to 3 years in prison and a €45,000 fine, 10 years and €150,000 if the victim took "
                "or tried to take their own life. Young offenders are tried under juvenile justice.",
                "scolaire",
                Audience.MINOR,
                locale,
            ),
            _result(
                "travail",
                "This looks like workplace harassment",
                [
                    "French law calls it moral harassment at work when repeated behaviour degrades your working "
                    "conditions and may harm your rights, your dignity, your health or your career. The person "
                    "need not be your manager.",
                    "Write the facts down with their dates, keep messages, and talk to the occupational doctor, "
                    "staff representatives or the labour inspectorate.",
                ],
                "Article 222-33-2 of the French Criminal Code: 2 years in prison and a €30,000 fine. The Labour "
                "Code (article L1152-1) also forbids it and protects whoever reports it.",
                "travail",
                Audience.WORKER,
                locale,
            ),
            _result(
                "sexuel",
                "This looks like sexual harassment",
                [
                    "French law calls it sexual harassment when remarks or behaviour with a sexual or sexist "
                    "connotation are imposed repeatedly and harm your dignity, or create an intimidating, hostile "
                    "or offensive situation. Serious pressure to obtain a sexual act is harassment too, even once.",
                    "You did not cause it. You can talk about it, get support and file a complaint, even long after.",
                ],
                "Article 222-33 of the French Criminal Code: 2 years in prison and a €30,000 fine, up to 3 years "
                "and €45,000 in aggravated cases (for instance against a child under 15, by someone abusing their "
                "authority, or online).",
                "sexuel",
                "",
                locale,
            ),
            _result(
                "cyber",
                "This looks like cyberbullying",
                [
                    "Online harassment is punished like moral harassment, and more severely because it goes "
                    "through the internet. It also counts when several people target you, even if each acted "
                    "only once (a “raid”).",
                    "Do not reply, take dated screenshots, report the accounts to the platform and call 3018: it "
                    "can have content removed quickly.",
                ],
                "Article 222-33-2-2 of the French Criminal Code: up to 2 years in prison and a €30,000 fine when "
                "it happens online, 3 years and €45,000 with another aggravating circumstance (for instance a "
                "victim aged 15 or under).",
                "cyber",
                "",
                locale,
            ),
            _result(
                "une-fois",
                "A single act can also be punished",
                [
                    "Harassment usually means repeated acts. But a single act can be another offence: insult, "
                    "threat, sexist insult, violence, sharing an intimate picture.",
                    "If what happened hurt you, you have the right to talk about it and to get help.",
                ],
                "",
                "",
                "",
                locale,
            ),
        ]
    )


def _safety_body(sections: list[tuple[str, list[str]]]) -> str:
    """A body of level-2 headings, each followed by its paragraphs (rich text, lists allowed)."""
    items = []
    for heading, texts in sections:
        if heading:
            items.append(("heading", {"text": heading, "level": "h2"}))
        items.extend(("paragraph", text) for text in texts)
    return blocks(*items)


# What the quick exit does and cannot do, as the browser tests observe it (tests/browser/
# test_quick_exit.py reads these sentences): the script replaces the fled page in the tab's
# history (location.replace); the site's other pages stay in the history.
SAFETY_FR = _safety_body(
    [
        (
            "",
            [
                "<p>Le bouton « Quitter rapidement », en bas à droite de l'écran, affiche aussitôt un site météo à "
                "la place de cette page. Sur un clavier, appuyer trois fois de suite sur la touche Maj (⇧), ou "
                "deux fois sur Échap, fait de même.</p>",
            ],
        ),
        (
            "Ce que fait le bouton, et ce qu'il ne fait pas",
            [
                "<ul><li><b>Il remplace la page.</b> La page que vous quittez est remplacée par le site météo dans "
                "l'historique de l'onglet : le bouton « Retour » ne la réaffiche pas.</li>"
                "<li><b>Il n'efface pas l'historique.</b> « Retour » ramène à la page de ce site que vous aviez "
                "ouverte juste avant, s'il y en a une. Les autres pages de ce site que vous avez vues restent dans "
                "l'historique du navigateur tant que vous ne les supprimez pas.</li>"
                "<li><b>Sans JavaScript</b>, le bouton est un simple lien vers le site météo : « Retour » ramène "
                "alors à la page quittée.</li></ul>",
                "<p>Sur un appareil que d'autres peuvent utiliser, la vraie protection est la navigation privée : "
                "les pages ouvertes dans une fenêtre privée ne sont pas gardées dans l'historique une fois cette "
                "fenêtre fermée.</p>",
            ],
        ),
        (
            "Ouvrir une fenêtre privée ou effacer l'historique",
            [
                "<p>Les noms des menus changent un peu d'une version à l'autre.</p>",
                "<p><b>Chrome (Android)</b></p><ul><li>Fenêtre privée : menu ⋮ en haut à droite, puis « Nouvel "
                "onglet de navigation privée ».</li><li>Historique : menu ⋮, puis « Historique » ; touchez la croix "
                "à côté d'une page pour la retirer, ou « Effacer les données de navigation » pour tout effacer."
                "</li></ul>",
                "<p><b>Safari (iPhone)</b></p><ul><li>Fenêtre privée : bouton des onglets (deux carrés), puis "
                "« Privée », puis « + ».</li><li>Historique : icône en forme de livre, puis l'horloge ; faites "
                "glisser une page vers la gauche pour la supprimer, ou touchez « Effacer » pour une période."
                "</li></ul>",
                "<p><b>Firefox</b></p><ul><li>Fenêtre privée : sur ordinateur, menu ☰ puis « Nouvelle fenêtre "
                "privée » (Ctrl + Maj + P) ; sur téléphone, le compteur d'onglets puis l'icône en forme de masque."
                "</li><li>Historique : sur ordinateur, Ctrl + H puis clic droit sur une page, « Supprimer la "
                "page » ; sur téléphone, menu ⋮ puis « Historique ».</li></ul>",
                "<p><b>Samsung Internet</b></p><ul><li>Fenêtre privée : bouton des onglets, puis « Activer le mode "
                "secret ».</li><li>Historique : menu ☰, puis « Historique » ; appuyez longuement sur une page "
                "pour la supprimer.</li></ul>",
                "<p>Supprimer tout l'historique d'un coup peut se remarquer : ne retirer que les pages de ce site "
                "est plus discret.</p>",
            ],
        ),
        (
            "Appareil partagé ou surveillé",
            [
                "<p>Si quelqu'un peut consulter votre téléphone ou votre ordinateur, préférez un appareil de "
                "confiance (chez une amie, au CDI, à la médiathèque). La navigation privée ne cache rien à une "
                "application espion ni à la personne qui gère le réseau (au travail, à l'école). Les appels aux "
                "numéros d'aide restent dans le journal d'appels du téléphone : retirez-les si besoin ; le 119 "
                "n'apparaît pas sur les factures.</p>",
            ],
        ),
        (
            "Vos témoignages",
            [
                "<p>Notre site ne garde ni votre adresse IP ni les informations de votre navigateur, et ne charge "
                "aucun service extérieur sans votre accord.</p>",
            ],
        ),
    ]
)
SAFETY_EN = _safety_body(
    [
        (
            "",
            [
                "<p>The “Leave quickly” button, at the bottom right of the screen, at once shows a weather site "
                "instead of this page. On a keyboard, pressing the Shift key (⇧) three times in a row, or Escape "
                "twice, does the same.</p>",
            ],
        ),
        (
            "What the button does, and what it does not",
            [
                "<ul><li><b>It replaces the page.</b> The page you leave is replaced by the weather site in the "
                "tab's history: the Back button does not show it again.</li>"
                "<li><b>It does not erase the history.</b> Back leads to the page of this site you had open just "
                "before, if there was one. The other pages of this site you saw stay in the browser's history "
                "until you delete them.</li>"
                "<li><b>Without JavaScript</b>, the button is a plain link to the weather site: Back then leads to "
                "the page you left.</li></ul>",
                "<p>On a device other people can use, the real protection is private browsing: pages opened in a "
                "private window are not kept in the history once that window is closed.</p>",
            ],
        ),
        (
            "Open a private window or clear the history",
            [
                "<p>Menu names change a little from one version to the next.</p>",
                "<p><b>Chrome (Android)</b></p><ul><li>Private window: the ⋮ menu at the top right, then “New "
                "Incognito tab”.</li><li>History: the ⋮ menu, then “History”; tap the cross next to a page to remove "
                "it, or “Clear browsing data” to erase everything.</li></ul>",
                "<p><b>Safari (iPhone)</b></p><ul><li>Private window: the tabs button (two squares), then "
                "“Private”, then “+”.</li><li>History: the book icon, then the clock; swipe a page to the left to "
                "delete it, or tap “Clear” for a period of time.</li></ul>",
                "<p><b>Firefox</b></p><ul><li>Private window: on a computer, the ☰ menu then “New private window” "
                "(Ctrl + Shift + P); on a phone, the tab counter then the mask icon.</li><li>History: on a "
                "computer, Ctrl + H then right-click a page, “Delete page”; on a phone, the ⋮ menu then "
                "“History”.</li></ul>",
                "<p><b>Samsung Internet</b></p><ul><li>Private window: the tabs button, then “Turn on Secret "
                "mode”.</li><li>History: the ☰ menu, then “History”; touch and hold a page to delete it.</li></ul>",
                "<p>Erasing all the history at once may be noticed: removing only this site's pages is more "
                "discreet.</p>",
            ],
        ),
        (
            "Shared or monitored device",
            [
                "<p>If someone can look at your phone or computer, prefer a device you trust (at a friend's, the "
                "school library, a public library). Private browsing hides nothing from a spy app or from whoever "
                "runs the network (at work, at school). Calls to helplines stay in the phone's call log: remove "
                "them if needed; 119 does not appear on phone bills.</p>",
            ],
        ),
        (
            "Your testimonies",
            [
                "<p>Our site keeps neither your IP address nor your browser's details, and loads no outside "
                "service without your consent.</p>",
            ],
        ),
    ]
)


SAFETY_INTRO = {
    "fr": "Ce que le bouton « Quitter rapidement » fait et ne fait pas, et comment limiter les traces de votre "
    "visite, surtout sur un appareil partagé.",
    "en": "What the “Leave quickly” button does and does not do, and how to limit the traces of your visit, "
    "especially on a shared device.",
}
SAFETY_EN_FIELDS = {"slug": "browse-safely", "title": "Browse safely", "intro": SAFETY_INTRO["en"], "body": SAFETY_EN}

# What earlier versions of this demo published and must not stay online: local associations
# nobody had confirmed, a working note on the 3018 line, and a safety page promising that Back
# never returns to the site. The loader otherwise leaves existing content alone, so a database
# loaded with them is corrected here, on the next load.
RETIRED_ASSOCIATIONS = [
    "France Victimes 62 (aide aux victimes du Pas-de-Calais)",
    "CIDFF du Pas-de-Calais",
    "Maison des adolescents du Pas-de-Calais",
]
WORKING_NOTES = ("à vérifier", "to be checked")
UNTRUE_SAFETY_CLAIMS = ("ne ramène pas ici", "does not bring you back here")


def correct_earlier_demo(safety_page) -> None:
    fr, en = get_locales()
    Association.objects.filter(name__in=RETIRED_ASSOCIATIONS, to_verify=True).delete()
    for item in HELPLINES:
        for locale, language in ((fr, "fr"), (en, "en")):
            name, purpose, _hours = item[language]
            for line in Helpline.objects.filter(locale=locale, name=name):
                if any(note in line.purpose for note in WORKING_NOTES):
                    line.purpose = purpose
                    line.save(update_fields=["purpose"])
    page = safety_page.specific
    if any(claim in json.dumps(page.body.get_prep_value(), ensure_ascii=False) for claim in UNTRUE_SAFETY_CLAIMS):
        page.body = SAFETY_FR
        page.intro = SAFETY_INTRO["fr"]
        page.save_revision().publish()
        # The English page is the translation's target: its text is rewritten through it.
        ensure_translation(page, SAFETY_EN_FIELDS, refresh=True)


def load(home):
    fr, en = get_locales()
    ensure_helplines()
    ensure_associations()
    resources = ensure_child(
        home,
        ResourceIndexPage,
        "se-faire-aider",
        title="Se faire aider",
        intro="Numéros gratuits, associations près de chez vous, questionnaire pour y voir clair : trouvez qui peut vous aider, maintenant.",
        body=paragraphs("Vous n'êtes pas seul·e. Tous les numéros ci-dessus sont gratuits ; la plupart sont anonymes."),
        en={
            "slug": "get-help",
            "title": "Get help",
            "intro": "Free helplines, associations near you, a questionnaire to see clearly: find who can help you, now.",
            "body": paragraphs("You are not alone. All the numbers above are free; most are anonymous."),
        },
    )
    ensure_child(
        resources,
        HarassmentGuidePage,
        "est-ce-du-harcelement",
        title="Est-ce du harcèlement ?",
        intro="Quelques questions pour savoir ce que la loi dit de votre situation, et qui peut vous aider.",
        steps=guide_steps_fr(fr),
        en={
            "slug": "is-it-harassment",
            "title": "Is it harassment?",
            "intro": "A few questions to find out what the law says about your situation, and who can help you.",
            "steps": guide_steps_en(en),
        },
    )
    safety = ensure_child(
        resources,
        StandardPage,
        "naviguer-en-securite",
        show_in_menus=False,
        title="Naviguer en sécurité",
        intro=SAFETY_INTRO["fr"],
        body=SAFETY_FR,
        en=SAFETY_EN_FIELDS,
    )
    correct_earlier_demo(safety)
    return resources
