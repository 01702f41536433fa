"""Ask for the second factor before any admin page (exports, inspect views and the admin API included).

django-otp's ``OTPMiddleware`` (placed just before this one) only records whether the session
was verified with a device; nothing in django-otp or Wagtail refuses an unverified session.
This middleware does, for the Wagtail admin only: the public site never needs a login.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.functional import LazyObject, empty

from site_parlons.twofactor.otp import has_second_factor, is_required_for, url_with_next

#: Admin URLs reachable before the second factor: signing in and out, the password reset, the
#: static pieces the login-like pages load, and the user's own second-factor pages (each checks
#: the state it needs). A superuser's reset of another account's second factor is not one of them.
EXEMPT_VIEW_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "admin_2fa:verify",
    "admin_2fa:enable",
    "admin_2fa:disable",
}


class AdminOTPMiddleware:
    """Under the admin, send an authenticated user to the verify page when their account has a
    second factor that this session has not given yet, and to enrolment when their role
    requires one they have not set up (``otp.is_required_for``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        prefix = admin_prefix()
        if user is None or prefix is None or not request.path_info.startswith(prefix) or not user.is_authenticated:
            return self.get_response(request)
        request.user = user = unwrap(user)
        return self.redirect_for(request, user) or self.get_response(request)

    def redirect_for(self, request: HttpRequest, user) -> HttpResponse | None:
        if user.is_verified() or not self.needs_check(request):
            return None
        if has_second_factor(user):
            return self.redirect_to("admin_2fa:verify", request)
        if is_required_for(user):
            return self.redirect_to("admin_2fa:enable", request)
        return None

    @staticmethod
    def needs_check(request: HttpRequest) -> bool:
        """An admin URL other than the exempt ones (by name, whatever their path)."""
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True
        return match.view_name not in EXEMPT_VIEW_NAMES

    @staticmethod
    def redirect_to(url_name: str, request: HttpRequest) -> HttpResponse:
        next_url = request.get_full_path() if request.method in ("GET", "HEAD") else reverse("wagtailadmin_home")
        return HttpResponseRedirect(url_with_next(url_name, next_url))


def admin_prefix() -> str | None:
    """Where the Wagtail admin lives, or None under a URLconf without it (bench's floor)."""
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


def unwrap(user):
    """The user object itself, in place of the lazy wrappers around it.

    OTPMiddleware wraps AuthenticationMiddleware's lazy ``request.user`` in a second lazy
    object. Wagtail's log registry unwraps one level only, sees no model and silently drops the
    entry: without this, saving « Compte » would no longer appear in the site history. The
    attributes OTPMiddleware adds (``otp_device``, ``is_verified``) live on the object itself.
    """
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user
