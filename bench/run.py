"""Benchmark the production stack on this machine, in one go (`make bench`).

For each database (SQLite always; PostgreSQL when BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/parlons_bench, is reachable) it:

1. migrates, collects static files and seeds 10 000 testimonies, 200 campaign pages and
   100 associations (bench/seed.py; skipped with a note when a model is not there yet);
2. starts three gunicorns with deploy/gunicorn.conf.py and the production settings, on
   127.0.0.1 only: the framework floor (one trivial view), the site with the page cache,
   the site without it (PAGE_CACHE_SECONDS=0: every request renders the page, with the
   layout fragments cached, as for a page with a form or a logged-in visitor), and, for the
   home page only, the site with no cache at all ("cold": fragments off too);
3. measures requests/s, p50, p95 and p99 with wrk at concurrency 8 and 32 for each page,
   interleaving floor / cached / uncached so machine drift affects all three;
4. posts testimonies (50 at once, then 5 per second for 60 s while readers load pages)
   when the testimony form exists, and counts what was stored;
5. reads the cached home with and without a burst of submissions arriving meanwhile: its p99
   and share of cache hits must not change (a submission invalidates nothing public);
6. reads the peak RSS (VmHWM) of every gunicorn worker;
7. the growth rows: each listing's page 1 and the broad search, without the page cache, at
   each size of ``--sizes`` (demo, 10 000, 50 000 testimonies), each in its own database
   seeded once, with the largest size's req/s as a ratio to the demo size's.

Everything is bounded: fixed durations, fixed request counts, local addresses only.
Not a test: nothing here runs in `make test`. Results: printed tables and
bench/results.md (pasted into the README's performance section).
"""

from __future__ import annotations

import argparse
import base64
import functools
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
HOST = "127.0.0.1"
#: Seconds a simulated person spends on the form before sending it (the form's anti-bot
#: timer, TESTIMONY_MIN_FILL_SECONDS, is 3 s).
FILL_SECONDS = 3.5
#: Searches per second for the open-loop search figure: 144 000 an hour, far more than the
#: campaign's site will ever see, and about a third of what 2 cores serve at most.
SEARCH_RATE = 40.0
PORTS = {"floor": 8101, "cached": 8102, "uncached": 8103, "cold": 8104}
TARGETS = {
    "cached pages ≥ 50 % of floor rps": 0.50,
    "uncached home ≥ 5 % of floor rps": 0.05,
    "search p95 ≤ 100 ms (PostgreSQL, 10 000 testimonies)": 100.0,
    "worker peak RSS ≤ 200 MB": 200.0,
}


def log(message: str) -> None:
    print(message, flush=True)


# --- Environment --------------------------------------------------------------------


def base_env(database_url: str | None, leg: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "SQLITE_PATH"))}
    env.update(
        DJANGO_SETTINGS_MODULE="site_parlons.settings.production",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        # The bench databases outlive a run: a fixed key, derived from a public string, reads them next time.
        FIELD_ENCRYPTION_KEYS=env.get("FIELD_ENCRYPTION_KEYS")
        or base64.urlsafe_b64encode(hashlib.sha256(b"parlons-harcelement bench only").digest()).decode(),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=env.get("SITE_URL") or "http://127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        VAR_DIR=str(BENCH_DIR / leg),
        STATIC_ROOT=str(BENCH_DIR / "static"),
        MEDIA_ROOT=str(BENCH_DIR / "media"),
        PAGE_CACHE_DIR=str(BENCH_DIR / leg / "pagecache"),
        # As behind deploy/nginx: each visitor's address comes in X-Forwarded-For (the
        # submission load below plays one visitor per testimony).
        TRUST_X_FORWARDED_FOR="true",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env["SQLITE_PATH"] = str(BENCH_DIR / leg / "db.sqlite3")
    return env


def manage(env, *args, capture=False):
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=1800, capture_output=capture, text=True
    )


def postgres_url(suffix: str = "") -> str | None:
    """The bench database's URL (``suffix`` appended to its name), the database created when missing."""
    url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/parlons_bench")
    if suffix:
        parts = urllib.parse.urlparse(url)
        url = parts._replace(path=parts.path + suffix).geturl()
    try:
        import psycopg

        parts = urllib.parse.urlparse(url)
        admin = dict(host=parts.hostname, port=parts.port or 5432, user=parts.username, password=parts.password)
        with psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=3, **admin) as conn:
            name = parts.path.lstrip("/")
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
        return url
    except Exception as error:
        log(f"note: PostgreSQL leg skipped ({error.__class__.__name__}: {str(error).strip()[:120]})")
        return None


