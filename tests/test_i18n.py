"""Languages: redirects by browser language, <html lang>, language switcher."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "target"),
    [("fr-FR,fr;q=0.9", "/fr/"), ("en-GB,en;q=0.9", "/en/"), ("de-DE", "/fr/")],
)
def test_root_redirects_by_browser_language(client, demo_site, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


def test_html_lang_follows_the_url(client, demo_site):
    assert b'<html lang="fr">' in client.get("/fr/").content
    assert b'<html lang="en">' in client.get("/en/").content


def test_language_switcher_leads_to_the_same_page_translation(client, demo_site):
    soup = BeautifulSoup(client.get("/fr/edito/").content, "html.parser")
    link = soup.select_one(".language-switcher a[hreflang=en]")
    assert link["href"] == "/en/editorial/"
    english = client.get(link["href"])
    assert english.status_code == 200
    back = BeautifulSoup(english.content, "html.parser").select_one(".language-switcher a[hreflang=fr]")
    assert back["href"] == "/fr/edito/"


def test_language_switcher_falls_back_to_home_without_translation(client, demo_site):
    from campagne.models import InterviewIndexPage, InterviewPage

    index = InterviewIndexPage.objects.get(locale__language_code="fr")
    lonely = InterviewPage(title="Sans traduction", slug="sans-traduction")
    index.add_child(instance=lonely)
    lonely.save_revision().publish()
    soup = BeautifulSoup(client.get(lonely.url).content, "html.parser")
    assert soup.select_one(".language-switcher a[hreflang=en]")["href"] == "/en/"


def test_admin_is_in_french_for_a_french_user(client, demo_site, django_user_model):
    user = django_user_model.objects.create_superuser("chloe", "", "motdepasse-solide-123")
    client.force_login(user)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert b'lang="fr"' in response.content
    assert b"Tableau de bord" in response.content
