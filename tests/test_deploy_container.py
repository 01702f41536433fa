"""deploy/ for containers: what the image's build context holds (.dockerignore, read with
docker-py's own implementation of Docker's rules) and the scheduler service's loop
(deploy/scheduler.sh, run by sh with a stand-in clock, python and sleep).

No Docker engine is needed: neither test builds or starts an image.
"""

import subprocess
from pathlib import Path

import pytest
import yaml
from docker.utils.build import exclude_paths

ROOT = Path(__file__).resolve().parent.parent


# --- Build context -------------------------------------------------------------------


#: What the image needs, and what a developer's checkout also holds that must never be shipped.
SHIPPED = (
    "manage.py",
    "requirements.txt",
    "site_parlons/settings/production.py",
    "locale/en/LC_MESSAGES/django.po",
    "deploy/gunicorn.conf.py",
    "deploy/scheduler.sh",
    "deploy/parlons.env.example",
)
NEVER_SHIPPED = (
    "var/db.sqlite3",
    "var/db.sqlite3-wal",
    "var/backups/parlons-20261125.dump",
    "var/pagecache/ab/cd.djcache",
    "media/original_images/photo.jpg",
    "db.sqlite3",
    ".env",
    ".env.production",
    ".venv/bin/python",
    ".git/config",
    "node_modules/axe-core/axe.js",
    "home/__pycache__/models.cpython-311.pyc",
    "tests/test_home.py",
)


@pytest.fixture
def project(tmp_path):
    """A checkout as a developer's machine has it."""
    for path in SHIPPED + NEVER_SHIPPED:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x")
    (tmp_path / ".dockerignore").write_text((ROOT / ".dockerignore").read_text())
    return tmp_path


def context(root: Path) -> set[str]:
    patterns = [
        line.strip()
        for line in (root / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return set(exclude_paths(str(root), patterns, dockerfile="deploy/Dockerfile"))


def test_the_image_gets_the_code_and_never_a_database_media_or_secrets(project):
    shipped = context(project)
    assert set(SHIPPED) <= shipped
    assert shipped.isdisjoint(NEVER_SHIPPED)


def test_the_repository_itself_ships_no_local_state():
    """On this very checkout (with its .venv, var/ and whatever the tests left)."""
    shipped = context(ROOT)
    assert "manage.py" in shipped and "deploy/Dockerfile" in shipped
    assert not [path for path in shipped if path.startswith(("var/", "media/", ".venv/", ".git/"))]


# --- Compose file --------------------------------------------------------------------


def test_compose_services_are_confined_and_the_scheduler_runs_the_script():
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())
    services = compose["services"]
    for name in ("web", "scheduler"):
        service = services[name]
        assert service["read_only"] is True
        assert service["cap_drop"] == ["ALL"]
        assert "no-new-privileges:true" in service["security_opt"]
    assert services["web"]["ports"] == ["127.0.0.1:8000:8000"]
    assert services["scheduler"]["command"] == ["sh", "deploy/scheduler.sh"]
    # Backups land where the web service keeps its state, on a volume (the root is read-only).
    assert "var:/app/var" in services["scheduler"]["volumes"]
    # pg_dump in the image is Debian bookworm's (PostgreSQL 15): it refuses a newer server.
    assert services["db"]["image"].startswith("postgres:15")


# --- Scheduler loop -------------------------------------------------------------------


def run_scheduler(tmp_path, clock: list[str], failing: str = "") -> list[str]:
    """Run deploy/scheduler.sh for ``len(clock)`` checks; each clock entry is ``"YYYY-MM-DD HHMM"``.

    Returns the management commands it ran, in order."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (tmp_path / "clock").write_text("\n".join(clock) + "\n")
    (tmp_path / "tick").write_text("1")
    log = tmp_path / "commands"
    stubs = {
        # date +%F / date +%H%M: the current line of the clock file.
        "date": f"""#!/bin/sh
line=$(sed -n "$(cat {tmp_path}/tick)p" {tmp_path}/clock)
case "$1" in +%F) echo "${{line% *}}";; *) echo "${{line#* }}";; esac
""",
        # sleep: next clock line; past the last one, stop the loop (our parent).
        "sleep": f"""#!/bin/sh
tick=$(( $(cat {tmp_path}/tick) + 1 ))
echo $tick > {tmp_path}/tick
[ $tick -le {len(clock)} ] || kill $PPID
""",
        "python": f"""#!/bin/sh
echo "$2" >> {log}
[ "$2" != "{failing}" ]
""",
    }
    for name, body in stubs.items():
        (bin_dir / name).write_text(body)
        (bin_dir / name).chmod(0o755)
    subprocess.run(  # noqa: S603 - our own script
        ["/bin/sh", str(ROOT / "deploy" / "scheduler.sh")],
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "PYTHON": str(bin_dir / "python")},
        capture_output=True,
        timeout=30,
        check=False,
    )
    return log.read_text().split()


def test_scheduler_publishes_at_every_check_and_runs_each_daily_job_once_a_day(tmp_path):
    clock = [
        "2026-11-25 0210",
        "2026-11-25 0216",  # backup
        "2026-11-25 0221",
        "2026-11-25 0329",
        "2026-11-25 0334",  # purge
        "2026-11-25 2358",
        "2026-11-26 0003",
        "2026-11-26 0214",
        "2026-11-26 0411",  # a late check (the machine was busy): both daily jobs, not skipped
        "2026-11-26 0416",
    ]
    ran = run_scheduler(tmp_path, clock)
    assert ran.count("publish_scheduled") == len(clock)
    daily = [command for command in ran if command != "publish_scheduled"]
    assert daily == ["backup_db", "purge_personal_data", "backup_db", "purge_personal_data"]
    # The day's backup comes right after the check that passed 02:15.
    assert ran[:4] == ["publish_scheduled", "publish_scheduled", "backup_db", "publish_scheduled"]


def test_a_failed_purge_is_tried_again_at_the_next_check(tmp_path):
    clock = ["2026-11-25 0330", "2026-11-25 0335", "2026-11-25 0340"]
    ran = run_scheduler(tmp_path, clock, failing="purge_personal_data")
    assert ran.count("purge_personal_data") == 3


def test_compose_runs_the_mail_worker_confined():
    services = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())["services"]
    worker = services["worker"]
    assert worker["command"] == ["python", "manage.py", "db_worker", "--backend", "email", "--no-reload"]
    assert worker["build"] == services["web"]["build"]
    assert worker["environment"]["DATABASE_URL"].endswith("@db:5432/parlons")
    assert worker["read_only"] is True and worker["cap_drop"] == ["ALL"]
    assert "no-new-privileges:true" in worker["security_opt"]
    assert "ports" not in worker
    assert worker["healthcheck"] == {"disable": True}  # the image's check probes gunicorn
