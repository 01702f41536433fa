"""What the site search covers, by kind: page types and snippets, looked up by label so that
the search imports no other app."""

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


def page_kinds() -> list[Kind]:
    kinds = [Kind(code, label, [apps.get_model(model)]) for code, label, model in PAGE_KINDS]
    return [*kinds, Kind(*OTHER_PAGES_KIND, [k.models[0] for k in kinds], is_other_pages=True)]


def snippet_kinds() -> list[Kind]:
    kinds = []
    for label in settings.SEARCH_SNIPPET_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:  # a model of an app not installed: skipped, as the setting says
            continue
        default = (model._meta.model_name, model._meta.verbose_name_plural, "")
        code, label, anchor = SNIPPET_KINDS.get(model._meta.label_lower, default)
        kinds.append(Kind(code, label, [model], is_snippet=True, anchor=anchor))
    return kinds


def all_kinds() -> list[Kind]:
    return page_kinds() + snippet_kinds()
