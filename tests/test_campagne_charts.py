"""Chart blocks: editors' numbers rendered server-side to an accessible SVG with the data table."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from campagne.blocks import ChartBlock
from campagne.charts import build_chart, format_value


@pytest.fixture(autouse=True)
def french():
    """Render in French whatever an earlier test's /en/ request left active in this thread."""
    with translation.override("fr"):
        yield


def render(kind="bar", rows=(("Insultes en ligne", "46"), ("Rumeurs", "31.5")), **extra):
    block = ChartBlock()
    value = block.to_python(
        {
            "title": "Formes de harcèlement",
            "kind": kind,
            "unit": "%",
            "rows": [{"label": label, "value": value} for label, value in rows],
            "description": extra.get("description", ""),
            "source": "Enquête",
            "example_data": extra.get("example_data", False),
        }
    )
    return BeautifulSoup(block.render(value), "html.parser")


@pytest.mark.parametrize("kind", ["bar", "pie", "line"])
def test_chart_renders_accessible_svg_with_title_desc_and_table(kind):
    soup = render(kind)
    svg = soup.select_one("svg")
    assert svg["role"] == "img"
    title, desc = svg.find("title"), svg.find("desc")
    assert title.get_text().startswith("Formes de harcèlement")
    assert svg["aria-labelledby"] == f"{title['id']} {desc['id']}"
    # Without a summary, the description spells every value out.
    assert desc.get_text() == "Insultes en ligne : 46\u00a0% ; Rumeurs : 31,5\u00a0%"
    table = soup.select_one("table")
    assert "Formes de harcèlement" in table.caption.get_text()
    rows = [[cell.get_text() for cell in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")]
    assert rows == [["Insultes en ligne", "46\u00a0%"], ["Rumeurs", "31,5\u00a0%"]]
    assert soup.select_one(".chart__source").get_text() == "Source : Enquête"


def test_bar_lengths_follow_the_values_and_numbers_are_not_localised_in_svg():
    from django.utils import translation

    with translation.override("fr"):  # French formats would write 530,0 and break the SVG
        soup = render("bar", rows=(("A", "50"), ("B", "25")))
    rects = soup.select("svg rect")
    widths = [float(r["width"]) for r in rects]
    assert widths[0] == pytest.approx(2 * widths[1])
    for element in soup.select("svg *"):
        for attr in ("x", "y", "width", "height", "cx", "cy", "r", "d", "points"):
            assert "," not in element.get(attr, "") or attr in ("d", "points"), (element.name, attr)
    assert "," not in soup.select_one("svg")["viewbox"]


def test_pie_slices_and_summary_from_editor():
    soup = render("pie", rows=(("En ligne", "72"), ("Ailleurs", "28")), description="Surtout en ligne.")
    assert len(soup.select("svg path")) == 2
    assert soup.select_one("svg desc").get_text() == "Surtout en ligne."


def test_single_value_pie_is_a_full_circle():
    chart = build_chart("pie", [("Tout", Decimal("10"))], "%")
    assert chart.shapes[0]["circle"] is True


def test_example_data_is_flagged_in_caption_and_title():
    soup = render(example_data=True)
    assert "données d'exemple" in soup.select_one("figcaption").get_text()
    assert "données d'exemple" in soup.select_one("svg title").get_text()


def test_chart_block_requires_rows_and_positive_numbers():
    from django.core.exceptions import ValidationError

    block = ChartBlock()
    value = block.to_python(
        {"title": "T", "kind": "bar", "unit": "", "rows": [], "description": "", "source": "", "example_data": False}
    )
    with pytest.raises(ValidationError):
        block.clean(value)
    negative = block.to_python(
        {
            "title": "T",
            "kind": "bar",
            "unit": "",
            "rows": [{"label": "x", "value": "-3"}],
            "description": "",
            "source": "",
            "example_data": False,
        }
    )
    with pytest.raises(ValidationError):
        block.clean(negative)


def test_format_value_is_french():
    assert format_value(Decimal("1234"), "personnes") == "1\u202f234\u202fpersonnes"
    assert format_value(Decimal("12.50"), "%") == "12,5\u00a0%"
    assert format_value(3) == "3"


@settings(max_examples=50, deadline=None)
@given(
    st.sampled_from(["bar", "pie", "line"]),
    st.lists(
        st.tuples(st.text(min_size=1, max_size=30), st.decimals(min_value=0, max_value=10**6, places=2)),
        min_size=1,
        max_size=12,
    ),
)
def test_any_data_gives_finite_geometry(kind, rows):
    chart = build_chart(kind, rows, "%")
    assert chart.height > 0
    assert len(chart.rows) == len(rows)
    text = repr(chart.shapes) + repr(chart.extras)
    assert "nan" not in text and "inf" not in text


@pytest.mark.django_db
def test_each_key_figure_has_a_share_page_and_a_generated_image(client, demo_site):
    from io import BytesIO

    from PIL import Image

    from campagne.models import StudyPage

    study = StudyPage.objects.get(locale__language_code="fr")
    soup = BeautifulSoup(client.get(study.url).content, "html.parser")
    links = [a["href"] for a in soup.select(".key-figure__share a")]
    figures = [block.value for block in study.key_figures]
    assert len(figures) >= 2
    assert links == [f"{study.url}chiffre/{n}/" for n in range(1, len(figures) + 1)]
    figure_page = BeautifulSoup(client.get(links[1]).content, "html.parser")
    og_image = figure_page.select_one('meta[property="og:image"]')["content"]
    assert og_image.endswith(f"{study.url}chiffre/2/image/")
    assert figure_page.select_one('meta[property="og:title"]')["content"].startswith(figures[1]["figure"])
    assert figure_page.select_one("link[rel=canonical]")["href"] == study.full_url
    response = client.get(f"{study.url}chiffre/2/image/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert Image.open(BytesIO(response.content)).size == (1200, 630)
    assert client.get(f"{study.url}chiffre/9/").status_code == 404
    assert client.get(f"{study.url}chiffre/0/image/").status_code == 404
