"""The privacy page (issue 15): its retention durations come from the settings the erasing code
reads, in French and English; it is linked wherever a person who testifies may look for it."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from home.blocks import LegalStreamBlock
from home.models import SiteSettings, StandardPage
from tests.campagne_helpers import add_page, form_errors, rich_text, streamfield
from tests.factories.temoignages import build_testimony_section, valid_data

pytestmark = pytest.mark.django_db

FIGURES = {
    "TESTIMONY_RETENTION_DAYS": 41,
    "TESTIMONY_PENDING_RETENTION_DAYS": 97,
    "TESTIMONY_PENDING_ESCALATION_DAYS": 13,
    "CONTACT_RETENTION_DAYS": 61,
    "SEARCH_TERMS_RETENTION_DAYS": 5,
    "EMAIL_TASK_RETENTION_DAYS": 3,
    "BACKUP_RETENTION_DAYS": 22,
}


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def durations(soup) -> dict[str, str]:
    """Each row of the retention table: its data cell -> its duration cell."""
    table = soup.select_one("table.retention__table")
    assert table is not None
    return {
        row.th.get_text(" ", strip=True): row.td.get_text(" ", strip=True)
        for row in table.select("tbody tr")
        if row.td is not None
    }


def row(table: dict[str, str], start: str) -> str:
    (duration,) = [value for key, value in table.items() if key.startswith(start)]
    return duration


@pytest.fixture
def privacy_page(admin_client, home):
    """A privacy page as an editor makes it in the admin: a paragraph and the « Durées de conservation » block."""
    response = add_page(
        admin_client,
        home,
        StandardPage,
        {
            "title": "Confidentialité",
            "slug": "confidentialite",
            "intro": "",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Voici ce que nous gardons.</p>")),
                    ("retention_table", {"caption": ""}),
                ]
            ),
        },
    )
    assert response.status_code == 302, form_errors(response)
    return StandardPage.objects.get(slug="confidentialite")


def test_the_table_shows_what_the_settings_say_and_follows_a_change(client, privacy_page):
    with override_settings(**FIGURES):
        table = durations(soup_of(client.get(privacy_page.url)))
    assert "97 jours" in row(table, "Témoignage en attente") and "13 jours" in row(table, "Témoignage en attente")
    assert "41 jours" in row(table, "Témoignage non publié")
    assert "41 jours" in row(table, "Texte d'origine non relu")
    assert "61 jours" in row(table, "Nom, e-mail et message")
    assert "5 jours" in row(table, "Mots tapés")
    assert "3 jours" in row(table, "E-mails de notification")
    assert "22 jours" in row(table, "Sauvegardes")

    changed = {name: value + 100 for name, value in FIGURES.items()}
    with override_settings(**changed):
        table = durations(soup_of(client.get(privacy_page.url)))
    assert "141 jours" in row(table, "Témoignage non publié")
    assert "161 jours" in row(table, "Nom, e-mail et message")
    assert "122 jours" in row(table, "Sauvegardes")
    text = " ".join(table.values())
    for old in FIGURES.values():
        assert f" {old} jours" not in f" {text}"


def test_one_day_is_singular(client, privacy_page):
    with override_settings(BACKUP_RETENTION_DAYS=1):
        assert "1 jour :" in row(durations(soup_of(client.get(privacy_page.url))), "Sauvegardes")


def test_the_block_is_offered_on_legal_pages_with_its_editor_metadata():
    block = LegalStreamBlock().child_blocks["retention_table"]
    assert block.meta.template and block.meta.icon == "table" and block.meta.description
    html = block.render(block.get_preview_value())
    assert "<table" in html and "jours" in html


@pytest.fixture
def demo_privacy(demo_site):
    privacy = SiteSettings.for_site(demo_site.get_site()).privacy_page.specific
    english = privacy.get_translations().get(locale__language_code="en").specific
    return privacy, english


def test_demo_privacy_page_says_who_why_how_long_who_reads_rights_and_cnil(client, demo_privacy):
    privacy, _ = demo_privacy
    soup = soup_of(client.get(privacy.url))
    text = soup.select_one("main").get_text(" ", strip=True)
    for expected in [
        "IUT de Lens",
        "parlonsharcelementcontact@gmail.com",
        "article 6.1.a",
        "article 45 de la loi Informatique et Libertés",
        "article 6.1.f",
        "considérant 38",
        "Si vous avez moins de 15 ans",
        "Qui peut lire quoi",
        "code de suivi",
        "opposition",
        "CNIL",
    ]:
        assert expected in text, expected
    assert soup.select_one("main a[href^='https://www.cnil.fr/']")
    assert soup.select_one("main a[href='mailto:parlonsharcelementcontact@gmail.com']")
    assert "à vérifier" not in text
    with override_settings(TESTIMONY_RETENTION_DAYS=33):
        assert "33 jours" in row(durations(soup_of(client.get(privacy.url))), "Témoignage non publié")


def test_english_privacy_page_shows_the_same_live_figures_in_english(client, demo_privacy):
    _, english = demo_privacy
    with override_settings(**FIGURES):
        soup = soup_of(client.get(english.url))
    table = durations(soup)
    assert (
        soup.select_one("table.retention__table caption").get_text(strip=True)
        == "What we keep, for how long, who reads it"
    )
    assert "41 days" in row(table, "Testimony not published")
    assert "61 days" in row(table, "Name, e-mail and message")
    assert "97 days" in row(table, "Testimony awaiting review")
    text = soup.select_one("main").get_text(" ", strip=True)
    assert "Recital 38" in text and "jours" not in " ".join(table.values())


def test_privacy_page_is_linked_from_footer_form_thank_you_and_status_pages(client, home):
    from tests.factories.home import StandardPageFactory

    privacy = StandardPageFactory(parent=home, slug="confidentialite", title="Confidentialité")
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.privacy_page = privacy
    site_settings.save()
    _, form_page = build_testimony_section(home)

    form = soup_of(client.get(form_page.url))
    thank_you = soup_of(client.post(form_page.url, valid_data(form_page)))
    status = soup_of(client.get(form_page.status_url()))

    for soup in (form, thank_you, status):
        assert soup.select_one(f"main a[href='{privacy.url}']")
        assert soup.select_one(f"footer a[href='{privacy.url}']")


def test_wagtail_localize_translates_the_page_and_the_english_table_stays_live(client, privacy_page, locales):
    """Through wagtail-localize's own path (what « Traduire » in the admin does): the block has no
    figure to translate, and the English page shows the settings' durations in English."""
    from wagtail_localize.models import TranslationSource

    source, _ = TranslationSource.get_or_create_from_instance(privacy_page)
    english, _ = source.create_or_update_translation(locales[1], fallback=True, copy_parent_pages=True)
    english.save_revision().publish()

    with override_settings(CONTACT_RETENTION_DAYS=64):
        table = durations(soup_of(client.get(english.url)))
    assert "64 days" in row(table, "Name, e-mail and message")
