"""The cache may fail, the site may not (issue 14).

A site built as production builds it (``migrate``, ``collectstatic``, the demo content; SQLite in a
temporary directory), then:

* gunicorn with the production settings and ``REDIS_URL`` pointing at a ``redis-server`` of this
  test's own, killed with SIGKILL mid-test: pages keep answering 200 (uncached), a testimony posted
  through the real form is stored and its receipt code shown, ``/healthz`` says ``degraded``, the
  outage is logged once per worker, and caching resumes when Redis is back;
* the one-time form token and the rate limit against that Redis: a replay is refused while Redis
  is up, and both fail open once it is killed;
* without ``REDIS_URL``: ``migrate`` created the database cache's table, and processes racing to
  claim one token through it see exactly one winner, every hit of a rate limit counted.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
# One key for the module: every process reads the database the first one encrypted with it.
FIELD_KEY = Fernet.generate_key().decode()
GUNICORN = Path(sys.executable).with_name("gunicorn")
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
FORM = "/fr/temoignages/temoigner/"
# Public pages of several types in the demo content.
PAGES = [
    "/fr/",
    "/fr/temoignages/",
    "/fr/temoignages/la-cantine/",
    "/fr/interviews/est-ce-du-harcelement/",
    "/fr/se-faire-aider/",
    "/fr/etudes/confinement-covid-19/",
    "/fr/recherche/?q=harc%C3%A8lement",
    "/en/",
]
OUTAGE_LINE = "cache unavailable ("

pytestmark = [
    pytest.mark.skipif(not Path(REDIS_SERVER).exists(), reason="needs redis-server (apt install redis-server)"),
    pytest.mark.skipif(not GUNICORN.exists(), reason="needs gunicorn in the virtualenv (requirements.txt)"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A ``redis-server`` of this test's own (never the shared one), without persistence."""

    def __init__(self, workdir: Path):
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.workdir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)


def site_env(var: Path, **extra) -> dict[str, str]:
    """The production settings on a SQLite database of ``var``; no Redis unless ``extra`` says."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS", "SQLITE_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="site_parlons.settings.production",
        SECRET_KEY="faults-cache-" + "k" * 40,
        FIELD_ENCRYPTION_KEYS=FIELD_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        VAR_DIR=str(var),
        SQLITE_PATH=str(var / "db.sqlite3"),
        STATIC_ROOT=str(var / "static"),
        PAGE_CACHE_DIR=str(var / "pagecache"),
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


@pytest.fixture(scope="module")
def var(tmp_path_factory) -> Path:
    """A migrated production site with the demo content, built once for the module."""
    var = tmp_path_factory.mktemp("faults-cache")
    env = site_env(var)
    for command in (
        ["migrate", "--noinput", "-v", "0"],
        ["collectstatic", "--noinput", "-v", "0"],
        ["load_demo_content"],
    ):
        subprocess.run(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True, timeout=600
        )
    return var


def count_rows(var: Path, table: str) -> int:
    with sqlite3.connect(var / "db.sqlite3") as db:
        return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 - our own table names


# --- gunicorn, Redis killed -----------------------------------------------------------------


class Site:
    """gunicorn as deploy/gunicorn.conf.py runs it, two workers, stderr kept in a file."""

    def __init__(self, env: dict[str, str], log: Path):
        self.port = free_port()
        self.log = log
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "site_parlons.wsgi"],
            cwd=ROOT,
            env=dict(env, GUNICORN_BIND=f"127.0.0.1:{self.port}", GUNICORN_WORKERS="2"),
            stdout=subprocess.DEVNULL,
            stderr=log.open("w"),
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.get("/healthz")[0] == 200:
                    return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start:\n{log.read_text()}")

    def request(self, method: str, path: str, body: str | None = None, headers: dict | None = None):
        connection = HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def get(self, path: str, headers: dict | None = None):
        return self.request("GET", path, headers=headers)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def filled_form(html: str) -> dict[str, str]:
    """The form's hidden fields (CSRF token, signed « shown at » token) and a person's answers."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one("form.testimony-form")
    data = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    data.update(
        harassment_type=form.select("select[name=harassment_type] option[value]")[-1]["value"],
        role="victime",
        story="Au lycée, des élèves se moquaient de moi tous les jours dans la cour et sur les réseaux.",
        age_range="15-17",
        region="hdf",
        consent_publication="on",
        consent_processing="on",
        site_web="",
    )
    return data


def post_testimony(site: Site) -> tuple[int, str]:
    """GET the form, take the time a person takes (the form refuses a faster one), POST it."""
    status, response, html = site.get(FORM)
    assert status == 200, html
    cookies = "; ".join(value.split(";", 1)[0] for name, value in response.getheaders() if name.lower() == "set-cookie")
    data = filled_form(html)
    time.sleep(3.5)  # TESTIMONY_MIN_FILL_SECONDS is 3
    status, _response, html = site.request(
        "POST",
        FORM,
        body=urllib.parse.urlencode(data),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookies},
    )
    node = BeautifulSoup(html, "html.parser").select_one(".receipt-code")
    return status, node.get_text(strip=True) if node else ""


def outage_lines(log: Path) -> list[str]:
    return [line for line in log.read_text().splitlines() if OUTAGE_LINE in line]


