"""« Se faire aider »: the associations directory, its GET filters and its cost in queries."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ressources.choices import Audience, Region
from ressources.models import Association, ResourceIndexPage
from tests.factories import AssociationFactory, HarassmentTypeFactory, HelplineFactory
from tests.factories.ressources import ResourceIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def types(locales):
    fr, en = locales
    made = {}
    for code in ("scolaire", "sexuel", "travail"):
        source = HarassmentTypeFactory(code=code, locale=fr)
        translation = source.copy_for_translation(en)
        translation.name = f"EN {code}"
        translation.save()
        made[code] = source
    return made


@pytest.fixture
def directory(home, types):
    return ResourceIndexPageFactory(parent=home, slug="se-faire-aider")


def names(response) -> set[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return {h.get_text(strip=True) for h in soup.select(".directory__list .association__name")}


def test_unfiltered_directory_lists_every_association_of_the_page_language(client, directory, types):
    AssociationFactory(name="Un", harassment_types=[types["scolaire"]])
    AssociationFactory(name="Deux", region=Region.BRETAGNE)
    response = client.get(directory.url)
    assert response.status_code == 200
    assert names(response) == {"Un", "Deux"}


def test_type_filter_keeps_only_associations_covering_that_type(client, directory, types):
    AssociationFactory(name="École", harassment_types=[types["scolaire"]])
    AssociationFactory(name="Sexuel", harassment_types=[types["sexuel"]])
    AssociationFactory(name="Les deux", harassment_types=[types["scolaire"], types["sexuel"]])
    assert names(client.get(directory.url, {"type": "scolaire"})) == {"École", "Les deux"}
    assert names(client.get(directory.url, {"type": "sexuel"})) == {"Sexuel", "Les deux"}
    assert names(client.get(directory.url, {"type": "travail"})) == set()


def test_audience_filter_keeps_that_audience_and_everyone(client, directory):
    AssociationFactory(name="Jeunes", audiences=[Audience.MINOR])
    AssociationFactory(name="Adultes", audiences=[Audience.ADULT, Audience.WORKER])
    AssociationFactory(name="Tous", audiences=[Audience.EVERYONE])
    assert names(client.get(directory.url, {"public": "mineur"})) == {"Jeunes", "Tous"}
    assert names(client.get(directory.url, {"public": "salarie"})) == {"Adultes", "Tous"}


def test_region_filter_keeps_that_region_and_national_associations(client, directory):
    AssociationFactory(name="Nationale", region=Region.NATIONAL)
    AssociationFactory(name="Lens", region=Region.HAUTS_DE_FRANCE, area="Pas-de-Calais (62)")
    AssociationFactory(name="Rennes", region=Region.BRETAGNE)
    assert names(client.get(directory.url, {"region": "hauts-de-france"})) == {"Nationale", "Lens"}
    assert names(client.get(directory.url, {"region": "national"})) == {"Nationale"}


def test_filters_combine(client, directory, types):
    AssociationFactory(
        name="Bonne", region=Region.HAUTS_DE_FRANCE, audiences=[Audience.MINOR], harassment_types=[types["scolaire"]]
    )
    AssociationFactory(
        name="Mauvaise région", region=Region.BRETAGNE, audiences=[Audience.MINOR], harassment_types=[types["scolaire"]]
    )
    AssociationFactory(name="Mauvais public", audiences=[Audience.ADULT], harassment_types=[types["scolaire"]])
    AssociationFactory(name="Mauvais type", audiences=[Audience.MINOR], harassment_types=[types["sexuel"]])
    response = client.get(directory.url, {"type": "scolaire", "public": "mineur", "region": "hauts-de-france"})
    assert names(response) == {"Bonne"}
    soup = BeautifulSoup(response.content, "html.parser")
    # The form shows the active filters, so the visitor sees why the list is short.
    assert soup.select_one("select[name=type] option[selected]")["value"] == "scolaire"
    assert soup.select_one(".directory__count").get_text(strip=True) == "1 association"


@pytest.mark.parametrize(
    "query",
    [
        {"type": "n-existe-pas"},
        {"public": "<script>alert(1)</script>"},
        {"region": "mars"},
        {"type": "SCOLAIRE"},
        {"page": "abc"},
        {"type": "'; DROP TABLE", "public": "%00", "region": "x" * 5000},
    ],
)
def test_bad_filter_values_give_the_unfiltered_directory(client, directory, types, query):
    AssociationFactory(name="Un", harassment_types=[types["sexuel"]])
    AssociationFactory(name="Deux", region=Region.BRETAGNE, audiences=[Audience.ADULT])
    response = client.get(directory.url, query)
    assert response.status_code == 200
    assert {"Un", "Deux"} <= names(response)


def test_a_page_number_past_the_end_is_a_404(client, directory):
    AssociationFactory()
    assert client.get(directory.url, {"page": "99"}).status_code == 404


def test_pagination_links_keep_the_filters(client, directory, types, monkeypatch):
    monkeypatch.setattr(ResourceIndexPage, "per_page", 2)
    for _ in range(3):
        AssociationFactory(harassment_types=[types["scolaire"]])
    soup = BeautifulSoup(client.get(directory.url, {"type": "scolaire"}).content, "html.parser")
    assert soup.select_one(".pagination a[rel=next]")["href"] == "?type=scolaire&page=2"


def test_filters_are_a_plain_get_form(client, directory):
    soup = BeautifulSoup(client.get(directory.url).content, "html.parser")
    form = soup.select_one("form.directory__filters")
    assert form["method"] == "get"
    assert {field["name"] for field in form.select("select")} == {"type", "public", "region"}
    assert form.select_one("button[type=submit]") is not None


def test_english_directory_shows_english_type_names_and_tel_links(client, directory, types, locales):
    association = AssociationFactory(name="Ligne", phone="0 800 05 95 95", harassment_types=[types["sexuel"]])
    english_page = directory.copy_for_translation(locales[1], copy_parents=True)
    english_page.save_revision().publish()
    translation = association.copy_for_translation(locales[1])
    translation.save()
    translation.harassment_types.set([types["sexuel"]])
    response = client.get(english_page.url, {"type": "sexuel"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert names(response) == {"Ligne"}
    assert "EN sexuel" in soup.select_one(".association__facts").get_text()
    assert soup.select_one('.association a[href="tel:0800059595"]') is not None


def test_associations_to_verify_carry_a_warning(client, directory):
    AssociationFactory(name="À vérifier", to_verify=True, region=Region.HAUTS_DE_FRANCE)
    soup = BeautifulSoup(client.get(directory.url).content, "html.parser")
    assert "Exemple à vérifier" in soup.select_one(".association__warning").get_text()


def test_the_page_lists_helplines_emergencies_first(client, directory):
    HelplineFactory(number="3018", sort_order=1)
    HelplineFactory(number="17", urgency="urgence", sort_order=2)
    soup = BeautifulSoup(client.get(directory.url).content, "html.parser")
    numbers = [a.get_text(strip=True) for a in soup.select(".help-lines a[href^='tel:']")]
    assert numbers == ["17", "3018"]


def _make_associations(count, types):
    for index in range(count):
        logo = wagtail_factories.ImageFactory()
        AssociationFactory(
            logo=logo,
            harassment_types=[types["scolaire"], types["sexuel"]],
            region=Region.NATIONAL if index % 2 else Region.BRETAGNE,
        )


def count_listed(response) -> int:
    return len(BeautifulSoup(response.content, "html.parser").select(".directory__list .association"))


def _count_queries(client, url):
    client.get(url)  # warm-up: image renditions are created on the first view only
    cache.clear()  # renditions must come from the prefetch, not from the cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_directory_costs_the_same_queries_for_3_or_30_associations(
    client, directory, types, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(ResourceIndexPage, "per_page", 50)  # every association on one page
    _make_associations(3, types)
    with_3, response = _count_queries(client, directory.url)
    assert count_listed(response) == 3
    _make_associations(27, types)
    client.get(directory.url)
    cache.clear()
    with django_assert_num_queries(with_3):
        response = client.get(directory.url)
    assert count_listed(response) == 30
    assert len(BeautifulSoup(response.content, "html.parser").select(".association__logo")) == 30
    # And with every filter on.
    filtered = f"{directory.url}?type=scolaire&public=tous&region=bretagne"
    filtered_count, response = _count_queries(client, filtered)
    assert count_listed(response) == 30
    assert filtered_count == with_3


def test_print_stylesheet_hides_the_filters_and_keeps_associations_whole():
    from pathlib import Path

    css = (Path(__file__).resolve().parent.parent / "site_parlons/static/css/main.css").read_text()
    print_rules = "".join(css.split("@media print")[1:])
    assert ".directory__filters" in print_rules
    assert "break-inside: avoid" in print_rules


def test_multiple_choice_field_round_trips(types):
    association = AssociationFactory(audiences=[Audience.MINOR, Audience.PARENT])
    association.refresh_from_db()
    assert association.audiences == ["mineur", "parent"]
    assert Association.objects.for_audience("parent").filter(pk=association.pk).exists()
    assert not Association.objects.for_audience("adulte").filter(pk=association.pk).exists()


def test_editor_creates_an_association_with_checkboxes_through_the_admin(client, directory, types, django_user_model):
    user = django_user_model.objects.create_superuser("editeur", "", "motdepasse-solide-123")
    client.force_login(user)
    form = client.get("/admin/snippets/ressources/association/add/?locale=fr")
    assert form.status_code == 200
    soup = BeautifulSoup(form.content, "html.parser")
    assert len(soup.select("input[type=checkbox][name=audiences]")) == len(Audience.choices)
    # One copy of each type is offered (the source language's), not one per language.
    assert len(soup.select("input[type=checkbox][name=harassment_types]")) == len(types)
    response = client.post(
        "/admin/snippets/ressources/association/add/?locale=fr",
        {
            "name": "Aide Lens",
            "description": "Une association d'exemple.",
            "harassment_types": [types["scolaire"].pk],
            "audiences": ["mineur", "parent"],
            "region": "hauts-de-france",
            "area": "Pas-de-Calais (62)",
            "phone": "03 21 00 00 00",
            "hours": "Le mercredi",
            "is_free": "on",
            "to_verify": "on",
            "locale": "fr",
        },
    )
    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").select(".error-message")
    association = Association.objects.get(name="Aide Lens")
    assert association.audiences == ["mineur", "parent"]
    assert association.to_verify and association.region == Region.HAUTS_DE_FRANCE
    assert names(client.get(directory.url, {"type": "scolaire", "public": "parent", "region": "hauts-de-france"})) == {
        "Aide Lens"
    }


def test_admin_refuses_an_unknown_audience(client, directory, django_user_model):
    user = django_user_model.objects.create_superuser("editeur", "", "motdepasse-solide-123")
    client.force_login(user)
    response = client.post(
        "/admin/snippets/ressources/association/add/?locale=fr",
        {"name": "X", "description": "Y", "audiences": ["martiens"], "region": "national", "locale": "fr"},
    )
    assert response.status_code == 200
    assert not Association.objects.filter(name="X").exists()
