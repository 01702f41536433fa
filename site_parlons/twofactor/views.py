"""Admin pages of the second factor: verify at login, enrol (or replace a phone), disable, and a
superuser's reset of another account's second factor.

They live under /admin/ (registered through ``register_admin_urls``) so that Wagtail's admin
access check and the admin Content-Security-Policy apply. The user's own pages are exempt from
``AdminOTPMiddleware``: each checks the state it needs itself; the reset is not (a superuser
gives their own code first). Never cached: the enrolment page shows the secret.
"""

from __future__ import annotations

import django_otp
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from site_parlons.twofactor import otp
from site_parlons.twofactor.forms import CodeForm

PAGE_TITLE = _("Vérification en deux étapes")


def mark_verified(request: HttpRequest, device: Device) -> None:
    """Record in the session that ``device`` verified the user, under a new session key:
    the session gains privileges, as at login."""
    django_otp.login(request, device)
    request.session.cycle_key()


@method_decorator(never_cache, name="dispatch")
class SecondFactorView(WagtailAdminTemplateMixin, FormView):
    """What the three pages share: the code form, the admin furniture, a same-site ``next``."""

    form_class = CodeForm
    page_title = PAGE_TITLE
    header_icon = "key"
    recovery_allowed = True

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "recovery_allowed": self.recovery_allowed}

    def get_next_url(self) -> str:
        return otp.safe_next_url(self.request, self.request.POST.get("next") or self.request.GET.get("next"))

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": _("Compte")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=self.get_next_url(), **kwargs)

    def refuse(self, form: CodeForm, message) -> HttpResponse:
        form.add_error("code", message)
        return self.form_invalid(form)


class VerifyView(SecondFactorView):
    """The code asked once per session to an account with an authenticator app."""

    template_name = "twofactor/verify.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified() or not otp.has_second_factor(request.user):
            return HttpResponseRedirect(self.get_next_url())
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form: CodeForm) -> HttpResponse:
        try:
            device = otp.check_code(self.request.user, form.cleaned_data["code"])
        except otp.Throttled:
            return self.refuse(form, otp.THROTTLED_MESSAGE)
        if device is None:
            return self.refuse(form, otp.WRONG_CODE_MESSAGE)
        mark_verified(self.request, device)
        if isinstance(device, StaticDevice):
            left = StaticToken.objects.filter(device=device).count()
            messages.warning(
                self.request,
                _(
                    "Vous avez utilisé un code de secours (il en reste %(left)s). "
                    "Si vous avez perdu votre téléphone, configurez-en un nouveau."
                )
                % {"left": left},
            )
        return HttpResponseRedirect(self.get_next_url())


class EnableView(SecondFactorView):
    """Enrol an authenticator app, or replace it (new phone): confirmed only by a valid code."""

    template_name = "twofactor/enable.html"
    recovery_allowed = False

    def dispatch(self, request, *args, **kwargs):
        if otp.has_second_factor(request.user) and not request.user.is_verified():
            # Replacing the app needs the current one (or a recovery code) first.
            return HttpResponseRedirect(otp.url_with_next("admin_2fa:verify", request.get_full_path()))
        self.device = otp.pending_totp_device(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            qr_code=otp.qr_code_svg(self.device, str(_("Code QR à scanner avec votre application"))),
            secret=otp.base32_secret(self.device),
            replacing=otp.has_second_factor(self.request.user),
            required=otp.is_required_for(self.request.user),
            **kwargs,
        )

    def form_valid(self, form: CodeForm) -> HttpResponse:
        try:
            confirmed = otp.confirm_totp_device(self.device, form.cleaned_data["code"])
        except otp.Throttled:
            return self.refuse(form, otp.THROTTLED_MESSAGE)
        if not confirmed:
            return self.refuse(form, otp.WRONG_CODE_MESSAGE)
        user = self.request.user
        self.device.refresh_from_db()
        mark_verified(self.request, self.device)
        codes = otp.new_recovery_codes(user)
        log(user, otp.ACTION_ENABLED, user=user)
        context = self.get_context_data(recovery_codes=codes)
        return TemplateResponse(self.request, "twofactor/recovery_codes.html", context)


class DisableView(SecondFactorView):
    """Remove the second factor after a valid code, unless the user's group requires it."""

    template_name = "twofactor/disable.html"

    def dispatch(self, request, *args, **kwargs):
        if not otp.has_second_factor(request.user):
            return redirect("admin_2fa:enable")
        if not request.user.is_verified():
            return HttpResponseRedirect(otp.url_with_next("admin_2fa:verify", request.get_full_path()))
        self.required = otp.is_required_for(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(required=self.required, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.required:
            messages.error(request, otp.REQUIRED_MESSAGE)
            return self.render_to_response(self.get_context_data(), status=403)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: CodeForm) -> HttpResponse:
        user = self.request.user
        try:
            device = otp.check_code(user, form.cleaned_data["code"])
        except otp.Throttled:
            return self.refuse(form, otp.THROTTLED_MESSAGE)
        if device is None:
            return self.refuse(form, otp.WRONG_CODE_MESSAGE)
        otp.remove_second_factor(self.request)
        log(user, otp.ACTION_DISABLED, user=user)
        messages.success(self.request, _("La vérification en deux étapes est désactivée pour votre compte."))
        return redirect("wagtailadmin_account")


@method_decorator(never_cache, name="dispatch")
class ResetView(WagtailAdminTemplateMixin, TemplateView):
    """A superuser removes another account's second factor (a lost phone and lost recovery codes):
    its phone and codes stop working at once, and at the next admin page that account enrols
    again if its role requires it. GET asks for confirmation, only POST (with CSRF) acts."""

    template_name = "twofactor/reset.html"
    page_title = _("Réinitialiser la vérification en deux étapes")
    header_icon = "key"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        self.target = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return get_user_display_name(self.target)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailusers_users:index"), "label": _("Utilisateurs")},
            {"url": reverse("wagtailusers_users:edit", args=[self.target.pk]), "label": self.get_page_subtitle()},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            target=self.target,
            target_name=self.get_page_subtitle(),
            has_second_factor=otp.has_second_factor(self.target),
            required=otp.is_required_for(self.target),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        otp.delete_devices(self.target)
        log(self.target, otp.ACTION_RESET, user=request.user)
        messages.success(
            request,
            _(
                "La vérification en deux étapes de %(user)s est réinitialisée : son téléphone et ses codes de secours ne sont plus acceptés."
            )
            % {"user": self.get_page_subtitle()},
        )
        return redirect("wagtailusers_users:index")
