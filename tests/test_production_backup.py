"""Backups: encrypted with age (a real key pair made by age-keygen), private (0600 in a 0700
directory), rotated by the date in their names, and restored through the private key with
the page cache invalidated. A backup restored into an empty database holds every testimony."""

import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings
from wagtail.models import Locale, Page, Site

from site_parlons.encryption import decrypt
from site_parlons.ops.backup import AGE_HEADER, backup_name
from site_parlons.ops.pagecache import HEADER
from tests.factories.home import HomePageFactory
from tests.factories.temoignages import (
    TestimonyIndexPageFactory,
    TestimonyPageFactory,
    TestimonySubmissionFactory,
)

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not (shutil.which("age") and shutil.which("age-keygen")),
    reason="needs age and age-keygen (Debian package age, installed by .ci/run)",
)


#: Backups read committed rows: SQLite's backup would wait forever for a test's open transaction.
committed = pytest.mark.django_db(transaction=True)


def make_key(directory: Path) -> tuple[str, Path]:
    """A new age key pair: (public recipient, private key file)."""
    directory.mkdir(parents=True, exist_ok=True)
    key = directory / "key.txt"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True, timeout=30)  # noqa: S603, S607
    public = subprocess.run(  # noqa: S603
        ["age-keygen", "-y", str(key)],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
        timeout=30,
    ).stdout.strip()
    return public, key


@pytest.fixture
def age_key(tmp_path):
    return make_key(tmp_path / "keys")


@pytest.fixture
def backups(tmp_path, age_key, settings):
    """var/ in a temporary directory (rotation never reaches the checkout's var/backups/),
    backups encrypted to the test key. Returns var/backups/."""
    settings.VAR_DIR = tmp_path / "var"
    settings.BACKUP_AGE_RECIPIENTS = [age_key[0]]
    return tmp_path / "var" / "backups"


@pytest.fixture
def clock():
    """A stand-in for the clock: a fixed instant with seconds, in UTC."""
    return datetime(2031, 3, 9, 2, 15, 42, tzinfo=UTC)


def only_backup(directory: Path) -> Path:
    (path,) = directory.iterdir()
    return path


def make_testimonies(home, marker="", email=""):
    index = TestimonyIndexPageFactory(parent=home)
    published = [TestimonyPageFactory(parent=index) for _ in range(5)]
    if marker:
        published.append(TestimonyPageFactory(parent=index, title=marker, headline=marker))
    draft = TestimonyPageFactory(parent=index, live=False)
    if email:
        TestimonySubmissionFactory(contact_email=email)
    return {(page.pk, page.title, page.story, page.live) for page in [*published, draft]}


@pytest.fixture
def committed_home(transactional_db):
    """A home page in a committed tree (another transactional test may have flushed the
    rows the migrations created)."""
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=fr))
    home = HomePageFactory(parent=root, slug="accueil-backup", locale=fr)
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    return home


ROWS_SQL = (
    "SELECT p.id, p.title, t.story, p.live FROM temoignages_testimonypage t "
    "JOIN wagtailcore_page p ON p.id = t.page_ptr_id"
)


def restored_rows(cursor_rows) -> set:
    """The raw rows of ROWS_SQL, the story column decrypted as the model would (it is encrypted at rest)."""
    return {(pk, title, decrypt(story) if story else story, bool(live)) for pk, title, story, live in cursor_rows}


# --- Encryption and restore ------------------------------------------------------------


def test_sqlite_encrypted_backup_restored_into_an_empty_database_has_every_testimony(
    tmp_path, committed_home, backups, age_key
):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite online backup; PostgreSQL is covered by the pg_dump test")
    marker = f"Récit-témoin-{secrets.token_hex(6)}"
    email = f"temoin.{secrets.token_hex(4)}@exemple-distinct.fr"
    expected = make_testimonies(committed_home, marker, email)
    call_command("backup_db")
    backup_file = only_backup(backups)

    content = backup_file.read_bytes()
    assert content.startswith(AGE_HEADER)
    assert marker.encode() not in content
    assert email.encode() not in content
    assert b"@exemple-distinct.fr" not in content

    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    call_command("restore_db", str(backup_file), into=str(empty), identity=str(age_key[1]))
    with sqlite3.connect(empty) as restored:
        rows = restored_rows(restored.execute(ROWS_SQL))
        emails = [r[0] for r in restored.execute("SELECT contact_email FROM temoignages_testimonysubmission")]
    assert rows == expected
    assert marker in {row[1] for row in rows}
    assert len(emails) == 1  # stored as the model stores it (clear or encrypted field)


def test_a_plaintext_backup_would_show_the_testimony_in_clear(tmp_path, committed_home, backups, settings):
    """The control for the test above: unencrypted (allowed by the dev settings only), the
    same bytes search finds the testimony, so its absence above means something."""
    if connection.vendor != "sqlite":
        pytest.skip("pg_dump's custom format compresses its data: nothing to find in clear either way")
    settings.BACKUP_AGE_RECIPIENTS = []
    settings.BACKUP_PLAINTEXT_ALLOWED = True
    marker = f"Récit-témoin-{secrets.token_hex(6)}"
    make_testimonies(committed_home, marker)
    call_command("backup_db")
    plaintext = only_backup(backups)
    assert not plaintext.name.endswith(".age")
    assert marker.encode() in plaintext.read_bytes()
    assert oct(plaintext.stat().st_mode & 0o777) == oct(0o600)


