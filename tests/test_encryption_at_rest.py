"""Issue 15: the private record's personal data is encrypted at rest (site_parlons/encryption.py).

The database, its file, its dumps hold Fernet tokens; the ORM reads the text back; a new key
can be put first while the old one still reads; a wrong key stops the site at start-up.
These tests run on SQLite and on PostgreSQL (DATABASE_URL).
"""

import io
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.checks import run_checks
from django.core.exceptions import FieldError
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import Locale, Revision, TaskState
from wagtail_localize.models import TranslationSource

from site_parlons.encryption import CANARY_TEXT, ENCRYPTED_KEY_SUFFIX, DecryptionError, decrypt_keys
from temoignages import models as tm
from temoignages.moderation import GROUP_NAME
from tests.factories import temoignages as factories
from tests.factories.temoignages import tables_containing, valid_data

ROOT = Path(__file__).resolve().parent.parent
ENCRYPTED = ["title", "story", "pseudonym", "contact_email"]
EMAIL = "marqueur-chiffre@example.org"


def markers() -> dict[str, str]:
    token = "zqchiffre" + uuid.uuid4().hex[:10]
    return {
        "title": f"Titre {token}",
        "story": f"Au collège on me suivait jusqu'au bus, {token}, et personne n'osait rien dire.",
        "pseudonym": f"Pseudo{token[-6:]}",
        "contact_email": EMAIL,
        "token": token,
    }


def raw_columns(pk: int) -> dict[str, str]:
    """The four columns as stored, read in SQL: no model field in the way."""
    table = connection.ops.quote_name(tm.TestimonySubmission._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(name) for name in ENCRYPTED)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table} WHERE id = %s", [pk])  # noqa: S608 - model's own names
        return dict(zip(ENCRYPTED, cursor.fetchone(), strict=True))


PAGE_ENCRYPTED = ["headline", "pseudonym", "story"]


def page_values(sent: dict) -> dict[str, str]:
    return {"headline": sent["title"], "pseudonym": sent["pseudonym"], "story": sent["story"]}


def raw_page_columns(pk: int) -> dict[str, str]:
    table = connection.ops.quote_name(tm.TestimonyPage._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(name) for name in PAGE_ENCRYPTED)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table} WHERE page_ptr_id = %s", [pk])  # noqa: S608 - model's own names
        return dict(zip(PAGE_ENCRYPTED, cursor.fetchone(), strict=True))


def revision_tokens(pk: int) -> dict[str, str]:
    """The encrypted values of a revision's JSON as stored, by field name; none in clear."""
    content = Revision.objects.get(pk=pk).content
    assert not set(PAGE_ENCRYPTED) & set(content)
    return {name: content[name + ENCRYPTED_KEY_SUFFIX] for name in PAGE_ENCRYPTED}


def database_bytes(tmp_path: Path) -> bytes:
    """Everything the database holds on disk, as an attacker with a copy of it would read it."""
    if connection.vendor == "postgresql":
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            pytest.skip("pg_dump is not installed")
        db = connection.settings_dict
        command = [pg_dump, "--no-owner", "-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432)]
        command += ["-U", db["USER"] or "postgres", db["NAME"]]
        env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
        return subprocess.run(command, capture_output=True, check=True, timeout=120, env=env).stdout  # noqa: S603
    name = connection.settings_dict["NAME"]
    if connection.is_in_memory_db():
        # The test database is in memory (test settings, unless SQLITE_TEST_PATH): copy it to a file.
        copy = tmp_path / "copy.sqlite3"
        copy.unlink(missing_ok=True)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(copy)])
        return copy.read_bytes()
    # A file database in WAL mode: recent commits may still be in the -wal file only.
    return b"".join(Path(path).read_bytes() for path in (name, f"{name}-wal") if Path(path).exists())


@pytest.mark.django_db
def test_a_submitted_testimony_is_stored_as_tokens_and_read_back_as_text(section):
    _, form_page = section
    sent = markers()
    data = {name: sent[name] for name in ENCRYPTED}
    assert Client().post(form_page.url, valid_data(form_page, **data)).status_code == 200

    submission = tm.TestimonySubmission.objects.get()
    stored = raw_columns(submission.pk)
    fernet = Fernet(settings.FIELD_ENCRYPTION_KEYS[0])
    for name in ENCRYPTED:
        assert "@" not in stored[name] and sent["token"] not in stored[name]
        # A real token of the configured key, whose plain text is what was sent.
        assert fernet.decrypt(stored[name].encode()).decode() == sent[name]
        assert getattr(submission, name) == sent[name]


