"""SITE_URL: one setting for every absolute address (sitemap, feeds, og:url, hreflang, share links)."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from wagtail.models import Site

from site_parlons.settings.base import parse_site_url

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = "https://parlons.example.org"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


def head_urls(soup) -> list[str]:
    """Every absolute address the head announces: og:url, og:image, hreflang, feeds, JSON-LD."""
    urls = [meta["content"] for meta in soup.select('meta[property="og:url"], meta[property="og:image"]')]
    urls += [link["href"] for link in soup.select("link[rel=alternate][hreflang]")]
    return urls


@pytest.mark.django_db
def test_demo_loader_puts_every_absolute_url_on_site_url(client):
    from campagne.models import InterviewPage, StudyPage
    from site_parlons.demo.content import load_demo_content

    assert Site.objects.filter(is_default_site=True, hostname="localhost", port=80).exists()  # Wagtail's
    with override_settings(SITE_URL=PUBLIC):
        load_demo_content()
        site = Site.objects.get(is_default_site=True)
        assert (site.hostname, site.port, site.root_url) == ("parlons.example.org", 443, PUBLIC)

        sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own response
        locations = [loc.text for loc in sitemap.iter(f"{SITEMAP}loc")]
        alternates = [link.get("href") for link in sitemap.iter("{http://www.w3.org/1999/xhtml}link")]
        assert locations and alternates
        assert [url for url in locations + alternates if not url.startswith(PUBLIC + "/")] == []
        assert client.get("/robots.txt").content.decode().endswith(f"Sitemap: {PUBLIC}/sitemap.xml\n")

        interview = InterviewPage.objects.live().filter(locale__language_code="fr").first()
        soup = BeautifulSoup(client.get(interview.url).content, "html.parser")
        urls = head_urls(soup)
        assert len(urls) >= 4, urls  # og:url, og:image, fr, en, x-default
        assert [url for url in urls if not url.startswith(PUBLIC + "/")] == []
        shares = [unquote(a["href"]) for a in soup.select(".share-links a")]
        assert shares and all(f"{PUBLIC}/fr/" in href for href in shares), shares

        study = StudyPage.objects.get(locale__language_code="fr")
        figure = BeautifulSoup(client.get(study.url + "chiffre/1/").content, "html.parser")
        assert [url for url in head_urls(figure) if not url.startswith(PUBLIC + "/")] == []
        assert all(f"{PUBLIC}/fr/" in unquote(a["href"]) for a in figure.select(".notice .share-links a"))

        home = BeautifulSoup(client.get("/fr/").content, "html.parser")
        feed_links = [link["href"] for link in home.select("link[rel=alternate][type]")]
        assert len(feed_links) == 2
        for path in feed_links:
            feed = ElementTree.fromstring(client.get(path).content)  # noqa: S314 - our own response
            links = [el.text for el in feed.iter("link")] + [el.get("href") for el in feed.iter(f"{ATOM}link")]
            links += [el.text for el in feed.iter(f"{ATOM}id")]
            assert links and [url for url in links if not (url or "").startswith(PUBLIC + "/")] == [], links

    # Loaded again with another address: the same default site, updated in place.
    with override_settings(SITE_URL="http://192.0.2.10:8080"):
        load_demo_content()
    assert list(Site.objects.values_list("hostname", "port", "is_default_site")) == [("192.0.2.10", 8080, True)]
    assert Site.objects.get().root_url == "http://192.0.2.10:8080"


@pytest.mark.django_db
def test_sync_site_url_command_updates_the_existing_site(home):
    from django.core.management import call_command

    with override_settings(SITE_URL="https://parlonsharcelement.fr"):
        call_command("sync_site_url", stdout=open(os.devnull, "w"))  # noqa: SIM115
        call_command("sync_site_url", stdout=open(os.devnull, "w"))  # noqa: SIM115
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_page_id) == ("parlonsharcelement.fr", 443, home.pk)
    assert home.get_full_url() == "https://parlonsharcelement.fr/fr/"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("http://127.0.0.1:8000", ("http", "127.0.0.1", 8000)),
        ("https://parlonsharcelement.fr", ("https", "parlonsharcelement.fr", 443)),
        ("https://parlonsharcelement.fr/", ("https", "parlonsharcelement.fr", 443)),
        ("http://localhost", ("http", "localhost", 80)),
    ],
)
def test_site_url_is_parsed_into_a_wagtail_site_address(value, expected):
    assert parse_site_url(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "parlonsharcelement.fr",
        "ftp://parlonsharcelement.fr",
        "https://parlonsharcelement.fr/fr/",
        "https://parlonsharcelement.fr:8443",
        "http://parlonsharcelement.fr:443",
        "https://x.fr/?a=1",
        "http://:80",
    ],
)
def test_a_site_url_wagtail_cannot_serve_is_refused(value):
    with pytest.raises(ImproperlyConfigured, match="SITE_URL"):
        parse_site_url(value)


def run_settings(env_overrides: dict, code: str = "from django.conf import settings; settings.INSTALLED_APPS"):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "WAGTAILADMIN_BASE_URL"}
    }
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603 - this interpreter, code written in this file
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_requires_site_url_on_an_allowed_host():
    production = {
        "DJANGO_SETTINGS_MODULE": "site_parlons.settings.production",
        "SECRET_KEY": "x" * 60,
        "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "ALLOWED_HOSTS": "parlonsharcelement.fr",
    }
    missing = run_settings(production)
    assert missing.returncode != 0
    assert "SITE_URL is not set" in missing.stderr
    elsewhere = run_settings({**production, "SITE_URL": "https://example.org"})
    assert elsewhere.returncode != 0
    assert "not in ALLOWED_HOSTS" in elsewhere.stderr
    good = run_settings(
        {**production, "SITE_URL": "https://parlonsharcelement.fr"},
        "from django.conf import settings; print(settings.SITE_URL, settings.WAGTAILADMIN_BASE_URL)",
    )
    assert good.stdout.split() == ["https://parlonsharcelement.fr", "https://parlonsharcelement.fr"], good.stderr


def test_development_defaults_to_the_address_make_run_serves():
    result = run_settings(
        {"DJANGO_SETTINGS_MODULE": "site_parlons.settings.dev"},
        "from django.conf import settings; print(settings.SITE_URL, settings.WAGTAILADMIN_BASE_URL)",
    )
    assert result.stdout.split() == ["http://127.0.0.1:8000", "http://127.0.0.1:8000"], result.stderr
