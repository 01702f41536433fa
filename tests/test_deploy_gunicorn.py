"""deploy/gunicorn.conf.py as shipped, under a real gunicorn: it serves, and starts cleanly where
the service user's home is not writable (the image's read-only /app, systemd's ProtectHome)."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")

APP = '''
def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
'''


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(tmp_path, **env) -> tuple[str, int]:
    """Start gunicorn with the shipped config on a tiny WSGI app, fetch one page, stop it:
    ``(stderr, status)``."""
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
    status = 0
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not status:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:  # noqa: S310
                    status = response.status
            except OSError:
                if process.poll() is not None:
                    break
                time.sleep(0.2)
        time.sleep(0.5)  # let the arbiter finish starting (the control server starts after the workers)
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    return stderr, status


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
