"""English pages carry no French: every public page type, and the pages only a form post shows.

A leak is a French interface string (a msgid of our catalogues whose English differs) found
verbatim in the visible text of an English page, or one of a few common French words.
Text in an element marked ``lang="fr"`` (the language switcher's « Français ») is French on
purpose and left out.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation

from tests.browser.pages import page_type_urls

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)
SKIPPED_DIRS = {".venv", ".git", "var", "media", "staticfiles", "node_modules", "tests", "bench"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{[^}]*\}\}|\{[^}]*\}|<[^>]+>")
# Common French words that no English sentence of ours uses (proper names aside, see below).
FRENCH_WORDS = re.compile(
    r"\b(vous|votre|vos|nous|notre|avec|pour|dans|sont|être|aussi|très|leurs?|quand|parce|cette|les|des|une|aux|"
    r"est|sur|selon|secteur|rendez-vous|"
    r"témoignages?|harcèlement|ensemble|écoute|aide|Accueil|Rechercher|Retour|Suivant|Précédent)\b",
)
# French names that stay French in English: the site's own, a government programme, the names
# of associations (a description in brackets after a name is not a name: it is translated).
PROPER_NAMES = [
    "Parlons Harcèlement",
    "Non au harcèlement",
    "AVFT — Association européenne contre les violences faites aux femmes au travail",
    "Maison des adolescents du Pas-de-Calais",
]


def french_strings() -> list[str]:
    """Every msgid (or piece of one, between placeholders) that has a different English."""
    found: set[str] = set()
    for po_path in BASE_DIR.rglob("en/LC_MESSAGES/django.po"):
        if SKIPPED_DIRS & set(po_path.relative_to(BASE_DIR).parts):
            continue
        for entry in polib.pofile(str(po_path)):
            if entry.obsolete or not entry.msgstr or entry.msgstr.strip() == entry.msgid.strip():
                continue
            for piece in PLACEHOLDER.split(entry.msgid):
                piece = piece.strip(" .,:;!?…«»()\n")
                # Short pieces (« Type », « Date ») read the same in both languages.
                if len(piece) >= 12 and piece not in entry.msgstr:
                    found.add(piece)
    return sorted(found, key=len, reverse=True)


def visible_text(html: bytes) -> str:
    soup = BeautifulSoup(html, "html.parser")
    # The visitor's own text sent back in a form is theirs, in their language.
    for element in soup(["script", "style", "template", "textarea"]):
        element.decompose()
    for element in soup.select('[lang]:not(html)'):
        if element["lang"].startswith("fr"):
            element.decompose()
    parts = [soup.title.get_text() if soup.title else ""]
    body = soup.body or soup
    parts.append(body.get_text(" "))
    for element in body.select("[alt], [aria-label], [title], [placeholder], [value]"):
        for attr in ("alt", "aria-label", "title", "placeholder"):
            if element.get(attr):
                parts.append(element[attr])
        if element.name in ("button",) or element.get("type") in ("submit", "button"):
            parts.append(element.get("value", ""))
    return re.sub(r"\s+", " ", " ".join(parts))


def leaks_in(text: str, strings: list[str], names: list[str]) -> list[str]:
    found = [s for s in strings if s in text]
    for name in names:
        text = text.replace(name, "")
    found += sorted({match.group(0) for match in FRENCH_WORDS.finditer(text)})
    return found


def english_pages(client) -> dict[str, bytes]:
    """One page of each public type in English, and the pages only a form post shows."""
    from temoignages.models import TestimonyFormPage
    from tests.factories.temoignages import valid_data

    pages = {}
    for url in page_type_urls("en"):
        response = client.get(url.path)
        assert response.status_code == url.status, url
        pages[str(url)] = response.content
    from campagne.models import ContactPage

    form_page = TestimonyFormPage.objects.get(locale__language_code="en")
    contact = ContactPage.objects.get(locale__language_code="en")
    with translation.override("en"):
        pages["contact form with errors"] = client.post(contact.url, {}).content
        pages["testimony form with errors"] = client.post(form_page.url, {}).content
        pages["testimony form, honeypot filled"] = client.post(
            form_page.url, valid_data(form_page, site_web="https://example.org")
        ).content
        thanks = client.post(form_page.url, valid_data(form_page))
        pages["thank-you page"] = thanks.content
        pages["status page with errors"] = client.post(form_page.status_url(), {"code": ""}).content
        pages["status page, unknown code"] = client.post(form_page.status_url(), {"code": "AAAA-BBBB"}).content
    return pages


def test_english_pages_show_no_french(client, demo_site):
    strings = french_strings()
    assert len(strings) > 200, "the catalogues were read"
    pages = english_pages(client)
    names = PROPER_NAMES
    leaks = {}
    for label, html in pages.items():
        if found := leaks_in(visible_text(html), strings, names):
            leaks[label] = found
    assert leaks == {}, "\n".join(f"{label}: {found}" for label, found in leaks.items())
