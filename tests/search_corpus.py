"""A small French site with known words, for the search tests (relevance table, leaks).

Every indexed text field is set explicitly: Faker text could otherwise contain a query
word and make the relevance table flaky.
"""

from __future__ import annotations

import json

from django.utils.html import strip_tags
from wagtail.search import index

from tests.factories.campagne import (
    EditoPageFactory,
    InterviewIndexPageFactory,
    InterviewPageFactory,
    StudyIndexPageFactory,
    StudyPageFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)
from tests.factories.home import StandardPageFactory
from tests.factories.temoignages import TestimonyIndexPageFactory, TestimonyPageFactory


def rich(*paragraphs: str) -> list[tuple[str, str]]:
    return [("paragraph", f"<p>{p}</p>") for p in paragraphs]


def blank_indexed_fields(model, given: dict) -> dict:
    """Empty string for every indexed text field of ``model`` not in ``given``."""
    extra = {}
    for field in model.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name in given:
            continue
        try:
            model_field = model._meta.get_field(field.field_name)
        except Exception:  # noqa: S112 - a search field that is a method, not a column
            continue
        if model_field.get_internal_type() in {"CharField", "TextField"}:
            extra[field.field_name] = ""
    return extra


def make(factory, parent, **fields):
    """A published page from ``factory`` under ``parent``, with only the given texts indexed."""
    model = factory._meta.model
    if "body" in fields:
        blocks = fields.pop("body")
        column_names = {f.name for f in model._meta.get_fields()}
        if "body" in column_names:
            fields["body"] = json.dumps([{"type": t, "value": v} for t, v in blocks])
        else:
            # Page types without a body (an interview's summary): the same words as plain text.
            target = next(name for name in ("summary", "story", "transcript") if name in column_names)
            fields[target] = " ".join(strip_tags(v) for _t, v in blocks)
    fields.setdefault("intro", "")
    fields.update(blank_indexed_fields(model, fields))
    page = factory(parent=parent, **fields)
    page.save_revision().publish()
    return page


def build_corpus(home) -> dict:
    """The French pages of the relevance table, by short name."""
    home.title = "Accueil"
    home.intro = ""
    home.hero_text = ""
    home.save_revision().publish()
    pages = {}
    testimonies = make(TestimonyIndexPageFactory, home, title="Témoignages", slug="temoignages")
    interviews = make(InterviewIndexPageFactory, home, title="Interviews", slug="interviews")
    videos = make(VideoIndexPageFactory, home, title="Vidéos", slug="videos")
    studies = make(StudyIndexPageFactory, home, title="Études", slug="etudes")
    pages["college"] = make(
        TestimonyPageFactory,
        testimonies,
        title="Harcelée au collège pendant deux ans",
        slug="college",
        story="En sixième, trois élèves se moquaient de mes vêtements chaque matin devant le portail.",
    )
    pages["reseaux"] = make(
        TestimonyPageFactory,
        testimonies,
        title="Des insultes sous chaque photo",
        slug="photos",
        story="Sur les réseaux sociaux, un compte anonyme publiait des montages de moi sur Instagram.",
    )
    pages["chef"] = make(
        TestimonyPageFactory,
        testimonies,
        title="Mon chef me rabaissait",
        slug="chef",
        story="Au bureau, mon responsable multipliait les humiliations en réunion, jusqu'à mon arrêt maladie. "
        "Le travail était devenu une angoisse.",
    )
    pages["metro"] = make(
        TestimonyPageFactory,
        testimonies,
        title="Ce soir-là, dans le métro",
        slug="metro",
        story="Un inconnu m'a suivie de la station jusqu'à ma rue en sifflant.",
    )
    pages["psy"] = make(
        InterviewPageFactory,
        interviews,
        title="Entretien avec une psychologue scolaire",
        slug="psychologue",
        body=rich("Elle reçoit des élèves du collège et conseille aux parents d'écouter sans juger."),
    )
    pages["avocat"] = make(
        InterviewPageFactory,
        interviews,
        title="Un avocat explique comment porter plainte",
        slug="avocat",
        body=rich("Au commissariat, apportez vos preuves : captures, messages, certificats médicaux."),
    )
    pages["film"] = make(
        VideoPageFactory,
        videos,
        title="Court métrage : le silence de Léa",
        slug="silence",
        body=rich("Une lycéenne victime de cyberharcèlement finit par en parler à sa sœur."),
    )
    pages["confinement"] = make(
        StudyPageFactory,
        studies,
        title="Confinement et violences conjugales : les chiffres",
        slug="confinement",
        body=rich("Pendant le confinement, les appels pour violences dans la famille ont fortement augmenté."),
    )
    pages["rue"] = make(
        StudyPageFactory,
        studies,
        title="Enquête sur le harcèlement de rue",
        slug="enquete-rue",
        body=rich("Huit cents femmes interrogées à Lens et Arras décrivent les remarques subies dehors."),
    )
    pages["securite"] = make(
        StandardPageFactory,
        home,
        title="Naviguer en sécurité",
        slug="naviguer",
        body=rich("Effacez l'historique de votre navigateur et utilisez le bouton de sortie rapide."),
    )
    pages["edito"] = make(
        EditoPageFactory,
        home,
        title="Pourquoi nous parlons",
        slug="edito",
        body=rich("Cinq étudiants de l'IUT de Lens ont lancé cette campagne en 2019."),
    )
    return pages


