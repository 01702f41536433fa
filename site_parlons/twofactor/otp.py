"""Who must give a second factor, with which devices, and where to send them afterwards."""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user, verify_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

#: Name given to the devices, shown nowhere but Django's own admin and the shell.
TOTP_DEVICE_NAME = "Application d'authentification"
RECOVERY_DEVICE_NAME = "Codes de secours"
RECOVERY_CODE_COUNT = 10

#: Wagtail log actions, registered in home/wagtail_hooks.py.
ACTION_ENABLED = "parlons.2fa.enable"
ACTION_DISABLED = "parlons.2fa.disable"
ACTION_RESET = "parlons.2fa.reset"


class Throttled(Exception):
    """Too many wrong codes in a row: django-otp makes the user wait (1, 2, 4, 8… seconds)."""


def has_second_factor(user) -> bool:
    """A confirmed authenticator app: from then on the admin asks for a code at each login."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_required_for(user) -> bool:
    """True when ``ADMIN_2FA_REQUIRED`` is on and the user can read testimonies and contact
    e-mails: a superuser, or a member of a group listed in ``ADMIN_2FA_REQUIRED_GROUPS``."""
    if not settings.ADMIN_2FA_REQUIRED:
        return False
    return user.is_superuser or user.groups.filter(name__in=settings.ADMIN_2FA_REQUIRED_GROUPS).exists()


def pending_totp_device(user) -> TOTPDevice:
    """The unconfirmed device being enrolled: the same secret until a code confirms it,
    so that reloading the page does not invalidate what the user has already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def qr_code_svg(device: TOTPDevice, title: str) -> str:
    """The ``otpauth://`` URL as an inline SVG (black on white, so it also scans in dark mode)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", title=title, svgclass="otp-qr"
    )


def base32_secret(device: TOTPDevice) -> str:
    """The secret for manual entry, in groups of four letters as authenticator apps show it."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def normalise_code(code: str) -> str:
    """Codes are typed with spaces or dashes, recovery codes in any case."""
    return "".join(code.split()).replace("-", "").lower()


def check_code(user, code: str, devices: list[Device] | None = None) -> Device | None:
    """The confirmed device that accepts ``code`` (a 6-digit TOTP code or a recovery code), or None.

    Each device is checked through ``django_otp.verify_token``, which locks the row so that
    django-otp's throttling holds under concurrent attempts. Raises ``Throttled`` when the
    device the code is meant for is still cooling down after wrong codes.
    """
    code = normalise_code(code)
    if devices is None:
        devices = list(devices_for_user(user, confirmed=True))
    kind = TOTPDevice if code.isdigit() else StaticDevice
    for device in (d for d in devices if isinstance(d, kind)):
        allowed, _info = device.verify_is_allowed()
        if not allowed:
            raise Throttled
        verified = verify_token(user, device.persistent_id, code)
        if verified is not None:
            return verified
    return None


def confirm_totp_device(device: TOTPDevice, code: str) -> bool:
    """Confirm the device being enrolled if ``code`` is valid; the user's other authenticator
    apps are removed (enrolling again replaces a lost phone). Raises ``Throttled``."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, _info = device.verify_is_allowed()
        if not allowed:
            raise Throttled
        if not device.verify_token(normalise_code(code)):
            return False
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    return True


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with fresh ones, each valid once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def delete_devices(user) -> None:
    """Delete every device of ``user``: app, recovery codes, one-time codes, confirmed or not.
    A session verified with one of them is no longer verified at its next request
    (OTPMiddleware finds no device behind the session's key)."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()


def remove_second_factor(request: HttpRequest) -> None:
    """Delete every device of the user and forget the verified state."""
    delete_devices(request.user)
    request.session.pop(DEVICE_ID_SESSION_KEY, None)


def safe_next_url(request: HttpRequest, candidate: str | None) -> str:
    """``candidate`` when it is a URL of this site, else the admin dashboard (no open redirect)."""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def url_with_next(url_name: str, next_url: str) -> str:
    """The URL of ``url_name`` that comes back to ``next_url`` afterwards."""
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


THROTTLED_MESSAGE = _("Trop de codes erronés d'affilée. Patientez quelques secondes avant de réessayer.")
WRONG_CODE_MESSAGE = _("Ce code n'est pas valide. Vérifiez l'heure de votre téléphone et saisissez le code affiché.")
REQUIRED_MESSAGE = _(
    "Votre rôle exige la vérification en deux étapes : vous ne pouvez pas la désactiver. "
    "Vous pouvez en revanche configurer un nouveau téléphone."
)