def test_restore_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("restore_db", str(tmp_path / "absent.sqlite3"), yes=True)


@committed
def test_an_encrypted_backup_needs_the_right_private_key(tmp_path, backups):
    call_command("backup_db")
    backup_file = only_backup(backups)
    with pytest.raises(CommandError, match="--identity"):
        call_command("restore_db", str(backup_file), into=str(tmp_path / "x.sqlite3"))
    _, other_key = make_key(tmp_path / "other")
    with pytest.raises(CommandError, match="age \\(decryption\\)"):
        call_command("restore_db", str(backup_file), into=str(tmp_path / "x.sqlite3"), identity=str(other_key))


@pytest.mark.postgres
def test_postgres_encrypted_dump_restores_every_testimony_into_an_empty_database(
    tmp_path, committed_home, backups, age_key
):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    import psycopg

    marker = f"Récit-témoin-{secrets.token_hex(6)}"
    email = f"temoin.{secrets.token_hex(4)}@exemple-distinct.fr"
    expected = make_testimonies(committed_home, marker, email)
    call_command("backup_db")
    backup_file = only_backup(backups)
    assert backup_file.name.endswith(".dump.age")
    content = backup_file.read_bytes()
    assert content.startswith(AGE_HEADER)
    assert marker.encode() not in content and email.encode() not in content

    settings = connection.settings_dict
    empty_db = f"{settings['NAME']}_restore"
    conninfo = dict(
        host=settings.get("HOST") or "127.0.0.1",
        port=settings.get("PORT") or 5432,
        user=settings.get("USER") or "postgres",
        password=settings.get("PASSWORD") or None,
    )
    with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{empty_db}"')
        admin.execute(f'CREATE DATABASE "{empty_db}"')
    try:
        # The operator's way on another machine: decrypt with the private key, then pg_restore.
        plain = tmp_path / "plain.dump"
        subprocess.run(  # noqa: S603
            ["age", "-d", "-i", str(age_key[1]), "-o", str(plain), str(backup_file)],  # noqa: S607
            check=True,
            timeout=300,
        )
        env = dict(os.environ, PGPASSWORD=conninfo["password"] or "")
        subprocess.run(  # noqa: S603 - fixed argv
            [
                shutil.which("pg_restore"),
                "--no-owner",
                "--host",
                str(conninfo["host"]),
                "--port",
                str(conninfo["port"]),
                "--username",
                conninfo["user"],
                "--dbname",
                empty_db,
                str(plain),
            ],
            check=True,
            env=env,
            timeout=300,
        )
        with psycopg.connect(dbname=empty_db, **conninfo) as restored:
            rows = restored_rows(restored.execute(ROWS_SQL).fetchall())
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{empty_db}"')
    assert rows == expected


# --- Restore over the live database: the page cache -------------------------------------


def test_restore_invalidates_pages_cached_before_it(client, committed_home, backups, age_key):
    """restore_db replaces the live database (SQLite backup API or pg_restore --clean): no
    content signal fires, so without invalidation the cached listing would keep showing a
    testimony the backup does not hold."""
    index = TestimonyIndexPageFactory(parent=committed_home)
    TestimonyPageFactory(parent=index)
    call_command("backup_db")
    backup_file = only_backup(backups)

    caches["pages"].clear()
    try:
        with override_settings(PAGE_CACHE_SECONDS=300):
            marker = f"Récit publié après la sauvegarde {secrets.token_hex(4)}"
            TestimonyPageFactory(parent=index, title=marker, headline=marker)
            assert marker in client.get(index.url).content.decode()
            assert client.get(index.url)[HEADER] == "HIT"

            call_command("restore_db", str(backup_file), identity=str(age_key[1]), yes=True)

            response = client.get(index.url)
            assert response.status_code == 200
            assert response[HEADER] == "MISS"
            assert marker not in response.content.decode()
    finally:
        caches["pages"].clear()


# --- Files private whatever the umask -----------------------------------------------------


@committed
def test_backup_file_is_0600_in_a_0700_directory_under_a_permissive_umask(tmp_path, backups):
    previous = os.umask(0o022)
    try:
        backups.mkdir(parents=True, mode=0o755)  # left by an older version
        backups.chmod(0o755)
        call_command("backup_db")
        ad_hoc = tmp_path / "ad-hoc" / "nested" / "manual.age"
        call_command("backup_db", output=str(ad_hoc))
        assert os.umask(0o022) == 0o022  # the command gave the caller's umask back
    finally:
        os.umask(previous)
    made = only_backup(backups)  # and no partial file left behind
    assert oct(made.stat().st_mode & 0o777) == oct(0o600)
    assert oct(backups.stat().st_mode & 0o777) == oct(0o700)
    assert oct(ad_hoc.stat().st_mode & 0o777) == oct(0o600)
    assert oct(ad_hoc.parent.stat().st_mode & 0o777) == oct(0o700)
    assert oct((tmp_path / "ad-hoc").stat().st_mode & 0o777) == oct(0o700)


