"""deploy/nginx: the real nginx (Debian's, installed by .ci/run) with the site's config, in front
of the live test server: the config loads, HTTP goes to HTTPS, no log line holds a client's
address, a query string or a referrer (even for a 413, a 429 or a 502), the application gets
the address only as nginx sets it, bodies are capped."""

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


def start_nginx(tmp_path: Path, upstream: str, config=lambda text: text):
    """Run the real nginx with deploy/nginx/parlons.conf (through ``config``) in ``tmp_path``; yields its ports."""
    subprocess.run(  # noqa: S603 - fixed arguments
        [OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={HOST}",
         "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    (tmp_path / "srv" / "staticfiles").mkdir(parents=True)
    (tmp_path / "srv" / "staticfiles" / "ok.txt").write_text("ok")
    http_port, https_port = free_port(), free_port()
    (tmp_path / "parlons.conf").write_text(config(site_config(tmp_path, http_port, https_port, upstream)))
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
    try:
        yield {"http": http_port, "https": https_port, "dir": tmp_path}
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def nginx(tmp_path, live_server, settings, home):
    from tests.factories.temoignages import TestimonyIndexPageFactory

    settings.ALLOWED_HOSTS = [HOST]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    TestimonyIndexPageFactory(parent=home, slug="temoignages")
    yield from start_nginx(tmp_path, live_server.url.removeprefix("http://"))


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


def read_logs(directory: Path) -> dict[str, str]:
    return {path.name: path.read_text() for path in sorted(directory.glob("*.log"))}


def wait_for_access_lines(directory: Path, count: int) -> list[str]:
    """nginx writes an access line once the response is sent: wait for ``count`` of them."""
    deadline = time.monotonic() + 10
    while True:
        lines = (directory / "parlons.access.log").read_text().splitlines()
        if len(lines) >= count or time.monotonic() > deadline:
            return lines
        time.sleep(0.1)


# A visitor's own loopback address (not the upstream's 127.0.0.1), and markers in what they send.
VISITOR = "127.0.0.9"
QUERY_MARKER = "zqquerymarker"
REFERRER = "https://zqreferrer.example/page-precedente"
SECRETS = (VISITOR, QUERY_MARKER, "zqreferrer")


@pytest.mark.django_db(transaction=True)
def test_no_log_line_holds_the_client_address_or_the_query(nginx):
    visit = {"source": VISITOR, "headers": {"Referer": REFERRER}}
    assert https_request(nginx, "GET", "/fr/temoignages/", **visit).status == 200
    assert https_request(nginx, "GET", f"/fr/recherche/?q=mon+harceleur+{QUERY_MARKER}", **visit).status == 200
    assert https_request(nginx, "GET", f"/fr/?utm_source={QUERY_MARKER}", **visit).status == 200
    big = b"x" * (3 * 1024 * 1024)
    assert https_request(nginx, "POST", f"/fr/temoignages/?{QUERY_MARKER}", body=big, **visit).status == 413
    lines = wait_for_access_lines(nginx["dir"], 4)
    assert len(lines) == 4, lines
    assert any('"GET /fr/recherche/ HTTP/1.1" 200' in line for line in lines), lines
    assert any('"POST /fr/temoignages/ HTTP/1.1" 413' in line for line in lines), lines
    for name, text in read_logs(nginx["dir"]).items():
        assert not any(secret in text for secret in SECRETS), (name, text)
    assert not any("python" in line.lower() or "mozilla" in line.lower() for line in lines)


@pytest.fixture
def nginx_without_app(tmp_path, request):
    """nginx with the application down (nothing listens on the upstream's port): every request is a 502,
    or a 429 past the testimony paths' limit. ``request.param``: the config's change, if any."""
    change = getattr(request, "param", None)
    config = (lambda text: text.replace(*change)) if change else (lambda text: text)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    yield from start_nginx(tmp_path, f"127.0.0.1:{closed}", config)


def errors_on_testimony_paths(nginx) -> list[int]:
    visit = {"source": VISITOR, "headers": {"Referer": REFERRER}}
    statuses = [https_request(nginx, "GET", f"/fr/temoigner/?code={QUERY_MARKER}", **visit).status for _ in range(14)]
    big = b"x" * (3 * 1024 * 1024)
    statuses.append(https_request(nginx, "POST", f"/fr/temoignages/?{QUERY_MARKER}", body=big, **visit).status)
    statuses.append(https_request(nginx, "GET", f"/fr/recherche/?q={QUERY_MARKER}", **visit).status)
    return statuses


def test_errors_on_testimony_paths_leave_no_address_query_or_referrer_in_any_log(nginx_without_app):
    statuses = errors_on_testimony_paths(nginx_without_app)
    # The limit's burst (10) lets the first ones through to the missing upstream, then 429.
    assert {502, 429, 413} <= set(statuses), statuses
    lines = wait_for_access_lines(nginx_without_app["dir"], len(statuses))
    assert len(lines) == len(statuses), lines
    assert any('"GET /fr/temoigner/ HTTP/1.1" 502' in line for line in lines), lines
    assert any('"GET /fr/temoigner/ HTTP/1.1" 429' in line for line in lines), lines
    for name, text in read_logs(nginx_without_app["dir"]).items():
        assert not any(secret in text for secret in SECRETS), (name, text)


@pytest.mark.parametrize(
    "nginx_without_app",
    [("/parlons.error.log emerg;", "/parlons.error.log info;")],
    indirect=True,
)
def test_the_check_above_would_see_an_error_log_at_a_usual_level(nginx_without_app):
    """The same requests with the error log at "info": nginx writes the client, the request and
    the referrer for each 502, 429 and 413, so the test above checks something real."""
    errors_on_testimony_paths(nginx_without_app)
    error_log = (nginx_without_app["dir"] / "parlons.error.log").read_text()
    for message in ("connect() failed", "limiting requests", "client intended to send too large body"):
        assert any(message in line and f"client: {VISITOR}" in line for line in error_log.splitlines()), message
    assert QUERY_MARKER in error_log and "zqreferrer" in error_log


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