# --- Servers -------------------------------------------------------------------------


class Server:
    def __init__(self, name: str, env: dict[str, str]):
        self.name = name
        self.port = PORTS[name]
        self.env = dict(env, GUNICORN_BIND=f"{HOST}:{self.port}")
        if name == "floor":
            self.env["DJANGO_SETTINGS_MODULE"] = "bench.floor_settings"
        if name == "uncached":
            self.env["PAGE_CACHE_SECONDS"] = "0"
            self.env["FRAGMENT_CACHE_SECONDS"] = "600"
        if name == "cold":
            self.env["PAGE_CACHE_SECONDS"] = "0"
            self.env["FRAGMENT_CACHE_SECONDS"] = "0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "deploy/gunicorn.conf.py", "site_parlons.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=open(BENCH_DIR / f"gunicorn-{self.name}.log", "a"),  # noqa: SIM115
        )

    def wait_ready(self, path: str) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _, _ = request(self.port, path)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{self.name} server did not start (see {BENCH_DIR}/gunicorn-{self.name}.log)")

    def worker_pids(self) -> list[int]:
        if not self.process:
            return []
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def peak_rss_mb(self) -> list[float]:
        peaks = []
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            match = re.search(r"VmHWM:\s+(\d+) kB", status)
            if match:
                peaks.append(int(match.group(1)) / 1024)
        return peaks

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()


def request(port: int, path: str, method="GET", body=None, headers=None, timeout=30):
    connection = HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


# --- Load ------------------------------------------------------------------------------


def wrk(port: int, path: str, concurrency: int, seconds: float, script: str = "stats.lua", script_args=()) -> dict:
    """wrk at ``concurrency`` for ``seconds``; ``script`` (in bench/) reports one JSON line."""
    result = subprocess.run(
        [
            "wrk",
            f"-t{min(concurrency, 2)}",
            f"-c{concurrency}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / script),
            f"http://{HOST}:{port}{path}",
            *(["--", *script_args] if script_args else []),
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    line = [row for row in result.stdout.splitlines() if row.startswith("{")][-1]
    data = json.loads(line)
    data["rps"] = data["requests"] / data["seconds"] if data["seconds"] else 0.0
    return data


def percentile(ordered: list[float], p: float) -> float:
    """The ``p``-th percentile (0–100) of already sorted latencies (0 when there are none)."""
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))] if ordered else 0.0


def summary(latencies: list[float], duration: float, errors: int, **extra) -> dict:
    """Requests, req/s, p50/p95/p99 and errors of one measurement (``latencies`` in ms)."""
    ordered = sorted(latencies)
    pct = functools.partial(percentile, ordered)
    return {
        "requests": len(ordered),
        "seconds": duration,
        "rps": len(ordered) / duration if duration else 0.0,
        "p50": pct(50),
        "p95": pct(95),
        "p99": pct(99),
        "non2xx": errors,
        **extra,
    }


def python_load(port: int, path: str, concurrency: int, seconds: float) -> dict:
    """Fallback when wrk is missing: threads + http.client, same figures."""
    latencies, errors = [], [0]
    stop_at = time.monotonic() + seconds
    lock = threading.Lock()

    def worker():
        while time.monotonic() < stop_at:
            start = time.perf_counter()
            try:
                status, _, _ = request(port, path, timeout=10)
            except OSError:
                status = 0
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(elapsed)
                if status >= 400 or status == 0:
                    errors[0] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summary(latencies, time.monotonic() - started, errors[0], socket_errors=0)


LOAD = wrk if shutil.which("wrk") else python_load


# --- Search with many different queries -----------------------------------------------------


def search_queries(count: int = 200) -> list[str]:
    """``count`` different searches a visitor might type: the theme words of the seeded
    testimonies alone and in pairs (fixed seed: the same list every run)."""
    import random

    sys.path.insert(0, str(ROOT / "bench"))
    from search_latency import WORDS

    rng = random.Random(2019)
    queries = list(dict.fromkeys(WORDS))
    while len(queries) < count:
        pair = " ".join(rng.sample(WORDS, 2))
        if pair not in queries:
            queries.append(pair)
    return queries[:count]


