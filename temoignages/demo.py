"""Demo content of the testimony section: the form page and a few approved testimonies.

The stories are invented for the demo, written for it, and contain no real person or place.
"""

from wagtail.models import Locale, Page

from home.models import ContentWarningTheme, HarassmentType
from site_parlons.demo.content import ensure_child, ensure_copied_translation, paragraphs

from .choices import WarningLevel
from .models import TestimonyFormPage, TestimonyIndexPage, TestimonyPage
from .permissions import creating_testimonies

FORM_FR = {
    "title": "Témoigner",
    "intro": "Racontez ce que vous avez vécu ou vu, sans créer de compte, anonymement si vous le souhaitez.",
    "reassurance": (
        "Pas de compte, pas de nom obligatoire. Nous ne gardons ni votre adresse IP ni les informations de votre "
        "navigateur. Vous pourrez retirer votre récit à tout moment grâce au code affiché après l'envoi."
    ),
    "what_is_published": (
        "Si vous l'acceptez, nous publions votre récit relu, votre pseudonyme (ou « Anonyme »), votre rôle, et si "
        "vous les donnez votre tranche d'âge et votre région. Votre e-mail n'est jamais publié."
    ),
    "review_delay": "en général sous sept jours",
    "body": paragraphs("Prenez votre temps. Vous pouvez écrire comme vous parlez : il n'y a pas de bonne ou de mauvaise façon de raconter."),
}
FORM_EN = {
    "slug": "testify",
    "title": "Testify",
    "intro": "Tell what you went through or saw, without an account, anonymously if you wish.",
    "reassurance": (
        "No account, no name required. We keep neither your IP address nor your browser details. You can withdraw "
        "your story at any time with the code shown after sending it."
    ),
    "what_is_published": (
        "If you agree, we publish your reviewed story, your pseudonym (or « Anonymous »), your role and, if you give "
        "them, your age range and region. Your e-mail address is never published."
    ),
    "review_delay": "usually within seven days",
    "body": paragraphs("Take your time. Write the way you speak: there is no right or wrong way to tell it."),
}

# (slug, type code, role, pseudonym, age range, headline, story, (warning level, theme names, precision), tags)
NO_WARNING = (WarningLevel.NONE, [], "")
STORIES_FR = [
    (
        "la-cantine",
        "scolaire",
        "victime",
        "Lou",
        "15-17",
        "Les plateaux renversés",
        "En quatrième, chaque midi, un petit groupe renversait mon plateau « par accident ». Tout le monde riait. "
        "J'ai fini par sauter le repas et passer l'heure au CDI. C'est une surveillante qui a remarqué que je ne "
        "mangeais plus. Elle m'a écoutée sans me juger, puis elle a prévenu la CPE. Les choses n'ont pas changé en un "
        "jour, mais je n'étais plus seule à porter ça.",
        NO_WARNING,
        ["collège", "entraide"],
    ),
    (
        "le-groupe-de-discussion",
        "cyber",
        "temoin",
        "Un ami de la classe",
        "15-17",
        "J'ai quitté le groupe, puis j'ai parlé",
        "Dans le groupe de la classe, des montages d'une camarade circulaient tous les soirs. Au début je ne disais "
        "rien, j'avais peur d'être le suivant. Un soir j'ai fait des captures d'écran, j'ai quitté le groupe et je les "
        "ai montrées à ma professeure principale. Je regrette seulement de ne pas l'avoir fait plus tôt.",
        NO_WARNING,
        ["réseaux sociaux", "témoin"],
    ),
    (
        "open-space",
        "travail",
        "victime",
        "",
        "26-40",
        "Des remarques « pour rire »",
        "Pendant deux ans, mon responsable commentait ma tenue et mes absences devant toute l'équipe, toujours « pour "
        "rire ». Je dormais mal, j'avais mal au ventre le dimanche soir. J'ai noté chaque remarque avec la date, puis "
        "je suis allée voir la médecine du travail. Écrire ici, c'est dire aux autres que ce n'est pas normal.",
        (WarningLevel.SENSITIVE, ["insultes et propos haineux"], "Propos humiliants répétés et épuisement"),
        ["travail", "santé"],
    ),
    (
        "le-trajet-du-soir",
        "rue",
        "victime",
        "Inès",
        "18-25",
        "Changer de trottoir",
        "Sur le chemin de la gare, un homme m'a suivie en me parlant de plus en plus fort. J'ai fait semblant "
        "d'appeler quelqu'un et je suis entrée dans une boulangerie encore ouverte. La vendeuse m'a gardée le temps "
        "qu'il parte. Depuis, je connais les commerces ouverts sur mon trajet, et j'en parle autour de moi.",
        (WarningLevel.SENSITIVE, ["menaces"], "Harcèlement de rue, sentiment de peur"),
        ["rue", "entraide"],
    ),
]
# English translations of the stories above, in the same order: (headline, story, warning precision).
STORIES_EN = [
    (
        "Eating alone was safer",
        "For months a few classmates made a game of knocking my tray over at lunch. I started skipping meals and "
        "hiding in the library. A teaching assistant noticed and asked me, calmly, what was going on. Telling her was "
        "the first time I felt the problem was not me.",
        "",
    ),
    (
        "I kept the screenshots",
        "Edited pictures of a classmate were shared in our class group chat every night. I left the group, kept the "
        "screenshots and showed them to my form tutor. Being a witness means you have a choice to make.",
        "",
    ),
    (
        "Remarks « just for fun »",
        "For two years my manager commented on my clothes and my sick days in front of the whole team, always « just "
        "for fun ». I slept badly and dreaded Sunday evenings. I wrote every remark down with its date, then went to "
        "the occupational doctor. Writing here is a way to tell others this is not normal.",
        "Repeated humiliating remarks and exhaustion",
    ),
    (
        "Crossing the street",
        "On my way to the station, a man followed me, talking louder and louder. I pretended to call someone and "
        "walked into a bakery that was still open. The shop assistant let me stay until he left. Now I know which "
        "shops are open along my way, and I talk about it around me.",
        "Street harassment, fear",
    ),
]