@pytest.mark.django_db(transaction=True)
def test_the_database_file_or_dump_holds_no_personal_data_in_clear(tmp_path):
    sent = markers()
    # No draft page: the page moderators edit holds its own (redacted) copy of the story.
    # consent_text_version is stored in clear: the same read must find it, or it proves nothing.
    control = "clair-" + sent["token"][-10:]  # max_length 20
    submission = factories.TestimonySubmissionFactory(
        locale=None, consent_text_version=control, **{name: sent[name] for name in ENCRYPTED}
    )

    dumped = database_bytes(tmp_path)
    assert control.encode() in dumped
    assert sent["token"].encode() not in dumped
    assert EMAIL.encode() not in dumped and b"marqueur-chiffre" not in dumped
    assert tm.TestimonySubmission.objects.get(pk=submission.pk).contact_email == EMAIL


@pytest.mark.django_db
def test_lookups_on_ciphertext_are_refused_not_silently_empty():
    factories.TestimonySubmissionFactory(contact_email=EMAIL)
    with pytest.raises(FieldError):
        list(tm.TestimonySubmission.objects.filter(contact_email=EMAIL))
    with pytest.raises(FieldError):
        list(tm.TestimonySubmission.objects.filter(story__icontains="collège"))
    assert tm.TestimonySubmission.objects.filter(contact_email__isnull=False).count() == 1


@pytest.mark.django_db
def test_empty_values_stay_empty_not_encrypted():
    submission = factories.TestimonySubmissionFactory(contact_email="", title="")
    assert raw_columns(submission.pk)["contact_email"] == ""
    assert tm.TestimonySubmission.objects.get(pk=submission.pk).contact_email == ""


@pytest.mark.django_db
def test_key_rotation_old_key_still_reads_then_the_command_moves_every_row_to_the_new_key(section):
    index, _ = section
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    sent = markers()
    tm.EncryptionCanary.objects.all().delete()
    with override_settings(FIELD_ENCRYPTION_KEYS=[old]):
        submission = factories.TestimonySubmissionFactory(**{name: sent[name] for name in ENCRYPTED})
        tm.EncryptionCanary.objects.create(value=CANARY_TEXT)
        page = factories.TestimonyPageFactory(parent=index, live=False, **page_values(sent))
        revision = page.save_revision()

    with override_settings(FIELD_ENCRYPTION_KEYS=[new]), pytest.raises(DecryptionError):
        tm.TestimonySubmission.objects.get(pk=submission.pk)

    with override_settings(FIELD_ENCRYPTION_KEYS=[new, old]):
        assert tm.TestimonySubmission.objects.get(pk=submission.pk).story == sent["story"]
        call_command("rotate_encryption_key", stdout=io.StringIO())

    stored = raw_columns(submission.pk)
    for name in ENCRYPTED:
        assert Fernet(new).decrypt(stored[name].encode()).decode() == sent[name]
        with pytest.raises(InvalidToken):
            Fernet(old).decrypt(stored[name].encode())
    with override_settings(FIELD_ENCRYPTION_KEYS=[new]):
        reread = tm.TestimonySubmission.objects.get(pk=submission.pk)
        assert [getattr(reread, name) for name in ENCRYPTED] == [sent[name] for name in ENCRYPTED]
        assert run_checks(tags=["encryption"], databases=["default"]) == []
        assert tm.TestimonyPage.objects.get(pk=page.pk).get_latest_revision_as_object().story == sent["story"]
    for name, token in {**raw_page_columns(page.pk), **revision_tokens(revision.pk)}.items():
        assert Fernet(new).decrypt(token.encode()).decode() == page_values(sent)[name]
        with pytest.raises(InvalidToken):
            Fernet(old).decrypt(token.encode())


