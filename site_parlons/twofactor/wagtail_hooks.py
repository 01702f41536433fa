"""The second factor's admin pages, its item in the account menu, a superuser's reset button and
its entries in the admin's history."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from site_parlons.twofactor import otp, views


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    urls = [
        path("verifier/", views.VerifyView.as_view(), name="verify"),
        path("activer/", views.EnableView.as_view(), name="enable"),
        path("desactiver/", views.DisableView.as_view(), name="disable"),
        path("reinitialiser/<int:user_id>/", views.ResetView.as_view(), name="reset"),
    ]
    return [path("deux-etapes/", include((urls, "admin_2fa"), namespace="admin_2fa"))]


@hooks.register("register_account_menu_item")
def second_factor_account_menu_item(request):
    """In « Compte › Plus d'actions »: where to enable, replace or disable the second factor."""
    if otp.has_second_factor(request.user):
        url, status = (
            reverse("admin_2fa:disable"),
            _("Activée : un code de votre téléphone est demandé à la connexion."),
        )
    else:
        url, status = reverse("admin_2fa:enable"), _("Désactivée : seul votre mot de passe protège votre compte.")
    return {"url": url, "label": _("Vérification en deux étapes"), "help_text": status}


@hooks.register("register_user_listing_buttons")
def second_factor_reset_button(user, request_user):
    """In « Paramètres › Utilisateurs », a row's « Plus d'actions », for superusers only."""
    if request_user.is_superuser and otp.has_second_factor(user):
        yield Button(
            _("Réinitialiser la vérification en deux étapes"),
            url=reverse("admin_2fa:reset", args=[user.pk]),
            icon_name="key",
            priority=50,
        )


@hooks.register("register_log_actions")
def register_second_factor_log_actions(actions):
    actions.register_action(
        otp.ACTION_ENABLED, _("Vérification en deux étapes activée"), _("Vérification en deux étapes activée")
    )
    actions.register_action(
        otp.ACTION_DISABLED, _("Vérification en deux étapes désactivée"), _("Vérification en deux étapes désactivée")
    )
    actions.register_action(
        otp.ACTION_RESET,
        _("Vérification en deux étapes réinitialisée"),
        _("Vérification en deux étapes réinitialisée par un administrateur"),
    )
