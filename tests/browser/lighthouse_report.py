"""`make lighthouse`: Lighthouse's four scores, on mobile, for the pages that matter most.

Builds a throwaway production-like site in a temporary folder (production settings, SQLite,
collected and compressed static files, the demo content), serves it with gunicorn on
127.0.0.1, and runs Lighthouse (npm) with Debian's Chromium against the home page, a
testimony, the testimony form and a video page. Nothing leaves the machine. Prints a table.
Not a test: Lighthouse's scores vary from run to run; the README quotes a run.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run"
)
# (label, page model "app.Model", or a fixed path)
TARGETS = [
    ("Accueil", "home.HomePage"),
    ("Témoignage", "temoignages.TestimonyPage"),
    ("Formulaire", "temoignages.TestimonyFormPage"),
    ("Vidéo", "campagne.VideoPage"),
]
FIND_URLS = """
import json
from django.apps import apps
from wagtail.models import Locale
fr = Locale.objects.get(language_code="fr")
found = {}
for label, name in %r:
    try:
        model = apps.get_model(name)
    except LookupError:
        continue
    page = model.objects.live().public().filter(locale=fr).order_by("path").first()
    if page is not None:
        found[label] = page.get_url()
print(json.dumps(found))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else ""


def wait_until_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).close()  # noqa: S310 - the local server
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the local server did not answer at {url}")


def lighthouse(url: str, out: Path) -> dict[str, int]:
    npx = subprocess.run(  # noqa: S603 - fixed arguments
        [
            str(ROOT / "node_modules" / ".bin" / "lighthouse"),
            url,
            f"--only-categories={','.join(CATEGORIES)}",
            "--form-factor=mobile",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ],
        cwd=ROOT,
        env={**os.environ, "CHROME_PATH": CHROME},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if npx.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{npx.stderr[-2000:]}")
    report = json.loads(out.read_text())
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                print(f"    {name}: {audit['id']} ({audit['score']}) {audit['title']}", flush=True)
    return {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}


def main() -> int:
    if not Path(CHROME).exists():
        raise SystemExit(f"Chromium is missing at {CHROME} (apt install chromium, or set CHROME_PATH)")
    if not (ROOT / "node_modules" / "lighthouse").exists():
        raise SystemExit("lighthouse is missing: run `npm ci` at the repository root")
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "site_parlons.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": f"http://127.0.0.1:{port}",
            "SECURE_SSL_REDIRECT": "false",  # plain HTTP on the loopback; TLS is the proxy's job
            "SQLITE_PATH": f"{tmp}/db.sqlite3",
            "STATIC_ROOT": f"{tmp}/static",
            "MEDIA_ROOT": f"{tmp}/media",
            "DATABASE_URL": "",
            "REDIS_URL": "",
            "LOG_LEVEL": "WARNING",
        }
        print("Building a production-like site in", tmp, flush=True)
        manage(env, "collectstatic", "--noinput", "--verbosity=0")
        manage(env, "migrate", "--noinput", "--verbosity=0")
        manage(env, "load_demo_content")
        urls = json.loads(manage(env, "shell", "-c", FIND_URLS % TARGETS, capture=True).strip().splitlines()[-1])
        server = subprocess.Popen(  # noqa: S603 - fixed arguments
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "site_parlons.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                "--workers=2",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base + "/fr/")
            rows = []
            for label, _model in TARGETS:
                if label not in urls:
                    rows.append((label, "(page type not in this build)", None))
                    continue
                print(f"Lighthouse: {label} {urls[label]}", flush=True)
                rows.append((label, urls[label], lighthouse(base + urls[label], Path(tmp) / f"{label}.json")))
        finally:
            server.terminate()
            server.wait(timeout=30)
    header = f"| {'Page':<11} | {'URL':<44} | " + " | ".join(f"{name:>14}" for name in CATEGORIES) + " |"
    print("\nLighthouse, mobile (simulated slow 4G, mid-range phone):\n")
    print(header)
    print(f"|{'-' * 13}|{'-' * 46}|" + "|".join("-" * 15 + ":" for _ in CATEGORIES) + "|")
    for label, url, scores in rows:
        cells = [f"{scores[name]:>14}" if scores else f"{'—':>14}" for name in CATEGORIES]
        print(f"| {label:<11} | {url:<44} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
