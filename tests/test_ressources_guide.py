"""« Est-ce du harcèlement ? »: every path of the demo questionnaire ends on help, and the
editor cannot save a questionnaire with a loop or a dead end."""

from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from ressources.blocks import GuideStreamBlock, guide_errors
from ressources.demo import ensure_associations, ensure_helplines, guide_steps_fr
from ressources.models import HarassmentGuidePage
from site_parlons.demo.content import ensure_taxonomy
from tests.factories.ressources import HarassmentGuidePageFactory, ResourceIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(home, locales):
    ensure_taxonomy()
    ensure_helplines()
    ensure_associations()
    directory = ResourceIndexPageFactory(parent=home, slug="se-faire-aider")
    return HarassmentGuidePageFactory(parent=directory, slug="est-ce-du-harcelement", steps=guide_steps_fr(locales[0]))


def walk_every_path(client, start_url):
    """Follow every answer link from the first step; return {result title: page soup} and the paths."""
    results, paths = {}, []

    def visit(url, trail):
        response = client.get(url)
        assert response.status_code == 200, url
        soup = BeautifulSoup(response.content, "html.parser")
        step = parse_qs(urlparse(url).query).get("step", ["(départ)"])[0]
        assert step not in trail, f"loop: {trail + [step]}"
        answers = soup.select(".guide__answers a")
        if not answers:
            result = soup.select_one(".guide__result")
            assert result is not None, f"dead end at {url}"
            results[result.h2.get_text(strip=True)] = soup
            paths.append(trail + [step])
            return
        for link in answers:
            href = link["href"]
            assert href.startswith("?step="), "each step is a plain GET link"
            visit(start_url + href, trail + [step])

    visit(start_url, [])
    return results, paths


def test_every_path_of_the_demo_questionnaire_reaches_a_result_with_helplines(client, guide):
    results, paths = walk_every_path(client, guide.url)
    assert len(results) == 6  # danger, school, work, sexual, cyber, single act
    assert len(paths) == len(guide.guide.paths()) == 11
    for title, soup in results.items():
        helplines = soup.select(".guide__result .helplines a[href^='tel:']")
        assert helplines, f"no helpline on result « {title} »"
        assert soup.select_one(".guide__restart a")["href"] == guide.url


def test_results_name_the_law_and_the_fitting_lines(client, guide):
    def result(step):
        return BeautifulSoup(client.get(guide.url, {"step": step}).content, "html.parser")

    school = result("scolaire")
    assert "222-33-2-3" in school.select_one(".guide__law").get_text()
    assert "2 mars 2022" in school.select_one(".guide__law").get_text()
    school_lines = [a.get_text() for a in school.select(".helplines a[href^='tel:']")]
    assert school_lines[:2] == ["3018", "119"]
    assert "e-Enfance" in school.select_one(".guide__associations").get_text()
    assert "?type=scolaire" in school.select_one(".guide__associations a[href*='?type=']")["href"]

    assert "222-33-2 " in result("travail").select_one(".guide__law").get_text() + " "
    sexual = result("sexuel")
    assert "222-33 " in sexual.select_one(".guide__law").get_text()
    assert [a.get_text() for a in sexual.select(".helplines a[href^='tel:']")][0] == "3919"
    cyber = result("cyber")
    assert "222-33-2-2" in cyber.select_one(".guide__law").get_text()
    assert cyber.select_one(".helplines a[href='https://www.internet-signalement.gouv.fr/']") is not None

    danger = result("danger")
    assert [a.get_text() for a in danger.select(".helplines a[href^='tel:']")][:3] == ["17", "112", "114"]


@pytest.mark.parametrize("step", ["", "n-existe-pas", "<script>", "x" * 3000])
def test_unknown_step_shows_the_first_question(client, guide, step):
    response = client.get(guide.url, {"step": step})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".guide__step h2").get_text() == "Que se passe-t-il pour vous ?"


# --- Validation -------------------------------------------------------------------


def question(key, *targets):
    return (
        "question",
        {"key": key, "question": f"{key} ?", "help": "", "answers": [{"label": t, "target": t} for t in targets]},
    )


def result(key):
    return (
        "result",
        {
            "key": key,
            "title": key,
            "explanation": "<p>x</p>",
            "law": "",
            "harassment_type": None,
            "audience": "",
            "urgent": False,
        },
    )


def clean(*steps):
    block = GuideStreamBlock()
    return block.clean(block.to_python([{"type": kind, "value": value} for kind, value in steps]))


def error_text(excinfo) -> str:
    error = excinfo.value
    messages = [str(m) for e in error.non_block_errors.as_data() for m in e.messages]
    messages += [m for e in error.block_errors.values() for m in e.messages]
    return " ".join(messages)


