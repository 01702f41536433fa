"""What the site search covers, by kind: page types and snippets, resolved lazily.

A model that is not installed yet (another app's branch not merged) is skipped, so
the search works whatever subset of the site exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _

#: Page kinds with their own filter: (code in ``?kind=``, label, model label).
PAGE_KINDS = [
    ("temoignage", _("Témoignages"), "temoignages.TestimonyPage"),
    ("interview", _("Interviews"), "campagne.InterviewPage"),
    ("video", _("Vidéos"), "campagne.VideoPage"),
    ("etude", _("Études"), "campagne.StudyPage"),
]
#: Every other public page (édito, legal pages, index pages…).
OTHER_PAGES_KIND = ("page", _("Autres pages"))

#: Known snippets: code, label, anchor of their section on the « Se faire aider » page.
SNIPPET_KINDS = {
    "ressources.association": ("association", _("Associations"), "#associations"),
    "ressources.helpline": ("numero", _("Numéros d'aide"), "#numeros"),
}


@dataclass
class Kind:
    code: str
    label: str
    models: list = field(default_factory=list)
    is_snippet: bool = False
    is_other_pages: bool = False
    anchor: str = ""


def _get_model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def page_kinds() -> list[Kind]:
    kinds = []
    for code, label, model_label in PAGE_KINDS:
        model = _get_model(model_label)
        if model is not None:
            kinds.append(Kind(code, label, [model]))
    kinds.append(Kind(OTHER_PAGES_KIND[0], OTHER_PAGES_KIND[1], [k.models[0] for k in kinds], is_other_pages=True))
    return kinds


def snippet_kinds() -> list[Kind]:
    kinds = []
    for model_label in getattr(settings, "SEARCH_SNIPPET_MODELS", []):
        model = _get_model(model_label)
        if model is None:
            continue
        code, label, anchor = SNIPPET_KINDS.get(
            model._meta.label_lower, (model._meta.model_name, model._meta.verbose_name_plural, "")
        )
        kinds.append(Kind(code, label, [model], is_snippet=True, anchor=anchor))
    return kinds


def all_kinds() -> list[Kind]:
    return page_kinds() + snippet_kinds()
