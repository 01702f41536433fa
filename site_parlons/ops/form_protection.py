"""Spam and abuse protection shared by the site's public forms, without any third party.

* ``SpamProtectedFormMixin`` adds a honeypot (a field people never see, naive bots fill it) and a
  signed « form shown at » token checked by a ``SignedTimer``: a form sent sooner than
  ``min_seconds`` after it was displayed is a bot, one sent after ``max_age`` has expired.
  Each form decides what a verdict means through ``spam_messages`` (an error, the text kept)
  or by reading ``spam_verdict``. Never a fake success: a person whose browser autofilled the
  honeypot, or who was unusually quick, must learn that nothing was sent.
* ``RateLimit`` counts hits per client in the cache (Redis, or the database shared by every
  worker) under a keyed HMAC of the client address that expires with the window: no address
  is ever stored or logged.
* Both fail open: when the cache does not answer (Redis down, its errors ignored by
  django-redis), a token is accepted and a client is not limited, because a testimony must
  never be lost to a cache outage. ``add()`` tells the cases apart: True (done), False (the
  key exists: a replay, a taken slot), None (the cache did not answer).
* ``client_address`` is the one place the client address is read. Behind a reverse proxy
  (setting ``TRUST_X_FORWARDED_FOR``) it is the right-most X-Forwarded-For entry, the one the
  proxy itself appended; otherwise REMOTE_ADDR (the header could be forged).
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

HONEYPOT_FIELD = "site_web"
TOKEN_FIELD = "started"  # noqa: S105 - a form field name

# What a submission looks like: a person (``ok``), or one of the reasons to doubt it.
OK, HONEYPOT, TOO_FAST, EXPIRED, INVALID = "ok", "honeypot", "too_fast", "expired", "invalid"


def client_address(request) -> str:
    """The visitor's address, only ever used through ``client_key`` (a keyed hash)."""
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


# The salts keep the module's former name: a new one would refuse every form on screen at the
# deploy as expired, and reset the rate limits.
CLIENT_KEY_SALT = "home.antispam.client"
FORM_TIMER_SALT = "home.antispam"


def client_key(request, scope: str) -> str:
    """A keyed HMAC (secret key) of the client address for ``scope``: not reversible, not linkable across scopes."""
    return salted_hmac(CLIENT_KEY_SALT, f"{scope}:{client_address(request)}", algorithm="sha256").hexdigest()


