"""The shared spam protection (site_parlons/ops/form_protection.py): client address, signed timer, rate limit, form mixin."""

import time

import pytest
from django import forms
from django.core.cache import cache
from django.test import RequestFactory
from freezegun import freeze_time
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from site_parlons.ops import form_protection
from site_parlons.ops.form_protection import RateLimit, SignedTimer, SpamProtectedFormMixin, client_address, client_key

TIMER = SignedTimer("tests.antispam", min_seconds=3, max_age=600)


def request_from(remote="198.51.100.20", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


# --- Client address ---------------------------------------------------------------------------


def test_forwarded_header_is_ignored_unless_the_proxy_is_trusted(settings):
    settings.TRUST_X_FORWARDED_FOR = False
    assert client_address(request_from("198.51.100.20", "192.0.2.1")) == "198.51.100.20"


def test_behind_a_trusted_proxy_the_right_most_forwarded_entry_is_used(settings):
    settings.TRUST_X_FORWARDED_FOR = True
    # A client can send its own X-Forwarded-For; nginx appends the real address last.
    assert client_address(request_from("127.0.0.1", "10.0.0.1, 203.0.113.5")) == "203.0.113.5"
    assert client_address(request_from("127.0.0.1", " 203.0.113.6 ")) == "203.0.113.6"
    assert client_address(request_from("127.0.0.1", "  ")) == "127.0.0.1"
    assert client_address(request_from("127.0.0.1")) == "127.0.0.1"


def test_client_key_is_a_keyed_hash_per_scope_without_the_address(settings):
    settings.TRUST_X_FORWARDED_FOR = False
    key = client_key(request_from("203.0.113.7"), "contact")
    assert len(key) == 64 and "203.0.113.7" not in key
    assert key == client_key(request_from("203.0.113.7"), "contact")
    assert key != client_key(request_from("203.0.113.8"), "contact")
    assert key != client_key(request_from("203.0.113.7"), "testimony")
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    assert key != client_key(request_from("203.0.113.7"), "contact")


# --- Signed timer -----------------------------------------------------------------------------


def test_timer_verdicts():
    now = time.time()
    assert TIMER.check(TIMER.make(now - 30)) == "ok"
    assert TIMER.check(TIMER.make()) == "too_fast"
    assert TIMER.check(TIMER.make(now - 601)) == "expired"
    assert TIMER.check("") == "invalid"
    assert TIMER.check("pas-un-jeton") == "invalid"
    # A token signed for another form (another salt) is worthless here.
    assert TIMER.check(SignedTimer("tests.other").make(now - 30)) == "invalid"


def test_timer_limits_are_parameters():
    slow = SignedTimer("tests.antispam", min_seconds=60, max_age=24 * 3600)
    token = TIMER.make(time.time() - 30)
    assert TIMER.check(token) == "ok"
    assert slow.check(token) == "too_fast"
    assert slow.check(TIMER.make(time.time() - 3600)) == "ok"
    assert TIMER.check(TIMER.make(time.time() - 3600)) == "expired"


def test_timer_expiry_follows_the_clock():
    with freeze_time("2025-03-01 10:00:00"):
        token = TIMER.make()
    with freeze_time("2025-03-01 10:00:02"):
        assert TIMER.check(token) == "too_fast"
    with freeze_time("2025-03-01 10:05:00"):
        assert TIMER.check(token) == "ok"
    with freeze_time("2025-03-01 10:10:01"):
        assert TIMER.check(token) == "expired"


def test_resend_start_passes_the_minimum_time_at_once():
    assert TIMER.check(TIMER.make(TIMER.resend_start())) == "ok"


def test_each_token_is_unique_and_can_be_claimed_once():
    now = time.time() - 30
    first, second = TIMER.make(now), TIMER.make(now)
    assert first != second
    assert TIMER.claim(first) is True
    assert TIMER.claim(first) is False
    assert TIMER.claim(second) is True
    assert SignedTimer("tests.other").claim(first) is True


@hypothesis_settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_posted_token_gets_a_verdict_and_never_an_exception(token):
    assert TIMER.check(token) in {"ok", "too_fast", "expired", "invalid"}


# --- Rate limit -------------------------------------------------------------------------------


def test_rate_limit_counts_per_client_and_subject(settings):
    settings.TRUST_X_FORWARDED_FOR = False
    limit = RateLimit("tests.rl", limit=2, window=60)
    visitor, other = request_from("203.0.113.10"), request_from("203.0.113.11")
    for _ in range(2):
        assert not limit.exceeded(visitor)
        limit.hit(visitor)
    assert limit.exceeded(visitor)
    assert not limit.exceeded(other)
    assert not limit.exceeded(visitor, subject="7")  # another page
    assert not RateLimit("tests.other", limit=2, window=60).exceeded(visitor)
    # The address is nowhere in the cache, only its keyed hash.
    assert cache._cache and all("203.0.113" not in key for key in cache._cache)  # locmem internals


def test_rate_limit_window_expires():
    limit = RateLimit("tests.rl", limit=1, window=60)
    visitor = request_from()
    with freeze_time("2025-03-01 10:00:00"):
        limit.hit(visitor)
        assert limit.exceeded(visitor)
    with freeze_time("2025-03-01 10:01:01"):
        assert not limit.exceeded(visitor)


def test_rate_limit_reads_its_setting_at_each_call(settings):
    limit = RateLimit("tests.rl", limit=1, window=60, setting="TESTS_ANTISPAM_RATE_LIMIT")
    visitor = request_from()
    limit.hit(visitor)
    assert limit.exceeded(visitor)
    settings.TESTS_ANTISPAM_RATE_LIMIT = (3, 60)
    assert limit.limit_window == (3, 60)
    assert not limit.exceeded(visitor)


def test_rate_limit_behind_a_proxy_counts_each_visitor(settings):
    settings.TRUST_X_FORWARDED_FOR = True
    limit = RateLimit("tests.rl", limit=1, window=60)
    limit.hit(request_from("127.0.0.1", "198.51.100.9"))
    assert limit.exceeded(request_from("127.0.0.1", "10.0.0.1, 198.51.100.9"))
    assert not limit.exceeded(request_from("127.0.0.1", "198.51.100.10"))


# --- Form mixin -------------------------------------------------------------------------------


class StrictForm(SpamProtectedFormMixin, forms.Form):
    honeypot_label = "Ne remplissez pas ce champ"
    spam_timer = TIMER
    spam_messages = {
        "honeypot": "Champ caché rempli.",
        "too_fast": "Trop vite.",
        "expired": "Expiré.",
        "invalid": "Expiré.",
    }
    message = forms.CharField()


class QuietForm(SpamProtectedFormMixin, forms.Form):
    honeypot_label = "Ne remplissez pas ce champ"
    spam_timer = TIMER
    message = forms.CharField()


def posted(token=None, honeypot="", **extra):
    data = {"message": "Bonjour", form_protection.HONEYPOT_FIELD: honeypot}
    data[form_protection.TOKEN_FIELD] = TIMER.make(time.time() - 30) if token is None else token
    data.update(extra)
    return data


def test_unbound_form_has_the_honeypot_and_a_fresh_signed_token():
    form = StrictForm()
    assert TIMER.check(form.initial[form_protection.TOKEN_FIELD]) == "too_fast"
    html = str(form)
    assert f'name="{form_protection.HONEYPOT_FIELD}"' in html and 'tabindex="-1"' in html
    assert form.honeypot.label == "Ne remplissez pas ce champ"
    assert f'type="hidden" name="{form_protection.TOKEN_FIELD}"' in html
    assert [f.name for f in form.visible_fields_without_spam] == ["message"]
    assert form.honeypot.name == form_protection.HONEYPOT_FIELD


def test_a_person_passes_and_the_technical_fields_are_not_in_cleaned_data():
    form = StrictForm(posted())
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"message": "Bonjour"}
    assert form.spam_verdict == "ok"


