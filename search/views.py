"""The site search page and the OpenSearch description."""

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from home.models.listing import requested_number
from home.risk import mentions_risk, text_mentions_suicide_risk
from home.sites import absolute_url

from . import services
from .kinds import all_kinds
from .text import clean_query

PER_PAGE = 10
#: On the first page of « all kinds », this many snippets of each kind are shown beside the pages.
SNIPPETS_PREVIEW = 3
#: No search has this many pages of results. A larger ``?page=`` is a 404 before any query:
#: its offset would not even fit in PostgreSQL's bigint (a 500 until then).
MAX_PAGE = 10_000


@require_GET
def search(request):
    """Search every live, public page and listed snippet of the current language.

    ``q``: the words (any input is cleaned, never an error); ``kind``: one kind's results
    only (an unknown kind shows every kind); ``page``: the page of results.
    """
    query = clean_query(request.GET.get("q"))
    kinds = all_kinds()
    kinds_by_code = {kind.code: kind for kind in kinds}
    kind = kinds_by_code.get(request.GET.get("kind", ""))
    context = {"search_query": query, "kinds": kinds, "current_kind": kind, "results": None}
    if query:
        locale = Locale.get_active()
        number = _page_number(request)
        all_pages = services.search_pages(query, locale)
        counts = services.counts_by_kind(all_pages.facet("content_type_id"), kinds)
        snippet_results = {}
        for each in kinds:
            if each.is_snippet:
                snippet_results[each.code] = services.search_snippets(query, locale, each)
                counts[each.code] = services.count(snippet_results[each.code])
        help_url = services.help_page_url(locale)
        if kind is not None and kind.is_snippet:
            results = _page(snippet_results[kind.code], number)
            hits = services.snippet_hits(results.object_list, query, kind, help_url)
        else:
            # Every page kind: the faceted search has counted its matches already.
            results = _page(all_pages if kind is None else services.search_pages(query, locale, kind), number)
            hits = services.page_hits(results.object_list, query, kinds)
        first_page = results.number == 1
        groups = []
        if kind is None and first_page:
            for each in kinds:
                if each.is_snippet and counts[each.code]:
                    preview = list(snippet_results[each.code][:SNIPPETS_PREVIEW])
                    groups.append(
                        {
                            "kind": each,
                            "hits": services.snippet_hits(preview, query, each, help_url),
                            "count": counts[each.code],
                        }
                    )
        if first_page and "page" not in request.GET:
            services.log_query(query)
        context.update(
            {
                "results": results,
                "hits": hits,
                "groups": groups,
                "counts": [(each, counts[each.code]) for each in kinds],
                "total": sum(counts.values()),
                "picks": services.editors_picks(query, locale) if first_page else [],
                "distress": mentions_risk(query, services.distress_words()),
                "suicide_risk": text_mentions_suicide_risk(query),
                "query_string": _query_string(query, kind),
            }
        )
    return TemplateResponse(request, "search/search.html", context)


def _page_number(request) -> int:
    """``?page=`` as the listings read it; a 404 past ``MAX_PAGE``."""
    number = requested_number(request)
    if number > MAX_PAGE:
        raise Http404("no such page of results")
    return number


def _page(results, number: int):
    try:
        return Paginator(results, PER_PAGE).page(number)
    except EmptyPage as exc:
        raise Http404("no such page of results") from exc


def _query_string(query: str, kind) -> str:
    return urlencode({"q": query, **({"kind": kind.code} if kind is not None else {})})


@require_GET
@cache_control(max_age=86400, public=True)
def opensearch(request):
    """OpenSearch description, so browsers can offer the site search (``?lang=en`` for English)."""
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        search_url = absolute_url(reverse("search"))
        response = TemplateResponse(
            request,
            "search/opensearch.xml",
            {
                "search_url": search_url,
                "icon_url": absolute_url(static("img/favicon.svg")),
                "language": language,
                "description": gettext(
                    "Rechercher des témoignages, des interviews et de l'aide sur Parlons Harcèlement"
                ),
            },
            content_type="application/opensearchdescription+xml; charset=utf-8",
        )
        response.render()
    return response
