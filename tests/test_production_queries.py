"""Query budgets: public pages cost a constant number of SQL queries, whatever the content.

Each test renders a page with few and with many children and asserts the same count,
below a fixed budget. A template or tag that queries per item (an N+1) fails here.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.campagne import (
    EditoPageFactory,
    InterviewIndexPageFactory,
    InterviewPageFactory,
    StudyIndexPageFactory,
    StudyPageFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)
from tests.factories.home import StandardPageFactory
from tests.factories.temoignages import TestimonyIndexPageFactory, TestimonyPageFactory

HOME_BUDGET = 26
# About 15 of these are the shared layout (site, menu, breadcrumbs, language switcher,
# hreflang alternates, settings); the filters' tag and type lists add the rest.
INDEX_BUDGET = 26
DETAIL_BUDGET = 26


def count_queries(client, url: str) -> int:
    client.get(url)  # warm the per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


def add_children(factory, parent, how_many: int):
    return [factory(parent=parent) for _ in range(how_many)]


INDEXES = [
    pytest.param(TestimonyIndexPageFactory, TestimonyPageFactory, id="testimonies"),
    pytest.param(InterviewIndexPageFactory, InterviewPageFactory, id="interviews"),
    pytest.param(VideoIndexPageFactory, VideoPageFactory, id="videos"),
    pytest.param(StudyIndexPageFactory, StudyPageFactory, id="studies"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("index_factory", "child_factory"), INDEXES)
def test_index_page_query_count_does_not_grow(client, home, index_factory, child_factory):
    index = index_factory(parent=home)
    add_children(child_factory, index, 3)
    few = count_queries(client, index.url)
    add_children(child_factory, index, 17)
    many = count_queries(client, index.url)
    assert many == few, f"{many} queries with 20 children, {few} with 3"
    assert many <= INDEX_BUDGET
    # A later page of the listing costs the same.
    add_children(child_factory, index, 20)
    assert count_queries(client, index.url + "?page=3") <= INDEX_BUDGET


@pytest.mark.django_db
def test_home_page_query_count_does_not_grow(client, home):
    EditoPageFactory(parent=home)
    testimonies = TestimonyIndexPageFactory(parent=home)
    interviews = InterviewIndexPageFactory(parent=home, show_in_menus=True)
    add_children(TestimonyPageFactory, testimonies, 3)
    add_children(InterviewPageFactory, interviews, 3)
    few = count_queries(client, home.url)
    add_children(TestimonyPageFactory, testimonies, 17)
    add_children(InterviewPageFactory, interviews, 17)
    add_children(StandardPageFactory, home, 5)
    many = count_queries(client, home.url)
    assert many == few, f"{many} queries with many pages, {few} with few"
    assert many <= HOME_BUDGET


@pytest.mark.django_db
def test_detail_page_query_count_is_bounded(client, home):
    index = TestimonyIndexPageFactory(parent=home)
    first, *_others = add_children(TestimonyPageFactory, index, 3)
    few = count_queries(client, first.url)
    add_children(TestimonyPageFactory, index, 17)
    many = count_queries(client, first.url)
    assert many == few
    assert many <= DETAIL_BUDGET


@pytest.mark.django_db
def test_search_query_count_does_not_grow(client, home):
    index = TestimonyIndexPageFactory(parent=home)
    for _ in range(3):
        TestimonyPageFactory(parent=index, story="Harcèlement au collège, messages et moqueries.")
    few = count_queries(client, "/fr/recherche/?q=harc%C3%A8lement")
    for _ in range(17):
        TestimonyPageFactory(parent=index, story="Harcèlement au collège, messages et moqueries.")
    many = count_queries(client, "/fr/recherche/?q=harc%C3%A8lement")
    assert many == few
    assert many <= INDEX_BUDGET


@pytest.mark.django_db
@pytest.mark.parametrize(("index_factory", "child_factory"), INDEXES)
def test_a_restricted_child_leaves_the_listing_at_the_next_request(client, home, index_factory, child_factory):
    """With the layout fragments on (production, page cache off), a child put behind a password
    leaves the listing at the next request, and the listing costs the same before and after."""
    from django.core.cache import caches
    from django.test import override_settings
    from wagtail.models import PageViewRestriction

    index = index_factory(parent=home)
    children = add_children(child_factory, index, 3)
    caches["pages"].clear()
    try:
        with override_settings(PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=300):
            before = count_queries(client, index.url)
            assert children[0].url in client.get(index.url).content.decode()
            PageViewRestriction.objects.create(page=children[0], restriction_type="password", password="mot-secret")
            assert children[0].url not in client.get(index.url).content.decode()
            assert count_queries(client, index.url) == before
    finally:
        caches["pages"].clear()
