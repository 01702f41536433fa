"""Chaos: the mail server hangs. Real processes, real sockets, no mock.

A tarpit (a socket that accepts SMTP connections and never says a word) is the site's
EMAIL_HOST. Testimonies posted through the real form under gunicorn must come back at once and
be stored; a worker run against the tarpit fails and re-schedules every notification, losing
none; once a real SMTP server (aiosmtpd) answers, a worker delivers each notification exactly
once, with links only: never the story, the proposed title or the contact e-mail.
"""

from __future__ import annotations

import email
import email.policy
import http.cookies
import json
import os
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.smtp_servers import Inbox, Tarpit, free_port

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
FORM_PATH = "/fr/temoignages/temoigner/"
MODERATOR = "moderatrice@example.org"
SUBMISSIONS = 3
# What the site uses in production (settings.EMAIL_TIMEOUT): a request must never wait for it.
EMAIL_TIMEOUT = 10

pytestmark = [
    pytest.mark.skipif(not GUNICORN.exists(), reason="needs gunicorn in the virtualenv (requirements.txt)"),
]

SETUP = """
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.contrib.auth import get_user_model
from temoignages.moderation import GROUP_NAME

call_command("load_demo_content", verbosity=0)
user = get_user_model().objects.create_user("moderatrice", "{email}", "motdepasse-solide-123")
user.groups.add(Group.objects.get(name=GROUP_NAME))
"""


def full_text(message: email.message.EmailMessage) -> str:
    parts = [str(message["Subject"])]
    for part in message.walk():
        if part.get_content_maintype() == "text":
            parts.append(part.get_content())
    return "\n".join(parts)


@pytest.fixture
def site(tmp_path):
    """A migrated SQLite site with the demo content and one moderator: (environment, database path)."""
    database = tmp_path / "db.sqlite3"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(ROOT),
        # dev settings: DEBUG serves static files without collectstatic; e-mail settings are base's.
        "DJANGO_SETTINGS_MODULE": "site_parlons.settings.dev",
        "SECRET_KEY": "chaos-smtp-" + uuid.uuid4().hex,
        "SQLITE_PATH": str(database),
        "VAR_DIR": str(tmp_path / "var"),
        "PAGE_CACHE_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        "EMAIL_USE_TLS": "false",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": "9",  # replaced by each phase
        # Retries come back quickly here; production waits 30 s doubling up to an hour.
        "MAIL_RETRY_BASE_SECONDS": "1",
        "MAIL_RETRY_MAX_SECONDS": "1",
    }
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "shell", "-c", SETUP.format(email=MODERATOR))
    return env, database


