"""The page tree of DESIGN.md: each page type only where it makes sense."""

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from campagne import models as campagne
from home.models import HomePage, StandardPage
from ressources.models import ResourceIndexPage
from temoignages import models as temoignages
from tests.factories import PAGE_FACTORIES

PROJECT_APPS = {"home", "campagne", "temoignages", "ressources", "search"}

HOME_SECTIONS = {
    campagne.EditoPage,
    campagne.InterviewIndexPage,
    campagne.VideoIndexPage,
    campagne.StudyIndexPage,
    campagne.SocialNetworksPage,
    campagne.ContactPage,
    temoignages.TestimonyIndexPage,
    ResourceIndexPage,
    StandardPage,
}


def project_page_models():
    return [m for m in get_page_models() if m._meta.app_label in PROJECT_APPS and not m._meta.abstract]


def test_every_page_type_has_a_factory():
    missing = [m.__name__ for m in project_page_models() if m not in PAGE_FACTORIES]
    assert missing == [], f"page types without a factory in tests/factories: {missing}"


def test_every_page_type_declares_parents_and_subpages():
    for model in project_page_models():
        assert "parent_page_types" in model.__dict__, f"{model.__name__} must declare parent_page_types"
        assert "subpage_types" in model.__dict__, f"{model.__name__} must declare subpage_types"


class PageTreeTests(WagtailPageTestCase):
    def test_home_only_under_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, HOME_SECTIONS)

    def test_sections_of_home(self):
        for model in HOME_SECTIONS - {StandardPage}:
            parents = {HomePage}
            self.assertAllowedParentPageTypes(model, parents)

    def test_listings_and_their_items(self):
        pairs = [
            (campagne.InterviewIndexPage, {campagne.InterviewPage}),
            (campagne.VideoIndexPage, {campagne.VideoPage}),
            (campagne.StudyIndexPage, {campagne.StudyPage}),
            (temoignages.TestimonyIndexPage, {temoignages.TestimonyPage, temoignages.TestimonyFormPage}),
        ]
        for index, children in pairs:
            self.assertAllowedSubpageTypes(index, children)
            for child in children:
                self.assertAllowedParentPageTypes(child, {index})
                self.assertAllowedSubpageTypes(child, set())

    def test_leaf_pages_have_no_children(self):
        for model in [campagne.EditoPage, campagne.SocialNetworksPage, campagne.ContactPage]:
            self.assertAllowedSubpageTypes(model, set())

    def test_standard_pages_for_legal_and_help_texts(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage, ResourceIndexPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_can_create_where_allowed_and_not_elsewhere(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanCreateAt(HomePage, campagne.EditoPage)
        self.assertCanCreateAt(campagne.InterviewIndexPage, campagne.InterviewPage)
        self.assertCanNotCreateAt(HomePage, campagne.InterviewPage)
        self.assertCanNotCreateAt(HomePage, temoignages.TestimonyPage)
        self.assertCanNotCreateAt(campagne.VideoIndexPage, campagne.InterviewPage)
        self.assertCanNotCreateAt(temoignages.TestimonyPage, StandardPage)


def test_harassment_type_is_an_editable_translatable_snippet(admin_client, locales):
    from wagtail.snippets.models import get_snippet_models

    from home.models import HarassmentType

    assert HarassmentType in get_snippet_models()
    response = admin_client.post(
        "/admin/snippets/home/harassmenttype/add/",
        {"name": "Harcèlement en ligne de jeux", "code": "jeux", "description": "", "sort_order": 90, "locale": locales[0].pk},
    )
    assert response.status_code == 302, response.content[:2000]
    assert HarassmentType.objects.filter(code="jeux", locale=locales[0]).exists()
