"""Demo content of the privacy page (« Confidentialité »), French and English.

No duration is written here: the « Durées de conservation » block shows the ones the site
applies, read from the settings (home/privacy.py). The page's own words say who is responsible,
why each item is used and on which legal basis, who reads what, the rights and the CNIL.
"""

from __future__ import annotations

from home.models import HomePage, StandardPage
from site_parlons.demo.content import blocks, ensure_child

CONTACT = "parlonsharcelementcontact@gmail.com"
CNIL_COMPLAINT = "https://www.cnil.fr/fr/adresser-une-plainte"


def heading(text: str) -> tuple[str, dict]:
    return ("heading", {"text": text, "level": "h2"})


def paragraph(html: str) -> tuple[str, str]:
    return ("paragraph", html)


def bullets(*items: str) -> tuple[str, str]:
    return ("paragraph", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


MAIL = f'<a href="mailto:{CONTACT}">{CONTACT}</a>'

INTRO = {
    "fr": "Ce que nous gardons quand vous venez sur le site ou témoignez, pourquoi, combien de temps, qui le lit, et vos droits.",
    "en": "What we keep when you visit the site or tell your story, why, for how long, who reads it, and your rights.",
}

BODY_FR = blocks(
    heading("Qui est responsable de vos données"),
    paragraph(
        "<p>Le responsable du traitement est la campagne « Parlons Harcèlement — Plus forts, ensemble ! », créée par "
        "des étudiants de l'IUT de Lens. Adresse : Parlons Harcèlement, Rue de l'Université, SP 16, 62307 Lens.</p>"
    ),
    heading("Nous écrire au sujet de vos données"),
    paragraph(
        f"<p>Pour une question sur vos données ou pour exercer vos droits, écrivez à {MAIL}, avec « Données "
        "personnelles » dans l'objet. La campagne n'a pas désigné de délégué à la protection des données : c'est "
        "cette adresse qui en tient lieu. Nous vous répondons dans un délai d'un mois au plus.</p>"
    ),
    heading("Pourquoi nous utilisons vos données, et sur quelle base"),
    bullets(
        "<b>Recueillir, relire et publier votre témoignage</b> : votre consentement (RGPD, article 6.1.a), donné en "
        "cochant les cases du formulaire. Dès 15 ans, vous pouvez le donner seul ou seule (article 45 de la loi "
        "Informatique et Libertés). Vous pouvez le retirer à tout moment avec votre code de suivi.",
        "<b>Si vous avez moins de 15 ans</b> : notre intérêt légitime à prévenir le harcèlement et à aider l'enfant "
        "qui en parle (RGPD, article 6.1.f). Le RGPD prévoit que l'accord des parents n'est pas nécessaire pour un "
        "service de prévention ou de conseil offert directement à un enfant (considérant 38). Nous ne vous demandons "
        "pas d'e-mail et n'en gardons aucun.",
        "<b>Répondre aux messages du formulaire de contact</b> : notre intérêt légitime à répondre à qui nous écrit.",
        "<b>Améliorer la recherche du site</b> : notre intérêt légitime ; nous gardons des mots, jamais qui les a "
        "tapés.",
        "<b>Gérer les comptes de l'équipe et protéger le site</b> (connexion, second facteur, sauvegardes) : notre "
        "intérêt légitime à garder le site et les témoignages en sécurité.",
    ),
    heading("Si vous avez moins de 15 ans"),
    paragraph(
        "<p>Vous pouvez témoigner sans l'accord de vos parents. Votre récit est lu d'abord par l'équipe de "
        "modération, et par personne d'autre ; elle retire tout ce qui pourrait vous faire reconnaître avant de le "
        "publier. Nous ne gardons pas d'adresse e-mail : nous ne pouvons donc pas vous répondre, mais vous pouvez "
        "retirer votre récit quand vous voulez avec votre code de suivi. Pour parler à quelqu'un, appelez le 3018, "
        "le 119 ou Fil Santé Jeunes au 0 800 235 236 : c'est gratuit.</p>"
    ),
    heading("Combien de temps nous gardons vos données"),
    paragraph(
        "<p>Les durées ci-dessous sont celles que le site applique lui-même : il efface ce qui a dépassé son délai, "
        "chaque jour.</p>"
    ),
    ("retention_table", {"caption": ""}),
    paragraph(
        "<p>Nous ne gardons jamais votre adresse IP ni les informations de votre navigateur avec un témoignage. Les "
        "journaux du serveur web ne notent ni votre adresse IP ni ce que vous cherchez, sur aucune page. Pour freiner "
        "les abus, le site compte les envois venus d'une même adresse pendant une heure au plus, en mémoire et sous "
        "une forme brouillée, jamais l'adresse elle-même. Le site ne dépose que des cookies techniques : un cookie de "
        "sécurité quand vous envoyez un formulaire, effacé à la fermeture du navigateur, et, pour l'équipe connectée, "
        "un cookie de session. "
        "Aucun cookie de mesure d'audience ni de publicité, et aucune vidéo ne se charge avant que vous le "
        "demandiez.</p>"
    ),
    heading("Qui peut lire quoi"),
    bullets(
        "<b>L'équipe de modération</b> (des membres de la campagne, qui se connectent avec un second facteur) : les "
        "témoignages reçus et, si vous en avez laissé un, votre e-mail de contact. Personne d'autre ne voit un "
        "témoignage non publié.",
        "<b>L'équipe de rédaction</b> : les pages du site et les mots tapés dans la recherche ; jamais les "
        "témoignages reçus.",
        "<b>Tout le monde</b> : seulement les témoignages publiés, relus, avec un pseudonyme.",
        "Les e-mails envoyés à l'équipe de modération contiennent un lien, jamais votre récit ni votre e-mail. Nous "
        "ne vendons ni ne prêtons vos données, et ne les transmettons à personne, sauf si la loi nous y oblige.",
    ),
    heading("Vos droits"),
    bullets(
        "<b>Retirer et effacer votre témoignage</b> : sur la page « Suivre mon témoignage », avec votre code de "
        "suivi, sans compte et sans nous écrire. Il est effacé aussitôt.",
        f"<b>Sans code</b> : nous ne savons pas quel témoignage est le vôtre, puisque nous ne gardons ni votre nom "
        f"ni votre adresse. Écrivez à {MAIL} en décrivant votre récit (date d'envoi, type, pseudonyme) : nous "
        "chercherons avec vous.",
        f"<b>Accès, rectification, opposition, limitation</b> : écrivez à {MAIL}. Vous pouvez aussi demander à un "
        "adulte de confiance de nous écrire avec vous.",
    ),
    heading("Faire une réclamation auprès de la CNIL"),
    paragraph(
        "<p>Si vous pensez que nous ne respectons pas vos droits, vous pouvez adresser une plainte à la CNIL "
        f'(Commission nationale de l\'informatique et des libertés), en ligne sur <a href="{CNIL_COMPLAINT}">cnil.fr, '
        "rubrique « Adresser une plainte »</a>, ou par courrier : CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris "
        "Cedex 07.</p>"
    ),
)

BODY_EN = blocks(
    heading("Who is responsible for your data"),
    paragraph(
        "<p>The controller is the “Parlons Harcèlement” campaign (“Stronger, together!”), started by students of the "
        "IUT de Lens. Address: Parlons Harcèlement, Rue de l'Université, SP 16, 62307 Lens, France.</p>"
    ),
    heading("Writing to us about your data"),
    paragraph(
        f"<p>For a question about your data or to use your rights, write to {MAIL}, with “Personal data” in the "
        "subject. The campaign has not appointed a data protection officer: this address takes that role. We answer "
        "within one month at most.</p>"
    ),
    heading("Why we use your data, and on what legal basis"),
    bullets(
        "<b>Receiving, reviewing and publishing your testimony</b>: your consent (GDPR, Article 6(1)(a)), given by "
        "ticking the form's boxes. From 15, you can give it on your own (Article 45 of the French Data Protection "
        "Act). You can take it back at any time with your tracking code.",
        "<b>If you are under 15</b>: our legitimate interest in preventing harassment and helping the child who "
        "speaks up (GDPR, Article 6(1)(f)). The GDPR says parental consent is not needed for a prevention or "
        "counselling service offered directly to a child (Recital 38). We do not ask for your e-mail and keep none.",
        "<b>Answering messages from the contact form</b>: our legitimate interest in answering people who write to us.",
        "<b>Improving the site's search</b>: our legitimate interest; we keep words, never who typed them.",
        "<b>Managing the team's accounts and protecting the site</b> (sign-in, second factor, backups): our "
        "legitimate interest in keeping the site and the testimonies safe.",
    ),
    heading("If you are under 15"),
    paragraph(
        "<p>You can tell your story without your parents' permission. Your story is first read by the moderation "
        "team, and by no one else; they remove anything that could let someone recognise you before publishing it. "
        "We keep no e-mail address: so we cannot answer you, but you can take your story back whenever you want "
        "with your tracking code. To talk to someone, call 3018, 119 or Fil Santé Jeunes on 0 800 235 236: it is "
        "free.</p>"
    ),
    heading("How long we keep your data"),
    paragraph(
        "<p>The durations below are the ones the site applies itself: every day, it erases what has passed its "
        "term.</p>"
    ),
    ("retention_table", {"caption": ""}),
    paragraph(
        "<p>We never keep your IP address or your browser details with a testimony. The web server's logs note "
        "neither your IP address nor what you search for, on any page. To curb abuse, the site counts what is sent "
        "from one address for an hour at most, in memory and in a scrambled form, never the address itself. The site "
        "only sets technical cookies: a security cookie when you send a form, erased when you close the browser, "
        "and, for the signed-in team, a session cookie. No audience-measurement or advertising cookie, and no video loads "
        "before you ask for it.</p>"
    ),
    heading("Who can read what"),
    bullets(
        "<b>The moderation team</b> (campaign members who sign in with a second factor): the testimonies received "
        "and, if you left one, your contact e-mail. No one else sees an unpublished testimony.",
        "<b>The editorial team</b>: the site's pages and the words typed into the search; never the testimonies "
        "received.",
        "<b>Everyone</b>: only published testimonies, reviewed, under a pseudonym.",
        "E-mails sent to the moderation team carry a link, never your story or your e-mail. We neither sell nor "
        "lend your data, and pass it to no one unless the law requires us to.",
    ),
    heading("Your rights"),
    bullets(
        "<b>Withdrawing and erasing your testimony</b>: on the “Track my testimony” page, with your tracking code, "
        "without an account and without writing to us. It is erased at once.",
        f"<b>Without a code</b>: we do not know which testimony is yours, since we keep neither your name nor your "
        f"address. Write to {MAIL} describing your story (date sent, type, pseudonym): we will look with you.",
        f"<b>Access, correction, objection, restriction</b>: write to {MAIL}. You can also ask an adult you trust "
        "to write to us with you.",
    ),
    heading("Complaining to the CNIL"),
    paragraph(
        "<p>If you think we do not respect your rights, you can complain to the CNIL, the French data protection "
        f'authority, online at <a href="{CNIL_COMPLAINT}">cnil.fr, “Adresser une plainte” (in French)</a>, or by '
        "post: CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France.</p>"
    ),
)

# The first demo's four sentences: a page still holding them is rewritten, an editor's page never.
EARLIER_DEMO_SENTENCES = (
    "Les témoignages refusés ou retirés sont effacés définitivement après 30 jours.",
    "Rejected or withdrawn testimonies are permanently erased after 30 days.",
)


def ensure_privacy_page(home: HomePage) -> StandardPage:
    page = ensure_child(
        home,
        StandardPage,
        "confidentialite",
        show_in_menus=False,
        title="Confidentialité",
        intro=INTRO["fr"],
        body=BODY_FR,
        en={"slug": "privacy", "title": "Privacy", "intro": INTRO["en"], "body": BODY_EN},
    )
    bodies = {"fr": BODY_FR, "en": BODY_EN}
    for version in [page, *page.get_translations()]:
        version = version.specific
        language = version.locale.language_code
        if language in bodies and any(sentence in str(version.body.raw_data) for sentence in EARLIER_DEMO_SENTENCES):
            version.body = bodies[language]
            version.intro = INTRO[language]
            version.save_revision().publish()
    return page