def _publish_story(index, locale, spec):
    slug, type_code, role, pseudonym, age_range, headline, story, (level, themes, precision), tags = spec
    page = TestimonyPage.objects.child_of(index).filter(slug=slug).first()
    if page is not None:
        return page
    page = TestimonyPage(
        title=headline,
        slug=slug,
        show_in_menus=False,
        harassment_type=HarassmentType.objects.filter(code=type_code, locale=locale).first(),
        role=role,
        pseudonym=pseudonym,
        age_range=age_range,
        headline=headline,
        story=story,
        content_warning_level=level,
        content_warning=precision,
        content_warning_themes=list(ContentWarningTheme.objects.filter(name__in=themes, locale=locale)),
    )
    index.add_child(instance=page)
    page.tags.add(*tags)
    page.save_revision().publish()
    return page


def load(home):
    with creating_testimonies():
        return _load(home)


def _load(home):
    index = ensure_child(
        home,
        TestimonyIndexPage,
        "temoignages",
        title="Témoignages",
        intro="Des personnes victimes ou témoins racontent. Chaque récit est relu avant d'être publié.",
        en={"slug": "testimonies", "title": "Testimonies", "intro": "Victims and witnesses tell their stories. Every story is reviewed before it is published."},
    )
    privacy = Page.objects.child_of(home).filter(slug="confidentialite").first()
    ensure_child(index, TestimonyFormPage, "temoigner", privacy_page=privacy, en=FORM_EN, **FORM_FR)
    fr = Locale.objects.get(language_code="fr")
    en = Locale.objects.get(language_code="en")
    for spec, (headline, story, precision) in zip(STORIES_FR, STORIES_EN, strict=True):
        page = _publish_story(index, fr, spec)
        ensure_copied_translation(
            page,
            {
                "title": headline,
                "headline": headline,
                "story": story,
                "content_warning": precision,
                "content_warning_themes": [
                    theme.get_translation_or_none(en) or theme for theme in page.content_warning_themes.all()
                ],
                "harassment_type": HarassmentType.objects.filter(code=spec[1], locale=en).first(),
            },
        )
    return index