@dataclass(frozen=True)
class SignedTimer:
    """Signed « form shown at » tokens: each with a nonce, so each form can also be claimed once."""

    salt: str
    min_seconds: float = 3
    max_age: int = 2 * 60 * 60

    def make(self, now: float | None = None) -> str:
        return signing.dumps({"t": now if now is not None else time.time(), "n": secrets.token_hex(8)}, salt=self.salt)

    def check(self, token: str) -> str:
        """``ok``, ``too_fast`` (a bot), ``expired`` (a form left open too long) or ``invalid``."""
        try:
            started = float(signing.loads(token or "", salt=self.salt)["t"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return INVALID
        age = time.time() - started
        if age < self.min_seconds:
            return TOO_FAST
        if age > self.max_age:
            return EXPIRED
        return OK

    def resend_start(self) -> float:
        """A start time that passes the minimum fill time at once (for someone who already typed)."""
        return time.time() - self.min_seconds - 1

    def claim(self, token: str) -> bool:
        """True the first time a token is used; False when the same form is sent again.

        Also True when the cache does not answer (``add()`` gives None): a resent form then
        makes a second record, which moderators see, rather than a testimony lost.
        """
        digest = hashlib.sha256(f"{self.salt}:{token}".encode()).hexdigest()
        return cache.add(f"antispam:used:{digest}", 1, timeout=self.max_age) is not False


@dataclass(frozen=True)
class RateLimit:
    """At most ``limit`` hits per ``window`` seconds per client, counted in the shared cache.

    ``setting`` names an optional ``(limit, window)`` setting read at each call (so that it can
    be changed per site or in tests); ``subject`` narrows the count, e.g. to one page.

    Each hit takes one of ``limit`` slots with ``add()``, each slot expiring ``window`` seconds
    after its hit (a sliding window): ``add()`` is atomic in Redis and in the database cache,
    so hits from several workers at once are all counted, which ``get()`` then ``set()`` (the
    database cache's ``incr()``) would not do.
    """

    scope: str
    limit: int
    window: int
    setting: str = ""

    @property
    def limit_window(self) -> tuple[int, int]:
        configured = getattr(settings, self.setting, None) if self.setting else None
        limit, window = configured or (self.limit, self.window)
        return int(limit), int(window)

    def key(self, request, subject: str = "") -> str:
        scope = f"{self.scope}:{subject}" if subject else self.scope
        return f"antispam:rl:{scope}:{client_key(request, scope)[:32]}"

    def slots(self, request, subject: str = "") -> list[str]:
        limit, _window = self.limit_window
        key = self.key(request, subject)
        return [f"{key}:{slot}" for slot in range(limit)]

    def exceeded(self, request, subject: str = "") -> bool:
        """Every slot taken. False when the cache does not answer (``get_many()`` gives {})."""
        slots = self.slots(request, subject)
        return len(cache.get_many(slots)) >= len(slots)

    def hit(self, request, subject: str = "") -> None:
        _limit, window = self.limit_window
        slots = self.slots(request, subject)
        taken = cache.get_many(slots)
        for slot in slots:
            # True: counted; None: the cache did not answer, nothing to count in; False: taken
            # by a concurrent hit since get_many(), try the next.
            if slot not in taken and cache.add(slot, 1, timeout=window) is not False:
                return


class SpamProtectedFormMixin:
    """Put first in a Django form's bases to get the honeypot and the signed timer.

    ``honeypot_label`` is set by each app (its own catalogue translates it: this module has no
    visitor-facing text). ``spam_timer`` (or ``get_spam_timer()``) sets the salt and the delays.
    ``spam_messages`` maps a verdict to the error ``clean()`` raises (the visitor's text is kept and the token renewed so
    that they can resend); a verdict without a message is left to the view (``spam_verdict``).
    The two technical fields never reach ``cleaned_data``, so they are neither stored nor e-mailed.
    """

    honeypot_label: str  # e.g. gettext_lazy("Ne remplissez pas ce champ")
    spam_timer: SignedTimer = SignedTimer(FORM_TIMER_SALT)
    spam_messages: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=self.honeypot_label,
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1", "aria-hidden": "true"}),
        )
        self.fields[TOKEN_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)
        if not self.is_bound:
            self.initial[TOKEN_FIELD] = self.get_spam_timer().make()

    def get_spam_timer(self) -> SignedTimer:
        return self.spam_timer

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    @property
    def visible_fields_without_spam(self):
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]

    @property
    def spam_token(self) -> str:
        return str(self.data.get(self.add_prefix(TOKEN_FIELD)) or "")

    @cached_property
    def spam_verdict(self) -> str:
        """``ok``, ``honeypot``, ``too_fast``, ``expired`` or ``invalid``, from the raw posted data."""
        if self.data.get(self.add_prefix(HONEYPOT_FIELD)):
            return HONEYPOT
        return self.get_spam_timer().check(self.spam_token)

    def claim_token(self) -> bool:
        """True the first time this form's token is used (a double click or reload gets False)."""
        return self.get_spam_timer().claim(self.spam_token)

    def renew_token(self) -> None:
        """A fresh token and an empty honeypot in the re-displayed form, the visitor's text kept.

        After ``expired`` the person already typed: the new token passes the minimum time at once.
        The honeypot is emptied because a person whose browser autofilled it cannot see it to
        clear it: left filled, every resend would be refused again.
        """
        timer = self.get_spam_timer()
        start = timer.resend_start() if self.spam_verdict == EXPIRED else None
        data = self.data.copy()
        data[self.add_prefix(TOKEN_FIELD)] = timer.make(now=start)
        data[self.add_prefix(HONEYPOT_FIELD)] = ""
        self.data = data

    def clean(self):
        cleaned = super().clean()
        cleaned.pop(HONEYPOT_FIELD, None)
        cleaned.pop(TOKEN_FIELD, None)
        message = self.spam_messages.get(self.spam_verdict)
        if message:
            self.renew_token()
            raise forms.ValidationError(message, code=self.spam_verdict)
        return cleaned
