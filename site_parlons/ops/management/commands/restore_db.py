from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from site_parlons.ops.backup import BackupError, restore


class Command(BaseCommand):
    help = "Replace the database's content with a backup made by backup_db. Asks first unless --yes."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup file (.sqlite3 or .dump).")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")
        parser.add_argument("--into", help="SQLite backups: restore into this file instead of the live database.")

    def handle(self, *args, backup, yes=False, into=None, **options):
        if not yes and not into:
            answer = input(f"Replace the current database with {backup}? Type 'oui' to continue: ")
            if answer.strip().lower() not in {"oui", "yes"}:
                raise CommandError("Restore cancelled.")
        try:
            restore(Path(backup), into=Path(into) if into else None)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {backup}.")
