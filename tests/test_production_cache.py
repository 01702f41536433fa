"""Full-page cache: what is cached, what never is, and invalidation on content changes."""

import secrets

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory, override_settings

from site_parlons.ops.pagecache import HEADER, PageCacheMiddleware
from tests.factories.home import StandardPageFactory
from tests.factories.temoignages import (
    TestimonyIndexPageFactory,
    TestimonyPageFactory,
    build_testimony_section,
    valid_data,
)


@pytest.fixture(autouse=True)
def page_cache_on():
    caches["pages"].clear()
    caches["default"].clear()  # rate limits of earlier tests
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    caches["pages"].clear()


@pytest.mark.django_db
def test_public_page_is_served_from_cache_the_second_time(client, home):
    page = StandardPageFactory(parent=home, title="Mentions légales")
    first = client.get(page.url)
    assert first[HEADER] == "MISS"
    second = client.get(page.url)
    assert second[HEADER] == "HIT"
    assert second.content == first.content
    # The security headers are still applied to a cached response.
    assert "frame-ancestors 'none'" in second["Content-Security-Policy"]


@pytest.mark.django_db
def test_each_language_has_its_own_entry(client, home, locales):
    fr_page = StandardPageFactory(parent=home, title="Confidentialité")
    en_home = home.copy_for_translation(locales[1])
    en_home.save_revision().publish()
    en_page = fr_page.copy_for_translation(locales[1], copy_parents=False)
    en_page.title = "Privacy"
    en_page.save_revision().publish()
    assert client.get(fr_page.url)[HEADER] == "MISS"
    response = client.get(en_page.url)
    assert response[HEADER] == "MISS"
    assert b"Privacy" in response.content


@pytest.mark.django_db
def test_publishing_invalidates_the_index_and_home(client, home):
    index = TestimonyIndexPageFactory(parent=home)
    client.get(index.url)
    assert client.get(index.url)[HEADER] == "HIT"
    testimony = TestimonyPageFactory(parent=index, title="Un récit publié", headline="Un récit publié", live=False)
    testimony.save_revision().publish()
    response = client.get(index.url)
    assert response[HEADER] == "MISS"
    assert "Un récit publié" in response.content.decode()


@pytest.mark.django_db
def test_unpublishing_removes_the_page_from_cached_listings(client, home):
    index = TestimonyIndexPageFactory(parent=home)
    testimony = TestimonyPageFactory(parent=index, title="Récit à retirer", headline="Récit à retirer")
    assert "Récit à retirer" in client.get(index.url).content.decode()
    assert client.get(testimony.url)[HEADER] == "MISS"
    testimony.unpublish()
    assert "Récit à retirer" not in client.get(index.url).content.decode()
    assert client.get(testimony.url).status_code == 404


@pytest.mark.django_db
def test_moving_and_deleting_invalidate(client, home):
    first = StandardPageFactory(parent=home, title="Page parent A")
    second = StandardPageFactory(parent=home, title="Page parent B")
    child = StandardPageFactory(parent=first, title="Enfant mobile")
    old_url = child.url
    assert client.get(old_url)[HEADER] == "MISS"
    assert client.get(old_url)[HEADER] == "HIT"
    child.move(second, pos="last-child")
    # Wagtail creates a redirect from the old address: the cached page is not replayed.
    moved = client.get(old_url)
    assert moved.get(HEADER) != "HIT"
    assert moved.status_code == 301
    client.get(second.url)
    second.delete()
    assert client.get(second.url).status_code == 404


@pytest.mark.django_db
def test_editing_a_snippet_invalidates(client, home):
    from tests.factories import HarassmentTypeFactory

    client.get(home.url)
    assert client.get(home.url)[HEADER] == "HIT"
    HarassmentTypeFactory()
    assert client.get(home.url)[HEADER] == "MISS"


@pytest.mark.django_db
def test_a_page_put_behind_a_password_is_no_longer_served_from_the_cache(client, home):
    from wagtail.models import PageViewRestriction

    page = StandardPageFactory(parent=home, title="Bientôt réservée")
    client.get(page.url)
    client.get("/fr/recherche/", {"q": "réservée"})
    assert client.get(page.url)[HEADER] == "HIT"
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    response = client.get(page.url)
    assert response.get(HEADER) != "HIT"
    assert "Bientôt réservée" not in response.content.decode().split("<main", 1)[-1]
    assert client.get("/fr/recherche/", {"q": "réservée"})[HEADER] == "MISS"
    # Lifting the restriction shows the page again at once.
    client.get(page.url)
    restriction.delete()
    assert client.get(page.url)[HEADER] == "MISS"


@pytest.mark.django_db
def test_logged_in_users_are_never_served_or_stored(client, home):
    user = get_user_model().objects.create_superuser("redaction", "r@example.org", secrets.token_urlsafe(16))
    client.force_login(user)
    assert HEADER not in client.get(home.url)
    assert HEADER not in client.get(home.url)
    client.logout()
    # Nothing the editor saw was stored for visitors.
    assert client.get(home.url)[HEADER] == "MISS"


@pytest.mark.django_db
def test_admin_and_non_language_paths_are_not_cached(client, home):
    client.get("/admin/login/")
    assert HEADER not in client.get("/admin/login/")
    assert HEADER not in client.get("/healthz")