def search_latency(port: int, search_path: str, concurrency: int, seconds: float) -> dict:
    """Search p50/p95/p99 over different queries, on a server without the page cache: one
    visitor at a time (each query once, in order), or ``concurrency`` at once with wrk
    rotating through them."""
    paths = [f"{search_path}?{urllib.parse.urlencode({'q': q})}" for q in search_queries()]
    if concurrency == 1 or LOAD is python_load:
        latencies, errors = [], 0
        started = time.monotonic()
        for path in paths:
            start = time.perf_counter()
            status, _, _ = request(port, path)
            latencies.append((time.perf_counter() - start) * 1000)
            errors += status != 200
        return summary(latencies, time.monotonic() - started, errors, queries=len(paths), c=1)
    listing = BENCH_DIR / "search-paths.txt"
    listing.write_text("\n".join(paths) + "\n")
    data = wrk(port, "/", concurrency, seconds, script="queries.lua", script_args=[str(listing)])
    data.update(queries=len(paths), c=concurrency)
    return data


def search_at_rate(port: int, search_path: str, rate: float, seconds: float) -> dict:
    """Search p50/p95/p99 with ``rate`` searches per second arriving on a fixed schedule (an
    open loop, as visitors arrive), cycling through the same different queries.

    Each latency runs from the request's scheduled time, not from when a thread got to send
    it: a server falling behind shows in the figures instead of slowing the load down (wrk's
    closed loop, which waits for each answer before asking again, hides that)."""
    paths = [f"{search_path}?{urllib.parse.urlencode({'q': q})}" for q in search_queries()]
    total = max(1, round(rate * seconds))
    latencies, errors = [], [0]
    lock = threading.Lock()
    started = time.monotonic() + 0.2

    def one(index: int) -> None:
        scheduled = started + index / rate
        delay = scheduled - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        try:
            status, _, _ = request(port, paths[index % len(paths)], timeout=10)
        except OSError:
            status = 0
        elapsed = (time.monotonic() - scheduled) * 1000
        with lock:
            latencies.append(elapsed)
            errors[0] += status != 200

    # Enough threads that none is ever missing when a search is due (each waits for its time).
    with ThreadPoolExecutor(max_workers=64) as pool:
        list(pool.map(one, range(total)))
    return summary(latencies, time.monotonic() - started, errors[0], queries=len(paths), c=None, rate=rate)


# --- Submissions -------------------------------------------------------------------------