def test_demo_questionnaire_is_valid(locales):
    ensure_taxonomy()
    import json

    steps = [(item["type"], item["value"]) for item in json.loads(guide_steps_fr(locales[0]))]
    assert guide_errors(steps) is None


def test_a_loop_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        clean(question("a", "b", "fin"), question("b", "a"), result("fin"))
    assert "tourne en rond" in error_text(excinfo)
    assert "a → b → a" in error_text(excinfo)


def test_a_question_answering_itself_is_a_loop():
    with pytest.raises(ValidationError) as excinfo:
        clean(question("a", "a", "fin"), result("fin"))
    assert "tourne en rond" in error_text(excinfo)


def test_an_answer_to_an_unknown_step_is_a_dead_end():
    with pytest.raises(ValidationError) as excinfo:
        clean(question("a", "fin", "nulle-part"), result("fin"))
    assert 0 in excinfo.value.block_errors
    assert "« nulle-part »" in error_text(excinfo)


def test_an_unreachable_result_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        clean(question("a", "fin"), result("fin"), result("orphelin"))
    assert set(excinfo.value.block_errors) == {2}
    assert "ne peut pas l'atteindre" in error_text(excinfo)


def test_duplicate_keys_and_a_result_first_are_refused():
    with pytest.raises(ValidationError) as excinfo:
        clean(result("fin"), question("a", "fin"), result("fin"))
    text = error_text(excinfo)
    assert "déjà utilisé" in text
    assert "première étape doit être une question" in text


def test_a_sound_questionnaire_passes():
    value = clean(question("a", "b", "fin"), question("b", "fin", "autre"), result("fin"), result("autre"))
    assert len(value) == 4


# --- Through the admin: a real form post ---------------------------------------------


def answers_data(*targets):
    return {
        "count": str(len(targets)),
        **{
            str(i): {"value": {"label": t, "target": t}, "deleted": "", "order": str(i), "id": ""}
            for i, t in enumerate(targets)
        },
    }


def q_data(key, *targets):
    return {"key": key, "question": f"{key} ?", "help": "", "answers": answers_data(*targets)}


def r_data(key):
    return {
        "key": key,
        "title": f"Résultat {key}",
        "explanation": rich_text("<p>Explication.</p>"),
        "law": "",
        "harassment_type": "",
        "audience": "",
    }


def post_guide(client, parent, steps):
    data = nested_form_data(
        {
            "title": "Est-ce du harcèlement ?",
            "slug": "guide-admin",
            "intro": "",
            "og_description": "",
            "steps": streamfield(steps),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    return client.post(f"/admin/pages/add/ressources/harassmentguidepage/{parent.pk}/", data)


@pytest.fixture
def admin_client_fr(client, django_user_model):
    user = django_user_model.objects.create_superuser("editrice", "", "motdepasse-solide-123")
    client.force_login(user)
    return client


def test_admin_saves_a_sound_questionnaire(admin_client_fr, home):
    directory = ResourceIndexPageFactory(parent=home)
    response = post_guide(
        admin_client_fr,
        directory,
        [("question", q_data("depart", "oui", "non")), ("result", r_data("oui")), ("result", r_data("non"))],
    )
    assert response.status_code == 302, response.content[:2000]
    page = HarassmentGuidePage.objects.get(slug="guide-admin")
    assert [child.block_type for child in page.steps] == ["question", "result", "result"]
    assert page.live


def test_admin_refuses_a_loop_and_a_dead_end(admin_client_fr, home):
    directory = ResourceIndexPageFactory(parent=home)
    pages = Page.objects.count()
    loop = post_guide(
        admin_client_fr,
        directory,
        [("question", q_data("a", "b")), ("question", q_data("b", "a")), ("result", r_data("fin"))],
    )
    assert loop.status_code == 200
    assert "tourne en rond" in loop.content.decode() or "ne peut pas l" in loop.content.decode()
    dead_end = post_guide(
        admin_client_fr, directory, [("question", q_data("a", "fin", "perdu")), ("result", r_data("fin"))]
    )
    assert dead_end.status_code == 200
    assert "perdu" in dead_end.content.decode()
    assert Page.objects.count() == pages


def test_step_keys_are_not_offered_for_translation(guide):
    from wagtail_localize.segments.extract import extract_segments

    segments = extract_segments(guide)
    paths = [segment.path for segment in segments]
    texts = [getattr(segment, "source", None) or getattr(segment, "string", None) for segment in segments]
    assert not any(path.endswith((".key", ".target")) for path in paths), paths
    assert any(path.endswith(".question") for path in paths)
    assert "depart" not in [str(text) for text in texts]
