"""A throwaway production-like site: what Lighthouse, the page-weight test and the screenshots see.

Production settings, a SQLite file, static files collected and compressed by whitenoise
(gzip and Brotli, hashed names), the demo content, gunicorn on a free port of 127.0.0.1.
Everything lives in a temporary folder that is removed afterwards; nothing leaves the machine.
Django's live server in the other browser tests serves uncompressed static files (test
settings), so weights and Lighthouse scores are measured here.
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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]

# One live page of each model, per language, found with the site's own code.
FIND_URLS = """
import json
from django.apps import apps
from wagtail.models import Locale
found = {}
for language in ("fr", "en"):
    locale = Locale.objects.get(language_code=language)
    for name in %r:
        page = apps.get_model(name).objects.live().public().filter(locale=locale).order_by("path").first()
        if page is not None:
            found[f"{language}:{name}"] = page.get_url()
print(json.dumps(found))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).close()  # noqa: S310 - the local server
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the local server did not answer at {url}")


@dataclass
class ProdlikeSite:
    url: str
    env: dict
    folder: Path

    def manage(self, *args: str) -> str:
        result = subprocess.run(  # noqa: S603 - fixed arguments
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True, text=True, capture_output=True
        )
        return result.stdout

    def page_urls(self, models: list[str]) -> dict[str, str]:
        """{"fr:app.Model": path} for the first live page of each model, in each language."""
        output = self.manage("shell", "-c", FIND_URLS % (models,))
        return json.loads(output.strip().splitlines()[-1])


@contextmanager
def production_like_site() -> Iterator[ProdlikeSite]:
    with tempfile.TemporaryDirectory(prefix="parlons-prodlike-") as tmp:
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "site_parlons.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": f"http://localhost:{port}",
            "SECURE_SSL_REDIRECT": "false",  # plain HTTP on the loopback; TLS is the proxy's job
            "SQLITE_PATH": f"{tmp}/db.sqlite3",
            "STATIC_ROOT": f"{tmp}/static",
            "MEDIA_ROOT": f"{tmp}/media",
            "SERVE_MEDIA": "true",  # no nginx in front here to serve the illustrations
            "DATABASE_URL": "",
            "REDIS_URL": "",
            "LOG_LEVEL": "WARNING",
        }
        # Chromium keeps the production cookies (Secure) on http://localhost, a secure context,
        # so forms post with their CSRF cookie as they would over HTTPS.
        site = ProdlikeSite(url=f"http://localhost:{port}", env=env, folder=Path(tmp))
        site.manage("collectstatic", "--noinput", "--verbosity=0")
        site.manage("migrate", "--noinput", "--verbosity=0")
        site.manage("load_demo_content")
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
            wait_until_up(f"http://127.0.0.1:{port}/fr/")
            yield site
        finally:
            server.terminate()
            server.wait(timeout=30)