def parse_form(html: str):
    """The testimony form's fields filled the way a person would (heuristics, bs4)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    form = next((f for f in soup.find_all("form") if (f.get("method") or "").lower() == "post"), None)
    if form is None or not form.find("input", attrs={"name": "csrfmiddlewaretoken"}):
        return None, None
    data: dict[str, str] = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name:
            continue
        kind = (element.get("type") or "text").lower()
        if element.name == "textarea":
            data[name] = (
                "Au collège, pendant des mois, des élèves se sont moqués de moi chaque jour et ont "
                "publié des messages humiliants. J'en parle aujourd'hui pour que cela cesse."
            )
        elif element.name == "select":
            options = [o.get("value") for o in element.find_all("option") if o.get("value")]
            if options:
                data[name] = options[0]
        elif kind == "hidden":
            data[name] = element.get("value", "")
        elif kind in ("checkbox",):
            data.setdefault(name, element.get("value", "on"))
        elif kind == "radio":
            data.setdefault(name, element.get("value", ""))
        elif kind in ("text", "number") and element.has_attr("required"):
            data[name] = "18-25" if kind == "text" else "20"
        # Optional text, e-mail and honeypot fields stay empty.
    action = form.get("action") or ""
    return action, data


def count_stored(env) -> dict[str, int]:
    code = (
        "import django,json;django.setup();from django.apps import apps;from wagtail.models import Page;"
        "print(json.dumps({m._meta.label:m.objects.count() for m in apps.get_app_config('temoignages').get_models()"
        " if not issubclass(m, Page) or m._meta.model_name=='testimonypage'}))"
    )
    out = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def post_testimony(server: Server, form_path: str, target: str, fields: dict, n: int) -> tuple[int, float]:
    """One person: opens the form, takes a few seconds to write, sends it: ``(status, ms)``. Each
    from their own address (as nginx passes it), so the per-visitor rate limit applies per person."""
    visitor = {"X-Forwarded-For": f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"}
    try:
        status, headers, body = request(server.port, form_path, headers=visitor)
        cookie = SimpleCookie()
        for name, value in headers:
            if name.lower() == "set-cookie":
                cookie.load(value)
        _, fresh = parse_form(body.decode("utf-8", "replace"))
        # This visitor's own form: its CSRF token and anti-bot timer, the answers filled in.
        payload = fresh or fields
        time.sleep(FILL_SECONDS)
        started = time.perf_counter()
        code, _, _ = request(
            server.port,
            target,
            method="POST",
            body=urllib.parse.urlencode(payload, doseq=True),
            headers={
                **visitor,
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": "; ".join(f"{k}={m.value}" for k, m in cookie.items()),
                "Referer": f"http://{HOST}:{server.port}{form_path}",
            },
        )
    except OSError:
        code, started = 0, time.perf_counter()
    return code, (time.perf_counter() - started) * 1000


def the_form(server: Server, form_path: str) -> tuple[str, dict] | None:
    """``(target, fields)`` of the testimony form, or None when it is not on the page yet."""
    status, headers, body = request(server.port, form_path)
    action, fields = parse_form(body.decode("utf-8", "replace"))
    if fields is None:
        return None
    return (urllib.parse.urljoin(form_path, action) if action else form_path), fields


def submissions(server: Server, form_path: str, reader_paths: list[str], env) -> dict | None:
    form = the_form(server, form_path)
    if form is None:
        log("note: the testimony form is not on the page yet: submissions skipped")
        return None
    target, fields = form
    before = count_stored(env)

    def submit(n) -> tuple[int, float]:
        return post_testimony(server, form_path, target, fields, n)

    results: list[tuple[int, float]] = []
    with ThreadPoolExecutor(max_workers=50) as pool:
        results += list(pool.map(submit, range(50)))
    readers: list[dict] = []
    reader_threads = [
        threading.Thread(target=lambda p=p: readers.append(LOAD(server.port, p, 4, 60))) for p in reader_paths
    ]
    for thread in reader_threads:
        thread.start()
    with ThreadPoolExecutor(max_workers=40) as pool:
        futures = []
        for second in range(60):
            tick = time.monotonic()
            futures += [pool.submit(submit, second * 5 + i) for i in range(5)]
            time.sleep(max(0.0, 1 - (time.monotonic() - tick)))
        results += [f.result() for f in futures]
    for thread in reader_threads:
        thread.join()
    after = count_stored(env)
    latencies = sorted(ms for _, ms in results)
    codes: dict[int, int] = {}
    for code, _ in results:
        codes[code] = codes.get(code, 0) + 1
    return {
        "posted": len(results),
        "status_codes": codes,
        "server_errors": sum(n for code, n in codes.items() if code >= 500 or code == 0),
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1],
        "stored": {label: after.get(label, 0) - before.get(label, 0) for label in after},
        "reader_rps": sum(r["rps"] for r in readers),
        "reader_errors": sum(r["non2xx"] + r["socket_errors"] for r in readers),
    }


def cached_reads(port: int, path: str, concurrency: int, seconds: float) -> dict:
    """Like ``python_load``, also counting the answers served from the page cache (X-Cache: HIT)."""
    latencies, errors, hits = [], [0], [0]
    stop_at = time.monotonic() + seconds
    lock = threading.Lock()

    def reader():
        while time.monotonic() < stop_at:
            start = time.perf_counter()
            try:
                status, headers, _ = request(port, path, timeout=10)
            except OSError:
                status, headers = 0, []
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(elapsed)
                errors[0] += status != 200
                hits[0] += ("X-Cache", "HIT") in headers

    started = time.monotonic()
    threads = [threading.Thread(target=reader) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summary(latencies, time.monotonic() - started, errors[0], hit_share=hits[0] / max(1, len(latencies)))


#: Testimonies per second in the burst (each from its own visitor, under every rate limit).
BURST_RATE = 5


def home_during_submission_burst(server: Server, home_path: str, form_path: str, seconds: float) -> dict | None:
    """The cached home read by 4 visitors at once for ``seconds``, alone, then while
    ``BURST_RATE`` testimonies a second arrive: p99 and share of cache hits of each."""
    form = the_form(server, form_path)
    if form is None:
        return None
    target, fields = form
    quiet = cached_reads(server.port, home_path, 4, seconds)
    posted: list[tuple[int, float]] = []

    def burst() -> None:
        with ThreadPoolExecutor(max_workers=4 * BURST_RATE * round(FILL_SECONDS)) as pool:
            futures = []
            # Posts land from FILL_SECONDS after their form was read: cover the whole measurement.
            for second in range(round(seconds + FILL_SECONDS) + 1):
                tick = time.monotonic()
                n = 100_000 + second * BURST_RATE  # visitors the other submission load never uses
                futures += [
                    pool.submit(post_testimony, server, form_path, target, fields, n + i) for i in range(BURST_RATE)
                ]
                time.sleep(max(0.0, 1 - (time.monotonic() - tick)))
            posted.extend(f.result() for f in futures)

    thread = threading.Thread(target=burst)
    thread.start()
    time.sleep(FILL_SECONDS)  # the first posts arrive now
    busy = cached_reads(server.port, home_path, 4, seconds)
    thread.join()
    codes: dict[int, int] = {}
    for code, _ in posted:
        codes[code] = codes.get(code, 0) + 1
    return {"quiet": quiet, "busy": busy, "posted": len(posted), "status_codes": codes, "rate": BURST_RATE}


def format_burst(burst: dict) -> str:
    quiet, busy = burst["quiet"], burst["busy"]
    return (
        f"Cached home, 4 readers at once, alone: p50/p99 {quiet['p50']:.1f} / {quiet['p99']:.1f} ms, "
        f"{quiet['hit_share']:.1%} cache hits; while {burst['rate']} testimonies/s are posted "
        f"({burst['posted']} posts, status codes {burst['status_codes']}): p50/p99 {busy['p50']:.1f} / "
        f"{busy['p99']:.1f} ms, {busy['hit_share']:.1%} cache hits; "
        f"{quiet['non2xx'] + busy['non2xx']} reader errors."
    )


# --- One database leg -------------------------------------------------------------------------


def seed(env, testimonies: int) -> dict:
    started = time.monotonic()
    seeded = subprocess.run(
        [PYTHON, "bench/seed.py", "--testimonies", str(testimonies), "--campaign", "200", "--associations", "100"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if seeded.returncode:
        log(seeded.stderr[-3000:])
        raise RuntimeError(f"bench/seed.py failed ({seeded.returncode})")
    urls = json.loads([row for row in seeded.stdout.splitlines() if row.startswith("{")][-1])
    log(
        f"seeded in {time.monotonic() - started:.0f} s: {urls['testimonies']} testimonies, "
        f"{urls['campaign_pages']} interviews/videos/studies, {urls['associations']} associations"
    )
    return urls


def growth_targets(urls: dict) -> list[tuple[str, str]]:
    """The pages whose cost must not grow with the number of testimonies: each listing's
    page 1, filtered and not, and the broad search."""
    targets = [
        ("testimonies p1", urls["testimony_index"]),
        ("testimonies ?type= p1", urls["testimony_index"] + "?type=scolaire"),
        ("interviews p1", urls.get("interview_index")),
        ("search", f"{urls['search']}?q={urllib.parse.quote('harcèlement')}"),
    ]
    return [(name, path) for name, path in targets if path]


def run_growth(leg: str, database_url: str | None, args) -> dict:
    """The listings and the search without the page cache at each size in ``args.sizes``
    (« demo » = the demo content alone), each size in its own database, kept between runs
    (seeding is idempotent: a second run only measures)."""
    rows = {}
    for size in args.sizes:
        label = "demo" if size == 0 else f"{size:_}".replace("_", " ")
        log(f"\n=== {leg}, growth: {label} testimonies ===")
        suffix = f"_growth_{size}"
        url = postgres_url(suffix) if database_url else None
        if database_url and not url:
            break
        env = base_env(url, f"{leg}{suffix}")
        (BENCH_DIR / f"{leg}{suffix}").mkdir(parents=True, exist_ok=True)
        manage(env, "migrate", "--noinput", "-v", "0")
        urls = seed(env, size)
        server = Server("uncached", env)
        try:
            server.start()
            server.wait_ready("/healthz")
            for _, path in growth_targets(urls):
                for _ in range(3):
                    request(server.port, path)
            for name, path in growth_targets(urls):
                result = LOAD(server.port, path, 8, args.seconds)
                rows.setdefault(name, []).append((urls["testimonies"], result))
                log(
                    f"{name} at {urls['testimonies']} testimonies: {result['rps']:.0f} req/s, p95 {result['p95']:.1f} ms"
                )
        finally:
            server.stop()
    return {"leg": leg, "rows": rows}


def format_growth(growth: dict) -> list[str]:
    """« testimonies p1: 81 → 78 → 76 req/s, p95 … ms, 0.94× »: req/s and p95 at each size, then
    the largest size's req/s as a share of the demo size's (1.00× = no growth in cost)."""
    lines = [f"Growth with the number of testimonies ({growth['leg']}, page cache off, c=8):", ""]
    for name, points in growth["rows"].items():
        sizes = " → ".join(f"{count}" for count, _ in points)
        rates = " → ".join(f"{result['rps']:.0f}" for _, result in points)
        first, last = points[0][1]["rps"], points[-1][1]["rps"]
        # Target: page 1 costs the same at the largest size as at the demo size, within 20 %.
        ratio = f"{last / first:.2f}× {'✔' if last >= 0.8 * first else '✘'}" if first else "n/a"
        errors = sum(result["non2xx"] + result.get("socket_errors", 0) for _, result in points)
        p95s = " → ".join(f"{result['p95']:.0f}" for _, result in points)
        lines.append(f"- {name}: {rates} req/s, p95 {p95s} ms ({sizes} testimonies), {ratio}, {errors} errors")
    return lines + [""]


def run_leg(leg: str, database_url: str | None, args) -> dict:
    log(f"\n=== {leg}: migrate, collectstatic, seed ===")
    (BENCH_DIR / leg).mkdir(parents=True, exist_ok=True)
    env = base_env(database_url, leg)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    urls = seed(env, args.testimonies)
    for note in urls["notes"]:
        log(f"note: {note}")

    search_query = urllib.parse.quote("harcèlement école")
    targets = [
        ("home", urls["home"]),
        ("testimonies p1", urls["testimony_index"]),
        ("testimonies p50", urls["testimony_index"] + "?page=50"),
        ("a testimony", urls["testimony"]),
        ("an interview", urls["interview"]),
        ("help + filters", (urls["resources"] or "") + "?type=scolaire&public=mineur"),
        ("search", f"{urls['search']}?q={search_query}"),
        ("static file", urls["static"]),
    ]
    targets = [(name, path) for name, path in targets if path and not path.startswith("?")]

    servers = {name: Server(name, env) for name in PORTS}
    try:
        for server in servers.values():
            server.start()
        servers["floor"].wait_ready("/floor/")
        servers["cached"].wait_ready("/healthz")
        servers["uncached"].wait_ready("/healthz")
        servers["cold"].wait_ready("/healthz")
        for _, path in targets:  # warm: fill the page cache, compile templates everywhere
            for name in ("cached", "uncached"):
                for _ in range(3):
                    request(servers[name].port, path)

        rows = []
        for concurrency in args.concurrency:
            for name, path in targets:
                floor = LOAD(servers["floor"].port, "/floor/", concurrency, args.seconds)
                cached = LOAD(servers["cached"].port, path, concurrency, args.seconds)
                uncached = LOAD(servers["uncached"].port, path, concurrency, args.seconds)
                cold = LOAD(servers["cold"].port, path, concurrency, args.seconds) if name == "home" else None
                floor_after = LOAD(servers["floor"].port, "/floor/", concurrency, args.seconds)
                floor_rps = (floor["rps"] + floor_after["rps"]) / 2
                row = {
                    "page": name,
                    "path": path,
                    "c": concurrency,
                    "floor_rps": floor_rps,
                    "cached": cached,
                    "uncached": uncached,
                    "cold": cold,
                }
                rows.append(row)
                log(format_row(row))
        searches = []
        if urls.get("search"):
            for concurrency in (1, 8):
                searches.append(search_latency(servers["uncached"].port, urls["search"], concurrency, args.seconds * 2))
                log(format_search(searches[-1]))
            searches.append(search_at_rate(servers["uncached"].port, urls["search"], SEARCH_RATE, args.seconds * 4))
            log(format_search(searches[-1]))
        submit = burst = None
        if urls["form"] and not args.skip_submissions:
            log(f"cached home alone, then during {BURST_RATE} submissions/s…")
            burst = home_during_submission_burst(servers["cached"], urls["home"], urls["form"], args.seconds * 2)
            if burst:
                log(format_burst(burst))
            log("submissions: 50 concurrent posts, then 5/s for 60 s with readers…")
            submit = submissions(servers["cached"], urls["form"], [urls["home"], urls["testimony_index"]], env)
        rss = {name: server.peak_rss_mb() for name, server in servers.items()}
    finally:
        for server in servers.values():
            server.stop()
    return {
        "leg": leg,
        "seeded": urls,
        "rows": rows,
        "searches": searches,
        "burst": burst,
        "submissions": submit,
        "rss": rss,
    }


# --- Report --------------------------------------------------------------------------------


HEADER = (
    "| page | c | floor rps | cached rps | cached p50/p99 ms | cached/floor | uncached rps "
    "| uncached p50/p95/p99 ms | uncached/floor | errors |"
)
RULE = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"


def format_row(row) -> str:
    c, u, f = row["cached"], row["uncached"], row["floor_rps"]
    errors = c["non2xx"] + c["socket_errors"] + u["non2xx"] + u["socket_errors"]
    return (
        f"| {row['page']} | {row['c']} | {f:.0f} | {c['rps']:.0f} | {c['p50']:.1f} / {c['p99']:.1f} | "
        f"{c['rps'] / f:.0%} | {u['rps']:.0f} | {u['p50']:.1f} / {u['p95']:.1f} / {u['p99']:.1f} | "
        f"{u['rps'] / f:.0%} | {errors} |"
    )


def search_load(search: dict) -> str:
    if search.get("rate"):
        return f"{search['rate']:.0f} searches per second arriving on a fixed schedule"
    return (
        "one visitor at a time"
        if search["c"] == 1
        else f"{search['c']} visitors at once, each asking again on every answer"
    )


def format_search(search: dict) -> str:
    who = search_load(search)
    return (
        f"Search without the page cache, {search['queries']} different queries, {who}: "
        f"{search['requests']} requests, {search['rps']:.0f} req/s, p50/p95/p99 {search['p50']:.1f} / "
        f"{search['p95']:.1f} / {search['p99']:.1f} ms, {search['non2xx'] + search.get('socket_errors', 0)} errors."
    )


def report(results: list[dict]) -> str:
    lines = [
        f"Machine: {os.cpu_count()} CPU, load generator {'wrk' if LOAD is wrk else 'python threads'}, "
        f"gunicorn deploy/gunicorn.conf.py, cache {'Redis' if os.environ.get('REDIS_URL') else 'local (file page cache)'}.",
        "",
    ]
    for result in results:
        seeded = result["seeded"]
        lines += [
            f"### {result['leg']} — {seeded['testimonies']} testimonies, {seeded['campaign_pages']} "
            f"interviews/videos/studies, {seeded['associations']} associations",
            "",
            HEADER,
            RULE,
            *[format_row(row) for row in result["rows"]],
            "",
        ]
        for row in result["rows"]:
            if row.get("cold"):
                cold = row["cold"]
                lines.append(
                    f"Home with no cache at all (page cache and fragments off), c={row['c']}: {cold['rps']:.0f} rps "
                    f"({cold['rps'] / row['floor_rps']:.0%} of floor), p50/p95/p99 {cold['p50']:.1f} / "
                    f"{cold['p95']:.1f} / {cold['p99']:.1f} ms, {cold['non2xx'] + cold['socket_errors']} errors."
                )
        lines += [format_search(search) for search in result.get("searches", [])]
        for note in seeded["notes"]:
            lines.append(f"Note: {note}.")
        if result.get("burst"):
            lines.append(format_burst(result["burst"]))
        submit = result["submissions"]
        if submit:
            lines.append(
                f"Submissions: {submit['posted']} posted (50 at once, then 5/s for 60 s), status codes "
                f"{submit['status_codes']}, {submit['server_errors']} server errors, p99 {submit['p99_ms']:.0f} ms; "
                f"stored (delta per model) {submit['stored']}; readers meanwhile {submit['reader_rps']:.0f} req/s, "
                f"{submit['reader_errors']} errors."
            )
        elif seeded["form"]:
            lines.append("Submissions: skipped (no testimony form with a POST yet).")
        rss = result["rss"]
        rss_text = ", ".join(
            f"{name} max {max(values):.0f} MB over {len(values)} workers" for name, values in rss.items() if values
        )
        lines += [f"Peak RSS per gunicorn worker (VmHWM): {rss_text}.", ""]
    lines += ["Targets:", ""]
    lines += check_targets(results)
    return "\n".join(lines)


def check_targets(results) -> list[str]:
    out = []
    for result in results:
        leg = result["leg"]
        cached = [r for r in result["rows"] if r["page"] != "static file"]
        worst = min((r["cached"]["rps"] / r["floor_rps"] for r in cached), default=0)
        out.append(f"- {leg}: cached pages ≥ 50 % of floor → worst {worst:.0%} {'✔' if worst >= 0.5 else '✘'}")
        # Only the tail shows a worker restarting mid-load (deploy/gunicorn.conf.py's recycling):
        # the requests queued behind it wait for the new worker to warm up.
        p99s = [r["cached"]["p99"] for r in cached if r["c"] == 8]
        if p99s:
            out.append(
                f"- {leg}: cached p99 at c=8 ≤ 50 ms → worst {max(p99s):.0f} ms {'✔' if max(p99s) <= 50 else '✘'}"
            )
        homes = [r["uncached"]["rps"] / r["floor_rps"] for r in result["rows"] if r["page"] == "home"]
        if homes:
            out.append(f"- {leg}: uncached home ≥ 5 % of floor → {min(homes):.0%} {'✔' if min(homes) >= 0.05 else '✘'}")
        colds = [r["cold"]["rps"] / r["floor_rps"] for r in result["rows"] if r.get("cold")]
        if colds:
            out.append(f"- {leg}: home with no cache at all → {min(colds):.0%} of floor (for information)")
        # The target is PostgreSQL's; SQLite's figures are for information.
        for search in result.get("searches", []):
            if leg != "PostgreSQL":
                verdict = "(for information)"
            elif search["c"] not in (None, 1):
                # A closed loop keeps every worker busy: its p95 is queueing at the host's capacity
                # (the req/s), not how long a visitor's search takes.
                verdict = f"(capacity: {search['rps']:.0f} searches/s; for information)"
            else:
                verdict = "✔" if search["p95"] <= 100 else "✘"
            out.append(
                f"- {leg}: search p95 ≤ 100 ms, page cache off, {search['queries']} different queries, "
                f"{search_load(search)} → {search['p95']:.0f} ms {verdict}"
            )
        searches = [r["uncached"] for r in result["rows"] if r["page"] == "search"]
        for row in searches:
            out.append(
                f"- {leg}: one query repeated (table row « search », uncached) p95 {row['p95']:.0f} ms (for information)"
            )
        peaks = [v for values in result["rss"].values() for v in values]
        if peaks:
            out.append(f"- {leg}: worker peak RSS {max(peaks):.0f} MB {'✔' if max(peaks) <= 200 else '✘'} (≤ 200 MB)")
        burst = result.get("burst")
        if burst:
            quiet, busy = burst["quiet"], burst["busy"]
            out.append(
                f"- {leg}: cached home p99 alone {quiet['p99']:.0f} ms, during {burst['rate']} submissions/s "
                f"{busy['p99']:.0f} ms; cache hits {quiet['hit_share']:.1%} → {busy['hit_share']:.1%} "
                f"{'✔' if busy['hit_share'] >= 0.99 else '✘'} (submissions invalidate nothing public)"
            )
        submit = result["submissions"]
        if submit:
            stored = submit["stored"].get("temoignages.TestimonyPage", 0)
            out.append(
                f"- {leg}: submissions {submit['posted']} posted, {submit['server_errors']} errors, "
                f"stored per model {submit['stored']} (TestimonyPage +{stored})"
            )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the production stack (not a test).")
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", 5)))
    parser.add_argument("--testimonies", type=int, default=int(os.environ.get("BENCH_TESTIMONIES", 10_000)))
    parser.add_argument("--concurrency", type=lambda s: [int(x) for x in s.split(",")], default=[8, 32])
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-submissions", action="store_true")
    parser.add_argument(
        "--sizes",
        type=lambda s: [0 if x.strip() == "demo" else int(x) for x in s.split(",") if x.strip()],
        default=os.environ.get("BENCH_SIZES", "demo,10000,50000"),
        help="testimony counts for the growth rows (demo = the demo content alone); empty to skip",
    )
    args = parser.parse_args()  # argparse applies ``type`` to the string default too
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if LOAD is python_load:
        log("note: wrk not found (apt install wrk): using the Python load generator")
    legs = []
    if not args.skip_sqlite:
        legs.append(("SQLite", None))
    if not args.skip_postgres:
        url = postgres_url()
        if url:
            legs.append(("PostgreSQL", url))
    results = [run_leg(leg, url, args) for leg, url in legs]
    growths = [run_growth(leg, url, args) for leg, url in legs] if args.sizes else []
    text = report(results)
    for growth in growths:
        text += "\n\n" + "\n".join(format_growth(growth))
    print("\n" + text)
    (ROOT / "bench" / "results.md").write_text(text + "\n")
    (BENCH_DIR / "results.json").write_text(json.dumps(results, indent=1, default=str))
    (BENCH_DIR / "growth.json").write_text(json.dumps(growths, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
