"""Settings, error pages and the shared layout."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent


def run_production_check(env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "FIELD_ENCRYPTION_KEYS"}
    }
    env.update({"DJANGO_SETTINGS_MODULE": "site_parlons.settings.production", **env_overrides})
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_production_check({"ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_production_check({"SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


CONFIGURED = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.org", "SITE_URL": "https://example.org"}


def test_production_refuses_to_start_without_field_encryption_keys():
    result = run_production_check(CONFIGURED)
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS is not set" in result.stderr


def test_production_starts_when_configured():
    result = run_production_check({**CONFIGURED, "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode()})
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_404_is_french_and_helpful(client, demo_site):
    response = client.get("/fr/cette-page-n-existe-pas/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "introuvable" in text
    assert "3018" in text


def test_500_page_renders_without_database():
    from site_parlons.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Un problème est survenu".encode() in response.content


@pytest.mark.django_db
def test_layout_has_skip_link_menu_breadcrumbs_and_footer(client, demo_site):
    soup = BeautifulSoup(client.get("/fr/interviews/").content, "html.parser")
    assert soup.select_one("a.skip-link")["href"] == "#contenu"
    assert soup.select_one("main#contenu")
    menu = [a.get_text(strip=True) for a in soup.select(".main-nav a")]
    assert "Édito" in menu and "Témoignages" in menu
    assert soup.select_one(".breadcrumbs [aria-current=page]").get_text(strip=True) == "Interviews"
    footer = soup.select_one("footer").get_text(" ", strip=True)
    assert "62307 Lens" in footer
    assert "parlonsharcelementcontact@gmail.com" in footer


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            {
                "Mentions légales": "/fr/mentions-legales/",
                "Confidentialité": "/fr/confidentialite/",
                "Accessibilité : partiellement conforme": "/fr/accessibilite/",
            },
        ),
        (
            "en",
            {
                "Legal notice": "/en/legal-notice/",
                "Privacy": "/en/privacy/",
                "Accessibility: partially compliant": "/en/accessibility/",
            },
        ),
    ],
)
def test_footer_links_the_legal_pages_and_states_the_rgaa_status(client, demo_site, language, expected):
    """RGAA: every page links the accessibility statement and states the conformance level."""
    soup = BeautifulSoup(client.get(f"/{language}/temoignages/").content, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in soup.select("footer .site-footer__legal a")}
    assert links == expected
    statement = client.get(expected[next(name for name in expected if "ccessib" in name)])
    assert statement.status_code == 200


@pytest.mark.django_db
def test_no_external_resource_on_home(client, demo_site):
    soup = BeautifulSoup(client.get("/fr/").content, "html.parser")
    for tag, attr in [("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")]:
        for element in soup.find_all(tag):
            value = element.get(attr) or ""
            if tag == "link" and element.get("rel") in (["alternate"], ["canonical"]):
                continue
            assert not value.startswith(("http://", "https://", "//")), f"external {tag}: {value}"


@pytest.mark.django_db
def test_home_shows_calls_to_action_and_edito(client, demo_site):
    soup = BeautifulSoup(client.get("/fr/").content, "html.parser")
    actions = {a.get_text(strip=True): a["href"] for a in soup.select(".hero__actions a")}
    assert actions["Témoigner"] == "/fr/temoignages/temoigner/"
    assert actions["Se faire aider"] == "/fr/se-faire-aider/"
    assert soup.select_one(".home-edito a")["href"] == "/fr/edito/"


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "-1", "0", "9" * 30])
def test_bad_page_parameter_never_500(client, demo_site, page):
    response = client.get(f"/fr/interviews/?page={page}")
    assert response.status_code in (200, 404)


@pytest.mark.django_db
def test_robots_and_sitemap(client, demo_site):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert b"Sitemap:" in robots.content
    assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.django_db
def test_home_lists_latest_testimonies_by_their_headline(client, demo_site):
    from temoignages.models import TestimonyPage

    latest = TestimonyPage.objects.latest_for_home(demo_site.locale)
    assert latest, "the demo has published testimonies"
    soup = BeautifulSoup(client.get("/fr/").content, "html.parser")
    titles = [a.get_text(strip=True) for a in soup.select(".testimony-card .card__title a")]
    assert titles == [page.display_title for page in latest]
