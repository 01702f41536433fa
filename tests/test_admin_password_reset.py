"""The admin's « mot de passe oublié »: queued, the same answer for any address, rate-limited per client."""

import json
import re
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from tests.factories.temoignages import tables_containing
from tests.mailqueue import queued_mail, run_mail_queue
from tests.smtp_servers import Tarpit

pytestmark = pytest.mark.django_db

URL = "/admin/password_reset/"
DONE = "/admin/password_reset/done/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redactrice", "redactrice@example.org", "ancien-mot-de-passe-42")


def ask(client: Client, address: str, ip: str = "192.0.2.10"):
    return client.post(URL, {"email": address}, REMOTE_ADDR=ip)


def test_same_answer_whether_or_not_the_account_exists_and_nothing_sent_in_the_request(client, editor):
    known = ask(client, "redactrice@example.org")
    unknown = ask(client, "personne@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"]) == (302, DONE)
    assert mail.outbox == []
    # One queued task per request either way, holding ids only: no address, no token.
    tasks = list(queued_mail().order_by("enqueued_at"))
    assert len(tasks) == 2
    assert [task.args_kwargs["kwargs"]["ids"] for task in tasks] == [{"user_ids": [editor.pk]}, {"user_ids": []}]
    assert "example.org" not in json.dumps([task.args_kwargs for task in tasks])

    assert run_mail_queue() == 2
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["redactrice@example.org"]
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", message.body).group(1)
    # The token was made by the worker: it works, and it is stored nowhere.
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert tables_containing(token) == []
    confirm = client.get(link, follow=True)
    assert confirm.status_code == 200
    set_password = client.post(
        confirm.redirect_chain[-1][0],
        {"new_password1": "nouveau-mot-de-passe-solide-7", "new_password2": "nouveau-mot-de-passe-solide-7"},
    )
    assert set_password.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password("nouveau-mot-de-passe-solide-7")


def test_a_hanging_mail_server_delays_neither_answer(client, editor, settings):
    tarpit = Tarpit()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = (
        "127.0.0.1",
        tarpit.port,
        False,
        3,
    )
    try:
        durations = {}
        for address in ("redactrice@example.org", "personne@example.org"):
            started = time.monotonic()
            assert ask(client, address).status_code == 302
            durations[address] = time.monotonic() - started
    finally:
        tarpit.close()
    # A send in the request would wait EMAIL_TIMEOUT (3 s) for the known account only.
    assert max(durations.values()) < 1.5, durations


def test_rate_limited_per_client_with_a_french_429(client, editor, settings):
    settings.PASSWORD_RESET_RATE_LIMIT = (3, 3600)
    for _ in range(3):
        assert ask(client, "redactrice@example.org", ip="198.51.100.23").status_code == 302
    blocked = ask(client, "redactrice@example.org", ip="198.51.100.23")
    assert blocked.status_code == 429
    assert "Trop de demandes" in blocked.content.decode() and 'href="/admin/login/"' in blocked.content.decode()
    assert queued_mail().count() == 3  # the refused request queued nothing
    # Another client is not affected; the address is kept nowhere, not even in the cache keys.
    assert ask(client, "redactrice@example.org", ip="198.51.100.99").status_code == 302
    assert tables_containing("198.51.100") == []
    keys = list(getattr(cache, "_cache", {}).keys())
    assert keys and not [key for key in keys if "198.51.100" in key]
