"""deploy/nginx: the real nginx (Debian's, installed by .ci/run) with the site's config, in front
of the live test server: the config loads, HTTP goes to HTTPS, the testimony paths are logged
without the client's address, the application gets it only as nginx sets it, bodies are capped."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"
HOST = "parlonsharcelement.fr"

pytestmark = pytest.mark.skipif(
    not os.path.exists(NGINX) or not os.path.exists(OPENSSL),
    reason="needs nginx and openssl (apt install nginx-light openssl; .ci/run installs them)",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_config(tmp: Path, http_port: int, https_port: int, upstream: str) -> str:
    """deploy/nginx/parlons.conf with its host paths and ports moved into ``tmp``."""
    text = (ROOT / "deploy" / "nginx" / "parlons.conf").read_text()
    replacements = {
        "/etc/letsencrypt/live/parlonsharcelement.fr/fullchain.pem": str(tmp / "cert.pem"),
        "/etc/letsencrypt/live/parlonsharcelement.fr/privkey.pem": str(tmp / "key.pem"),
        "/etc/nginx/snippets/parlons-proxy.conf": str(ROOT / "deploy" / "nginx" / "parlons-proxy.conf"),
        "/var/log/nginx/": f"{tmp}/",
        "/srv/parlons/": f"{tmp}/srv/",
        "/var/www/certbot": f"{tmp}/certbot",
        "server 127.0.0.1:8000": f"server {upstream}",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "ssl_stapling on;": "ssl_stapling off;",
        "ssl_stapling_verify on;": "ssl_stapling_verify off;",
    }
    for old, new in replacements.items():
        assert old in text, f"deploy/nginx/parlons.conf no longer has {old!r}"
        text = text.replace(old, new)
    # IPv6 listeners are left out: the test binds loopback IPv4 only.
    return "\n".join(line for line in text.splitlines() if "listen [::]" not in line)


@pytest.fixture
def nginx(tmp_path, live_server, settings, home):
    from tests.factories.temoignages import TestimonyIndexPageFactory

    settings.ALLOWED_HOSTS = [HOST]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    TestimonyIndexPageFactory(parent=home, slug="temoignages")
    subprocess.run(  # noqa: S603 - fixed arguments
        [OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={HOST}",
         "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    (tmp_path / "srv" / "staticfiles").mkdir(parents=True)
    (tmp_path / "srv" / "staticfiles" / "ok.txt").write_text("ok")
    http_port, https_port = free_port(), free_port()
    upstream = live_server.url.removeprefix("http://")
    (tmp_path / "parlons.conf").write_text(site_config(tmp_path, http_port, https_port, upstream))
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"""{user}
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/nginx-error.log warn;
events {{ worker_connections 64; }}
http {{
    types {{ text/plain txt; text/html html; }}
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    include {tmp_path}/parlons.conf;
}}
"""
    )
    command = [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)  # noqa: S603
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([*command, "-g", "daemon off;"], stderr=subprocess.DEVNULL)  # noqa: S603
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield {"http": http_port, "https": https_port, "dir": tmp_path}
    process.terminate()
    process.wait(timeout=10)


def https_request(nginx, method, path, body=None, headers=None, source="127.0.0.1"):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    connection = http.client.HTTPSConnection(
        "127.0.0.1", nginx["https"], context=context, timeout=30, source_address=(source, 0)
    )
    connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


@pytest.mark.django_db(transaction=True)
def test_nginx_config_loads_redirects_to_https_and_serves_the_site(nginx):
    connection = http.client.HTTPConnection("127.0.0.1", nginx["http"], timeout=30)
    connection.request("GET", "/fr/", headers={"Host": HOST})
    redirect = connection.getresponse()
    assert redirect.status == 301
    assert redirect.getheader("Location") == f"https://{HOST}/fr/"
    page = https_request(nginx, "GET", "/fr/")
    assert page.status == 200
    assert page.getheader("Strict-Transport-Security") or page.getheader("Content-Security-Policy")
    assert "immutable" in https_request(nginx, "GET", "/static/ok.txt").getheader("Cache-Control")


@pytest.mark.django_db(transaction=True)
def test_testimony_paths_are_logged_without_the_client_address(nginx):
    assert https_request(nginx, "GET", "/fr/temoignages/").status == 200
    assert https_request(nginx, "GET", "/fr/").status == 200
    # nginx writes the line once the response is sent: wait for both.
    deadline = time.monotonic() + 10
    while True:
        log = (nginx["dir"] / "parlons.access.log").read_text().splitlines()
        testimony = [line for line in log if "/fr/temoignages/" in line]
        other = [line for line in log if '"GET /fr/ ' in line]
        if (testimony and other) or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert testimony and other, log
    assert all(line.startswith("- [") and "127.0.0.1" not in line for line in testimony), testimony
    # Elsewhere the usual format keeps the address (for abuse handling), never the user agent.
    assert other[0].startswith("127.0.0.1 [")
    assert not any("python" in line.lower() or "mozilla" in line.lower() for line in log)


@pytest.mark.django_db(transaction=True)
def test_the_application_gets_the_client_address_only_in_x_forwarded_for(nginx):
    """Set by nginx (a forged header is replaced), for the per-visitor rate limits, which use
    it only through a keyed hash; no other header carries it."""
    from django.core.signals import request_started

    seen = {}

    def record(sender, environ, **kwargs):
        # The live server answers in a thread of this process: its requests reach this receiver.
        seen.update({key: value for key, value in environ.items() if key.startswith("HTTP_X_")})

    request_started.connect(record)
    try:
        # Two visitors (two loopback source addresses), one of them forging the header.
        for source in ("127.0.0.2", "127.0.0.3"):
            assert (
                https_request(nginx, "GET", "/fr/", headers={"X-Forwarded-For": "6.6.6.6"}, source=source).status == 200
            )
            assert seen.get("HTTP_X_FORWARDED_FOR") == source, seen
            assert seen.get("HTTP_X_FORWARDED_PROTO") == "https"
            assert not seen.get("HTTP_X_REAL_IP"), seen
    finally:
        request_started.disconnect(record)


@pytest.mark.django_db(transaction=True)
def test_oversized_bodies_are_refused_by_nginx(nginx):
    response = https_request(nginx, "POST", "/fr/temoignages/", body=b"x" * (3 * 1024 * 1024))
    assert response.status == 413
