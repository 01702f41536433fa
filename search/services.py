"""The site search: live public pages and listed snippets of one language, by kind."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.utils import timezone
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

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


def search_pages(query: str, locale, kind: Kind | None = None, exclude_ids=()):
    """Search results (lazy, sliceable, countable) of live public pages of ``locale``."""
    pages = public_pages(locale)
    if kind is not None:
        pages = pages.not_type(*kind.models) if kind.is_other_pages else pages.type(*kind.models)
    if exclude_ids:
        pages = pages.exclude(pk__in=list(exclude_ids))
    return pages.search(query, operator="and")


def page_counts_by_kind(query: str, locale, kinds: list[Kind]) -> dict[str, int]:
    """Number of matching pages of each page kind, from one faceted search."""
    return _counts_by_kind(search_pages(query, locale).facet("content_type_id"), kinds)


def _counts_by_kind(by_content_type: dict, kinds: list[Kind]) -> dict[str, int]:
    from django.contrib.contenttypes.models import ContentType

    counts = {kind.code: 0 for kind in kinds if not kind.is_snippet}
    other = next((kind for kind in kinds if kind.is_other_pages), None)
    for content_type_id, number in by_content_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        kind = next(
            (k for k in kinds if not k.is_snippet and not k.is_other_pages and model and issubclass(model, tuple(k.models))),
            other,
        )
        if kind is not None:
            counts[kind.code] += number
    return counts


def _kind_content_types(kinds: list[Kind]) -> dict[str, set[int]]:
    """Content type ids of each page kind (its models and their subclasses, as ``type()``)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import get_page_models

    out: dict[str, set[int]] = {}
    for kind in kinds:
        if kind.is_snippet or kind.is_other_pages:
            continue
        out[kind.code] = {
            ContentType.objects.get_for_model(model).pk
            for model in get_page_models()
            if issubclass(model, tuple(kind.models))
        }
    return out


def _counts_and_window_in_one_query() -> bool:
    """Whether the search backend counts and ranks in one query (``facet_and_window``, ours on
    PostgreSQL). Asked of its results class: building a search to find out costs its queries."""
    return hasattr(get_search_backend().results_class, "facet_and_window")


def page_results(query: str, locale, kinds: list[Kind], kind: Kind | None, start: int, stop: int):
    """Counts of matching pages by page kind, and the results ``start:stop`` of ``kind`` (every
    page kind when None): ``(counts, results)``, ``results`` sliceable like ``search_pages()``.

    Where the backend can (PostgreSQL), both come from one query and the window's pages from
    one query per page type; elsewhere, a faceted count and a lazy search.
    """
    window = None
    if _counts_and_window_in_one_query() and (kind is None or not kind.is_snippet):
        by_kind = _kind_content_types(kinds)
        include, exclude = None, ()
        if kind is not None and kind.is_other_pages:
            exclude = set().union(*by_kind.values())
        elif kind is not None:
            include = by_kind.get(kind.code, set())
        window = search_pages(query, locale).facet_and_window(
            "content_type_id", start, stop, include=include, exclude=exclude
        )
    if window is None:
        counts = page_counts_by_kind(query, locale, kinds)
        return counts, search_pages(query, locale, kind)
    by_content_type, rows = window
    return _counts_by_kind(by_content_type, kinds), WindowResults(
        _specific_pages(rows), start, stop, lambda: search_pages(query, locale, kind)
    )


def _specific_pages(rows) -> list:
    """The specific pages of ``[(pk, content_type_id)]``, in that order: one query per type."""
    from django.contrib.contenttypes.models import ContentType

    by_type: dict[int, list] = {}
    for pk, content_type_id in rows:
        by_type.setdefault(content_type_id, []).append(pk)
    pages = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        pages.update(model.objects.in_bulk(pks))
    return [pages[pk] for pk, _ in rows if pk in pages]


class WindowResults:
    """Search results whose slice ``start:stop`` is already fetched: any slice inside it is
    answered from it, any other is searched (``fallback()``), so callers may ask what they like."""

    def __init__(self, window: list, start: int, stop: int, fallback):
        self.window = window
        self.start = start
        self.stop = stop
        self.fallback = fallback

    def __getitem__(self, key):
        if isinstance(key, slice) and key.step is None and (key.start or 0) == self.start:
            # Inside the fetched slice, or past the last result (the fetch came back short).
            exhausted = len(self.window) < self.stop - self.start
            if exhausted or (key.stop is not None and key.stop <= self.stop):
                return self.window[: None if key.stop is None else key.stop - self.start]
        return self.fallback()[key]


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


