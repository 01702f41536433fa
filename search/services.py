"""The site search: live public pages and listed snippets of one language, by kind."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

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
    return pages.search(query, operator="and")


def counts_by_kind(by_content_type: dict, kinds: list[Kind]) -> dict[str, int]:
    """Number of matching pages of each page kind, from a facet by ``content_type_id``."""
    counts = {kind.code: 0 for kind in kinds if not kind.is_snippet}
    other = next((kind for kind in kinds if kind.is_other_pages), None)
    for content_type_id, number in by_content_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        kind = next(
            (
                k
                for k in kinds
                if not k.is_snippet and not k.is_other_pages and model and issubclass(model, tuple(k.models))
            ),
            other,
        )
        if kind is not None:
            counts[kind.code] += number
    return counts


def _indexed_text(obj) -> str:
    """The text of ``obj``'s indexed fields (title excepted), for excerpts."""
    texts = []
    for search_field in obj.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            texts.append(plain_text(search_field.get_value(obj)))
    return " ".join(t for t in texts if t)


def _translatable_text(obj) -> str:
    """Human text of a snippet: its translated fields (names, descriptions, hours)."""
    from wagtail_localize.fields import TranslatableField

    names = [f.field_name for f in getattr(obj, "translatable_fields", []) if isinstance(f, TranslatableField)]
    values = [getattr(obj, name, "") for name in names]
    return " ".join(plain_text(v) for v in values if isinstance(v, str))


def snippet_text(obj) -> str:
    if isinstance(obj, index.Indexed) and obj.get_search_fields():
        text = _indexed_text(obj)
        if text:
            return text
    return _translatable_text(obj)


def _snippet_queryset(model, locale):
    queryset = model._default_manager.all()
    if any(f.name == "locale" for f in model._meta.get_fields()):
        queryset = queryset.filter(locale_id=locale.pk)
    return queryset


def search_snippets(query: str, locale, kind: Kind):
    """Matching snippets of ``locale``: through the search backend when the model is indexed,
    otherwise matched in Python (small directories: a few dozen rows).

    Countable and sliceable either way.
    """
    model = kind.models[0]
    queryset = _snippet_queryset(model, locale)
    search_fields = model.get_search_fields() if issubclass(model, index.Indexed) else []
    if any(isinstance(f, index.SearchField) for f in search_fields):
        # Through the backend: a snippet's manager is often a plain QuerySet, without .search().
        return get_search_backend().search(query, queryset, operator="and")
    language = active_language()
    rows = [(obj, fold(f"{obj} {_translatable_text(obj)}")) for obj in queryset[:MAX_PYTHON_MATCHED_ROWS]]
    test = folded_matcher(query, language)
    return [obj for obj, folded in rows if test(folded)]


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
    specific = {p.pk: p for p in Page.objects.filter(pk__in=generic).specific()} if generic else {}
    hits = []
    for page in pages:
        page = specific.get(page.pk, page)
        hits.append(
            Hit(
                kind=kind_of_page(page, kinds),
                title=page.title,
                url=page.url,
                excerpt=excerpt(_indexed_text(page) or page.search_description, query, language=active_language()),
            )
        )
    return hits


def kind_of_page(page, kinds: list[Kind]) -> Kind:
    for kind in kinds:
        if not kind.is_snippet and not kind.is_other_pages and isinstance(page, tuple(kind.models)):
            return kind
    return next(k for k in kinds if k.is_other_pages)


def snippet_hits(objects, query: str, kind: Kind, base_url: str) -> list[Hit]:
    hits = []
    for obj in objects:
        get_url = getattr(obj, "get_url", None)
        url = get_url() if callable(get_url) else (f"{base_url}{kind.anchor}" if base_url else "")
        phone = getattr(obj, "number", "") or getattr(obj, "phone", "")
        phone_href = getattr(obj, "tel_href", "") or getattr(obj, "phone_href", "") or ""
        hits.append(
            Hit(
                kind=kind,
                title=str(obj),
                url=url,
                excerpt=excerpt(snippet_text(obj), query, language=active_language()),
                phone=phone if isinstance(phone, str) else "",
                phone_href=phone_href if isinstance(phone_href, str) else "",
            )
        )
    return hits


def editors_picks(query: str, locale) -> list:
    """Editors' picks for ``query`` (Wagtail search promotions): external links, and pages
    that are live, public and in ``locale``."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    query_string = normalise_query_string(query)[:255]
    promotions = list(SearchPromotion.objects.filter(query__query_string=query_string).order_by("sort_order", "pk"))
    if not promotions:
        return []
    page_ids = [p.page_id for p in promotions if p.page_id]
    visible = set(public_pages(locale).filter(pk__in=page_ids).values_list("pk", flat=True) if page_ids else ())
    return [p for p in promotions if (p.page_id in visible) or (not p.page_id and p.external_link_url)]


def log_query(query: str) -> None:
    """Count the query for the « Termes de recherche » report (no visitor data is stored)."""
    from wagtail.contrib.search_promotions.models import Query

    Query.get(query[:255]).add_hit()


def distress_words() -> list[str]:
    from .models import DistressVocabulary

    return DistressVocabulary.objects.all_words()
