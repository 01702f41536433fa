import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from site_parlons.ops.backup import BackupError, backup, backup_name, rotate

NO_RECIPIENT = (
    "BACKUP_AGE_RECIPIENTS is not set: backup_db refuses to write a backup anyone on this server "
    "could read. On another machine, run `age-keygen -o key.txt` and keep key.txt there (off the "
    "server); put the public key it prints (age1…) in BACKUP_AGE_RECIPIENTS. restore_db needs key.txt."
)


class Command(BaseCommand):
    help = (
        "Back the database up (SQLite online backup, or pg_dump custom format) into var/backups/, "
        "encrypted with age to BACKUP_AGE_RECIPIENTS, then delete the backups there older than "
        "BACKUP_RETENTION_DAYS."
    )
    # The clock, for tests: call_command("backup_db", now=...).
    stealth_options = ("now",)

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="Backup file (default: var/backups/parlons-<UTC date>.<sqlite3|dump>.age)."
        )

    def handle(self, *args, output=None, now=None, **options):
        recipients = settings.BACKUP_AGE_RECIPIENTS
        if not recipients and not settings.BACKUP_PLAINTEXT_ALLOWED:
            raise CommandError(NO_RECIPIENT)
        now = now or timezone.now()
        directory = Path(settings.VAR_DIR) / "backups"
        path = Path(output) if output else directory / backup_name(connection.vendor, now, bool(recipients))
        # Whatever the caller's umask (systemd's default is 0022): directories 0700, files 0600.
        umask = os.umask(0o077)
        try:
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            directory.chmod(0o700)  # one made by an older version, or by hand
            backup(path, recipients)
            # Only after a backup that succeeded, and only in var/backups/ (never in a directory
            # --output names, which may be an operator's archive).
            deleted = rotate(directory, settings.BACKUP_RETENTION_DAYS, now, keep=path)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        finally:
            os.umask(umask)
        self.stdout.write(str(path))
        for old in deleted:
            self.stdout.write(f"deleted {old} (older than {settings.BACKUP_RETENTION_DAYS} days)")
