"""Database backup and restore: SQLite's online backup API, or pg_dump/pg_restore, encrypted
with age.

Used by ``manage.py backup_db`` / ``restore_db`` (``make backup`` / ``make restore``).
SQLite is copied page by page while the site keeps serving (no lock held for long);
PostgreSQL is dumped in the custom format, which pg_restore can load into an empty
database or over an existing one (``--clean``).

With recipients (public age keys), the copy is encrypted on its way to the disk: the SQLite
copy is made in memory and piped into ``age``, pg_dump's output is piped into ``age``, so the
plaintext never touches the disk. Restoring pipes ``age -d`` into SQLite or pg_restore the
same way. The file is written 0600 under a temporary name and renamed once complete, so a
failed backup never leaves a file that looks like one.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess  # nosec B404 - fixed argv, no shell
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from django.db import connections

#: What every age-encrypted file starts with (age's binary format, not armored).
AGE_HEADER = b"age-encryption.org/v1\n"
#: The names backup_db gives its backups, dated in UTC, and those of a backup interrupted while
#: being written (``.<name>.partial``): the only files rotate() deletes.
BACKUP_NAME = re.compile(r"^\.?parlons-(\d{8}-\d{6})\.(?:sqlite3|dump)(?:\.age)?(?:\.partial)?$")
STAMP_FORMAT = "%Y%m%d-%H%M%S"
TIMEOUT = 3600


class BackupError(RuntimeError):
    pass


def _vendor(alias: str) -> str:
    return connections[alias].vendor


def _pg_env(alias: str) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore; the password goes in the environment."""
    settings = connections[alias].settings_dict
    args = ["--dbname", settings["NAME"]]
    if settings.get("HOST"):
        args += ["--host", str(settings["HOST"])]
    if settings.get("PORT"):
        args += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        args += ["--username", settings["USER"]]
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    return args, env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        package = "age" if name == "age" else "postgresql-client"
        raise BackupError(f"{name} not found: install it (apt install {package}).")
    return path


def _check(*steps: tuple[str, subprocess.Popen | subprocess.CompletedProcess]) -> None:
    """Raise naming every step of a pipeline that failed (when one fails, the other often
    fails too, from the broken pipe: the operator reads both errors above)."""
    failed = [f"{what} (exit status {process.returncode})" for what, process in steps if process.returncode]
    if failed:
        raise BackupError(f"{' and '.join(failed)} failed; the error is printed above.")


def backup_name(vendor: str, now: datetime, encrypted: bool) -> str:
    """``parlons-<UTC date and time>.<sqlite3|dump>[.age]``: the name rotate() reads the date from."""
    suffix = "sqlite3" if vendor == "sqlite" else "dump"
    stamp = now.astimezone(UTC).strftime(STAMP_FORMAT)
    return f"parlons-{stamp}.{suffix}" + (".age" if encrypted else "")


def _rollback_journal_header(image: bytes) -> bytes:
    # Bytes 18-19 of an SQLite file say "WAL mode" (2) or not (1); an in-memory database
    # cannot open an image that says WAL, and a backup file needs no WAL anyway.
    return image[:18] + b"\x01\x01" + image[20:] if image[18:20] == b"\x02\x02" else image


def _sqlite_image(alias: str) -> bytes:
    """A consistent copy of the SQLite database, made in memory (never on the disk)."""
    connection = connections[alias]
    if connection.in_atomic_block:
        # SQLite's backup would wait forever for the transaction's own lock.
        raise BackupError("cannot back an SQLite database up from inside a transaction")
    connection.ensure_connection()
    copy = sqlite3.connect(":memory:")
    try:
        connection.connection.backup(copy)
        return _rollback_journal_header(copy.serialize())
    finally:
        copy.close()


def _encrypt(recipients: Sequence[str]) -> list[str]:
    return [_tool("age"), *(arg for recipient in recipients for arg in ("-r", recipient))]


