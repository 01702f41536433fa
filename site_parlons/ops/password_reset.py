"""The admin's « mot de passe oublié », through Wagtail's and Django's extension points.

* ``QueuedPasswordResetForm`` (setting ``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``) queues one
  e-mail task per request, whether the address matched an account or not, instead of sending in
  the request: the answer and its timing are the same either way (no account enumeration), and a
  hanging mail server delays no one. The token is made by the worker when it sends.
* ``PasswordResetRateLimitMiddleware`` answers 429 to a client that asked too often
  (``PASSWORD_RESET_RATE_LIMIT``), counted under a keyed hash of its address (``site_parlons.ops.form_protection``).
"""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.debug import sensitive_variables
from wagtail.admin.forms.auth import PasswordResetForm

from site_parlons.ops.form_protection import RateLimit
from site_parlons.ops.mail import queue_mail

PASSWORD_RESET_RATE_LIMIT = RateLimit("admin.password_reset", limit=5, window=3600, setting="PASSWORD_RESET_RATE_LIMIT")


class QueuedPasswordResetForm(PasswordResetForm):
    @sensitive_variables()
    def save(self, *args, **kwargs) -> None:
        """Queue the e-mail (one task, ids only); Django's ``save()`` would send it here and now."""
        user_ids = sorted(user.pk for user in self.get_users(self.cleaned_data["email"]))
        queue_mail("password_reset", {"user_ids": user_ids})


class PasswordResetRateLimitMiddleware:
    """Count the password reset requests (POST) of each client; past the limit, a 429 in French."""

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def path(self) -> str:
        return reverse("wagtailadmin_password_reset")

    def __call__(self, request):
        if request.method == "POST" and request.path == self.path:
            # What sensitive_post_parameters() does: an error report hides the address typed.
            request.sensitive_post_parameters = "__ALL__"
            if PASSWORD_RESET_RATE_LIMIT.exceeded(request):
                return render(request, "security/password_reset_limited.html", status=429)
            PASSWORD_RESET_RATE_LIMIT.hit(request)
        return self.get_response(request)
