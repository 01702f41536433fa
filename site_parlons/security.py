"""Small helpers for the admin-account hardening (django-axes)."""

from django.http import HttpRequest


def no_client_ip(request: HttpRequest) -> None:
    """Tell django-axes there is no client address: lock-outs are per username, and the
    campaign records nobody's IP address, not even a failed administrator's."""
    return None
