"""The admin lists of translatable snippets: one language at a time, one column per meaning."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.users.models import UserProfile

from home.models import HarassmentType
from ressources.models import Association, Helpline, SuicideRiskVocabulary
from search.models import DistressVocabulary
from tests.factories.ressources import AssociationFactory, HelplineFactory

pytestmark = pytest.mark.django_db


def list_url(model) -> str:
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:list")


@pytest.fixture
def editor(django_user_model, locales):
    """A campaign editor (Wagtail's « Editors ») who may manage associations and helplines, admin in French."""
    user = django_user_model.objects.create_user("redaction", "redaction@example.org", "motdepasse-solide-123")
    user.groups.add(Group.objects.get(name="Editors"))
    for model in ("association", "helpline"):
        for action in ("add", "change", "delete"):
            user.user_permissions.add(Permission.objects.get(codename=f"{action}_{model}"))
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(preferred_language="fr")
    return user


def in_both_languages(create, name_fr: str, name_en: str, en):
    source = create(name=name_fr)
    translated = source.copy_for_translation(en)
    translated.name = name_en
    translated.save()
    return source, translated


def listing(client, url, **params):
    """The listing's column headings and the text of its rows, as an editor sees them."""
    response = client.get(url, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in soup.select("table.listing thead th")]
    rows = [row.get_text(" ", strip=True) for row in soup.select("table.listing tbody tr")]
    return headings, rows, soup


def test_associations_are_listed_once_in_french_by_default_and_in_english_on_request(client, editor, locales):
    en = locales[1]
    in_both_languages(AssociationFactory, "Aide aux victimes Nord", "Victim support North", en)
    in_both_languages(AssociationFactory, "Écoute jeunes", "Youth listening line", en)
    client.force_login(editor)
    url = list_url(Association)

    _headings, rows, soup = listing(client, url)
    assert len(rows) == 2
    assert any("Aide aux victimes Nord" in row for row in rows) and any("Écoute jeunes" in row for row in rows)
    # « À vérifier » reads « Non », not Python's False.
    assert all(row.split()[-1] == "Non" and "False" not in row for row in rows), rows
    # The language filter offers the two languages, and no « Tous » that would list both again.
    radios = soup.select("input[type=radio][name=locale]")
    assert sorted(r["value"] for r in radios) == ["en", "fr"]
    assert soup.select_one("input[type=radio][name=locale][value=fr]").has_attr("checked")

    _headings, rows_en, _soup = listing(client, url, locale="en")
    assert len(rows_en) == 2
    assert any("Victim support North" in row for row in rows_en) and any("Youth listening" in row for row in rows_en)


@pytest.mark.parametrize(("model", "factory"), [(Association, AssociationFactory), (Helpline, HelplineFactory)])
def test_no_two_columns_share_a_heading_and_none_is_the_language(client, editor, locales, model, factory):
    in_both_languages(factory, "Une entrée", "An entry", locales[1])
    client.force_login(editor)
    headings, rows, soup = listing(client, list_url(model))
    labelled = [h for h in headings if h]
    assert labelled and len(labelled) == len(set(labelled)), labelled
    assert len(rows) == 1 and "Une entrée" in rows[0]
    # Wagtail's French catalogue calls the language « Région »: here it is « Langue », in the filter only.
    legends = [legend.get_text(" ", strip=True) for legend in soup.select("fieldset legend, label")]
    assert any(text.startswith("Langue") for text in legends), legends


def _create(model):
    if model is HarassmentType:
        return lambda name: HarassmentType.objects.create(code="essai", name=name)
    if model in (DistressVocabulary, SuicideRiskVocabulary):
        return lambda name: model.objects.create(name=name, words="mot")
    return {Association: AssociationFactory, Helpline: HelplineFactory}[model]


@pytest.mark.parametrize("model", [Association, Helpline, SuicideRiskVocabulary, HarassmentType, DistressVocabulary])
def test_every_translatable_snippet_list_shows_one_language(admin_client, locales, model):
    fr, en = locales
    source, translated = in_both_languages(_create(model), "Source", "Translation", en)
    response = admin_client.get(list_url(model))
    assert response.status_code == 200
    listed = {obj.pk for obj in response.context["object_list"]}
    assert source.pk in listed and translated.pk not in listed
    listed_en = {obj.pk for obj in admin_client.get(list_url(model), {"locale": "en"}).context["object_list"]}
    assert translated.pk in listed_en and source.pk not in listed_en
