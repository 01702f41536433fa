"""Blocks of the « Est-ce du harcèlement ? » guide: questions whose answers lead to other
steps, and results that explain the law and point to help.

Editors link steps by their « identifiant » (a short slug). ``GuideStreamBlock.clean``
refuses any questionnaire a visitor could get lost in: duplicate or unknown identifiers,
a first step that is not a question, loops, and steps nobody can reach.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError

from home.blocks import RICH_TEXT_FEATURES

from .choices import Audience

KEY_HELP = _(
    "Court, sans espace ni accent (ex. « a-l-ecole »). Les réponses y renvoient ; ne le changez pas à la légère."
)


def harassment_type_choices() -> list[tuple[str, str]]:
    """The harassment types by stable code (names in the source language), read when the form is built."""
    from django.conf import settings

    from home.models import HarassmentType

    types = HarassmentType.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return [("", _("Aucun en particulier"))] + [(t.code, t.name) for t in types]


class StepKeyBlock(blocks.CharBlock):
    """A step identifier: the same in every language, so wagtail-localize offers nothing to
    translate (a translated key would break the links between steps)."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class AnswerBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("réponse"), max_length=150, help_text=_("Ce que le visiteur clique (ex. « Oui »).")
    )
    target = StepKeyBlock(
        label=_("mène à"),
        max_length=50,
        help_text=_("Identifiant de l'étape suivante : une autre question ou un résultat."),
    )

    class Meta:
        template = "ressources/blocks/answer_block.html"
        icon = "arrow-right"
        label = _("Réponse")
        description = _("Un choix proposé au visiteur et l'étape où il mène.")
        preview_value = {"label": "Oui, plusieurs fois", "target": "repete"}


class QuestionBlock(blocks.StructBlock):
    key = StepKeyBlock(label=_("identifiant"), max_length=50, help_text=KEY_HELP)
    question = blocks.CharBlock(label=_("question"), max_length=200, help_text=_("Une question courte et simple."))
    help = blocks.TextBlock(
        label=_("précision"),
        required=False,
        max_length=400,
        help_text=_("Facultatif : un exemple pour aider à répondre."),
    )
    answers = blocks.ListBlock(AnswerBlock(), label=_("réponses"), min_num=1, max_num=6)

    class Meta:
        template = "ressources/blocks/question_block.html"
        icon = "help"
        label = _("Question")
        description = _("Une étape du questionnaire : une question et ses réponses.")
        preview_value = {
            "key": "depart",
            "question": "Ces faits se répètent-ils ?",
            "help": "",
            "answers": [{"label": "Oui", "target": "oui"}, {"label": "Non", "target": "non"}],
        }
        group = _("Questionnaire")


