"""Demo content of the campaign pages, written in our own words from the press kit's facts.

Idempotent like the rest of the demo: existing pages are left alone. The press kit says the
campaign ran a study on harassment during the lockdown but gives none of its results, so the
study page tells what is known (when, why, what the campaign did) and shows no figure as a result.
"""

from __future__ import annotations

import datetime

from home.models import HarassmentType
from site_parlons.demo.content import blocks, ensure_child, ensure_translation, paragraphs

from .models import (
    ContactFormField,
    ContactPage,
    EditoPage,
    InterviewIndexPage,
    InterviewPage,
    PressContact,
    SocialNetworksPage,
    StudyIndexPage,
    StudyPage,
    VideoIndexPage,
    VideoPage,
)

INTERVIEW_VIDEO = "https://www.youtube.com/watch?v=eEfKzPVbFU0"
AWARENESS_VIDEO = "https://youtu.be/KHgWd7_Ys7A"
CONTACT_EMAIL = "parlonsharcelementcontact@gmail.com"


def _stream(*items) -> str:
    return blocks(*items)


def _classify(page, codes: list[str], tag_names: list[str]) -> None:
    """Set harassment types (in the page's language) and tags once, then republish."""
    if page.harassment_types.exists() or page.tags.exists():
        return
    page.harassment_types = list(HarassmentType.objects.filter(locale=page.locale, code__in=codes))
    page.tags.add(*tag_names)
    page.save_revision().publish()


def _translation(page, language_code: str):
    return page.get_translations().filter(locale__language_code=language_code).first().specific


def load(home):
    _edito(home)
    _interviews(home)
    _videos(home)
    _studies(home)
    _social(home)
    _contact(home)


def _edito(home):
    ensure_child(
        home,
        EditoPage,
        "edito",
        title="Édito",
        intro="En octobre 2019, cinq étudiants de l'IUT de Lens ont lancé « Plus forts, ensemble ! » pour que le mot harcèlement ne fasse plus peur.",
        body=_stream(
            (
                "paragraph",
                "<p>Nous sommes cinq étudiants de l'IUT de Lens. Certains d'entre nous ont connu le harcèlement, d'autres l'ont vu de près. "
                "En octobre 2019, nous avons décidé de mettre nos compétences au service d'une campagne : « Plus forts, ensemble ! ».</p>",
            ),
            ("heading", {"text": "Lire l'histoire d'un autre pour comprendre la sienne", "level": "h2"}),
            (
                "paragraph",
                "<p>Quand on lit le parcours de quelqu'un qui a vécu la même chose, on met des mots sur ce qui nous arrive "
                "et on voit mieux comment réagir. Ce site recueille donc des témoignages, anonymes si vous le souhaitez, "
                "et rassemble les associations qui accompagnent les victimes.</p>",
            ),
            (
                "quote",
                {
                    "text": "Pour s'en sortir, il faut d'abord pouvoir en parler.",
                    "attribution": "L'équipe Parlons Harcèlement",
                },
            ),
            (
                "paragraph",
                "<p>Notre but : que chacun puisse prononcer le mot harcèlement sans gêne, et que personne ne reste seul face à lui.</p>",
            ),
        ),
        signatories=_stream(
            ("signatory", {"name": "L'équipe Parlons Harcèlement", "role": "Cinq étudiants de l'IUT de Lens"})
        ),
        en={
            "slug": "editorial",
            "title": "Editorial",
            "intro": "In October 2019, five students from the IUT de Lens started “Stronger, together!” so that the word harassment would stop being frightening.",
            "body": _stream(
                (
                    "paragraph",
                    "<p>We are five students from the IUT de Lens. Some of us went through harassment, others saw it happen close by. "
                    "In October 2019 we decided to put our skills to work for a campaign: “Stronger, together!”.</p>",
                ),
                ("heading", {"text": "Reading someone else's story to understand your own", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Reading the path of someone who lived the same thing helps you name what is happening to you "
                    "and see how to react. This site collects testimonies, anonymous if you wish, and gathers the associations that support victims.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Getting out starts with being able to talk about it.",
                        "attribution": "The Parlons Harcèlement team",
                    },
                ),
                (
                    "paragraph",
                    "<p>Our aim: everyone should be able to say the word harassment without shame, and nobody should face it alone.</p>",
                ),
            ),
            "signatories": _stream(
                ("signatory", {"name": "The Parlons Harcèlement team", "role": "Five students from the IUT de Lens"})
            ),
        },
    )