@pytest.mark.django_db
def test_rotation_with_a_missing_key_changes_nothing_and_says_why():
    factories.TestimonySubmissionFactory()
    before = list(tm.TestimonySubmission.objects.values_list("pk", flat=True))
    raw_before = [raw_columns(pk) for pk in before]
    with override_settings(FIELD_ENCRYPTION_KEYS=[Fernet.generate_key().decode()]):
        with pytest.raises(CommandError, match="cannot be decrypted with any key of FIELD_ENCRYPTION_KEYS"):
            call_command("rotate_encryption_key", stdout=io.StringIO())
    assert [raw_columns(pk) for pk in before] == raw_before


@pytest.mark.django_db
def test_start_up_check_reports_keys_that_cannot_read_the_canary():
    if not tm.EncryptionCanary.objects.exists():  # emptied by an earlier transactional test
        tm.EncryptionCanary.objects.create(value=CANARY_TEXT)
    right = settings.FIELD_ENCRYPTION_KEYS[0]
    wrong = Fernet.generate_key().decode()

    assert run_checks(tags=["encryption"], databases=["default"]) == []
    with override_settings(FIELD_ENCRYPTION_KEYS=[wrong]):
        errors = run_checks(tags=["encryption"], databases=["default"])
        assert [error.id for error in errors] == ["temoignages.E011"]
        assert "cannot decrypt the data stored" in errors[0].msg
        # Without databases (collectstatic, makemigrations) nothing is read: no error.
        assert run_checks(tags=["encryption"]) == []
    with override_settings(FIELD_ENCRYPTION_KEYS=[wrong, right]):
        assert run_checks(tags=["encryption"], databases=["default"]) == []
    with override_settings(FIELD_ENCRYPTION_KEYS=["not-a-fernet-key"]):
        assert [error.id for error in run_checks(tags=["encryption"])] == ["temoignages.E010"]


