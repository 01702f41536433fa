"""deploy/systemd: the units as shipped pass ``systemd-analyze verify`` and its offline security
review (Debian's systemd package, installed by .ci/run).

The units name /srv/parlons; here that path points at a temporary directory holding stand-in
executables, so verify can check every command as well as every directive.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

UNITS = Path(__file__).resolve().parent.parent / "deploy" / "systemd"

SYSTEMD_ANALYZE = shutil.which("systemd-analyze")

pytestmark = pytest.mark.skipif(
    SYSTEMD_ANALYZE is None,
    reason="needs systemd-analyze (Debian package systemd, installed by .ci/run)",
)


@pytest.fixture
def units(tmp_path):
    app = tmp_path / "app"
    (app / ".venv" / "bin").mkdir(parents=True)
    for name in ("gunicorn", "python"):
        executable = app / ".venv" / "bin" / name
        executable.write_text("#!/bin/sh\n")
        executable.chmod(0o755)
    out = tmp_path / "units"
    out.mkdir()
    for unit in UNITS.iterdir():
        (out / unit.name).write_text(unit.read_text().replace("/srv/parlons", str(app)))
    return out


def analyze(units, *args):
    return subprocess.run(  # noqa: S603 - our own arguments
        [SYSTEMD_ANALYZE, *args], cwd=units, capture_output=True, text=True, timeout=60, check=False
    )


def test_every_unit_and_timer_passes_systemd_analyze_verify(units):
    names = sorted(p.name for p in units.iterdir())
    assert {"parlons.service", "parlons-manage@.service", "parlons-purge.timer", "parlons-publish.timer"} <= set(names)
    result = analyze(units, "verify", "--man=no", *names)
    # verify exits 0 on unknown keys and only warns: any output is a finding.
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "" and result.stderr.strip() == "", result.stdout + result.stderr


def test_a_mistake_in_a_unit_is_reported(units):
    broken = units / "parlons.service"
    broken.write_text(broken.read_text().replace("ProtectSystem=strict", "ProtectSystm=strict"))
    result = analyze(units, "verify", "--man=no", "parlons.service")
    assert "ProtectSystm" in result.stderr


def test_the_application_service_is_sandboxed(units):
    result = analyze(units, "security", "--offline=true", "parlons.service")
    match = re.search(r"Overall exposure level for parlons\.service: ([\d.]+)", result.stdout)
    assert match, result.stdout + result.stderr
    # systemd rates 0–10: below 5 is « OK » or better (an unhardened service scores 9.6).
    assert float(match.group(1)) < 5, result.stdout


def test_the_mail_worker_unit_runs_the_email_queue_sandboxed(units):
    unit = (units / "parlons-worker.service").read_text()
    assert "manage.py db_worker --backend email --no-reload" in unit
    result = analyze(units, "verify", "--man=no", "parlons-worker.service")
    assert result.returncode == 0 and result.stdout.strip() == "" and result.stderr.strip() == "", result.stderr
    security = analyze(units, "security", "--offline=true", "parlons-worker.service")
    match = re.search(r"Overall exposure level for parlons-worker\.service: ([\d.]+)", security.stdout)
    assert match, security.stdout + security.stderr
    assert float(match.group(1)) < 5, security.stdout


def test_the_nightly_purge_runs_every_retention_limit(units):
    """The timer, the container's scheduler and the cron example all run purge_personal_data."""
    from django.core.management import get_commands

    deploy = UNITS.parent
    assert "Unit=parlons-manage@purge_personal_data.service" in (units / "parlons-purge.timer").read_text()
    assert "manage.py purge_personal_data" in (deploy / "scheduler.sh").read_text()
    assert "manage.py purge_personal_data" in (deploy / "cron.example").read_text()
    assert get_commands()["purge_personal_data"] == "site_parlons.ops"


def test_the_backup_job_is_sandboxed_and_writes_private_files(units):
    # parlons-backup.timer starts parlons-manage@backup_db.service: whatever the job creates is
    # readable by the parlons user only, whatever umask the system gives services.
    security = analyze(units, "security", "--offline=true", "parlons-manage@backup_db.service")
    match = re.search(r"Overall exposure level for parlons-manage@backup_db\.service: ([\d.]+)", security.stdout)
    assert match, security.stdout + security.stderr
    assert float(match.group(1)) < 5, security.stdout
    umask = next(line for line in security.stdout.splitlines() if "UMask=" in line)
    assert umask.lstrip().startswith("✓"), umask