def test_pages_and_testimonies_survive_redis_killed_under_gunicorn(var, tmp_path):
    redis = RedisServer(tmp_path)
    redis.start()
    site = Site(site_env(var, REDIS_URL=redis.url), tmp_path / "gunicorn.log")
    try:
        # Redis up: pages are cached.
        assert site.get("/healthz")[::2] == (200, "ok")
        for path in PAGES:
            assert site.get(path)[0] == 200, path
            status, response, _html = site.get(path)
            assert (status, response.getheader("X-Cache")) == (200, "HIT"), path

        redis.kill()

        # Every page still answers, rendered (never a stale replay), from both workers.
        for _round in range(3):
            for path in PAGES:
                status, response, html = site.get(path)
                assert status == 200, (path, html[:2000])
                assert response.getheader("X-Cache") != "HIT", path
        assert site.get("/healthz")[::2] == (200, "degraded")

        stored = count_rows(var, "temoignages_testimonysubmission")
        status, code = post_testimony(site)
        assert status == 200
        assert re.fullmatch(r"([A-Z2-7]{4}-){6}[A-Z2-7]{2}", code), code
        assert count_rows(var, "temoignages_testimonysubmission") == stored + 1

        # The outage is in the log once per worker (two), one line each, however many calls failed.
        lines = outage_lines(site.log)
        assert 1 <= len(lines) <= 2, site.log.read_text()
        assert "Traceback" not in site.log.read_text()

        # Redis back: caching resumes.
        redis.start()
        deadline = time.monotonic() + 15
        hits = set()
        while time.monotonic() < deadline and hits != set(PAGES[:3]):
            for path in PAGES[:3]:
                if site.get(path)[1].getheader("X-Cache") == "HIT":
                    hits.add(path)
            time.sleep(0.2)
        assert hits == set(PAGES[:3])
        assert site.get("/healthz")[::2] == (200, "ok")
    finally:
        site.stop()
        redis.kill()


# --- The form token and the rate limit against a real Redis ----------------------------------


ANTISPAM_PROBE = """
import sys, django
django.setup()
from django.test import RequestFactory
from site_parlons.ops.form_protection import RateLimit, SignedTimer
timer, limit = SignedTimer("tests.faults"), RateLimit("tests.faults", limit=2, window=600)
visitor = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
results = []
for action in sys.argv[1:]:
    verb, _, token = action.partition(":")
    if verb == "claim":
        results.append(timer.claim(token))
    elif verb == "hit":
        results.append(limit.hit(visitor))
    else:
        results.append(limit.exceeded(visitor))
print(results)
"""


def antispam(env, *actions: str) -> list:
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", ANTISPAM_PROBE, *actions],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return eval(result.stdout.strip().splitlines()[-1])  # noqa: S307 - our own list of booleans


def test_a_replayed_token_is_refused_while_redis_is_up_and_both_fail_open_once_it_is_killed(var, tmp_path):
    redis = RedisServer(tmp_path)
    redis.start()
    env = site_env(var, REDIS_URL=redis.url)
    first, second = secrets.token_hex(8), secrets.token_hex(8)
    try:
        assert antispam(env, f"claim:{first}", f"claim:{first}", "exceeded", "hit", "hit", "exceeded") == [
            True,
            False,  # the same form sent again
            False,
            None,
            None,
            True,  # two hits of a limit of two
        ]
        redis.kill()
        assert antispam(env, f"claim:{second}", f"claim:{first}", "exceeded", "hit") == [
            True,  # a testimony is never lost to a cache outage…
            True,  # …even if a resent form makes a second record for the moderators
            False,
            None,
        ]
    finally:
        redis.kill()


# --- Without REDIS_URL: the database cache, shared by every process ----------------------------


def test_migrate_creates_the_shared_cache_table(var):
    assert count_rows(var, "parlons_cache") >= 0


RACE_PROBE = """
import sys, time, django
django.setup()
from django.test import RequestFactory
from site_parlons.ops.form_protection import RateLimit, SignedTimer
token, go = sys.argv[1], sys.argv[2]
visitor = RequestFactory().post("/", REMOTE_ADDR="203.0.113.8")
limit = RateLimit("tests.race", limit=50, window=600)
print("ready", flush=True)
import os
while not os.path.exists(go):
    time.sleep(0.001)
claimed = SignedTimer("tests.race").claim(token)
limit.hit(visitor)
print("claimed" if claimed else "refused", flush=True)
"""

COUNT_PROBE = """
import django
django.setup()
from django.core.cache import cache
from django.test import RequestFactory
from site_parlons.ops.form_protection import RateLimit
visitor = RequestFactory().post("/", REMOTE_ADDR="203.0.113.8")
print(len(cache.get_many(RateLimit("tests.race", limit=50, window=600).slots(visitor))))
"""


def test_processes_racing_for_one_token_through_the_default_cache_one_wins(var, tmp_path):
    env = site_env(var)
    token, go = secrets.token_hex(8), tmp_path / "go"
    racers = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", RACE_PROBE, token, str(go)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    try:
        for racer in racers:  # every process has set Django up before any claims
            assert racer.stdout.readline().strip() == "ready", racer.stderr.read()
        go.touch()
        outcomes = [racer.communicate(timeout=120)[0].split() for racer in racers]
    finally:
        for racer in racers:
            racer.kill()
    assert all(racer.returncode == 0 for racer in racers), [racer.stderr for racer in racers]
    assert sorted(outcome[-1] for outcome in outcomes) == ["claimed"] + ["refused"] * 5
    counted = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", COUNT_PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert counted.stdout.split()[-1] == "6", counted.stderr  # every process's hit, none lost