def search_snippets(query: str, locale, kind: Kind, start: int = 0, stop: int = 0):
    """Matching snippets of ``locale``: through the search backend when the model is indexed,
    otherwise matched in Python (small directories: a few dozen rows).

    Countable and sliceable; where the backend can (PostgreSQL), the count and the results
    ``start:stop`` (the ones the page shows) come from one query, other slices are searched.
    """
    model = kind.models[0]
    queryset = _snippet_queryset(model, locale)
    search_fields = model.get_search_fields() if issubclass(model, index.Indexed) else []
    if any(isinstance(f, index.SearchField) for f in search_fields):
        # Through the backend: a snippet's manager is often a plain QuerySet, without .search().
        def search():
            return get_search_backend().search(query, queryset, operator="and")

        # Any filterable field serves as the facet: only the counts' sum is used.
        facet = next((f.field_name for f in search_fields if isinstance(f, index.FilterField)), None)
        found = None
        if facet and _counts_and_window_in_one_query():
            found = search().facet_and_window(facet, start, stop)
        if found is None:
            return search()
        counts, rows = found
        objects = model._default_manager.in_bulk([pk for pk, _ in rows]) if rows else {}
        window = [objects[pk] for pk, _ in rows if pk in objects]
        return CountedResults(WindowResults(window, start, stop, search), sum(counts.values()))
    # The whole directory of the language with its folded text, kept until content changes
    # (editing a snippet does): a search only folds its own words.
    rows = [(obj, fold(f"{obj} {_translatable_text(obj)}")) for obj in queryset[:MAX_PYTHON_MATCHED_ROWS]]
    test = folded_matcher(query)
    return [obj for obj, folded in rows if test(folded)]


class CountedResults:
    """Search results whose total is already known (from the facet counts): the paginator
    asks this object instead of running the whole search once more to count."""

    def __init__(self, results, total: int):
        self.results = results
        self.total = total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, key):
        return self.results[key]


def count(results) -> int:
    return len(results) if isinstance(results, list) else results.count()


def help_page_url(locale) -> str:
    """URL of the « Se faire aider » page of ``locale``, where snippets are shown in full
    (kept until content changes)."""
    return _help_page_url(locale)


def _help_page_url(locale) -> str:
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
                excerpt=excerpt(_indexed_text(page) or page.search_description, query),
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
                excerpt=excerpt(snippet_text(obj), query),
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
    # Most searches have no pick: the promoted query strings are kept until picks change.
    promoted = set(SearchPromotion.objects.values_list("query__query_string", flat=True))
    if query_string not in promoted:
        return []
    promotions = list(SearchPromotion.objects.filter(query__query_string=query_string).order_by("sort_order", "pk"))
    page_ids = [p.page_id for p in promotions if p.page_id]
    visible = set(
        public_pages(locale).filter(pk__in=page_ids).values_list("pk", flat=True) if page_ids else ()
    )
    return [p for p in promotions if (p.page_id in visible) or (not p.page_id and p.external_link_url)]


def log_query(query: str) -> None:
    """Count the query for the « Termes de recherche » report (no visitor data is stored)."""
    from django.db import connection
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
    from wagtail.search.utils import normalise_query_string

    if connection.vendor != "postgresql":
        Query.get(query[:255]).add_hit()
        return
    # What ``Query.get(query).add_hit()`` does in up to five statements (select or insert the
    # query, select or insert the day's row, add one), in one: two upserts on the tables'
    # unique keys, safe with concurrent searches.
    queries, daily = Query._meta.db_table, QueryDailyHits._meta.db_table
    statement = (
        # A visit counter: losing the last few counts in a crash is acceptable, waiting for the
        # disk on every search is not.
        "SET LOCAL synchronous_commit TO OFF; "  # noqa: S608 - table names; values as parameters
        f"WITH query AS (INSERT INTO {queries} (query_string) VALUES (%s) "
        "ON CONFLICT (query_string) DO UPDATE SET query_string = EXCLUDED.query_string RETURNING id) "
        f"INSERT INTO {daily} (query_id, date, hits) SELECT id, %s, 1 FROM query "
        f"ON CONFLICT (query_id, date) DO UPDATE SET hits = {daily}.hits + 1"
    )
    # One round trip: the statements of one query string run as one transaction, which the
    # SET LOCAL applies to (outside a transaction of the caller's, as in the search view).
    # The day is Wagtail's own (``add_hit()``: UTC).
    with connection.cursor() as cursor:
        cursor.execute(statement, [normalise_query_string(query[:255]), timezone.now().date()])


def distress_words() -> list[str]:
    from .models import DistressVocabulary

    return DistressVocabulary.objects.all_words()


__all__ = [
    "CountedResults",
    "Hit",
    "WindowResults",
    "page_counts_by_kind",
    "count",
    "distress_words",
    "editors_picks",
    "help_page_url",
    "log_query",
    "page_hits",
    "page_results",
    "public_pages",
    "search_pages",
    "search_snippets",
    "snippet_hits",
]
