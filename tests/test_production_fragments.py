"""Layout fragments (header, menu, breadcrumbs, language links, footer, home sections) cached
for the pages the full-page cache does not serve, with the same invalidation."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import SiteSettings
from tests.factories import temoignages as testimony_factories
from tests.factories.home import StandardPageFactory


@pytest.fixture(autouse=True)
def fragments_on():
    """Full-page cache off, as for a logged-in visitor, a page with a form or a cache miss."""
    caches["pages"].clear()
    with override_settings(PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=300):
        yield
    caches["pages"].clear()


def count_queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.fixture
def site_with_sections(home):
    for title in ("Édito", "Mentions légales", "Confidentialité", "Accessibilité"):
        StandardPageFactory(parent=home, title=title, show_in_menus=True)
    index = testimony_factories.TestimonyIndexPageFactory(parent=home, show_in_menus=True)
    for number in range(3):
        testimony_factories.TestimonyPageFactory(
            parent=index,
            title=f"Récit {number}",
            headline=f"Récit {number}",
            # As publishing sets it (the factory leaves it empty, and PostgreSQL sorts empty
            # dates first in a descending order).
            first_published_at=timezone.now() - timedelta(days=number + 1),
        )
    home.testimony_index = index
    return home


@pytest.mark.django_db
def test_the_home_page_renders_in_a_few_queries_once_its_fragments_are_cached(client, site_with_sections):
    cold, cold_html = count_queries(client, "/fr/")
    warm, warm_html = count_queries(client, "/fr/")
    assert warm <= 8, f"{warm} queries with warm fragments"
    assert cold - warm >= 10, (cold, warm)
    assert warm_html == cold_html


@pytest.mark.django_db
def test_fragments_are_off_without_the_setting(client, site_with_sections):
    with override_settings(FRAGMENT_CACHE_SECONDS=0):
        client.get("/fr/")
        first, _html = count_queries(client, "/fr/")
        second, _html = count_queries(client, "/fr/")
    assert second == first


@pytest.mark.django_db
def test_publishing_a_page_refreshes_the_menu_and_the_home_sections(client, site_with_sections):
    client.get("/fr/")
    StandardPageFactory(parent=site_with_sections, title="Nouvelle rubrique", show_in_menus=True)
    html = client.get("/fr/").content.decode()
    assert html.count("Nouvelle rubrique") >= 2  # the menu and the home's list of sections


@pytest.mark.django_db
def test_a_new_testimony_shows_on_the_cached_home(client, site_with_sections):
    client.get("/fr/")
    testimony = testimony_factories.TestimonyPageFactory(
        parent=site_with_sections.testimony_index, title="Tout juste publié", headline="Tout juste publié", live=False
    )
    testimony.save_revision().publish()
    assert "Tout juste publié" in client.get("/fr/").content.decode()


@pytest.mark.django_db
def test_editing_the_site_settings_refreshes_the_footer(client, site_with_sections):
    client.get("/fr/")
    settings = SiteSettings.for_site(site_with_sections.get_site())
    settings.contact_email = "presse@parlons-harcelement.example"
    settings.save()
    assert "presse@parlons-harcelement.example" in client.get("/fr/").content.decode()


@pytest.mark.django_db
def test_a_preview_never_uses_nor_fills_the_fragment_cache(client, site_with_sections):
    home = site_with_sections.specific
    # Wagtail's preview request is a copy of a request for the public page: same host
    # (the site's), same path, so the same fragment keys if previews used the cache.
    host = home.get_site().hostname
    client.get(home.url, HTTP_HOST=host)
    home.hero_text = "Brouillon jamais publié"
    preview = home.make_preview_request()
    assert "Brouillon jamais publié" in preview.content.decode()
    assert "Brouillon jamais publié" not in client.get(home.url, HTTP_HOST=host).content.decode()


@pytest.mark.django_db
def test_searches_and_made_up_query_strings_reuse_the_layout_fragments(client, site_with_sections, monkeypatch):
    """Fragments are keyed on the path: a new search (or ``?utm_source=…``) stores nothing
    new, and the language switcher of the search page still keeps the query."""
    client.get("/fr/recherche/", {"q": "premier"})
    client.get(site_with_sections.url)
    stored = []
    original = caches["pages"].set
    monkeypatch.setattr(
        caches["pages"], "set", lambda key, *args, **kwargs: stored.append(key) or original(key, *args, **kwargs)
    )

    response = client.get("/fr/recherche/", {"q": "deuxième"})
    client.get(site_with_sections.url + "?utm_source=lettre")
    assert stored == []
    switch = BeautifulSoup(response.content, "html.parser").select_one(".language-switcher a[hreflang=en]")
    assert switch["href"].endswith("?q=deuxi%C3%A8me")


@pytest.mark.django_db
def test_a_section_put_behind_a_password_leaves_the_cached_menu(client, site_with_sections):
    from wagtail.models import PageViewRestriction

    def menu_links():
        soup = BeautifulSoup(client.get("/fr/").content, "html.parser")
        return [a.get_text(strip=True) for a in soup.select(".site-header nav a")]

    section = StandardPageFactory(parent=site_with_sections, title="Rubrique privée", show_in_menus=True)
    assert "Rubrique privée" in menu_links()
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="mot-secret")
    assert "Rubrique privée" not in menu_links()


@pytest.mark.django_db
def test_with_the_cache_down_the_layout_is_rendered_fresh(client, site_with_sections, monkeypatch):
    """A cache that raises instead of answering: the page is served, its layout never replayed."""
    from site_parlons.ops import pagecache

    client.get("/fr/")

    def broken():
        raise ConnectionError("cache down")

    monkeypatch.setattr(pagecache, "current_generation", broken)
    # The invalidation is not taken either (retried by this process once the cache answers).
    monkeypatch.setattr(pagecache, "_bump_generation", lambda: False)
    monkeypatch.setattr(pagecache, "_invalidation_pending", [False])
    StandardPageFactory(parent=site_with_sections, title="Pendant la panne", show_in_menus=True)
    html = client.get("/fr/").content.decode()
    assert html.count("Pendant la panne") >= 2  # the menu and the home's list of sections
