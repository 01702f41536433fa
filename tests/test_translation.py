"""Translation: complete English catalogues, an English counterpart for every French page,
hreflang alternates with x-default, a sitemap of both languages, translatable models."""

import os
import shutil
from pathlib import Path
from xml.etree import ElementTree

import polib
import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, TranslatableMixin

BASE_DIR = Path(settings.BASE_DIR)
SKIPPED_DIRS = {".venv", ".git", "var", "media", "staticfiles", "node_modules", "__pycache__", ".pytest_cache"}
# Not shipped to visitors or editors: no catalogue needed.
MAKEMESSAGES_IGNORE = ["tests/*", "bench/*", ".venv/*", "var/*", "media/*", "staticfiles/*"]


def catalogues(root: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIPPED_DIRS]
        found += [Path(dirpath) / f for f in filenames if f.endswith(".po") and "LC_MESSAGES" in dirpath]
    return sorted(found)


def problems_in(po_path: Path) -> list[str]:
    po = polib.pofile(str(po_path))
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"{po_path}: fuzzy {entry.msgid!r}")
        translated = all(entry.msgstr_plural.values()) if entry.msgid_plural else bool(entry.msgstr)
        if not translated:
            problems.append(f"{po_path}: untranslated {entry.msgid!r}")
    return problems


def test_there_are_english_catalogues_for_the_shared_layout_home_and_search():
    paths = {p.relative_to(BASE_DIR).as_posix() for p in catalogues(BASE_DIR)}
    for expected in ("locale", "home/locale", "search/locale"):
        assert f"{expected}/en/LC_MESSAGES/django.po" in paths


@pytest.mark.parametrize("po_path", catalogues(BASE_DIR), ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_catalogue_is_complete_and_compiled(po_path):
    assert problems_in(po_path) == []
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} missing: run make messages"
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(mo_path)) if e.msgid}
    source = {
        (e.msgctxt, e.msgid): e.msgstr or {int(k): v for k, v in e.msgstr_plural.items()}
        for e in polib.pofile(str(po_path))
        if e.msgid and not e.obsolete and "fuzzy" not in e.flags
    }
    compiled = {k: ({int(i): s for i, s in v.items()} if isinstance(v, dict) else v) for k, v in compiled.items()}
    assert compiled == source, f"{mo_path} is not compiled from the current {po_path.name}: run make messages"


def test_makemessages_leaves_nothing_untranslated(tmp_path):
    """Extract the strings again from a copy of the code: every one must already be translated.

    Apps without their own catalogue yet are left out of the copy (their strings would
    land in the root catalogue): each app owns its ``<app>/locale``.
    """
    copy = tmp_path / "site"
    shutil.copytree(
        BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(*SKIPPED_DIRS, "*.pyc", "*.sqlite3*", "tests", "bench"),
    )
    for child in copy.iterdir():
        is_app = child.is_dir() and (child / "apps.py").exists()
        if is_app and not (child / "locale").exists():
            shutil.rmtree(child)
    previous = os.getcwd()
    os.chdir(copy)
    try:
        with override_settings(LOCALE_PATHS=[str(copy / "locale")]):
            call_command("makemessages", locale=["en"], no_obsolete=True, ignore_patterns=MAKEMESSAGES_IGNORE, verbosity=0)
    finally:
        os.chdir(previous)
    problems = [problem for po_path in catalogues(copy) for problem in problems_in(po_path)]
    assert problems == []


def english_counterparts_of_the_french_tree():
    """(French page, its English translation or None) for every live public French page
    that is meant to be translated (testimonies stay in the language they were written in)."""
    try:
        excluded = (apps.get_model("temoignages", "TestimonyPage"),)
    except LookupError:
        excluded = ()
    pairs = []
    for page in Page.objects.live().public().filter(locale__language_code="fr", depth__gt=1).specific():
        if isinstance(page, excluded):
            continue
        english = page.get_translations().filter(locale__language_code="en").live().first()
        pairs.append((page, english))
    return pairs


@pytest.mark.django_db
def test_every_french_page_has_a_working_english_counterpart_and_the_switcher_leads_to_it(client, demo_site):
    pairs = english_counterparts_of_the_french_tree()
    assert len(pairs) >= 10
    missing = [page.url for page, english in pairs if english is None]
    assert missing == []
    for french, english in pairs:
        french_response = client.get(french.url)
        assert french_response.status_code == 200, french.url
        soup = BeautifulSoup(french_response.content, "html.parser")
        switch = soup.select_one(".language-switcher a[hreflang=en]")
        assert switch["href"] == english.url, french.url
        english_response = client.get(switch["href"])
        assert english_response.status_code == 200, english.url
        english_soup = BeautifulSoup(english_response.content, "html.parser")
        assert english_soup.html["lang"] == "en"
        assert english_soup.select_one(".language-switcher a[hreflang=fr]")["href"] == french.url


