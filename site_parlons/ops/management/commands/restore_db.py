import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from site_parlons.ops.backup import BackupError, restore
from site_parlons.ops.pagecache import invalidate_all


class Command(BaseCommand):
    help = (
        "Replace the database's content with a backup made by backup_db (decrypted with the age "
        "private key given by --identity), then invalidate the page cache. Asks first unless --yes."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup file (.sqlite3.age or .dump.age; also a plaintext one).")
        parser.add_argument(
            "--identity",
            default=os.environ.get("BACKUP_AGE_IDENTITY") or None,
            help="The age private key file (made by age-keygen) for an encrypted backup (default: $BACKUP_AGE_IDENTITY).",
        )
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")
        parser.add_argument("--into", help="SQLite backups: restore into this file instead of the live database.")

    def handle(self, *args, backup, identity=None, yes=False, into=None, **options):
        if not yes and not into:
            answer = input(f"Replace the current database with {backup}? Type 'oui' to continue: ")
            if answer.strip().lower() not in {"oui", "yes"}:
                raise CommandError("Restore cancelled.")
        try:
            restore(Path(backup), into=Path(into) if into else None, identity=Path(identity) if identity else None)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        if not into:
            # Pages and fragments cached before the restore show content it removed (a withdrawn
            # testimony) or lack content it brought back; no content signal fired to say so.
            invalidate_all()
            Site.clear_site_root_paths_cache()
        self.stdout.write(f"Restored {backup}.")
