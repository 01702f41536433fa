"""deploy/gunicorn.conf.py as shipped, under a real gunicorn: it serves, and starts cleanly where
the service user's home is not writable (the image's read-only /app, systemd's ProtectHome)."""

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")

APP = """
import os


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(os.getpid()).encode()]
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(tmp_path, **env) -> Iterator[tuple[int, list[str]]]:
    """gunicorn with the shipped config on a tiny WSGI app answering its worker's pid, one worker:
    ``(port, stderr)``; ``stderr`` holds one item, gunicorn's log, once the server has stopped."""
    (tmp_path / "probe_app.py").write_text(APP)
    port = free_port()
    environment = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": f"{tmp_path}:{ROOT}",
        "DJANGO_SETTINGS_MODULE": "site_parlons.settings.test",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_LOGLEVEL": "info",
        **env,
    }
    process = subprocess.Popen(  # noqa: S603 - our own arguments
        [str(GUNICORN), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "probe_app:application"],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    stderr: list[str] = []
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            try:
                fetch(port)
                break
            except OSError:
                time.sleep(0.2)
        yield port, stderr
    finally:
        process.terminate()
        stderr.append(process.communicate(timeout=30)[1])


def fetch(port: int) -> str:
    """The body of one request to the probe app (its worker's pid)."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:  # noqa: S310
        assert response.status == 200
        return response.read().decode()


def serve(tmp_path, **env) -> tuple[str, int]:
    """Start gunicorn with the shipped config on a tiny WSGI app, fetch one page, stop it:
    ``(stderr, status)``."""
    status = 0
    with gunicorn(tmp_path, **env) as (port, stderr):
        try:
            fetch(port)
            status = 200
        except (OSError, AssertionError):
            pass
        time.sleep(0.5)  # let the arbiter finish starting (the control server starts after the workers)
    return stderr[0], status


@pytest.mark.skipif(not GUNICORN.exists(), reason="needs gunicorn in the virtualenv (requirements.txt)")
def test_starts_cleanly_where_home_is_not_writable(tmp_path):
    # As root (CI) no permission stops anything: a HOME that is a file cannot hold a directory.
    stderr, status = serve(tmp_path, HOME="/dev/null", XDG_RUNTIME_DIR="")
    assert status == 200, stderr
    assert "Booting worker" in stderr, stderr
    assert "[ERROR]" not in stderr, stderr


@pytest.mark.skipif(not GUNICORN.exists(), reason="needs gunicorn in the virtualenv (requirements.txt)")
def test_the_control_socket_opens_where_asked(tmp_path):
    control = tmp_path / "run" / "gunicorn.ctl"
    control.parent.mkdir()
    stderr, status = serve(tmp_path, HOME="/dev/null", GUNICORN_CONTROL_SOCKET=str(control))
    assert status == 200, stderr
    assert "[ERROR]" not in stderr, stderr
    assert "Control" in stderr and str(control) in stderr, stderr


@pytest.mark.skipif(not GUNICORN.exists(), reason="needs gunicorn in the virtualenv (requirements.txt)")
def test_a_worker_is_not_recycled_by_request_count(tmp_path):
    """At cached speed any request count is reached within seconds by every worker at once, and a
    new worker stalls the requests queued behind it: the shipped config recycles on memory only."""
    with gunicorn(tmp_path) as (port, stderr):
        pids = {fetch(port) for _ in range(3000)}
    assert len(pids) == 1, stderr
    assert "Autorestarting" not in stderr[0], stderr


@pytest.mark.skipif(not GUNICORN.exists(), reason="needs gunicorn in the virtualenv (requirements.txt)")
def test_a_worker_above_the_memory_limit_is_recycled(tmp_path):
    with gunicorn(tmp_path, GUNICORN_MAX_WORKER_MEMORY_MB="1") as (port, stderr):
        first = fetch(port)
        deadline = time.monotonic() + 30
        second = first
        while second == first and time.monotonic() < deadline:
            try:
                second = fetch(port)
            except OSError:
                time.sleep(0.1)
    assert second != first, stderr
    assert "recycling it" in stderr[0], stderr