@pytest.mark.parametrize(
    ("kind", "verdict", "message"),
    [
        ("honeypot", "honeypot", "Champ caché rempli."),
        ("too_fast", "too_fast", "Trop vite."),
        ("expired", "expired", "Expiré."),
        ("forged", "invalid", "Expiré."),
    ],
)
def test_strict_form_refuses_with_its_own_message_and_keeps_the_text(kind, verdict, message):
    data = {
        "honeypot": lambda: posted(honeypot="http://spam.example"),
        "too_fast": lambda: posted(token=TIMER.make()),
        "expired": lambda: posted(token=TIMER.make(time.time() - 3600)),
        "forged": lambda: posted(token="pas-un-jeton"),
    }[kind]()
    form = StrictForm(data)
    assert not form.is_valid()
    assert form.spam_verdict == verdict
    assert form.non_field_errors() == [message]
    assert form.non_field_errors().as_data()[0].code == verdict
    assert 'value="Bonjour"' in str(form["message"])


def test_renewed_token_after_expiry_passes_but_not_after_too_fast():
    expired = StrictForm(posted(token=TIMER.make(time.time() - 3600)))
    expired.is_valid()
    assert TIMER.check(expired.spam_token) == "ok"
    original = TIMER.make()
    hurried = StrictForm(posted(token=original))
    hurried.is_valid()
    renewed = hurried.spam_token
    assert renewed != original and TIMER.check(renewed) == "too_fast"
    assert f'value="{renewed}"' in str(hurried[form_protection.TOKEN_FIELD])


def test_quiet_form_leaves_the_verdict_to_the_view():
    form = QuietForm(posted(honeypot="http://spam.example"))
    assert form.is_valid()
    assert form.spam_verdict == "honeypot"
    assert form.cleaned_data == {"message": "Bonjour"}


def test_claim_token_is_once_per_form():
    data = posted()
    assert QuietForm(data).claim_token() is True
    assert QuietForm(data).claim_token() is False


def test_prefixed_form_reads_its_own_fields():
    data = {f"c-{key}": value for key, value in posted(honeypot="x").items()}
    form = StrictForm(data, prefix="c")
    assert form.spam_verdict == "honeypot"
    assert not form.is_valid()
