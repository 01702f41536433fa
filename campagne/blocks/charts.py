"""Charts and key figures that editors enter as data, rendered server-side to SVG."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from campagne.charts import build_chart, chart_id

CHART_KINDS = [("bar", _("Barres")), ("pie", _("Camembert")), ("line", _("Courbe"))]
T = "components/streamfield/blocks/"


class ChartRowBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("libellé"), max_length=120, help_text=_("Ce que mesure la valeur (ex. « Insultes en ligne »).")
    )
    value = blocks.DecimalBlock(
        label=_("valeur"), min_value=0, max_digits=12, decimal_places=2, help_text=_("Un nombre positif, sans unité.")
    )

    class Meta:
        icon = "list-ul"
        label = _("Ligne de données")


class ChartStructValue(blocks.StructValue):
    """Geometry in Python; the template only prints it."""

    def chart(self):
        rows = [(row["label"], row["value"]) for row in self.get("rows") or []]
        return build_chart(self.get("kind"), rows, self.get("unit") or "")

    def dom_id(self):
        return chart_id(self.get("title"), self.get("kind"), [(r["label"], r["value"]) for r in self.get("rows") or []])

    def summary(self):
        """The SVG's <desc>: the editor's summary, or every value spelled out."""
        if self.get("description"):
            return self.get("description")
        chart = self.chart()
        return " ; ".join(f"{row.label} : {row.display}" for row in chart.rows)

    def kind_label(self):
        return dict(CHART_KINDS).get(self.get("kind"), "")


class ChartBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("titre du graphique"), max_length=160, help_text=_("Dit ce que montre le graphique.")
    )
    kind = blocks.ChoiceBlock(
        label=_("type de graphique"),
        choices=CHART_KINDS,
        default="bar",
        help_text=_(
            "Barres pour comparer, camembert pour des parts d'un tout, courbe pour une évolution dans le temps."
        ),
    )
    unit = blocks.CharBlock(
        label=_("unité"),
        required=False,
        max_length=20,
        help_text=_("Affichée après chaque valeur (ex. « % » ou « personnes »)."),
    )
    rows = blocks.ListBlock(ChartRowBlock(), label=_("données"), min_num=1, max_num=12)
    description = blocks.TextBlock(
        label=_("résumé pour les lecteurs d'écran"),
        required=False,
        help_text=_(
            "Une ou deux phrases qui disent ce qu'il faut retenir. Sans résumé, les valeurs sont lues une à une."
        ),
    )
    source = blocks.CharBlock(
        label=_("source"), required=False, max_length=200, help_text=_("D'où viennent ces chiffres.")
    )
    example_data = blocks.BooleanBlock(
        label=_("données d'exemple"),
        required=False,
        help_text=_(
            "Cochez tant que les chiffres ne sont pas ceux de la campagne : un bandeau le signale aux visiteurs."
        ),
    )

    class Meta:
        template = T + "chart_block.html"
        icon = "table"
        label = _("Graphique")
        description = _(
            "Un graphique (barres, camembert ou courbe) dessiné à partir d'un tableau de chiffres, avec le tableau à côté."
        )
        group = _("Chiffres")
        value_class = ChartStructValue
        preview_value = {
            "title": "Formes de harcèlement signalées",
            "kind": "bar",
            "unit": "%",
            "rows": [{"label": "Insultes en ligne", "value": "42"}, {"label": "Rumeurs", "value": "27"}],
            "description": "",
            "source": "",
            "example_data": True,
        }


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        label=_("chiffre"), max_length=20, help_text=_("Le chiffre tel qu'il s'affiche, ex. « 1 sur 3 » ou « 42 % ».")
    )
    label = blocks.CharBlock(
        label=_("explication"), max_length=200, help_text=_("Ce que veut dire ce chiffre, en une phrase.")
    )
    source = blocks.CharBlock(
        label=_("source"), required=False, max_length=200, help_text=_("Facultatif : d'où vient ce chiffre.")
    )

    class Meta:
        template = T + "key_figure_block.html"
        icon = "pick"
        label = _("Chiffre clé")
        description = _("Un chiffre mis en valeur avec sa phrase d'explication.")
        group = _("Chiffres")
        preview_value = {
            "figure": "1 sur 3",
            "label": "des répondants disent avoir été harcelés en ligne.",
            "source": "",
        }
