"""Quick exit on every public page, and the demo help section as a whole (one demo load)."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import override_settings
from wagtail.models import Page

from ressources.models import Association, HarassmentGuidePage, Helpline, ResourceIndexPage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def quick_exit(response):
    return BeautifulSoup(response.content, "html.parser").select_one("a.quick-exit")


def test_quick_exit_url_setting_defaults_to_a_weather_site():
    assert "meteo" in settings.QUICK_EXIT_URL


def test_quick_exit_on_every_public_page_type_of_the_demo(client, demo_site):
    exit_url = "https://exemple-meteo.test/"
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    seen_types = set()
    with override_settings(QUICK_EXIT_URL=exit_url):
        for page in pages:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            link = quick_exit(response)
            assert link is not None, f"no quick exit on {page.url}"
            assert link["href"] == exit_url
            assert link["data-quick-exit"] == exit_url
            assert link.get_text(strip=True).startswith(("Quitter rapidement", "Leave quickly"))
            soup = BeautifulSoup(response.content, "html.parser")
            inline = [s for s in soup.find_all("script") if not s.get("src") and s.get("type") != "application/ld+json"]
            assert inline == [], f"inline script on {page.url} (CSP forbids it)"
            seen_types.add(type(page))
        # Pages served by views rather than the page tree carry it too.
        assert quick_exit(client.get("/fr/recherche/?q=aide"))["href"] == exit_url
        assert quick_exit(client.get("/fr/n-existe-pas/"))["href"] == exit_url
    assert {ResourceIndexPage, HarassmentGuidePage} <= seen_types
    assert len(seen_types) >= 10, seen_types


def test_quick_exit_script_replaces_the_page_and_listens_for_shift_and_escape():
    script = (ROOT / "site_parlons/static/js/main.js").read_text()
    assert "location.replace(" in script
    assert "[data-quick-exit]" in script
    assert '"Escape"' in script
    assert '"Shift"' in script
    assert "preventDefault" in script


def test_demo_help_section_in_both_languages(client, demo_site):
    # Every national line of the brief, with a tel: link and its hours, in French and English.
    for language in ("fr", "en"):
        directory = ResourceIndexPage.objects.get(locale__language_code=language)
        soup = BeautifulSoup(client.get(directory.url).content, "html.parser")
        tels = {a["href"] for a in soup.select(".help-lines a[href^='tel:']")}
        for number in ["17", "112", "114", "3018", "119", "3919", "116006", "0800059595", "3114", "0800235236"]:
            assert f"tel:{number}" in tels, (language, number)
        text = soup.select_one(".help-lines").get_text()
        assert "3020" in text
        links = {a["href"] for a in soup.select(".help-lines a")}
        assert "https://www.internet-signalement.gouv.fr/" in links
        assert "https://arretonslesviolences.gouv.fr/" in links
        for item in soup.select(".help-lines .helpline"):
            assert item.select_one(".helpline__facts").get_text(strip=True), "each line shows its hours"
        names = {h.get_text(strip=True) for h in soup.select(".association__name")}
        assert {"Association e-Enfance / 3018", "France Victimes", "Fil Santé Jeunes"} <= names
        # Nothing published with an « à vérifier » warning: unverifiable local examples are left out.
        regional = client.get(directory.url, {"region": "hauts-de-france"})
        assert BeautifulSoup(regional.content, "html.parser").select(".association__warning") == []
        # The guide is linked from the directory and answers in its language.
        guide = HarassmentGuidePage.objects.get(locale__language_code=language)
        assert soup.select_one(f'.help-links a[href="{guide.url}"]') is not None
        first = BeautifulSoup(client.get(guide.url).content, "html.parser").select_one(".guide__step h2").get_text()
        assert first == {"fr": "Que se passe-t-il pour vous ?", "en": "What is happening to you?"}[language]
    assert not Association.objects.filter(to_verify=True).exists()
    # Each French line and association has its English translation.
    for model in (Helpline, Association):
        assert (
            model.objects.filter(locale__language_code="en").count()
            == model.objects.filter(locale__language_code="fr").count()
        )


def test_safe_browsing_page_explains_private_mode_history_and_shared_devices(client, demo_site):
    from home.models import StandardPage

    french = StandardPage.objects.get(locale__language_code="fr", slug="naviguer-en-securite")
    for language, words in {
        "fr": ["navigation privée", "historique", "appareil", "Échap", "Maj", "Il n'efface pas l'historique"],
        "en": ["private", "history", "device", "Escape", "Shift", "It does not erase the history"],
    }.items():
        page = french.get_translations(inclusive=True).get(locale__language_code=language)
        text = BeautifulSoup(client.get(page.url).content, "html.parser").select_one("main").get_text()
        for word in words:
            assert word.lower() in text.lower(), (language, word)
        # Steps for each browser visitors use most, on phones first.
        for browser in ["Chrome (Android)", "Safari (iPhone)", "Firefox", "Samsung Internet"]:
            assert browser in text, (language, browser)
        # Never the claim the exit cannot keep.
        for claim in ["sans laisser de traces", "ne ramène pas ici", "without leaving traces", "does not bring you back here"]:
            assert claim not in text, (language, claim)
