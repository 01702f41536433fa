from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from site_parlons.ops.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back the database up (SQLite online backup, or pg_dump custom format) into var/backups/."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Backup file (default: var/backups/parlons-<date>.<sqlite3|dump>).")

    def handle(self, *args, output=None, **options):
        if output:
            path = Path(output)
        else:
            suffix = "sqlite3" if connection.vendor == "sqlite" else "dump"
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            path = Path(settings.VAR_DIR) / "backups" / f"parlons-{stamp}.{suffix}"
        try:
            backup(path)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(path))
