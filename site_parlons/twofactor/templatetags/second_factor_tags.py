"""What the admin login page says about the second factor."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def second_factor_relaxed_for_development() -> bool:
    """True under the development settings, where the admin asks for no second factor.

    Never shown when DEBUG is off, even if a deployment turns ``ADMIN_2FA_REQUIRED`` off: the
    login page would tell anyone trying passwords that a password is enough.
    """
    return settings.DEBUG and not settings.ADMIN_2FA_REQUIRED
