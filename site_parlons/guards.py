"""Middleware that turns bad requests and a database outage into the site's own answers.

* ``PublicFormFieldLimitMiddleware``: a public form has a dozen fields; a POST outside the
  admin with more than ``PUBLIC_FORM_MAX_FIELDS`` is refused (400) before any view reads it.
  Django's own cap, ``DATA_UPLOAD_MAX_NUMBER_FIELDS``, stays high for the Wagtail admin, whose
  page editor posts several fields per StreamField block (hundreds on a long page).
* ``DatabaseOutageMiddleware``: a view that cannot reach the database answers the 503 page
  (helplines, ``Retry-After``) instead of a 500. Pages the page cache holds are still served:
  ``site_parlons.ops.pagecache.PageCacheMiddleware`` answers before anything reads the database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest, HttpResponse

from .views import is_database_outage, service_unavailable

logger = logging.getLogger(__name__)

ADMIN_PREFIX = "/admin/"
DEFAULT_PUBLIC_FORM_MAX_FIELDS = 100


def posted_field_count(request: HttpRequest) -> int:
    """Every value of the parsed body (a repeated name counts each time) and every file."""
    fields = sum(len(values) for _name, values in request.POST.lists())
    return fields + sum(len(files) for _name, files in request.FILES.lists())


class PublicFormFieldLimitMiddleware:
    """Refuse (400, the site's page) a public POST with too many fields, before any view runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.limit = getattr(settings, "PUBLIC_FORM_MAX_FIELDS", DEFAULT_PUBLIC_FORM_MAX_FIELDS)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and not request.path_info.startswith(ADMIN_PREFIX):
            # A body Django cannot parse (charset, size) raises its own 400 here.
            if posted_field_count(request) > self.limit:
                # Django's exception for its own cap: a 400 through handler400, logged by
                # django.security like the built-in one.
                raise TooManyFieldsSent(f"A public form sent more than PUBLIC_FORM_MAX_FIELDS ({self.limit}) fields.")
        return self.get_response(request)


class DatabaseOutageMiddleware:
    """Answer the 503 page when a view (or its template) cannot reach the database.

    One log line per request instead of Django's traceback for each 500 during an outage.
    Outages raised outside a view get the same page from ``site_parlons.views.server_error``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_database_outage(exception):
            return None
        logger.error("database unavailable, answering 503: %s", exception)
        return service_unavailable(request)