@pytest.mark.django_db(transaction=True)
def test_migration_encrypts_plain_rows_and_reverses():
    sent = markers()
    submission = factories.TestimonySubmissionFactory(locale=None, **{name: sent[name] for name in ENCRYPTED})
    executor = MigrationExecutor(connection)
    encrypting = next(
        key
        for key in executor.loader.disk_migrations
        if key[0] == "temoignages" and key[1].endswith("encrypt_personal_data")
    )
    before = [parent for parent in executor.loader.graph.node_map[encrypting].parents if parent.key[0] == "temoignages"]
    try:
        executor.migrate([before[0].key])
        assert raw_columns(submission.pk) == {name: sent[name] for name in ENCRYPTED}  # decrypted going back

        executor = MigrationExecutor(connection)
        executor.migrate([encrypting])
        stored = raw_columns(submission.pk)
        assert all(sent["token"] not in value and "@" not in value for value in stored.values())
        # Only the encrypted column: the current model has columns later migrations add.
        assert tm.TestimonySubmission.objects.only("contact_email").get(pk=submission.pk).contact_email == EMAIL
        assert tm.EncryptionCanary.objects.get().value == CANARY_TEXT
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - this interpreter and this project's manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_a_wrong_key_stops_check_migrate_and_gunicorn_at_start_up():
    """Real processes, production settings, a SQLite file with a testimony in it."""
    right, wrong = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    with tempfile.TemporaryDirectory(prefix="parlons-crypt-") as tmp:
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "SQLITE_", "REDIS_URL"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="site_parlons.settings.production",
            SECRET_KEY="crypt-test-" + "k" * 40,
            ALLOWED_HOSTS="127.0.0.1",
            SITE_URL="http://127.0.0.1",
            SQLITE_PATH=f"{tmp}/db.sqlite3",
            VAR_DIR=tmp,
            FIELD_ENCRYPTION_KEYS=right,
            GUNICORN_BIND="127.0.0.1:0",
            GUNICORN_WORKERS="1",
        )
        migrated = manage(env, "migrate", "--noinput", "-v", "0")
        assert migrated.returncode == 0, migrated.stderr
        created = manage(
            env,
            "shell",
            "-c",
            "from django.utils import timezone; from temoignages.models import TestimonySubmission as T; "
            f"T.objects.create(role='victime', story='Un récit', contact_email='{EMAIL}', consent_text_version='1', "
            "consented_at=timezone.now(), receipt_hash='x' * 64)",
        )
        assert created.returncode == 0, created.stderr
        assert EMAIL.encode() not in Path(f"{tmp}/db.sqlite3").read_bytes()
        assert manage(env, "check", "--database", "default").returncode == 0

        env["FIELD_ENCRYPTION_KEYS"] = wrong
        for command in (["check", "--database", "default"], ["migrate", "--noinput"]):
            refused = manage(env, *command)
            assert refused.returncode != 0
            assert "temoignages.E011" in refused.stderr and "cannot decrypt the data stored" in refused.stderr
        gunicorn = subprocess.run(  # noqa: S603 - the venv's gunicorn, the project's config
            [str(Path(sys.executable).with_name("gunicorn")), "-c", "deploy/gunicorn.conf.py", "site_parlons.wsgi"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert gunicorn.returncode != 0
        assert "cannot decrypt the data stored" in gunicorn.stderr

        env["FIELD_ENCRYPTION_KEYS"] = f"{wrong},{right}"
        assert manage(env, "check", "--database", "default").returncode == 0


# --- The draft page moderators redact (temoignages.TestimonyPage) ---------------------------------


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderatrice", "moderatrice@example.org", "motdepasse-solide-123")
    user.groups.add(Group.objects.get(name=GROUP_NAME))
    return user


def admin_form_data(html: str, **overrides) -> dict:
    """What a browser would post from the admin's page edit form, with ``overrides``."""
    form = BeautifulSoup(html, "html.parser").select_one("form[method=post][action*='/edit/']")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") in ("submit", "button", "file"):
            continue
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    data.update(overrides)
    return data


@pytest.mark.django_db(transaction=True)
def test_a_pending_testimony_leaves_no_text_in_the_database_until_published(section, moderator, tmp_path):
    index, form_page = section
    marks = {name: "zq" + name[:4] + uuid.uuid4().hex[:10] for name in ("title", "story", "pseudonym", "email")}
    sent = {
        "title": f"Titre {marks['title']}",
        "story": f"Au collège {marks['story']} me suivait jusqu'au bus et personne n'osait rien dire.",
        "pseudonym": f"P{marks['pseudonym']}"[:60],
        "contact_email": f"{marks['email']}@courriel-{marks['email']}.fr",
    }
    # Stored in clear on purpose: the scan must find it, or it proves nothing.
    control = "clair-" + uuid.uuid4().hex[:12]
    form_page.consent_text_version = control
    form_page.save_revision().publish()
    assert Client().post(form_page.url, valid_data(form_page, **sent)).status_code == 200
    page = tm.TestimonySubmission.objects.get().page
    assert page is not None and not page.live

    dumped = database_bytes(tmp_path)
    assert control.encode() in dumped
    leaks = [name for name, mark in marks.items() if mark.encode() in dumped]
    assert leaks == []
    assert f"@courriel-{marks['email']}".encode() not in dumped

    # The moderator reads the story in the editor, decrypted, and redacts it.
    admin = Client()
    admin.force_login(moderator)
    edit_url = f"/admin/pages/{page.pk}/edit/"
    editor = admin.get(edit_url)
    assert editor.status_code == 200
    html = editor.content.decode()
    assert marks["story"] in html and marks["title"] in html and marks["pseudonym"] in html
    redacted = "Au collège quelqu'un me suivait jusqu'au bus, un trajet zqtrottinettes, et personne n'osait rien dire."
    saved = admin.post(edit_url, admin_form_data(html, story=redacted, headline="Le trajet du bus"))
    assert saved.status_code == 302, saved.content.decode()[:2000]
    assert tm.TestimonyPage.objects.get(pk=page.pk).get_latest_revision_as_object().story == redacted
    assert marks["story"].encode() not in database_bytes(tmp_path)

    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)
    approved = admin.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert approved.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and page.story == redacted

    public = Client().get(page.url).content.decode()
    assert "zqtrottinettes" in public and marks["story"] not in public
    # Publishing reindexed the page: the public search finds it by a word of its story.
    assert search_result_links("zqtrottinettes") == [page.url]
    assert search_result_links(marks["story"]) == []


def search_result_links(query: str) -> list[str]:
    found = Client().get("/fr/recherche/", {"q": query})
    assert found.status_code == 200
    return [a["href"] for a in BeautifulSoup(found.content, "html.parser").select("a.search-result__title")]


@pytest.mark.django_db
def test_revisions_hold_tokens_and_old_clear_revisions_are_still_read_and_compared(section, moderator):
    index, _ = section
    before, after = markers(), markers()
    page = factories.TestimonyPageFactory(parent=index, live=False, **page_values(before))
    old = page.save_revision()
    # A revision saved before encryption: the text under the field's own name.
    Revision.objects.filter(pk=old.pk).update(content=decrypt_keys(old.content))
    page.story = after["story"]
    new = page.save_revision()

    assert before["token"] not in str(Revision.objects.get(pk=new.pk).content)
    assert Fernet(settings.FIELD_ENCRYPTION_KEYS[0]).decrypt(revision_tokens(new.pk)["story"].encode()).decode() == after["story"]
    assert Revision.objects.get(pk=old.pk).as_object().story == before["story"]
    assert Revision.objects.get(pk=new.pk).as_object().headline == before["title"]

    admin = Client()
    admin.force_login(moderator)
    compare = admin.get(reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, old.pk, new.pk]))
    assert compare.status_code == 200
    assert before["token"] in compare.content.decode() and after["token"] in compare.content.decode()
    shown = admin.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, old.pk]))
    assert shown.status_code == 200 and before["token"] in shown.content.decode()

    # Preview from the editor: the form shows the decrypted story, the preview renders it.
    editor = admin.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert after["token"] in editor
    # Text columns now, still one-line inputs limited as before.
    soup = BeautifulSoup(editor, "html.parser")
    assert [soup.select_one(f"input[name={name}]")["maxlength"] for name in ("headline", "pseudonym")] == ["120", "60"]
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert admin.post(preview_url, admin_form_data(editor)).json()["is_valid"]
    assert after["token"] in admin.get(preview_url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_page_migration_encrypts_rows_and_revisions_and_reverses(section):
    index, _ = section
    sent = markers()
    page = factories.TestimonyPageFactory(parent=index, live=False, **page_values(sent))
    revision = page.save_revision()
    executor = MigrationExecutor(connection)
    encrypting = ("temoignages", "0009_encrypt_testimony_pages")
    try:
        executor.migrate([("temoignages", "0008_encrypt_personal_data")])
        assert raw_page_columns(page.pk) == page_values(sent)
        assert {name: Revision.objects.get(pk=revision.pk).content[name] for name in PAGE_ENCRYPTED} == page_values(sent)

        executor = MigrationExecutor(connection)
        executor.migrate([encrypting])
        assert all(sent["token"] not in value for value in raw_page_columns(page.pk).values())
        assert all(sent["token"] not in value for value in revision_tokens(revision.pk).values())
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    # Read through the models once every migration is back (later ones add columns to the page).
    assert tm.TestimonyPage.objects.get(pk=page.pk).story == sent["story"]
    assert Revision.objects.get(pk=revision.pk).as_object().pseudonym == sent["pseudonym"]


@pytest.mark.django_db
def test_a_refused_translation_leaves_no_story_in_wagtail_localize_tables(section, admin_user):
    """wagtail-localize extracts a page's strings only when a translation is submitted (nothing on
    save or publish); for a testimony the translated page is refused, and the extraction with it."""
    index, form_page = section
    sent = markers()
    assert Client().post(form_page.url, valid_data(form_page, story=sent["story"])).status_code == 200
    page = tm.TestimonySubmission.objects.get().page
    english = Locale.objects.get(language_code="en")
    admin = Client(raise_request_exception=False)
    admin.force_login(admin_user)
    for source, extra in ((page, {}), (index, {"include_subtree": "on"})):
        response = admin.post(f"/admin/localize/submit/page/{source.pk}/", {"locales": [english.pk], **extra})
        # Wagtail's admin answers a PermissionDenied with a redirect to its home page.
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not tm.TestimonyPage.objects.filter(locale=english).exists()
    assert not TranslationSource.objects.filter(object_id=page.translation_key).exists()
    assert tables_containing(sent["token"]) == []


def test_max_length_holds_in_full_clean_though_the_column_is_text():
    """The column takes any token length; the clear text still obeys the field's max_length."""
    from django.core.exceptions import ValidationError

    field = tm.TestimonySubmission._meta.get_field("contact_email")
    field.run_validators("a" * 60 + "@example.org")
    with pytest.raises(ValidationError):
        field.run_validators("a" * 250 + "@example.org")
