"""Visitors' search terms: raw for ``SEARCH_TERMS_RETENTION_DAYS``, then only the promoted ones' counts.

A query typed in the public search can name a person (« mon harceleur Jean Dupont »). Wagtail
counts each one per day (``Query`` / ``QueryDailyHits``, the admin's « Termes de recherche »
report) and keeps them for ever. Here:

* a week of raw terms is kept, so that editors can see what visitors look for and promote a page
  for it (« Résultats de recherche mis en avant »);
* after that, the daily counts of a query are kept only if editors promoted it (its text is then
  the editors' own words, and the count says whether the promotion is used); every other query
  is deleted with its counts;
* the report itself never lists an older raw term, even if the nightly purge did not run.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion


def raw_terms_since(now=None):
    """The first day whose raw terms are still kept (Wagtail counts by UTC day)."""
    return ((now or timezone.now()) - timedelta(days=settings.SEARCH_TERMS_RETENTION_DAYS)).date()


def _promoted(query_ref: str):
    return Exists(SearchPromotion.objects.filter(query=OuterRef(query_ref)))


def reportable_search_terms(now=None):
    """What the « Termes de recherche » report may list: recent terms, and promoted ones with all their counts."""
    recent_or_promoted = Q(daily_hits__date__gte=raw_terms_since(now)) | Q(_promoted("pk"), daily_hits__isnull=False)
    # One filter() then annotate(): the sum counts only the daily rows the filter kept.
    return Query.objects.filter(recent_or_promoted).annotate(_hits=Sum("daily_hits__hits")).order_by("-_hits")


def purge_search_terms(now=None) -> int:
    """Delete the expired counts of queries nobody promoted, then those queries; how many queries."""
    QueryDailyHits.objects.filter(date__lt=raw_terms_since(now)).exclude(_promoted("query_id")).delete()
    forgotten = Query.objects.filter(daily_hits__isnull=True).exclude(_promoted("pk"))
    deleted, _ = forgotten.delete()
    return deleted
