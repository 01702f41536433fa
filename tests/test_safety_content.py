"""Safety content that never lies: no working note on a public page, 3114 first when words of
suicidal risk appear (testimony form, thank-you page, search), flagged testimonies read first."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Locale, Page

from campagne.models import StudyPage
from home.risk import DEFAULT_RISK_WORDS, fold, mentions_risk
from ressources.models import SuicideRiskVocabulary
from temoignages import models as tm
from temoignages.moderation import GROUP_NAME
from tests.factories import temoignages as factories
from tests.factories.temoignages import valid_data

ALL_DEFAULTS = [word for words in DEFAULT_RISK_WORDS.values() for word in words]
RISKY_STORY = "Au collège ils m'insultent tous les jours. J'ai envie de mourir… ce soir je n'en peux plus."

# Notes for the team that must never reach a visitor (compared folded: no case, no accents).
WORKING_NOTES = re.compile(
    r"\b(a verifier|a preciser|a completer|donnees d exemple|example data|sample data|to be checked|"
    r"to be completed|to be detailed|to be confirmed|todo|fixme|lorem)\b"
)


# --- the matcher -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "J'ai envie de MOURIR… ce soir",
        "je veux mourir",
        "Je vais me TUER",
        "je me suis scarifiée hier",
        "des pensées suicidaires",
        "je n'ai plus envie de vivre",
        "I want to die",
        "sometimes I self-harm",
        "j’ai envie d’en finir",
    ],
)
def test_risk_words_are_found_whatever_the_case_and_accents(text):
    assert mentions_risk(text, ALL_DEFAULTS)


@pytest.mark.parametrize(
    "text",
    ["Il a un grand amour pour elle", "she studied hard", "on s'est moqué de ma tenue", "les mots me tuent pas", ""],
)
def test_risk_words_match_word_starts_only(text):
    # « me tuer » is not « me tuent »; « die » is not inside « studied ».
    assert not mentions_risk(text, ALL_DEFAULTS)


def test_fold_ignores_case_accents_and_apostrophes():
    assert fold("J’ai ENVIE d'en-finir") == "j ai envie d en finir"


@pytest.mark.django_db
def test_editors_list_replaces_the_defaults_of_its_language():
    fr = Locale.objects.get_or_create(language_code="fr")[0]
    assert mentions_risk("je veux mourir", SuicideRiskVocabulary.objects.all_words())
    SuicideRiskVocabulary.objects.create(locale=fr, name="Liste", words="disparaître\nnoyer mon chagrin")
    words = SuicideRiskVocabulary.objects.all_words()
    assert mentions_risk("Je voudrais DISPARAITRE", words)
    assert not mentions_risk("je veux mourir", words)  # removed from the French list by the editors
    assert mentions_risk("I want to die", words)  # English defaults still apply


# --- testimonies -------------------------------------------------------------------------------


def tel_links(response) -> list[str]:
    main = BeautifulSoup(response.content, "html.parser").select_one("main")
    return [a["href"] for a in main.select("a[href^='tel:']")]


def notice(response):
    return BeautifulSoup(response.content, "html.parser").select_one("main .risk-notice")


@pytest.mark.django_db
def test_risky_testimony_thank_you_page_puts_3114_and_112_first(client, section):
    _, form_page = section
    response = client.post(form_page.url, valid_data(form_page, story=RISKY_STORY))
    assert response.status_code == 200
    assert tel_links(response)[:2] == ["tel:3114", "tel:112"]
    shown = notice(response)
    assert shown is not None and not shown.has_attr("hidden")
    text = " ".join(shown.get_text().split())
    assert (
        "Si vous pensez au suicide ou êtes en danger maintenant, appelez le 3114 (24 h/24, gratuit) ou le 112." in text
    )
    assert tm.TestimonySubmission.objects.get().suicide_risk is True


@pytest.mark.django_db
def test_ordinary_testimony_gets_no_risk_notice_and_no_flag(client, section):
    _, form_page = section
    response = client.post(form_page.url, valid_data(form_page))
    assert response.status_code == 200
    assert notice(response) is None
    assert tm.TestimonySubmission.objects.get().suicide_risk is False


@pytest.mark.django_db
def test_redisplayed_form_shows_the_notice_and_the_empty_form_keeps_it_hidden(client, section):
    _, form_page = section
    empty = client.get(form_page.url)
    hidden = notice(empty)
    # Present for the typing script, hidden for everyone until then (no-JS path unchanged).
    assert hidden is not None and hidden.has_attr("hidden")
    assert "mourir" in hidden["data-risk-words"]
    invalid = client.post(form_page.url, valid_data(form_page, story=RISKY_STORY, consent_processing=None))
    assert invalid.status_code == 400
    assert not notice(invalid).has_attr("hidden")
    assert tel_links(invalid)[:2] == ["tel:3114", "tel:112"]
    assert not tm.TestimonySubmission.objects.exists()


@pytest.mark.django_db
def test_moderators_see_flagged_testimonies_first(client, section, django_user_model):
    _, form_page = section
    client.post(form_page.url, valid_data(form_page, story=RISKY_STORY))
    client.post(form_page.url, valid_data(form_page))  # newer, but not at risk
    at_risk = tm.TestimonySubmission.objects.get(suicide_risk=True)
    ordinary = tm.TestimonySubmission.objects.get(suicide_risk=False)
    assert at_risk.pk < ordinary.pk

    user = django_user_model.objects.create_user("moderatrice", "m@example.org", "motdepasse-solide-123")
    user.groups.add(Group.objects.get(name=GROUP_NAME))
    moderator = Client()
    moderator.force_login(user)

    listing = moderator.get("/admin/snippets/temoignages/testimonysubmission/").content.decode()
    assert listing.index(f"Témoignage reçu n° {at_risk.pk}") < listing.index(f"Témoignage reçu n° {ordinary.pk}")

    dashboard = moderator.get("/admin/").content.decode()
    first, second = (f"/admin/temoignages/relecture/{s.pk}/" for s in (at_risk, ordinary))
    assert dashboard.index(first) < dashboard.index(second)
    assert dashboard.count("data-suicide-risk") == 1
    # The dashboard names the risk, never the story.
    assert "mourir" not in dashboard and "mourir" not in listing


@pytest.mark.django_db
def test_queryset_orders_flagged_first(section):
    flagged = factories.TestimonySubmissionFactory(suicide_risk=True)
    factories.TestimonySubmissionFactory()
    assert tm.TestimonySubmission.objects.at_risk_first().first() == flagged


# --- search ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_search_for_wanting_to_die_shows_3114_first(client, demo_site):
    for path, query in [("/fr/recherche/", "je veux mourir"), ("/en/recherche/", "I want to die")]:
        response = client.get(path, {"q": query})
        assert response.status_code == 200
        assert tel_links(response)[:2] == ["tel:3114", "tel:112"], path
    ordinary = client.get("/fr/recherche/", {"q": "harcèlement au travail"})
    assert notice(ordinary) is None


# --- demo content ------------------------------------------------------------------------------


def public_urls() -> list[str]:
    """Every live public page of both languages, each step of the guides, each shared figure."""
    from ressources.models import HarassmentGuidePage

    urls = []
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        urls.append(page.url)
        if isinstance(page, HarassmentGuidePage):
            urls += [f"{page.url}?step={key}" for key in page.guide.by_key]
        if isinstance(page, StudyPage):
            urls += [f"{page.url}chiffre/{n}/" for n in range(1, len(page.key_figures) + 1)]
    return urls


def working_notes_in(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    # Visible text and the attributes a visitor or a screen reader meets.
    attributes = [
        value
        for tag in soup.find_all(True)
        for name in ("title", "alt", "aria-label", "content", "placeholder")
        if isinstance(value := tag.get(name), str)
    ]
    text = fold(" ".join([soup.get_text(" ")] + attributes))
    return sorted(set(WORKING_NOTES.findall(text)))


def test_working_note_detector_catches_what_it_must():
    assert working_notes_in("<p>Date exacte de la fusion <b>À VÉRIFIER</b></p>") == ["a verifier"]
    assert working_notes_in('<img alt="Données d\'exemple">') == ["donnees d exemple"]
    assert working_notes_in("<p>Example data: sample to be completed</p>") == ["example data", "to be completed"]
    assert working_notes_in("<p>Vérifiez vos informations avant d'envoyer.</p>") == []


@pytest.mark.django_db
def test_no_public_page_of_the_demo_carries_a_working_note(client, demo_site):
    from ressources.models import Association

    urls = public_urls()
    assert any(url.startswith("/en/") for url in urls) and any(url.startswith("/fr/") for url in urls)
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        notes = working_notes_in(response.content.decode())
        if notes:
            found[url] = notes
    assert found == {}
    # The editors' flags stay available, but nothing in the demo is published with them on.
    assert not Association.objects.filter(to_verify=True).exists()
    assert not StudyPage.objects.live().filter(example_data=True).exists()


@pytest.mark.django_db
def test_loading_the_demo_again_corrects_what_earlier_versions_published(client, demo_site):
    from home.models import StandardPage
    from ressources.demo import RETIRED_ASSOCIATIONS
    from ressources.models import Association, Helpline
    from site_parlons.demo.content import load_demo_content, paragraphs

    fr = Locale.objects.get(language_code="fr")
    safety = StandardPage.objects.get(slug="naviguer-en-securite", locale=fr)
    safety.body = paragraphs("Le bouton « Retour » du navigateur ne ramène pas ici.")
    safety.save_revision().publish()
    line = Helpline.objects.get(locale=fr, number="3018")
    line.purpose += " (date exacte de la fusion à vérifier)"
    line.save()
    Association.objects.create(
        locale=fr, name=RETIRED_ASSOCIATIONS[0], description="Exemple à vérifier", to_verify=True
    )
    for study in StudyPage.objects.all():
        study.example_data, study.sample = True, "Données d'exemple : échantillon à compléter"
        study.save_revision().publish()

    load_demo_content()

    safety = StandardPage.objects.get(pk=safety.pk)
    text = BeautifulSoup(client.get(safety.url).content, "html.parser").select_one("main").get_text()
    assert "ne ramène pas ici" not in text and "Il n'efface pas l'historique" in text
    assert "à vérifier" not in Helpline.objects.get(locale=fr, number="3018").purpose
    assert not Association.objects.filter(to_verify=True).exists()
    assert not StudyPage.objects.filter(example_data=True).exists()
    assert not StudyPage.objects.exclude(sample="").exists()
