"""The admin login throttling's two rules, on top of django-axes' cache handler.

``AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]`` makes axes count
failures twice: per (user name, client) and per client. Axes has one limit for both (it
compares the larger count with ``AXES_FAILURE_LIMIT``); ``failure_limit`` gives each count its
own: ``LOGIN_FAILURE_LIMIT_PER_ACCOUNT`` for a user name from one client,
``LOGIN_FAILURE_LIMIT_PER_CLIENT`` for one client across user names. Someone who knows a
moderator's user name can lock only their own client out, never her.

"Client" is ``client_pseudonym``: a keyed hash of the address (``site_parlons.ops.form_protection.client_key``,
the one reading of the address, proxy-aware), so axes' cache keys and log lines never hold an
address.
"""

from __future__ import annotations

from axes.helpers import get_cache, get_client_ip_address, get_client_username, make_cache_key_list
from django.conf import settings
from django.http import HttpRequest

from site_parlons.ops.form_protection import client_key

#: The scope of the keyed hash: a login pseudonym is not comparable with a form's rate-limit key.
PSEUDONYM_SCOPE = "admin-login"


def client_pseudonym(request: HttpRequest) -> str:
    """What axes records as the client's "IP address": a keyed hash of it, not reversible."""
    return client_key(request, PSEUDONYM_SCOPE)[:32]


def failure_limit(request: HttpRequest, credentials: dict | None = None) -> int:
    """``AXES_FAILURE_LIMIT``: the limit of the count axes is looking at.

    Axes locks when the larger of the (user name, client) and client counts reaches this
    limit. Once the pair's own count has reached the per-account limit, that is the limit;
    otherwise the per-client one, which only the client's count (across user names) can reach.
    """
    per_account = settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT
    username = get_client_username(request, credentials)
    if username:
        (pair_key,) = make_cache_key_list([{"username": username, "ip_address": get_client_ip_address(request)}])
        if get_cache().get(pair_key, 0) >= per_account:
            return per_account
    return max(per_account, settings.LOGIN_FAILURE_LIMIT_PER_CLIENT)