# --- Rotation ---------------------------------------------------------------------------


def dated(directory: Path, when: datetime, suffix: str) -> Path:
    path = directory / f"parlons-{when.strftime('%Y%m%d-%H%M%S')}.{suffix}"
    path.write_bytes(b"old backup")
    return path


@pytest.fixture
def old_files(backups, clock):
    """Backups and other files around the retention limit, as a past backup_db left them."""
    backups.mkdir(parents=True)
    limit = clock - timedelta(days=django_settings.BACKUP_RETENTION_DAYS)
    expired = [
        dated(backups, limit - timedelta(minutes=1), "sqlite3.age"),
        dated(backups, limit - timedelta(days=40), "dump.age"),
        # Plaintext backups of an older version hold erased testimonies too.
        dated(backups, limit - timedelta(days=3), "sqlite3"),
    ]
    # Left by a backup killed while writing it.
    partial = dated(backups, limit - timedelta(days=2), "dump.age.partial")
    expired.append(partial.rename(backups / f".{partial.name}"))
    kept = [
        dated(backups, limit + timedelta(minutes=1), "sqlite3.age"),
        dated(backups, clock - timedelta(days=1), "dump.age"),
    ]
    # Recent by its name, old by its mtime (a copy or a restore from an archive): kept.
    os.utime(kept[0], (0, 0))
    # Not named as backup_db names its backups: never touched, however old.
    for name in ("media-20200101-000000.tar.gz", "parlons-20200101-000000.dump.age.bak", "notes.txt"):
        (backups / name).write_text("x")
        kept.append(backups / name)
    return expired, kept


@committed
def test_rotation_deletes_the_backups_older_than_the_retention_by_their_names(backups, clock, old_files):
    expired, kept = old_files
    call_command("backup_db", now=clock)
    new = backups / backup_name(connection.vendor, clock, encrypted=True)
    assert new.is_file() and new.read_bytes().startswith(AGE_HEADER)
    assert set(backups.iterdir()) == {new, *kept}
    assert not any(path.exists() for path in expired)


@committed
def test_rotation_never_deletes_the_backup_just_made(backups, clock, old_files):
    expired, _ = old_files
    # An operator's ad-hoc backup named like an expired one.
    target = expired[0]
    target.unlink()
    call_command("backup_db", output=str(target), now=clock)
    assert target.read_bytes().startswith(AGE_HEADER)
    assert not any(path.exists() for path in expired[1:])


@committed
def test_a_failed_backup_deletes_nothing(backups, clock, old_files, settings):
    expired, kept = old_files
    before = set(backups.iterdir())
    settings.BACKUP_AGE_RECIPIENTS = ["age1notarealkey"]  # age refuses it
    with pytest.raises(CommandError, match="age \\(encryption\\)"):
        call_command("backup_db", now=clock)
    assert set(backups.iterdir()) == before  # no new file, no partial one, nothing deleted


# --- Production settings: no recipient, no backup ----------------------------------------


def production_env(var_dir: Path, **extra) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_", "DATABASE_URL", "REDIS_URL", "BACKUP_", "FIELD_")
        )
    }
    env.update(
        DJANGO_SETTINGS_MODULE="site_parlons.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="parlonsharcelement.fr",
        SITE_URL="https://parlonsharcelement.fr",
        FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        VAR_DIR=str(var_dir),
        **extra,
    )
    return env


def run_backup_db(env: dict[str, str]) -> subprocess.CompletedProcess:
    # systemd's and most shells' default umask: the command itself makes its files private.
    return subprocess.run(  # noqa: S603 - our own interpreter and command
        [sys.executable, "manage.py", "backup_db"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        umask=0o022,
    )


def test_production_refuses_to_back_up_without_a_recipient(tmp_path):
    var = tmp_path / "var"
    result = run_backup_db(production_env(var))
    assert result.returncode != 0
    assert "BACKUP_AGE_RECIPIENTS" in result.stderr and "age-keygen -o key.txt" in result.stderr
    assert not (var / "backups").exists() or not any((var / "backups").iterdir())


def test_production_backs_up_encrypted_and_private_with_a_recipient(tmp_path, age_key):
    var = tmp_path / "var"
    var.mkdir()
    result = run_backup_db(production_env(var, BACKUP_AGE_RECIPIENTS=age_key[0]))
    assert result.returncode == 0, result.stderr
    made = Path(result.stdout.splitlines()[0])
    assert made.parent == var / "backups" and made.name.endswith(".sqlite3.age")
    assert made.read_bytes().startswith(AGE_HEADER)
    assert oct(made.stat().st_mode & 0o777) == oct(0o600)
    assert oct(made.parent.stat().st_mode & 0o777) == oct(0o700)