#: (query as a visitor types it, name of the expected first result). Accents, case and
#: stop words vary on purpose; every backend must pass these.
RELEVANCE_TABLE = [
    ("harcelee college", "college"),
    ("collège", "college"),
    ("COLLEGE", "college"),
    ("reseaux sociaux", "reseaux"),
    ("insultes instagram", "reseaux"),
    ("mon chef au bureau", "chef"),
    ("humiliations travail", "chef"),
    ("metro", "metro"),
    ("psychologue", "psy"),
    ("porter plainte", "avocat"),
    ("commissariat preuves", "avocat"),
    ("court metrage", "film"),
    ("cyberharcelement", "film"),
    ("confinement violences conjugales", "confinement"),
    ("enquete rue", "rue"),
    ("HARCELEMENT DE RUE", "rue"),
    ("effacer historique", "securite"),
    ("etudiants de Lens", "edito"),
    ("soeur lyceenne", "film"),
]

#: Plural and feminine forms and other inflections, found by stemming (PostgreSQL's French
#: stemmer; SQLite gets most through the light stemmer, but only PostgreSQL is promised).
STEMMING_TABLE = [
    ("harcelés au collège", "college"),
    ("plaintes", "avocat"),
    ("humiliée en réunion", "chef"),
    ("photos insultantes", "reseaux"),
    ("appel violence famille", "confinement"),
    ("enquêtes", "rue"),
]


#: English versions of some pages (name: title, story): inflected forms that only meet
#: through English stemming (« harassed » / « harassment », « bullied » / « bullying »).
ENGLISH_PAGES = {
    "college": ("Two years of bullying at middle school", "Every morning three pupils mocked my clothes at the gate."),
    "chef": ("My manager put me down", "At the office he humiliated me in meetings until I went on sick leave."),
    "metro": ("That night on the underground", "A stranger followed me from the station to my street, whistling."),
    "reseaux": ("Insults under every photo", "An anonymous account harassed me on Instagram with fake pictures."),
}


def build_english_corpus(pages: dict, english) -> dict:
    """English translations (in locale ``english``) of the testimonies in ``ENGLISH_PAGES``."""
    from temoignages.permissions import creating_testimonies

    translated = {}
    for name, (title, story) in ENGLISH_PAGES.items():
        parent_translated = pages[name].get_parent().has_translation(english)
        with creating_testimonies():
            page = pages[name].copy_for_translation(english, copy_parents=not parent_translated).specific
        page.title, page.story, page.headline = title, story, ""
        page.save_revision().publish()
        translated[name] = page
    return translated


#: Under /en/: (query, name of the expected first result), English inflections.
ENGLISH_RELEVANCE_TABLE = [
    ("bullied at school", "college"),
    ("bully", "college"),
    ("harassment on instagram", "reseaux"),
    ("harassed", "reseaux"),
    ("humiliating meeting", "chef"),
    ("managers", "chef"),
    ("followed from the station", "metro"),
    ("photos", "reseaux"),
]
