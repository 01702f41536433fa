"""Listings at any size: the count stops at a cap, and page 1 is read through the index."""

import pytest
from django.core.paginator import EmptyPage
from django.db import connection
from django.test import RequestFactory

from home.models import listing
from home.models.listing import CappedPaginator
from tests.test_temoignages_public import card_titles, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    from tests.factories.temoignages import build_testimony_section

    return build_testimony_section(home)[0]


def test_below_the_cap_it_counts_as_django_does(index):
    for i in range(25):
        publish(index, days_ago=i)
    paginator = CappedPaginator(index.get_listing_queryset(RequestFactory().get("/")), 10, cap=30)
    assert (paginator.count, paginator.num_pages, paginator.capped) == (25, 3, False)
    with pytest.raises(EmptyPage):
        paginator.page(4)


def test_past_the_cap_pages_beyond_the_count_are_still_reachable(index):
    pages = [publish(index, days_ago=i) for i in range(25)]
    paginator = CappedPaginator(index.get_listing_queryset(RequestFactory().get("/")), 4, cap=8)
    assert paginator.capped and paginator.count == 9
    page = paginator.page(6)
    assert list(page) == pages[20:24] and page.has_next() and page.next_page_number() == 7
    last = paginator.page(7)
    assert list(last) == pages[24:] and not last.has_next() and last.has_previous()
    with pytest.raises(EmptyPage):
        paginator.page(8)


def test_a_list_is_counted_exactly():
    paginator = CappedPaginator(list(range(95)), 10, cap=30)
    assert (paginator.count, paginator.num_pages, paginator.capped) == (95, 10, False)


def test_queryset_count_reads_at_most_cap_plus_one_rows(index, django_assert_num_queries):
    for i in range(5):
        publish(index, days_ago=i)
    queryset = index.get_listing_queryset(RequestFactory().get("/"))
    paginator = CappedPaginator(queryset, 2, cap=3)
    with django_assert_num_queries(1) as captured:
        assert paginator.count == 4
    assert "LIMIT 4" in captured.captured_queries[0]["sql"]


def test_capped_listing_says_more_than_and_links_on(client, index, monkeypatch):
    monkeypatch.setattr(listing, "COUNT_CAP", 12)
    for i in range(26):
        publish(index, days_ago=i, headline=f"Récit {i}")
    response = client.get(index.url)
    assert "plus de 12 résultats" in response.content.decode()
    assert len(card_titles(response)) == 12
    third = client.get(index.url + "?page=3")
    assert card_titles(third) == ["Récit 24", "Récit 25"]
    assert client.get(index.url + "?page=4").status_code == 404


def test_listing_page_is_read_through_the_listing_index(index):
    # A filter's plan is the planner's choice (a rare type is read through its own index).
    publish(index, type_code="cyber")
    queryset = index.get_listing_queryset(RequestFactory().get("/"))[:12]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table: otherwise always a scan
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "page_listing_order" in plan
