"""Security headers that Django 5.2 does not set on its own.

Django's ``SecurityMiddleware`` already sends HSTS (production), ``nosniff``, the
referrer policy and the cross-origin opener policy from settings. This middleware adds:

* a Content-Security-Policy: strict on the public site (scripts only from our own
  static files, no inline script, no ``eval``; frames only from youtube-nocookie, which
  the video block loads after the visitor's click; the site itself cannot be framed);
* a looser policy scoped to the admin (``/admin/``), which needs inline styles and
  scripts and frames its own previews;
* a Permissions-Policy denying the camera, microphone and geolocation.

The policies are settings (``CSP_PUBLIC_POLICY``, ``CSP_ADMIN_POLICY``) so a host can
add its media domain (object storage) without touching code.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

DEFAULT_PUBLIC_POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["https://www.youtube-nocookie.com"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}

# Wagtail's admin uses inline styles and a few inline scripts, embeds previews of our own
# pages (same origin) and oEmbed previews. Scoped to /admin/ only.
DEFAULT_ADMIN_POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "media-src": ["'self'", "blob:"],
    "frame-src": ["'self'", "https://www.youtube-nocookie.com"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def render_policy(policy: dict[str, list[str]]) -> str:
    """``{"default-src": ["'self'"]}`` → ``"default-src 'self'"``."""
    return "; ".join(f"{directive} {' '.join(sources)}".strip() for directive, sources in policy.items())


class SecurityHeadersMiddleware:
    """Add CSP, Permissions-Policy and COOP to every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.public_csp = render_policy(getattr(settings, "CSP_PUBLIC_POLICY", DEFAULT_PUBLIC_POLICY))
        self.admin_csp = render_policy(getattr(settings, "CSP_ADMIN_POLICY", DEFAULT_ADMIN_POLICY))
        self.admin_prefix = "/admin/"

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        is_admin = request.path_info.startswith(self.admin_prefix)
        if is_admin:
            # Wagtail renders a preview by running a fake request for the page's public URL
            # through the whole middleware stack: the response comes back with the public
            # policy (frame-ancestors 'none'), which would forbid the admin's preview panel.
            response.headers["Content-Security-Policy"] = self.admin_csp
        else:
            response.headers.setdefault("Content-Security-Policy", self.public_csp)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        return response