def _interviews(home):
    index = ensure_child(
        home,
        InterviewIndexPage,
        "interviews",
        title="Interviews",
        intro="Des professionnels qui luttent contre le harcèlement au quotidien répondent à nos questions.",
        en={"slug": "interviews", "title": "Interviews", "intro": "Professionals who fight harassment every day answer our questions."},
    )
    page = ensure_child(
        index,
        InterviewPage,
        "est-ce-du-harcelement",
        title="Ce que je vis, est-ce du harcèlement ?",
        intro="Un professionnel qui accompagne victimes, témoins et anciens harceleurs nous aide à reconnaître le harcèlement et à savoir à qui en parler.",
        person_role="Professionnel engagé contre le harcèlement",
        video_url=INTERVIEW_VIDEO,
        summary=(
            "Beaucoup de personnes se taisent parce qu'elles ne savent pas si ce qu'elles vivent « compte ». "
            "Notre équipe a interrogé un professionnel au contact de victimes, de témoins et d'anciens harceleurs "
            "pour donner des repères concrets."
        ),
        questions_answered="Est-ce que ce que je subis est du harcèlement ?\nÀ qui en parler quand on n'ose pas ?\nQue faire quand on est témoin ?",
        qa=_stream(
            (
                "question_answer",
                {
                    "question": "Pourquoi certaines victimes ne parlent-elles pas ?",
                    "answer": "<p>Souvent, elles ne savent pas que ce qu'elles vivent porte un nom. Mettre le mot « harcèlement » sur la situation est déjà un premier pas.</p>",
                },
            ),
            (
                "question_answer",
                {
                    "question": "Que peut faire une personne témoin ?",
                    "answer": "<p>Ne pas rester spectatrice : soutenir la personne visée, lui montrer qu'elle n'est pas seule, et en parler à un adulte ou à une association.</p>",
                },
            ),
        ),
        en={
            "slug": "is-this-harassment",
            "title": "Is what I am going through harassment?",
            "intro": "A professional who works with victims, witnesses and former harassers helps us recognise harassment and know whom to talk to.",
            "person_role": "Professional committed against harassment",
            "summary": (
                "Many people keep quiet because they do not know whether what they endure “counts”. "
                "Our team questioned a professional who meets victims, witnesses and former harassers, to give practical landmarks."
            ),
            "questions_answered": "Is what I am going through harassment?\nWhom can I talk to when I do not dare?\nWhat should I do as a witness?",
            "qa": _stream(
                (
                    "question_answer",
                    {
                        "question": "Why do some victims not speak up?",
                        "answer": "<p>Often they do not know that what they live through has a name. Calling the situation “harassment” is already a first step.</p>",
                    },
                ),
                (
                    "question_answer",
                    {
                        "question": "What can a witness do?",
                        "answer": "<p>Not stay a bystander: support the person targeted, show them they are not alone, and tell an adult or an association.</p>",
                    },
                ),
            ),
        },
    )
    _classify(page, ["scolaire", "travail", "cyber"], ["témoins", "reconnaître le harcèlement"])
    _classify(_translation(page, "en"), ["scolaire", "travail", "cyber"], ["witnesses", "recognising harassment"])


def _videos(home):
    index = ensure_child(
        home,
        VideoIndexPage,
        "videos",
        title="Vidéos",
        intro="Les vidéos de sensibilisation de la campagne, inspirées de situations qui pourraient arriver à chacun.",
        en={
            "slug": "videos",
            "title": "Videos",
            "intro": "The campaign's awareness videos, inspired by situations that could happen to anyone.",
        },
    )
    page = ensure_child(
        index,
        VideoPage,
        "plus-forts-ensemble",
        title="Plus forts, ensemble !",
        intro="Une vidéo de sensibilisation sur ce qui arrive quand on franchit les limites de la vie privée de quelqu'un.",
        video_url=AWARENESS_VIDEO,
        content_warning="shocking",
        body=paragraphs(
            "Cette vidéo met en scène une situation qui pourrait arriver à n'importe qui. Elle s'adresse aux victimes, "
            "aux témoins, mais aussi à celles et ceux qui harcèlent, pour que chacun mesure jusqu'où cela peut aller.",
        ),
        en={
            "slug": "stronger-together",
            "title": "Stronger, together!",
            "intro": "An awareness video about what happens when someone's privacy is crossed.",
            "body": paragraphs(
                "This video stages a situation that could happen to anyone. It speaks to victims, witnesses and also "
                "to those who harass, so that everyone sees how far it can go.",
            ),
        },
    )
    _classify(page, ["cyber"], ["vie privée", "sensibilisation"])
    _classify(_translation(page, "en"), ["cyber"], ["privacy", "awareness"])