def manage(env: dict, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    result = subprocess.run(  # noqa: S603 - our own arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def run_worker(env: dict, smtp_port: int, *extra: str) -> float:
    started = time.monotonic()
    manage(
        {**env, "EMAIL_PORT": str(smtp_port)},
        "db_worker",
        "--backend",
        "email",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        *extra,
        timeout=240,
    )
    return time.monotonic() - started


def start_gunicorn(env: dict, port: int) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603 - our own arguments
        [str(GUNICORN), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "site_parlons.wsgi"],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return process
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.3)
    process.terminate()
    raise AssertionError("gunicorn did not start: " + process.communicate(timeout=30)[1])


def open_form(base: str) -> dict:
    """GET the form as a browser does: its CSRF cookie, the hidden fields, a harassment type."""
    with urllib.request.urlopen(base + FORM_PATH, timeout=30) as response:  # noqa: S310
        cookies = http.cookies.SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookies.load(header)
        soup = BeautifulSoup(response.read(), "html.parser")
    form = soup.select_one("form.testimony-form")
    hidden = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    kind = next(option["value"] for option in form.select("select[name=harassment_type] option") if option["value"])
    return {"cookie": f"csrftoken={cookies['csrftoken'].value}", "fields": {**hidden, "harassment_type": kind}}


def post_testimony(base: str, form: dict, story: str, title: str, contact: str) -> tuple[int, float, str]:
    data = {
        **form["fields"],
        "role": "victime",
        "story": story,
        "title": title,
        "pseudonym": "",
        "age_range": "15-17",
        "region": "hdf",
        "consent_publication": "on",
        "consent_processing": "on",
        "contact_email": contact,
        "site_web": "",
    }
    request = urllib.request.Request(  # noqa: S310 - a local test server
        base + FORM_PATH,
        data=urllib.parse.urlencode(data).encode(),
        headers={"Cookie": form["cookie"], "Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode()
    return status, time.monotonic() - started, body


def mail_tasks(database: Path) -> list[dict]:
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT status, args_kwargs, run_after FROM django_tasks_database_dbtaskresult WHERE backend_name = 'email'"
        ).fetchall()
    return [{"status": status, "args": json.loads(args), "run_after": run_after} for status, args, run_after in rows]


def chains(tasks: list[dict]) -> dict[str, list[str]]:
    """Statuses of every attempt of each queued message (retries carry the same message, attempt + 1)."""
    found: dict[str, list[str]] = {}
    for task in tasks:
        kwargs = dict(task["args"]["kwargs"])
        kwargs.pop("attempt", None)
        found.setdefault(json.dumps([task["args"]["args"], kwargs], sort_keys=True), []).append(task["status"])
    return found


def test_a_hanging_mail_server_never_delays_a_testimony_and_loses_no_notification(site):
    env, database = site
    tarpit = Tarpit()
    env = {**env, "EMAIL_PORT": str(tarpit.port)}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_gunicorn(env, port)
    secrets_sent: list[str] = []
    try:
        forms = [open_form(base) for _ in range(SUBMISSIONS)]
        time.sleep(3.5)  # TESTIMONY_MIN_FILL_SECONDS: sooner, the form counts as a bot's
        durations = []
        for form in forms:
            token = "zq" + uuid.uuid4().hex[:12]
            story = f"Au collège on m'insultait chaque jour, détail unique {token}, et personne ne réagissait."
            title, contact = f"Titre {token}x", f"{token}@example.org"
            secrets_sent += [token, contact]
            status, elapsed, body = post_testimony(base, form, story, title, contact)
            assert status == 200, body[:2000]
            assert "receipt-code" in body, body[:2000]
            durations.append(elapsed)
    finally:
        server.terminate()
        gunicorn_log = server.communicate(timeout=30)[1]

    # Each request came back at once: nothing waited for the tarpit (a send would take EMAIL_TIMEOUT).
    assert max(durations) < EMAIL_TIMEOUT / 2, (durations, gunicorn_log[-3000:])
    with sqlite3.connect(database) as db:
        stored = db.execute("SELECT COUNT(*), COUNT(page_id) FROM temoignages_testimonysubmission").fetchone()
    assert stored == (SUBMISSIONS, SUBMISSIONS)

    # One queued message per moderator and testimony, carrying ids only.
    queued = mail_tasks(database)
    assert len(chains(queued)) == SUBMISSIONS
    assert all(task["status"] == "READY" for task in queued)
    for secret in secrets_sent:
        assert all(secret not in json.dumps(task["args"]) for task in queued)

    # The worker against the tarpit: every attempt fails and is re-scheduled; none is dropped.
    try:
        tarpit_run = run_worker({**env, "EMAIL_TIMEOUT": "1"}, tarpit.port, "--max-tasks", str(SUBMISSIONS))
    finally:
        tarpit.close()
    after_tarpit = chains(mail_tasks(database))
    assert len(after_tarpit) == SUBMISSIONS
    assert sum(statuses.count("FAILED") for statuses in after_tarpit.values()) == SUBMISSIONS
    for statuses in after_tarpit.values():
        assert "SUCCESSFUL" not in statuses
        assert statuses.count("READY") == 1, after_tarpit  # the next attempt, scheduled

    # A real SMTP server answers: each notification is delivered once, links only.
    inbox = Inbox()
    try:
        time.sleep(1.5)  # past the re-scheduled attempts' run_after
        run_worker(env, inbox.port)
        run_worker(env, inbox.port)  # a second pass finds nothing left to send
    finally:
        inbox.close()
    final = chains(mail_tasks(database))
    assert all(statuses.count("SUCCESSFUL") == 1 and "READY" not in statuses for statuses in final.values()), final
    assert len(inbox.messages) == SUBMISSIONS
    subjects = set()
    for recipients, message in inbox.messages:
        assert recipients == [MODERATOR]
        text = full_text(message)
        for secret in secrets_sent:
            assert secret not in text
        assert "/admin/pages/" in text
        subjects.add(str(message["Subject"]))
    assert len(subjects) == SUBMISSIONS, subjects  # one per testimony, none twice
    print(f"POST durations {[round(d, 2) for d in durations]} s; tarpit worker run {tarpit_run:.1f} s")
