"""The site search: live public pages and listed snippets of one language, by kind."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string
from wagtail_localize.fields import TranslatableField

from .backends import active_language
from .kinds import Kind
from .text import excerpt, fold, folded_matcher, plain_text

#: A snippet table without a search index is matched in Python; past this size, skipped.
MAX_PYTHON_MATCHED_ROWS = 2000


@dataclass
class Hit:
    """One search result as the template shows it."""

    kind: Kind
    title: str
    url: str
    excerpt: str
    phone: str = ""
    phone_href: str = ""


def public_pages(locale):
    """Pages a visitor may see in ``locale``: live, without view restriction."""
    return Page.objects.live().public().filter(locale=locale)


def search_pages(query: str, locale, kind: Kind | None = None):
    """Search results (lazy, sliceable, countable) of live public pages of ``locale``."""
    pages = public_pages(locale)
    if kind is not None:
        pages = pages.not_type(*kind.models) if kind.is_other_pages else pages.type(*kind.models)
    with translation.override(locale.language_code):  # the query read in the pages' language
        return pages.search(query, operator="and")


def kind_of_model(model, kinds: list[Kind]) -> Kind:
    """The page kind of ``model``: its own, or « other pages »."""
    own = (k for k in kinds if not k.is_snippet and not k.is_other_pages and issubclass(model, tuple(k.models)))
    return next(own, None) or next(k for k in kinds if k.is_other_pages)


def counts_by_kind(by_content_type: dict, kinds: list[Kind]) -> dict[str, int]:
    """Number of matching pages of each page kind, from a facet by ``content_type_id``."""
    counts = {kind.code: 0 for kind in kinds if not kind.is_snippet}
    for content_type_id, number in by_content_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        counts[kind_of_model(model, kinds).code] += number
    return counts


def _indexed_text(obj) -> str:
    """The text of ``obj``'s indexed fields (title excepted), for excerpts."""
    fields = [f for f in obj.get_search_fields() if isinstance(f, index.SearchField) and f.field_name != "title"]
    return " ".join(filter(None, (plain_text(f.get_value(obj)) for f in fields)))


def _translatable_text(obj) -> str:
    """Human text of a snippet: its translated fields (names, descriptions, hours)."""
    fields = [f for f in getattr(obj, "translatable_fields", []) if isinstance(f, TranslatableField)]
    values = [getattr(obj, f.field_name, "") for f in fields]
    return " ".join(plain_text(v) for v in values if isinstance(v, str))


def search_snippets(query: str, locale, kind: Kind):
    """Matching snippets of ``locale`` (countable, sliceable): through the search backend when
    the model is indexed, otherwise matched in Python (small directories: a few dozen rows)."""
    model = kind.models[0]
    queryset = model._default_manager.all()
    if any(f.name == "locale" for f in model._meta.get_fields()):
        queryset = queryset.filter(locale_id=locale.pk)
    if issubclass(model, index.Indexed) and any(isinstance(f, index.SearchField) for f in model.get_search_fields()):
        # Through the backend: a snippet's manager is often a plain QuerySet, without .search().
        with translation.override(locale.language_code):
            return get_search_backend().search(query, queryset, operator="and")
    test = folded_matcher(query, locale.language_code)
    return [obj for obj in queryset[:MAX_PYTHON_MATCHED_ROWS] if test(fold(f"{obj} {_translatable_text(obj)}"))]


def count(results) -> int:
    return len(results) if isinstance(results, list) else results.count()


def help_page_url(locale) -> str:
    """URL of the « Se faire aider » page of ``locale``, where snippets are shown in full."""
    try:
        model = apps.get_model("ressources", "ResourceIndexPage")
    except LookupError:
        return ""
    page = model.objects.live().public().filter(locale=locale).first()
    return page.url if page else ""


def page_hits(pages, query: str, kinds: list[Kind]) -> list[Hit]:
    """Hits for a page of results, specific pages fetched in one query per type."""
    pages = list(pages)
    generic = [p.pk for p in pages if type(p) is Page]
    specific = Page.objects.filter(pk__in=generic).specific().in_bulk() if generic else {}
    pages = [specific.get(page.pk, page) for page in pages]
    text = {page.pk: _indexed_text(page) or page.search_description for page in pages}
    language = active_language()
    return [Hit(kind_of_model(type(p), kinds), p.title, p.url, excerpt(text[p.pk], query, language=language)) for p in pages]  # fmt: skip


def snippet_hits(objects, query: str, kind: Kind, base_url: str) -> list[Hit]:
    hits = []
    for obj in objects:
        get_url = getattr(obj, "get_url", None)
        url = get_url() if callable(get_url) else (f"{base_url}{kind.anchor}" if base_url else "")
        phone = getattr(obj, "number", "") or getattr(obj, "phone", "")
        phone_href = getattr(obj, "tel_href", "") or getattr(obj, "phone_href", "") or ""
        text = (_indexed_text(obj) if isinstance(obj, index.Indexed) else "") or _translatable_text(obj)
        hits.append(
            Hit(kind, str(obj), url, excerpt(text, query, language=active_language()),
                phone if isinstance(phone, str) else "", phone_href if isinstance(phone_href, str) else "")
        )  # fmt: skip
    return hits


def editors_picks(query: str, locale) -> list:
    """Editors' picks for ``query`` (Wagtail search promotions): external links, and pages
    that are live, public and in ``locale``."""
    query_string = normalise_query_string(query)[:255]
    promotions = list(SearchPromotion.objects.filter(query__query_string=query_string).order_by("sort_order", "pk"))
    page_ids = [p.page_id for p in promotions if p.page_id]
    visible = set(public_pages(locale).filter(pk__in=page_ids).values_list("pk", flat=True) if page_ids else ())
    return [p for p in promotions if (p.page_id in visible) or (not p.page_id and p.external_link_url)]


def log_query(query: str) -> None:
    """Count the query for the « Termes de recherche » report (no visitor data is stored)."""
    Query.get(query[:255]).add_hit()


def distress_words() -> list[str]:
    from .models import DistressVocabulary

    return DistressVocabulary.objects.all_words()
