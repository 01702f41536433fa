import pytest
from wagtail.models import Locale, Site

from tests.factories.home import HomePageFactory


@pytest.fixture
def locales(db):
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return fr, en


@pytest.fixture
def home(locales):
    """A French home page as the default site's root, in place of Wagtail's welcome page.

    Transactional tests (live server, concurrency) empty every table, including the root
    page and site that Wagtail's migrations create; both are re-created when missing.
    """
    from site_parlons.demo.content import ensure_root

    page = HomePageFactory(parent=ensure_root(), slug="accueil", locale=locales[0])
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=page, is_default_site=True)
    else:
        site.root_page = page
        site.save()
    return page


@pytest.fixture
def demo_site(db):
    """The full demo content (French tree + English translation)."""
    from site_parlons.demo.content import load_demo_content

    return load_demo_content()



@pytest.fixture(autouse=True)
def _empty_default_cache():
    """Form tokens and rate limits count in the default cache (local memory in the test settings):
    each test starts and ends with it empty."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def section(home):
    """Types, a testimony index and its form page under ``home``: (index, form_page)."""
    from tests.factories.temoignages import build_testimony_section

    return build_testimony_section(home)