STUDY_FR = dict(
    title="Confinement – Covid-19",
    intro="Le confinement a commencé le 17 mars 2020. Confinées chez elles, certaines victimes ont vu le harcèlement "
    "prendre plus de place dans leur vie : la campagne a voulu le mesurer.",
    study_date=datetime.date(2020, 3, 17),
    method="Étude menée par l'équipe de la campagne sur le harcèlement vécu pendant le confinement, "
    "puis partagée sur ses réseaux sociaux.",
    source="Parlons Harcèlement",
    key_figures=_stream(
        (
            "key_figure",
            {
                "figure": "17 mars 2020",
                "label": "Début du confinement : la période sur laquelle porte l'étude.",
                "source": "",
            },
        ),
        (
            "key_figure",
            {
                "figure": "1 catégorie",
                "label": "« Confinement » ajoutée aux témoignages pour recueillir ces récits.",
                "source": "",
            },
        ),
    ),
    body=_stream(
        (
            "paragraph",
            "<p>Pendant le confinement, le harcèlement n'a pas disparu : il a changé de forme et, pour certaines "
            "victimes, il est devenu plus présent. La campagne a continué d'accompagner les victimes sur ses "
            "réseaux sociaux et a mené cette étude pour faire connaître cette hausse et ce qu'elle fait vivre.</p>",
        ),
        (
            "paragraph",
            "<p>Si vous avez vécu du harcèlement pendant cette période, vous pouvez le raconter : la catégorie "
            "« Confinement » existe pour cela. Les interviews de professionnels se sont poursuivies à distance, "
            "dans le respect des règles sanitaires.</p>",
        ),
    ),
)

STUDY_EN = {
    "slug": "lockdown-covid-19",
    "title": "Lockdown – Covid-19",
    "intro": "The lockdown began on 17 March 2020. Shut in at home, some victims saw harassment take up more "
    "room in their lives: the campaign set out to measure it.",
    "method": "Study run by the campaign team on harassment experienced during the lockdown, then shared on "
    "its social networks.",
    "key_figures": _stream(
        (
            "key_figure",
            {"figure": "17 March 2020", "label": "Start of the lockdown: the period the study covers.", "source": ""},
        ),
        (
            "key_figure",
            {
                "figure": "1 category",
                "label": "“Lockdown” added to testimonies to collect these stories.",
                "source": "",
            },
        ),
    ),
    "body": _stream(
        (
            "paragraph",
            "<p>During the lockdown, harassment did not go away: it changed shape and, for some victims, became "
            "more present. The campaign kept supporting victims on its social networks and ran this study to "
            "make this rise, and what it does to people, known.</p>",
        ),
        (
            "paragraph",
            "<p>If you were harassed during that time, you can tell your story: the “Lockdown” category is "
            "there for it. Interviews with professionals went on remotely, following the health rules.</p>",
        ),
    ),
}


def _studies(home):
    index = ensure_child(
        home,
        StudyIndexPage,
        "etudes",
        title="Études chiffrées",
        intro="Nos enquêtes pour mesurer le harcèlement et faire réagir.",
        en={"slug": "studies", "title": "Studies", "intro": "Our surveys to measure harassment and raise awareness."},
    )
    study = ensure_child(index, StudyPage, "confinement-covid-19", **STUDY_FR, en=STUDY_EN)
    _correct_earlier_study(study)


def _correct_earlier_study(study) -> None:
    """Earlier versions of this demo published invented figures flagged « données d'exemple »; the
    loader leaves existing pages alone, so such a page is brought to the honest version here."""
    if not study.example_data:
        return
    for name, value in STUDY_FR.items():
        setattr(study, name, value)
    study.sample = ""
    study.example_data = False
    study.save_revision().publish()
    # The English page is the translation's target: its text is rewritten through it.
    ensure_translation(study, STUDY_EN, refresh=True)