def _middleware_with(view_response):
    return PageCacheMiddleware(lambda request: view_response(request))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make_response",
    [
        pytest.param(lambda request: (get_token(request), HttpResponse("form"))[1], id="csrf-token"),
        pytest.param(lambda request: _with_header(HttpResponse("x"), "Cache-Control", "no-store"), id="no-store"),
        pytest.param(lambda request: _with_header(HttpResponse("x"), "Cache-Control", "private"), id="private"),
        pytest.param(lambda request: _with_cookie(HttpResponse("x")), id="sets-cookie"),
        pytest.param(lambda request: HttpResponse("x", status=404), id="404"),
    ],
)
def test_responses_that_must_never_be_cached(make_response):
    middleware = _middleware_with(make_response)
    request = RequestFactory().get("/fr/temoigner/")
    middleware(request)
    second = middleware(RequestFactory().get("/fr/temoigner/"))
    assert second.get(HEADER) != "HIT"


def test_requests_with_a_session_cookie_bypass_the_cache():
    calls = []
    middleware = _middleware_with(lambda request: calls.append(1) or HttpResponse("page"))
    middleware(RequestFactory().get("/fr/page/"))
    request = RequestFactory().get("/fr/page/")
    request.COOKIES["sessionid"] = "abc"
    response = middleware(request)
    assert HEADER not in response
    assert len(calls) == 2


def test_previews_are_not_cached():
    def preview(request):
        request.is_preview = True
        return HttpResponse("brouillon")

    middleware = _middleware_with(preview)
    middleware(RequestFactory().get("/fr/brouillon/"))
    assert middleware(RequestFactory().get("/fr/brouillon/")).get(HEADER) != "HIT"


def test_a_down_cache_does_not_take_the_site_down():
    from unittest import mock

    middleware = _middleware_with(lambda request: HttpResponse("page"))
    with mock.patch("site_parlons.ops.pagecache.current_generation", side_effect=ConnectionError("redis down")):
        response = middleware(RequestFactory().get("/fr/page/"))
    assert response.status_code == 200


def _with_header(response, name, value):
    response[name] = value
    return response


def _with_cookie(response):
    response.set_cookie("something", "1")
    return response


@pytest.mark.django_db
def test_a_page_with_a_form_and_csrf_token_is_never_cached(client, home):
    """Wagtail's password form (a real page with a CSRF token) must not be stored."""
    from wagtail.models import PageViewRestriction

    page = StandardPageFactory(parent=home, title="Page protégée")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="mot-de-passe-long")
    first = client.get(page.url)
    assert first.status_code == 200
    assert b"csrfmiddlewaretoken" in first.content
    assert HEADER not in first
    client.cookies.clear()
    assert HEADER not in client.get(page.url)


@pytest.mark.django_db
def test_a_testimony_submission_invalidates_nothing_public(client, home, django_capture_on_commit_callbacks):
    """Anyone may post (five an hour): a post must not empty the page cache. It writes a private
    record, a draft page and its workflow, none of them shown until a moderator publishes."""
    from bs4 import BeautifulSoup
    from django.test import Client
    from wagtail.models import WorkflowState

    from site_parlons.ops.pagecache import current_generation
    from temoignages.models import TestimonySubmission

    _index, form_page = build_testimony_section(home)
    client.get(home.url)
    assert client.get(home.url)[HEADER] == "HIT"
    generation = current_generation()

    visitor = Client(enforce_csrf_checks=True)
    form = BeautifulSoup(visitor.get(form_page.url).content, "html.parser")
    csrf = form.select_one("input[name=csrfmiddlewaretoken]")["value"]
    # valid_data() forges the « shown at » token a minute back, past the minimum fill time.
    with django_capture_on_commit_callbacks(execute=True):
        thanks = visitor.post(form_page.url, valid_data(form_page, csrfmiddlewaretoken=csrf))
    assert thanks.status_code == 200
    assert BeautifulSoup(thanks.content, "html.parser").select_one(".receipt-code")
    page = TestimonySubmission.objects.get().page
    assert page is not None and not page.live
    assert WorkflowState.objects.for_instance(page).exists()

    assert current_generation() == generation
    assert client.get(home.url)[HEADER] == "HIT"
    # Publishing it still does.
    page.save_revision().publish()
    assert current_generation() != generation
    assert client.get(home.url)[HEADER] == "MISS"


def test_check_deploy_warns_when_a_cache_is_kept_per_process():
    from django.core import checks

    def warnings(caches_setting, deploy=True):
        with override_settings(CACHES=caches_setting):
            found = checks.run_checks(include_deployment_checks=deploy, tags=[checks.Tags.caches])
        return [message for message in found if message.id == "site_parlons_ops.W001"]

    per_process = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    found = warnings(per_process)
    assert [message.level for message in found] == [checks.WARNING, checks.WARNING]
    assert "'default'" in found[0].msg and "'pages'" in found[1].msg
    assert warnings(per_process, deploy=False) == []  # tests and dev run such caches on purpose
    shared = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "parlons_cache"},
        "pages": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": "/tmp/pages"},  # noqa: S108
    }
    assert warnings(shared) == []
    redis = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0"}
    assert warnings({"default": redis, "pages": redis}) == []
