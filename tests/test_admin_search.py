"""Every search box of the Wagtail admin answers, on SQLite (``make run``) and PostgreSQL.

The listings are found, not listed by hand: every admin URL whose view is one of Wagtail's
listing or chooser views (snippets, images, documents, users, groups, redirects, promotions,
forms, workflows, reports…) is searched, plus the page listings Wagtail routes through
functions (page search, explorer, form submissions). A new snippet or listing is covered
without touching this file; ``get_snippet_models()`` checks that none escapes the walk.
"""

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.html import escape
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.views.generic.chooser import BaseChooseView
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.snippets.models import get_snippet_models

from tests.factories import AssociationFactory, HarassmentTypeFactory, HelplineFactory
from tests.factories.campagne import ContactPageFactory
from tests.factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db

#: What a moderator types: two words, both accented, as in the campaign's own vocabulary.
QUERY = "harcèlement école"
TEXT = "Harcèlement à l'école"


def admin_views(patterns, prefix=""):
    """``(route, name, view_class)`` of every admin URL served by a listing or chooser view."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            namespace = pattern.namespace
            yield from admin_views(pattern.url_patterns, f"{prefix}{namespace}:" if namespace else prefix)
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class and issubclass(view_class, (BaseListingView, BaseChooseView)):
                yield str(pattern.pattern), f"{prefix}{pattern.name}", view_class


@pytest.fixture
def content(home, django_user_model):
    """One matching object in each listing (pages, snippets, media, users…), one other."""
    page = StandardPageFactory(parent=home, title=f"{TEXT} : témoigner")
    StandardPageFactory(parent=home, title="Mentions légales")
    contact = ContactPageFactory(parent=home, title="Contact")
    matching = {
        "harassmenttype": HarassmentTypeFactory(name=TEXT, code="ecole"),
        "association": AssociationFactory(name=f"{TEXT} et après", description="Écoute et accompagnement."),
    }
    HelplineFactory(name=f"{TEXT} info", purpose="Écoute des élèves.")
    HarassmentTypeFactory(name="Cyberharcèlement", code="cyber")
    AssociationFactory(name="Aide aux victimes", description="Accompagnement juridique.")
    wagtail_factories.ImageFactory(title=TEXT)
    get_document_model().objects.create(title=TEXT, file=wagtail_factories.DocumentFactory.build().file)
    Redirect.objects.create(old_path="/harcelement-ecole", redirect_link="https://example.org/")
    SearchPromotion.objects.create(query=Query.get(QUERY), page=page, sort_order=0)
    Group.objects.create(name=TEXT)
    django_user_model.objects.create_user("eleve", "eleve@example.org", first_name="Élève", last_name="École")
    superuser = django_user_model.objects.create_superuser("admin", "admin@example.org", "motdepasse-solide-123")
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    return client, home, page, contact, matching


def searched_urls(home, contact) -> dict[str, str]:
    urls = {}
    for route, name, _view in admin_views(get_resolver().url_patterns):
        if "<" not in route:  # views of one object (history, usage) have no search box
            urls[name] = reverse(name)
    # Page listings are routed through functions (one view per page type), not view classes.
    urls["wagtailadmin_pages:search"] = reverse("wagtailadmin_pages:search")
    urls["wagtailadmin_pages:search_results"] = reverse("wagtailadmin_pages:search_results")
    urls["wagtailadmin_explore"] = reverse("wagtailadmin_explore", args=[home.pk])
    urls["wagtailadmin_explore_results"] = reverse("wagtailadmin_explore_results", args=[home.pk])
    urls["wagtailforms:list_submissions"] = reverse("wagtailforms:list_submissions", args=[contact.pk])
    urls["wagtailsearchpromotions:chooserresults"] = reverse("wagtailsearchpromotions:chooserresults")
    return urls


def test_every_admin_search_box_answers_an_accented_query(content):
    client, home, _page, contact, _matching = content
    urls = searched_urls(home, contact)
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        assert viewset.get_url_name("list") in urls, f"{model.__name__}: its admin list is not searched"
        if viewset.chooser_viewset.get_urlpatterns():  # the private records have no chooser at all
            assert viewset.chooser_viewset.get_url_name("choose") in urls, f"{model.__name__}: its chooser is not searched"
    for name in ("wagtailimages:index", "wagtaildocs:index", "wagtailusers_users:index", "wagtailusers_groups:index"):
        assert name in urls
    assert len(urls) > 40  # the walk found Wagtail's listings, not a handful

    failures = {}
    for name, url in sorted(urls.items()):
        response = client.get(url, {"q": QUERY}, headers={"x-requested-with": "XMLHttpRequest"})
        if response.status_code != 200:
            failures[name] = response.status_code
    assert failures == {}


# Helplines are not in the search index: Wagtail filters them with ``icontains`` on the
# whole query, a search that cannot fail.
@pytest.mark.parametrize(
    ("url_name", "key"),
    [
        ("wagtailsnippets_home_harassmenttype:list_results", "harassmenttype"),
        ("wagtailsnippets_ressources_association:list_results", "association"),
    ],
)
def test_snippet_search_finds_the_matching_row_only(content, url_name, key):
    client, *_rest, matching = content
    response = client.get(reverse(url_name), {"q": QUERY})
    assert response.status_code == 200
    listed = list(response.context["object_list"])
    assert listed == [matching[key]]


def test_page_search_finds_the_page_and_counts_it_by_type(content):
    client, _home, page, *_rest = content
    response = client.get(reverse("wagtailadmin_pages:search_results"), {"q": QUERY})
    assert response.status_code == 200
    assert [p.pk for p in response.context["object_list"]] == [page.pk]
    # The type filter beside the results counts them in the same search (the facet that
    # raised AttributeError on SQLite).
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": QUERY})
    assert response.status_code == 200
    assert escape(page.title) in response.content.decode()
    assert [(ct.model_class(), count) for ct, count in response.context["view"].content_types] == [(type(page), 1)]