def _social(home):
    partners_fr = _stream(
        (
            "partner",
            {
                "name": "Association e-Enfance / 3018",
                "kind": "association",
                "url": "https://e-enfance.org/",
                "description": "Aide les jeunes victimes de harcèlement en ligne et leurs parents ; gère le numéro 3018.",
            },
        ),
        (
            "partner",
            {
                "name": "Non au harcèlement",
                "kind": "projet",
                "url": "https://www.education.gouv.fr/non-au-harcelement",
                "description": "Le programme de l'Éducation nationale contre le harcèlement à l'école.",
            },
        ),
    )
    partners_en = _stream(
        (
            "partner",
            {
                "name": "Association e-Enfance / 3018",
                "kind": "association",
                "url": "https://e-enfance.org/",
                "description": "Helps young victims of online harassment and their parents; runs the 3018 helpline.",
            },
        ),
        (
            "partner",
            {
                "name": "Non au harcèlement",
                "kind": "projet",
                "url": "https://www.education.gouv.fr/non-au-harcelement",
                "description": "The French education ministry's programme against school bullying.",
            },
        ),
    )
    ensure_child(
        home,
        SocialNetworksPage,
        "reseaux-sociaux",
        title="Réseaux sociaux",
        intro="Sur Twitter et Facebook, la campagne relaie les personnes, projets et associations qui luttent contre le harcèlement.",
        body=_stream(
            ("heading", {"text": "Pourquoi nous y sommes", "level": "h2"}),
            (
                "paragraph",
                "<p>Échanger est au cœur du projet. Sur Twitter, nous parlons aux adolescents et aux jeunes adultes "
                "dès leur arrivée sur les réseaux, parfois très jeunes. Sur Facebook, nous proposons une écoute et un suivi, "
                "et les parents nous y trouvent plus facilement pour soutenir leurs enfants.</p>",
            ),
            (
                "paragraph",
                "<p>Nous y partageons aussi les résultats de nos études chiffrées : la prévention reste la meilleure façon "
                "d'arrêter le harcèlement avant qu'il ne s'installe.</p>",
            ),
        ),
        partners=partners_fr,
        en={
            "slug": "social-networks",
            "title": "Social networks",
            "intro": "On Twitter and Facebook the campaign shares the people, projects and associations fighting harassment.",
            "body": _stream(
                ("heading", {"text": "Why we are there", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Exchange is at the heart of the project. On Twitter we talk to teenagers and young adults as soon as "
                    "they join social networks, sometimes very young. On Facebook we offer a listening ear and follow-up, and parents "
                    "find us there more easily to support their children.</p>",
                ),
                (
                    "paragraph",
                    "<p>We also share the results of our studies there: prevention remains the best way to stop harassment before it settles in.</p>",
                ),
            ),
            "partners": partners_en,
        },
    )


def _form_fields(english: bool) -> list[ContactFormField]:
    rows = [
        ("singleline", "Votre nom", "Your name", True, "", ""),
        ("email", "Votre e-mail", "Your e-mail", True, "Pour vous répondre, rien d'autre.", "Only to answer you."),
        ("singleline", "Média ou structure", "Media or organisation", False, "", ""),
        ("multiline", "Votre message", "Your message", True, "", ""),
    ]
    return [
        ContactFormField(
            sort_order=i,
            field_type=kind,
            label=en if english else fr,
            required=required,
            help_text=help_en if english else help_fr,
        )
        for i, (kind, fr, en, required, help_fr, help_en) in enumerate(rows)
    ]


def _contact(home):
    facts_fr = _stream(
        (
            "key_figure",
            {"figure": "Octobre 2019", "label": "Lancement de la campagne « Plus forts, ensemble ! ».", "source": ""},
        ),
        ("key_figure", {"figure": "5", "label": "étudiants de l'IUT de Lens à l'origine du projet.", "source": ""}),
        (
            "key_figure",
            {
                "figure": "17 mars 2020",
                "label": "Début de notre étude sur le harcèlement pendant le confinement.",
                "source": "",
            },
        ),
    )
    facts_en = _stream(
        (
            "key_figure",
            {"figure": "October 2019", "label": "Launch of the “Stronger, together!” campaign.", "source": ""},
        ),
        ("key_figure", {"figure": "5", "label": "students from the IUT de Lens started the project.", "source": ""}),
        (
            "key_figure",
            {"figure": "17 March 2020", "label": "Start of our study on harassment during the lockdown.", "source": ""},
        ),
    )
    ensure_child(
        home,
        ContactPage,
        "contacts-presse",
        title="Contacts presse",
        intro="Journalistes, partenaires : voici comment joindre la campagne.",
        body=paragraphs(
            "Pour une interview, un reportage ou un partenariat, écrivez-nous : l'équipe répond elle-même.",
            "Parlons Harcèlement, Rue de l'Université, SP 16, 62307 Lens.",
        ),
        press_contacts=[
            PressContact(name="L'équipe Parlons Harcèlement", role="Relations presse", email=CONTACT_EMAIL)
        ],
        key_facts=facts_fr,
        form_intro="Une question, une demande d'interview ? Écrivez-nous, nous répondons sous quelques jours.",
        thank_you_text="Merci ! Votre message est bien arrivé ; nous vous répondons dès que possible.",
        form_fields=_form_fields(english=False),
        to_address=CONTACT_EMAIL,
        subject="Message depuis la page contacts presse",
        en={
            "slug": "press-contacts",
            "title": "Press contacts",
            "intro": "Journalists and partners: here is how to reach the campaign.",
            "body": paragraphs(
                "For an interview, a report or a partnership, write to us: the team answers itself.",
                "Parlons Harcèlement, Rue de l'Université, SP 16, 62307 Lens, France.",
            ),
            "press_contacts": [
                PressContact(name="The Parlons Harcèlement team", role="Press relations", email=CONTACT_EMAIL)
            ],
            "key_facts": facts_en,
            "form_intro": "A question, an interview request? Write to us, we answer within a few days.",
            "thank_you_text": "Thank you! Your message has arrived; we will answer as soon as possible.",
            "form_fields": _form_fields(english=True),
            "subject": "Message from the press contacts page (English)",
        },
    )
