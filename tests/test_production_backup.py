"""Backups: a backup restored into an empty database holds every testimony."""

import os
import shutil
import sqlite3
import subprocess

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import Locale, Page, Site

from tests.factories.home import HomePageFactory
from tests.factories.temoignages import TestimonyIndexPageFactory, TestimonyPageFactory


def make_testimonies(home):
    index = TestimonyIndexPageFactory(parent=home)
    published = [TestimonyPageFactory(parent=index) for _ in range(5)]
    draft = TestimonyPageFactory(parent=index, live=False)
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


def test_sqlite_backup_restored_into_an_empty_database_has_every_testimony(tmp_path, committed_home):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite online backup; PostgreSQL is covered by the pg_dump test")
    expected = make_testimonies(committed_home)
    backup_file = tmp_path / "parlons.sqlite3"
    call_command("backup_db", output=str(backup_file))

    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    call_command("restore_db", str(backup_file), into=str(empty))
    with sqlite3.connect(empty) as restored:
        rows = {(r[0], r[1], r[2], bool(r[3])) for r in restored.execute(ROWS_SQL)}
    assert rows == expected


def test_restore_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("restore_db", str(tmp_path / "absent.sqlite3"), yes=True)


@pytest.mark.postgres
def test_postgres_dump_restores_every_testimony_into_an_empty_database(tmp_path, committed_home):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    import psycopg

    expected = make_testimonies(committed_home)
    backup_file = tmp_path / "parlons.dump"
    call_command("backup_db", output=str(backup_file))

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
                str(backup_file),
            ],
            check=True,
            env=env,
            timeout=300,
        )
        with psycopg.connect(dbname=empty_db, **conninfo) as restored:
            rows = set(restored.execute(ROWS_SQL).fetchall())
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{empty_db}"')
    assert rows == expected
