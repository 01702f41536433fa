"""The personal-data detector's contract with the review screen and the site's settings.

Its precision and recall are measured in tests/test_pii_corpus.py.
"""

from __future__ import annotations

import time

import pytest

from temoignages.pii import Detection, detect_personal_data, find_spans, grouped

STORY = (
    "Lucas m'a dit de me taire. Le principal M. Garcia l'a cru, lui. Lucas a recommencé "
    "au collège Jean Moulin de Lens ; mme martin n'a rien vu. Son insta : lucas_du62."
)


def test_spans_are_exact_slices_of_the_text_and_never_overlap():
    spans = find_spans(STORY)
    assert [(d.kind, d.text) for d in spans] == [
        ("name", "Lucas"),
        ("name", "M. Garcia"),
        ("name", "Lucas"),
        ("institution", "collège Jean Moulin"),
        ("place", "Lens"),
        ("name", "mme martin"),
        ("url", "lucas_du62"),
    ]
    for detection in spans:
        assert STORY[detection.start : detection.end] == detection.text
    for previous, following in zip(spans, spans[1:], strict=False):
        assert previous.end <= following.start


def test_each_distinct_text_is_listed_once_with_its_first_offsets():
    found = detect_personal_data(STORY)
    assert [d.text for d in found].count("Lucas") == 1
    lucas = next(d for d in found if d.text == "Lucas")
    assert (lucas.start, lucas.end) == (0, 5)
    # Offsets do not take part in equality: callers compare (kind, text) as before.
    assert Detection("name", "Lucas") == lucas


def test_grouped_follows_the_kinds_order_with_french_labels():
    labels = [str(label) for label, _ in grouped(detect_personal_data(STORY))]
    assert labels == [
        "lien ou compte en ligne",
        "établissement, entreprise ou organisation",
        "lieu ou adresse",
        "nom propre possible",
    ]


def test_empty_and_missing_text():
    assert detect_personal_data("") == []
    assert detect_personal_data(None) == []


def test_site_first_names_are_found_at_the_start_of_a_sentence(settings):
    text = "Zéphyrin m'attendait à la sortie."
    assert detect_personal_data(text) == []
    settings.TESTIMONY_PII_FIRST_NAMES = ["Zéphyrin"]
    assert [(d.kind, d.text) for d in detect_personal_data(text)] == [("name", "Zéphyrin")]


def test_site_places_and_organisations_get_their_kind(settings):
    text = "Entre Fouquières et le dépôt, on bosse pour Vitalis."
    assert {d.kind for d in detect_personal_data(text)} == {"name"}
    settings.TESTIMONY_PII_PLACES = ["Fouquières"]
    settings.TESTIMONY_PII_ORGANISATIONS = ["Vitalis"]
    assert [(d.kind, d.text) for d in detect_personal_data(text)] == [
        ("place", "Fouquières"),
        ("institution", "Vitalis"),
    ]


@pytest.mark.parametrize(
    "text",
    ["a" * 10_000, "a." * 5_000, "a_" * 5_000, "a@" * 5_000, "M. " * 3_333, "Aa " * 3_333, "rue " * 2_500],
)
def test_hostile_text_takes_no_more_time_than_a_story(text):
    """A visitor controls the text: no pattern may backtrack over a long run of characters."""
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        detect_personal_data(text)
        timings.append(time.perf_counter() - started)
    assert min(timings) < 0.1, timings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname no list knows, opening the sentence as the subject of a verb.
        ("Dupont m'a coincée dans le couloir.", [("name", "Dupont")]),
        ("Lefèvre ne m'a jamais parlé.", [("name", "Lefèvre")]),
        # Words that open sentences in the same way are not names.
        ("Chacun a sa version. Tout a commencé là. Personne n'a rien dit.", []),
        # A shouted first name.
        ("J'AI DIT NON À KEVIN.", [("name", "KEVIN")]),
        # A station named after its town.
        ("Il bosse à la SNCF, gare Lille-Flandres.", [("institution", "SNCF"), ("place", "Lille-Flandres")]),
        # An organisation written in another case, unless its name is an everyday word.
        ("Le Pôle Emploi m'a radiée. Au carrefour, un colis de la poste.", [("institution", "Pôle Emploi")]),
        # A name set apart by an apposition; an adverb in the same place is not one.
        ("Priscillia, ma N+1, criait. Honnêtement, la suite fut pire.", [("name", "Priscillia")]),
        # A business named by its town, a venue, an address whose number has a comma.
        (
            "Au Quick de Liévin, puis à la piscine Marx-Dormoy, 8, rue Pasteur.",
            [
                ("institution", "Quick"),
                ("place", "Liévin"),
                ("institution", "piscine Marx-Dormoy"),
                ("place", "8, rue Pasteur"),
            ],
        ),
        # A town after a verb that takes one, and capitalised institutions that name nothing.
        ("J'ai quitté Wattrelos. Le Tribunal a jugé, le Collège de France aussi.", [("place", "Wattrelos")]),
        # Lower-case first names that are everyday words stay words.
        ("on a mis une charlotte et on a planté un olivier avec enzo", [("name", "enzo")]),
    ],
)
def test_names_places_and_organisations_beyond_the_lists(text, expected):
    assert [(d.kind, d.text) for d in detect_personal_data(text)] == expected
