"""The structured content warning of a testimony: a level and themes editors maintain, a precision."""

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Revision

from home.models import DEFAULT_CONTENT_WARNING_THEMES, ContentWarningTheme
from temoignages import models as testimony_models
from temoignages.choices import WarningLevel
from temoignages.content_warnings import backfill_levels, warning_level
from tests.factories import temoignages as factories
from tests.factories.temoignages import build_testimony_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes(locales):
    """Three themes in French, each translated into English: {French name: (French, English)}."""
    fr, en = locales
    pairs = {}
    for order, (name_fr, name_en) in enumerate(DEFAULT_CONTENT_WARNING_THEMES[:3]):
        source = ContentWarningTheme.objects.create(name=name_fr, sort_order=order, locale=fr)
        translated = source.copy_for_translation(en)
        translated.name = name_en
        translated.save()
        pairs[name_fr] = (source, translated)
    return pairs


@pytest.fixture
def index(home):
    return build_testimony_section(home)[0]


@pytest.fixture
def english_index(index, locales):
    """The English translation of the home page and the testimony index, published."""
    en = locales[1]
    home_en = index.get_parent().specific.copy_for_translation(en)
    home_en.save_revision().publish()
    index_en = index.copy_for_translation(en)
    index_en.title = "Testimonies"
    index_en.save_revision().publish()
    return index_en


def publish(parent, themes=(), **fields):
    page = factories.TestimonyPageFactory(parent=parent, **fields)
    page.content_warning_themes = list(themes)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


# --- Public page --------------------------------------------------------------------------


def test_french_page_folds_the_story_behind_level_themes_and_precision(client, index, themes):
    page = publish(
        index,
        themes=[themes["violences sexuelles"][0], themes["violences physiques"][0]],
        content_warning_level=WarningLevel.SENSITIVE,
        content_warning="Récit d'une agression au lycée",
        story="Le texte du récit, replié.",
    )
    soup = soup_of(client, page.url)
    details = soup.select_one("details.content-warning")
    assert details is not None and not details.has_attr("open")
    summary = details.select_one("summary").get_text(" ", strip=True)
    assert "ce témoignage aborde un sujet sensible" in summary
    # Themes in the editors' order (sort_order), not the order they were ticked.
    assert "Ce témoignage évoque : violences physiques, violences sexuelles." in summary
    assert "Récit d'une agression au lycée" in summary
    assert "Afficher le récit" in summary
    assert "Le texte du récit, replié." in details.select_one(".testimony__story").get_text()
    assert "content-warning--shocking" not in details["class"]
    # The helplines stay outside the fold: visible without opening the story.
    helplines = soup.select_one(".helplines")
    assert helplines is not None and details not in helplines.parents and helplines not in details.descendants


def test_shocking_is_drawn_stronger_and_said_so(client, index, themes):
    page = publish(index, themes=[themes["idées suicidaires"][0]], content_warning_level=WarningLevel.SHOCKING)
    details = soup_of(client, page.url).select_one("details.content-warning")
    assert "content-warning--shocking" in details["class"]
    assert "ce témoignage peut choquer" in details.select_one("summary").get_text(" ", strip=True)


def test_english_page_names_level_and_themes_in_english(client, english_index, themes):
    english_themes = [themes["idées suicidaires"][1], themes["violences physiques"][1]]
    page = publish(english_index, themes=english_themes, content_warning_level=WarningLevel.SHOCKING)
    assert page.url.startswith("/en/")
    soup = soup_of(client, page.url)
    summary = soup.select_one("details.content-warning summary").get_text(" ", strip=True)
    assert "Content warning: this testimony may be shocking." in summary
    assert "This testimony mentions: physical violence, suicidal thoughts." in summary
    assert "Show the story" in summary
    assert "violences" not in summary and "Avertissement" not in summary


def test_no_fold_when_the_level_is_none(client, index, themes):
    page = publish(index, story="Visible tout de suite.", content_warning_level=WarningLevel.NONE)
    soup = soup_of(client, page.url)
    assert soup.select_one("details.content-warning") is None
    assert "Visible tout de suite." in soup.select_one(".testimony__story").get_text()


def test_cards_give_a_short_warning_line_instead_of_the_excerpt(client, index, themes):
    publish(
        index,
        headline="Récit choquant",
        themes=[themes["violences sexuelles"][0]],
        content_warning_level=WarningLevel.SHOCKING,
        story="Ce texte ne doit pas être dans la carte.",
    )
    publish(index, headline="Récit sans avertissement", story="Un début visible dans la carte.")
    soup = soup_of(client, index.url)
    cards = {c.select_one(".card__title").get_text(strip=True): c for c in soup.select(".testimony-card")}
    warned = cards["Récit choquant"]
    line = warned.select_one(".card__warning")
    assert line.get_text(strip=True) == "Peut choquer — violences sexuelles"
    assert "card__warning--shocking" in line["class"]
    assert "Ce texte ne doit pas" not in warned.get_text()
    assert cards["Récit sans avertissement"].select_one(".card__warning") is None


# --- Levels from free text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "text", "expected"),
    [
        (WarningLevel.NONE, "", WarningLevel.NONE),
        (WarningLevel.NONE, "Idées noires", WarningLevel.SENSITIVE),
        (WarningLevel.NONE, "   ", WarningLevel.NONE),
        (WarningLevel.SHOCKING, "Idées noires", WarningLevel.SHOCKING),
        (WarningLevel.SENSITIVE, "", WarningLevel.SENSITIVE),
    ],
)
def test_a_written_warning_is_at_least_sensitive(level, text, expected):
    assert warning_level(level, text) == expected


