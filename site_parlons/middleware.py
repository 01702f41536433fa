"""The Content-Security-Policy (django-csp) with the admin's own policy, and the Permissions-Policy.

django-csp sends ``CONTENT_SECURITY_POLICY`` (settings) on every response. The Wagtail admin
needs inline styles and scripts and frames its own previews, so every path under ``/admin/``
gets ``ADMIN_CONTENT_SECURITY_POLICY`` instead; its login page still cannot be framed
(``frame-ancestors 'none'``), as nothing of ours ever frames it. Django's
``SecurityMiddleware`` sends nosniff, the referrer policy and COOP from settings; it has no
setting for the Permissions-Policy, hence the small middleware below.
"""

from collections.abc import Callable

from csp.constants import HEADER, NONE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import reverse

ADMIN_PREFIX = "/admin/"


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy for paths under ``/admin/``."""

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if request.path_info.startswith(ADMIN_PREFIX) and HEADER in response:
            # Wagtail renders a preview by running a fake request for the page's public URL
            # through the whole middleware stack: the response comes back with the public
            # policy (frame-ancestors 'none'), which would forbid the admin's preview panel.
            del response[HEADER]
        return super().process_response(request, response)

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or not request.path_info.startswith(ADMIN_PREFIX) or parts.config is not None:
            return parts
        parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        if request.path_info == reverse("wagtailadmin_login"):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [NONE]}
        return parts


def permissions_policy_middleware(get_response: Callable[[HttpRequest], HttpResponse]):
    """Deny the browser features the site never uses (``PERMISSIONS_POLICY``)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware
