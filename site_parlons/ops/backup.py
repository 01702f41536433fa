"""Database backup and restore: SQLite's online backup API, or pg_dump/pg_restore.

Used by ``manage.py backup_db`` / ``restore_db`` (``make backup`` / ``make restore``).
SQLite is copied page by page while the site keeps serving (no lock held for long);
PostgreSQL is dumped in the custom format, which pg_restore can load into an empty
database or over an existing one (``--clean``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess  # nosec B404 - fixed argv, no shell
from pathlib import Path

from django.db import connections


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
        raise BackupError(f"{name} not found: install the PostgreSQL client (apt install postgresql-client).")
    return path


def backup(output: Path, alias: str = "default") -> Path:
    """Write a consistent copy of the database to ``output``; returns the path."""
    output.parent.mkdir(parents=True, exist_ok=True)
    vendor = _vendor(alias)
    if vendor == "sqlite":
        connection = connections[alias]
        connection.ensure_connection()
        with sqlite3.connect(output) as target:
            connection.connection.backup(target)
        target.close()
        return output
    if vendor == "postgresql":
        args, env = _pg_env(alias)
        subprocess.run(  # noqa: S603  # nosec B603 - argv list, no shell
            [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--file", str(output), *args],
            check=True,
            env=env,
            timeout=3600,
        )
        return output
    raise BackupError(f"no backup method for the {vendor} database backend")


def restore(source: Path, alias: str = "default", into: Path | None = None) -> None:
    """Replace the database's content with the backup at ``source``.

    With ``into`` (SQLite only), restore into that file instead, e.g. a new empty database
    to inspect a backup without touching the live one.
    """
    if not source.is_file():
        raise BackupError(f"{source}: no such backup file")
    vendor = _vendor(alias)
    if into is not None or vendor == "sqlite":
        with sqlite3.connect(source) as origin:
            if into is not None:
                with sqlite3.connect(into) as target:
                    origin.backup(target)
                target.close()
            else:
                connection = connections[alias]
                connection.ensure_connection()
                origin.backup(connection.connection)
        origin.close()
        return
    if vendor == "postgresql":
        args, env = _pg_env(alias)
        connections[alias].close()
        subprocess.run(  # noqa: S603  # nosec B603 - argv list, no shell
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                *args,
                str(source),
            ],
            check=True,
            env=env,
            timeout=3600,
        )
        return
    raise BackupError(f"no restore method for the {vendor} database backend")
