"""Helpline routing: the lines that fit a harassment type, an audience and an urgency."""

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template

from ressources.demo import ensure_helplines
from ressources.routing import lines_for, rank_lines
from site_parlons.demo.content import ensure_taxonomy, get_locales

EMERGENCIES = ["17", "112", "114"]


def line(number, urgency="ecoute", types=(), audiences=(), order=0):
    return SimpleNamespace(
        number=number, urgency=urgency, type_codes=set(types), audiences=list(audiences), sort_order=order
    )


class TestRankLines:
    """The rules on plain objects: no database."""

    lines = [
        line("17", "urgence", order=0),
        line("3018", "urgent", types=["scolaire", "cyber"], audiences=["mineur", "parent"], order=3),
        line("119", "urgent", types=["scolaire", "famille"], audiences=["mineur"], order=4),
        line("3919", "urgent", types=["sexuel"], audiences=["adulte"], order=5),
        line("116 006", "ecoute", audiences=["tous"], order=9),
        line("3114", "urgent", order=8),
    ]

    def numbers(self, *args, **kwargs):
        return [item.number for item in rank_lines(self.lines, *args, **kwargs)]

    def test_lines_naming_the_type_come_before_general_ones(self):
        assert self.numbers("scolaire", "mineur") == ["3018", "119", "3114", "116 006", "17"]

    def test_a_line_for_another_audience_is_left_out(self):
        assert "3919" not in self.numbers("sexuel", "mineur")
        assert "3919" in self.numbers("sexuel", "adulte")
        assert "119" not in self.numbers("scolaire", "adulte")

    def test_urgent_puts_emergency_lines_first(self):
        assert self.numbers("scolaire", "mineur", urgent=True)[0] == "17"

    def test_no_type_and_no_audience_keeps_everything(self):
        assert len(self.numbers()) == len(self.lines)

    def test_limit_trims_non_emergency_lines_only(self):
        assert self.numbers("scolaire", "mineur", limit=1) == ["3018", "17"]


@pytest.fixture
def demo_lines(db):
    ensure_taxonomy()
    ensure_helplines()
    return get_locales()


def numbers(lines):
    return [item.number or item.name for item in lines]


@pytest.mark.parametrize(
    ("type_code", "audience", "urgent", "first", "absent"),
    [
        # School + minor: 3018 (which absorbed 3020) and 119 first.
        ("scolaire", "mineur", False, ["3018", "119"], ["3919", "PHAROS"]),
        # Sexual violence, adult: 3919, the police reporting portal, the rape helpline.
        ("sexuel", "adulte", False, ["3919", "arretonslesviolences.gouv.fr", "0 800 05 95 95"], ["119", "3018"]),
        # Sexual violence, minor: 119 and the rape helpline, not the women's adult line.
        ("sexuel", "mineur", False, ["119", "arretonslesviolences.gouv.fr", "0 800 05 95 95"], ["3919"]),
        # Online: 3018 and PHAROS.
        ("cyber", "", False, ["3018", "PHAROS"], ["119"]),
        # Family violence, minor, in danger now: emergencies first, then 119.
        ("famille", "mineur", True, [*EMERGENCIES, "119"], ["3018"]),
        # Danger, nothing else known: 17, 112, 114 first.
        ("", "", True, EMERGENCIES, []),
        # Work, employee: general lines, nothing meant for children.
        ("travail", "salarie", False, ["3114", "116 006"], ["119", "3018", "0 800 235 236"]),
        # An unknown type still gets general help, never an empty list.
        ("n-existe-pas", "", False, ["3114", "116 006"], ["3018", "119"]),
    ],
)
def test_demo_routing(demo_lines, type_code, audience, urgent, first, absent):
    result = numbers(lines_for(type_code, audience, urgent, locale=demo_lines[0]))
    assert result[: len(first)] == first
    for number in absent:
        assert number not in result
    if not urgent:
        assert result[-3:] == EMERGENCIES, "emergency numbers always stay within reach"


def test_3018_line_says_what_became_of_3020(demo_lines):
    line_3018 = lines_for("scolaire", "mineur", locale=demo_lines[0])[0]
    assert line_3018.number == "3018"
    assert "3020" in line_3018.purpose
    english = lines_for("scolaire", "mineur", locale=demo_lines[1])[0]
    assert english.number == "3018" and "3020" in english.purpose


def test_routing_in_english_uses_english_lines(demo_lines):
    result = lines_for("sexuel", "adulte", locale=demo_lines[1])
    assert result[0].number == "3919"
    assert result[0].locale == demo_lines[1]
    assert result[0].name == "Violence against women"


def render(source, **context):
    return Template("{% load help_tags %}" + source).render(Context(context))


def test_tag_renders_tel_links_with_hours_and_no_ids(demo_lines, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):  # at most three per component: locale, lines, their types
        html = render(
            '{% helplines harassment_type="scolaire" audience="mineur" urgent=False %}'
            '{% helplines harassment_type="scolaire" audience="mineur" urgent=False %}'
        )
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select("aside.helplines")) == 2
    assert soup.select("[id]") == [], "the component may appear twice on a page: no id"
    first = soup.select_one("aside.helplines .helpline")
    assert first.select_one('a[href="tel:3018"]').get_text() == "3018"
    assert "9 h – 23 h" in first.select_one(".helpline__facts").get_text()


def test_tag_urgent_shows_emergency_numbers_before_the_others(demo_lines):
    html = render("{% helplines harassment_type=code audience='mineur' urgent=True %}", code="famille")
    hrefs = [a["href"] for a in BeautifulSoup(html, "html.parser").select("a[href^='tel:']")]
    assert hrefs[:4] == ["tel:17", "tel:112", "tel:114", "tel:119"]


def test_tag_accepts_a_harassment_type_object_and_ignores_an_unknown_audience(demo_lines):
    from home.models import HarassmentType

    sexual = HarassmentType.objects.get(code="sexuel", locale=demo_lines[0])
    html = render("{% helplines harassment_type=t audience='martien' %}", t=sexual)
    assert 'href="tel:3919"' in html  # audience ignored: adult lines are shown too
    assert 'href="tel:119"' in html


def test_tag_without_any_line_still_gives_emergency_numbers(db):
    html = render("{% helplines harassment_type='scolaire' audience='mineur' urgent=False %}")
    assert "17" in html and "112" in html and "114" in html


def test_tag_speaks_english_on_english_pages(demo_lines):
    from django.utils import translation

    with translation.override("en"):
        html = render("{% helplines harassment_type='cyber' audience='' %}")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".helplines__title").get_text() == "Need help now?"
    assert soup.select_one("aside")["aria-label"] == "Helplines"
