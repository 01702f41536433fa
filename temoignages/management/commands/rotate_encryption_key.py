from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from site_parlons.encryption import CANARY_TEXT, DecryptionError, encrypted_fields, reencrypt_rows
from temoignages.models import EncryptionCanary


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted value (testimonies' e-mails, original texts, pseudonyms) under the newest "
        "key of FIELD_ENCRYPTION_KEYS, the first. Put the new key first, keep the old one after it, run this, "
        "then drop the old key. Idempotent; all or nothing."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                done = {
                    model._meta.label: reencrypt_rows(model) for model in apps.get_models() if encrypted_fields(model)
                }
                if not EncryptionCanary.objects.exists():
                    EncryptionCanary.objects.create(value=CANARY_TEXT)
        except DecryptionError as exc:
            raise CommandError(f"{exc} Nothing was changed.") from None
        rows = ", ".join(f"{count} {label}" for label, count in done.items())
        self.stdout.write(f"rotate_encryption_key: re-encrypted under the newest key: {rows}.")