class ResultBlock(blocks.StructBlock):
    key = StepKeyBlock(label=_("identifiant"), max_length=50, help_text=KEY_HELP)
    title = blocks.CharBlock(label=_("titre"), max_length=150, help_text=_("Ce que le visiteur lit en premier."))
    explanation = blocks.RichTextBlock(
        label=_("explication"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Ce que la loi appelle harcèlement dans ce contexte, en mots simples, et ce qu'on peut faire."),
    )
    law = blocks.TextBlock(
        label=_("référence légale"),
        required=False,
        max_length=400,
        help_text=_("Article de loi et peines encourues (ex. « Article 222-33-2-3 du code pénal »)."),
    )
    harassment_type = blocks.ChoiceBlock(
        label=_("type de harcèlement"),
        choices=harassment_type_choices,
        required=False,
        help_text=_("Sert à proposer les numéros et les associations qui conviennent."),
    )
    audience = blocks.ChoiceBlock(
        label=_("public"),
        choices=[("", _("Tout public"))] + list(Audience.choices),
        required=False,
        help_text=_("Pour qui sont les numéros proposés (ex. « Mineurs » pour un élève)."),
    )
    urgent = blocks.BooleanBlock(
        label=_("danger immédiat"),
        required=False,
        help_text=_("Cochez si ce résultat concerne un danger immédiat : 17, 112 et 114 s'affichent en premier."),
    )

    class Meta:
        template = "ressources/blocks/result_block.html"
        icon = "success"
        label = _("Résultat")
        description = _("Une fin du questionnaire : ce que dit la loi et où trouver de l'aide.")
        preview_value = {
            "key": "scolaire",
            "title": "Cela ressemble à du harcèlement scolaire",
            "explanation": "<p>Des moqueries répétées qui te font mal, c'est du harcèlement.</p>",
            "law": "Article 222-33-2-3 du code pénal",
            "harassment_type": "scolaire",
            "audience": "mineur",
            "urgent": False,
        }
        group = _("Questionnaire")


class GuideStreamBlock(blocks.StreamBlock):
    """The questionnaire: the first block is where every visitor starts."""

    question = QuestionBlock()
    result = ResultBlock()

    class Meta:
        min_num = 2

    def clean(self, value):
        value = super().clean(value)
        errors = guide_errors([(child.block_type, dict(child.value)) for child in value])
        if errors:
            block_errors, non_block_errors = errors
            raise StreamBlockValidationError(block_errors=block_errors, non_block_errors=non_block_errors)
        return value


def _key(value) -> str:
    return (value.get("key") or "").strip()


def guide_errors(steps: list[tuple[str, dict]]):
    """Problems in a questionnaire given as (block type, value) pairs, or None when sound.

    Returns ``(block_errors, non_block_errors)`` in the shape ``StreamBlockValidationError``
    takes: block index → ValidationError, and a list of messages for the whole stream.
    """
    block_errors: dict[int, ValidationError] = {}
    non_block: list[ValidationError] = []
    positions: dict[str, int] = {}
    for index, (_kind, value) in enumerate(steps):
        key = _key(value)
        if key in positions:
            block_errors[index] = ValidationError(
                _("L'identifiant « %(key)s » est déjà utilisé par une autre étape."), params={"key": key}
            )
        positions.setdefault(key, index)
    if steps and steps[0][0] != "question":
        non_block.append(ValidationError(_("La première étape doit être une question : c'est là que tout commence.")))

    edges: dict[str, list[str]] = {}
    for index, (kind, value) in enumerate(steps):
        if kind != "question":
            continue
        targets = [(answer.get("target") or "").strip() for answer in value.get("answers") or []]
        unknown = [target for target in targets if target not in positions]
        if unknown:
            block_errors.setdefault(
                index,
                ValidationError(
                    _("Réponse menant à une étape inexistante : %(targets)s. Vérifiez l'identifiant."),
                    params={"targets": ", ".join(f"« {t} »" for t in unknown)},
                ),
            )
        if not targets:
            block_errors.setdefault(index, ValidationError(_("Une question doit avoir au moins une réponse.")))
        edges[_key(value)] = [target for target in targets if target in positions]

    if steps and not block_errors:
        cycle = _find_cycle(_key(steps[0][1]), edges)
        if cycle:
            non_block.append(
                ValidationError(
                    _("Le questionnaire tourne en rond : %(path)s. Chaque parcours doit finir sur un résultat."),
                    params={"path": " → ".join(cycle)},
                )
            )
        reachable = _reachable(_key(steps[0][1]), edges)
        for key, index in positions.items():
            if key not in reachable:
                block_errors[index] = ValidationError(
                    _("Aucune réponse ne mène à cette étape : le visiteur ne peut pas l'atteindre.")
                )
    if block_errors or non_block:
        return block_errors, non_block
    return None


def _reachable(start: str, edges: dict[str, list[str]]) -> set[str]:
    seen, stack = set(), [start]
    while stack:
        key = stack.pop()
        if key in seen:
            continue
        seen.add(key)
        stack.extend(edges.get(key, []))
    return seen


def _find_cycle(start: str, edges: dict[str, list[str]]) -> list[str] | None:
    """A loop reachable from ``start`` as a list of keys (first key repeated at the end), or None."""
    path: list[str] = []
    on_path: set[str] = set()
    done: set[str] = set()

    def visit(key: str) -> list[str] | None:
        if key in on_path:
            return path[path.index(key) :] + [key]
        if key in done:
            return None
        path.append(key)
        on_path.add(key)
        for target in edges.get(key, []):
            found = visit(target)
            if found:
                return found
        path.pop()
        on_path.discard(key)
        done.add(key)
        return None

    return visit(start)


class GuideSteps:
    """Read access to a saved questionnaire: steps by key, the first one, every path."""

    def __init__(self, stream):
        self.stream = stream

    @cached_property
    def by_key(self) -> dict:
        return {_key(child.value): child for child in self.stream}

    @property
    def first(self):
        return self.stream[0] if len(self.stream) else None

    def get(self, key: str):
        """The step called ``key``; the first step when the key is missing or unknown."""
        return self.by_key.get((key or "").strip()) or self.first

    def paths(self) -> list[list[str]]:
        """Every sequence of keys from the first step to a result (the guide has no loops)."""
        if self.first is None:
            return []
        found: list[list[str]] = []

        def walk(child, trail):
            trail = trail + [_key(child.value)]
            if child.block_type == "result":
                found.append(trail)
                return
            for answer in child.value["answers"]:
                target = self.by_key.get(answer["target"].strip())
                if target is not None and _key(target.value) not in trail:
                    walk(target, trail)

        walk(self.first, [])
        return found