def test_data_migration_gives_sensitive_to_old_free_text_warnings_in_rows_and_revisions(index):
    old = publish(index, content_warning="Violences physiques")
    plain = publish(index)
    # As before the migration: a free-text warning, no level, in the row and in its revisions.
    testimony_models.TestimonyPage.objects.filter(pk=old.pk).update(content_warning_level=WarningLevel.NONE)
    for revision in Revision.objects.filter(object_id=str(old.pk)):
        revision.content.pop("content_warning_level", None)
        revision.save(update_fields=["content"])

    assert backfill_levels(apps) == 1

    old.refresh_from_db()
    plain.refresh_from_db()
    assert old.content_warning_level == WarningLevel.SENSITIVE
    assert plain.content_warning_level == WarningLevel.NONE
    # The editor opens the latest revision: it keeps the level too.
    assert old.get_latest_revision_as_object().content_warning_level == WarningLevel.SENSITIVE
    assert plain.get_latest_revision_as_object().content_warning_level == WarningLevel.NONE


# --- Admin ------------------------------------------------------------------------------------


def test_the_editor_offers_only_the_themes_of_the_page_language(admin_client, index, themes):
    page = publish(index, content_warning_level=WarningLevel.SENSITIVE, themes=[themes["idées suicidaires"][0]])
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    boxes = soup.select("input[type=checkbox][name=content_warning_themes]")
    offered = {int(box["value"]) for box in boxes}
    assert offered == {source.pk for source, _translated in themes.values()}
    ticked = {int(box["value"]) for box in boxes if box.has_attr("checked")}
    assert ticked == {themes["idées suicidaires"][0].pk}
    levels = [radio["value"] for radio in soup.select("input[type=radio][name=content_warning_level]")]
    assert levels == ["none", "sensitive", "shocking"]


def test_the_form_refuses_a_theme_of_another_language(index, themes, admin_user):
    page = publish(index)
    form_class = testimony_models.TestimonyPage.get_edit_handler().get_form_class()
    english = themes["violences physiques"][1]
    french = themes["violences physiques"][0]
    form = form_class(instance=page, for_user=admin_user, parent_page=index)
    assert set(form.fields["content_warning_themes"].queryset) == {source for source, _t in themes.values()}
    field = form.fields["content_warning_themes"]
    assert [t.pk for t in field.clean([french.pk])] == [french.pk]
    with pytest.raises(ValidationError):
        field.clean([english.pk])


def test_ticked_themes_without_a_level_fold_the_story(admin_client, index, themes):
    """A real save from the page editor: themes ticked, level left at « aucun »."""
    page = publish(index, story="Un récit à replier.")
    danger = themes["idées suicidaires"][0]
    data = {
        "title": page.title,
        "slug": page.slug,
        "headline": page.headline,
        "intro": "",
        "story": page.story,
        "content_warning_level": WarningLevel.NONE,
        "content_warning_themes": [danger.pk],
        "content_warning": "",
        "tags": "",
        "harassment_type": page.harassment_type_id or "",
        "role": page.role,
        "pseudonym": "",
        "age_range": "",
        "region": "",
        "seo_title": "",
        "search_description": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert draft.content_warning_level == WarningLevel.SENSITIVE
    assert [theme.pk for theme in draft.content_warning_themes.all()] == [danger.pk]


def test_themes_are_a_translatable_snippet_listed_one_language_at_a_time(admin_client, themes):
    url = reverse("wagtailsnippets_home_contentwarningtheme:list")
    listed = {obj.pk for obj in admin_client.get(url).context["object_list"]}
    assert listed == {source.pk for source, _translated in themes.values()}
    source, translated = themes["violences sexuelles"]
    assert source.translation_key == translated.translation_key


def test_a_theme_of_danger_puts_the_emergency_numbers_first(client, index, themes):
    from ressources.choices import Urgency
    from tests.factories.ressources import HelplineFactory

    HelplineFactory(number="112", urgency=Urgency.EMERGENCY)
    HelplineFactory(number="3018", urgency=Urgency.LISTENING)
    danger = themes["idées suicidaires"][0]
    danger.urgent_helplines = True
    danger.save()
    plain = publish(index, themes=[themes["violences physiques"][0]], content_warning_level=WarningLevel.SENSITIVE)
    urgent = publish(index, themes=[danger], content_warning_level=WarningLevel.SENSITIVE)

    plain_box = soup_of(client, plain.url).select_one(".helplines")
    assert "helplines--urgent" not in plain_box["class"]
    urgent_box = soup_of(client, urgent.url).select_one(".helplines")
    assert "helplines--urgent" in urgent_box["class"]
    assert "112" in urgent_box.select_one(".helplines__list--emergency").get_text()


def test_warned_cards_load_their_themes_in_one_query(client, index, themes):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        client.get(index.url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(index.url).status_code == 200
        return len(ctx)

    def warned(n):
        for _ in range(n):
            publish(index, themes=[themes["violences physiques"][0]], content_warning_level=WarningLevel.SENSITIVE)

    warned(2)
    few = queries()
    warned(6)
    assert queries() == few
