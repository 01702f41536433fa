"""Error pages and small site-wide views.

The 404 page uses the full layout (menus, footer). The 400, 500 and 503 pages are rendered
without the database: no context processors (they read site settings and cached menus), no
request body (the request that failed may have a body Django cannot parse), only templates,
static files and translations, so they still answer when the database or the request is bad.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from home.sites import absolute_url

#: Seconds a client (or a crawler) is asked to wait before retrying after a 503.
RETRY_AFTER_SECONDS = 120

#: The helplines the 400 and 503 pages list when the directory (in the database) may be out of
#: reach: the national numbers the « Se faire aider » page lists (ressources/demo.py), with
#: only their name and purpose (hours and other details stay on that page).
EMERGENCY_LINES = [
    {"number": "17", "tel_href": "17", "urgency": "urgence", "name": _("Police secours"), "purpose": ""},
    {"number": "112", "tel_href": "112", "urgency": "urgence", "name": _("Numéro d'urgence européen"), "purpose": ""},
    {
        "number": "114",
        "tel_href": "114",
        "sms_number": "114",
        "sms_href": "114",
        "urgency": "urgence",
        "name": _("Urgences par SMS"),
        "purpose": _("Pour toute personne qui ne peut pas parler sans se mettre en danger."),
    },
]
OTHER_LINES = [
    {
        "number": "3018",
        "tel_href": "3018",
        "urgency": "urgent",
        "name": _("Harcèlement à l'école et en ligne"),
        "purpose": _("Pour les jeunes victimes ou témoins de harcèlement scolaire ou en ligne, et leurs parents."),
    },
    {
        "number": "119",
        "tel_href": "119",
        "urgency": "urgent",
        "name": _("Allô Enfance en danger"),
        "purpose": _("Pour un enfant ou un adolescent en danger, ou un adulte inquiet pour lui."),
    },
    {
        "number": "3919",
        "tel_href": "3919",
        "urgency": "urgent",
        "name": _("Violences Femmes Info"),
        "purpose": _("Pour les femmes victimes de violences, leur entourage et les professionnels."),
    },
    {
        "number": "3114",
        "tel_href": "3114",
        "urgency": "urgent",
        "name": _("Prévention du suicide"),
        "purpose": _("Si vous pensez au suicide, ou si vous êtes inquiet pour un proche."),
    },
]


def is_database_outage(exception: BaseException | None) -> bool:
    """Whether ``exception`` means the database cannot be reached or used right now (refused,
    unreachable, file that cannot be opened, connection lost, locked), rather than a bug."""
    return isinstance(exception, OperationalError | InterfaceError)


def render_standalone(request: HttpRequest, template_name: str, status: int) -> HttpResponse:
    """Render an error page in the language of the address (French by default), without
    context processors, the database or the request body."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    context = {
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
        "emergency_lines": EMERGENCY_LINES,
        "other_lines": OTHER_LINES,
        "urgent": True,
        "heading_tag": "h2",
    }
    with translation.override(language):
        content = loader.render_to_string(template_name, context)
    response = HttpResponse(content, status=status)
    response["Content-Language"] = language
    # An error must never be kept by a browser or a proxy in place of the page.
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400 page. Django's own view is CSRF-protected, so on a POST it parses the body again:
    a body it could not parse the first time (wrong charset, too big) then became a 500."""
    return render_standalone(request, "400.html", status=400)


def service_unavailable(request: HttpRequest) -> HttpResponse:
    """503 page shown while the database is out of reach, with the helplines."""
    response = render_standalone(request, "503.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def page_not_found(request, exception=None):
    """French-first 404 that still offers help and search."""
    return render(request, "404.html", status=404)


def server_error(request):
    """500 page rendered without context processors: it must not fail if the database does.

    A database outage raised outside a view (a middleware reading the session, for instance)
    ends here rather than in ``DatabaseOutageMiddleware``: it gets the 503 page too.
    """
    if is_database_outage(sys.exc_info()[1]):
        return service_unavailable(request)
    return HttpResponseServerError(loader.get_template("500.html").render())


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