def _write(vendor: str, alias: str, sink: BinaryIO, recipients: Sequence[str]) -> None:
    if vendor == "sqlite":
        image = _sqlite_image(alias)
        if not recipients:
            sink.write(image)
            return
        age = subprocess.run(_encrypt(recipients), input=image, stdout=sink, timeout=TIMEOUT, check=False)  # noqa: S603  # nosec B603
        _check(("age (encryption)", age))
        return
    if vendor == "postgresql":
        args, env = _pg_env(alias)
        dump_argv = [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", *args]
        if not recipients:
            dump = subprocess.run(dump_argv, stdout=sink, env=env, timeout=TIMEOUT, check=False)  # noqa: S603  # nosec B603
            _check(("pg_dump", dump))
            return
        encrypt = _encrypt(recipients)  # before starting pg_dump: a missing age fails first
        with subprocess.Popen(dump_argv, stdout=subprocess.PIPE, env=env) as dump:  # noqa: S603  # nosec B603
            age = subprocess.run(encrypt, stdin=dump.stdout, stdout=sink, timeout=TIMEOUT, check=False)  # noqa: S603  # nosec B603
            dump.stdout.close()  # age has exited: pg_dump gets a broken pipe, not a hang
            dump.wait(timeout=TIMEOUT)
        _check(("pg_dump", dump), ("age (encryption)", age))
        return
    raise BackupError(f"no backup method for the {vendor} database backend")


def backup(output: Path, recipients: Sequence[str] = (), alias: str = "default") -> Path:
    """Write a consistent copy of the database to ``output`` (mode 0600), encrypted to the
    age ``recipients`` when given; returns the path. Nothing is left at ``output`` on failure."""
    output.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    vendor = _vendor(alias)
    partial = output.with_name(f".{output.name}.partial")
    partial.unlink(missing_ok=True)
    # O_EXCL: a fresh file with our mode, never one an attacker linked there.
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as sink:
            _write(vendor, alias, sink, recipients)
        os.replace(partial, output)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return output


def rotate(directory: Path, retention_days: int, now: datetime, keep: Path) -> list[Path]:
    """Delete the backups in ``directory`` made more than ``retention_days`` before ``now``,
    dated by the UTC date and time in their names (a copy keeps its name, not its mtime).

    Only names backup_db gives (``BACKUP_NAME``) are touched, and never ``keep``, the backup
    just made. Returns the deleted paths.
    """
    limit = now - timedelta(days=retention_days)
    deleted = []
    for path in sorted(directory.iterdir()):
        match = BACKUP_NAME.match(path.name)
        if not match or not path.is_file() or path.samefile(keep):
            continue
        if datetime.strptime(match[1], STAMP_FORMAT).replace(tzinfo=UTC) < limit:
            path.unlink()
            deleted.append(path)
    return deleted


def is_encrypted(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(len(AGE_HEADER)) == AGE_HEADER


def _decrypt(source: Path, identity: Path) -> list[str]:
    return [_tool("age"), "--decrypt", "--identity", str(identity), str(source)]


def restore(source: Path, alias: str = "default", into: Path | None = None, identity: Path | None = None) -> None:
    """Replace the database's content with the backup at ``source``, decrypted with the age
    private key in ``identity`` when the backup is encrypted.

    With ``into`` (SQLite only), restore into that file instead, e.g. a new empty database
    to inspect a backup without touching the live one.
    """
    if not source.is_file():
        raise BackupError(f"{source}: no such backup file")
    encrypted = is_encrypted(source)
    if encrypted and identity is None:
        raise BackupError(f"{source} is encrypted: give the age private key with --identity (or BACKUP_AGE_IDENTITY).")
    if encrypted and not identity.is_file():
        raise BackupError(f"{identity}: no such identity file")
    vendor = _vendor(alias)
    if into is not None or vendor == "sqlite":
        if encrypted:
            age = subprocess.run(_decrypt(source, identity), stdout=subprocess.PIPE, timeout=TIMEOUT, check=False)  # noqa: S603  # nosec B603
            _check(("age (decryption)", age))
            image = age.stdout
        else:
            image = source.read_bytes()
        origin = sqlite3.connect(":memory:")
        try:
            origin.deserialize(_rollback_journal_header(image))
            if into is not None:
                with sqlite3.connect(into) as target:
                    origin.backup(target)
                target.close()
            else:
                connection = connections[alias]
                connection.ensure_connection()
                origin.backup(connection.connection)
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{source} is not an SQLite backup ({error})") from error
        finally:
            origin.close()
        return
    if vendor == "postgresql":
        args, env = _pg_env(alias)
        connections[alias].close()
        restore_argv = [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            *args,
        ]
        if not encrypted:
            pg = subprocess.run([*restore_argv, str(source)], env=env, timeout=TIMEOUT, check=False)  # noqa: S603  # nosec B603
            _check(("pg_restore", pg))
            return
        # pg_restore reads the archive from its standard input when given no file.
        with subprocess.Popen(_decrypt(source, identity), stdout=subprocess.PIPE) as age:  # noqa: S603  # nosec B603
            pg = subprocess.run(restore_argv, stdin=age.stdout, env=env, timeout=TIMEOUT, check=False)  # noqa: S603  # nosec B603
            age.stdout.close()
            age.wait(timeout=TIMEOUT)
        _check(("age (decryption)", age), ("pg_restore", pg))
        return
    raise BackupError(f"no restore method for the {vendor} database backend")