# Interface strings of the shared layout: none may show on an English page.
FRENCH_INTERFACE = ["Aller au contenu", "Navigation principale", "Choix de la langue", "Quitter rapidement", "Rechercher"]


@pytest.mark.django_db
def test_english_pages_read_in_english(client, demo_site):
    for _french, english in english_counterparts_of_the_french_tree():
        html = client.get(english.url).content.decode()
        leftovers = [s for s in FRENCH_INTERFACE if s in html]
        assert leftovers == [], english.url
    search = client.get("/en/recherche/", {"q": "harassment"}).content.decode()
    assert "Search the site" in search
    assert [s for s in FRENCH_INTERFACE if s in search] == []


@pytest.mark.django_db
def test_hreflang_alternates_with_x_default(client, demo_site):
    soup = BeautifulSoup(client.get("/en/editorial/").content, "html.parser")
    links = {link["hreflang"]: link["href"] for link in soup.select('link[rel=alternate][hreflang]')}
    assert links == {
        "fr": f"{settings.SITE_URL}/fr/edito/",
        "en": f"{settings.SITE_URL}/en/editorial/",
        "x-default": f"{settings.SITE_URL}/fr/edito/",
    }


@pytest.mark.django_db
def test_hreflang_on_the_search_page(client, demo_site):
    soup = BeautifulSoup(client.get("/en/recherche/").content, "html.parser")
    links = {link["hreflang"]: link["href"] for link in soup.select('link[rel=alternate][hreflang]')}
    assert links == {
        "fr": "http://testserver/fr/recherche/",
        "en": "http://testserver/en/recherche/",
        "x-default": "http://testserver/fr/recherche/",
    }


@pytest.mark.django_db
def test_page_without_translation_has_no_alternates(client, demo_site):
    from campagne.models import InterviewIndexPage, InterviewPage

    index = InterviewIndexPage.objects.get(locale__language_code="fr")
    lonely = InterviewPage(title="Sans traduction", slug="sans-traduction")
    index.add_child(instance=lonely)
    lonely.save_revision().publish()
    soup = BeautifulSoup(client.get(lonely.url).content, "html.parser")
    assert soup.select('link[rel=alternate][hreflang]') == []


@pytest.mark.django_db
def test_sitemap_lists_both_languages_with_alternates(client, demo_site):
    from campagne.models import EditoPage

    draft = EditoPage.objects.get(locale__language_code="fr")
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own response
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    assert f"{settings.SITE_URL}/fr/" in locations
    assert f"{settings.SITE_URL}/en/" in locations
    assert any("/en/" in loc for loc in locations if loc != f"{settings.SITE_URL}/en/")
    assert f"{settings.SITE_URL}/fr/edito/" not in locations
    home = next(url for url in root.findall("s:url", ns) if url.find("s:loc", ns).text == f"{settings.SITE_URL}/en/")
    alternates = {link.get("hreflang"): link.get("href") for link in home.findall("x:link", ns)}
    assert alternates == {"fr": f"{settings.SITE_URL}/fr/", "en": f"{settings.SITE_URL}/en/"}


def translatable_models_of(app_labels):
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in app_labels and issubclass(model, TranslatableMixin) and not model._meta.abstract
    ]


@pytest.mark.parametrize(
    "model", translatable_models_of({"home", "site_search"}), ids=lambda m: m._meta.label
)
def test_translatable_models_declare_translated_and_synchronised_fields(model):
    from wagtail_localize.fields import SynchronizedField, TranslatableField

    declared = getattr(model, "translatable_fields", None)
    assert declared, f"{model._meta.label} must declare translatable_fields"
    assert all(isinstance(f, (TranslatableField, SynchronizedField)) for f in declared)
    names = {f.field_name for f in declared}
    # Every text an editor writes is declared, translated or synchronised.
    page_internal = set()
    if issubclass(model, Page):
        page_internal = {f.name for f in Page._meta.get_fields()} - {"title", "slug", "seo_title", "search_description"}
    texts = {
        field.name
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and field.get_internal_type() in {"CharField", "TextField", "SlugField"}
        and field.name not in page_internal
    }
    assert texts <= names, f"{model._meta.label}: {sorted(texts - names)} not declared"
