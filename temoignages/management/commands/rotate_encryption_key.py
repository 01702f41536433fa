from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Revision, RevisionMixin

from site_parlons.encryption import (
    CANARY_TEXT,
    DecryptionError,
    decrypt_keys,
    encrypt_keys,
    encrypted_fields,
    reencrypt_rows,
)
from temoignages.models import EncryptionCanary


def reencrypt_revisions(model) -> int:
    """Write the encrypted values of ``model``'s revisions again, under the newest key (values
    a revision still holds in clear are encrypted too); the number of revisions."""
    names = encrypted_fields(model)
    revisions = Revision.objects.filter(content_type=ContentType.objects.get_for_model(model)).select_for_update()
    pks = list(revisions.values_list("pk", flat=True))
    for start in range(0, len(pks), 500):
        for revision in revisions.filter(pk__in=pks[start : start + 500]):
            revision.content = encrypt_keys(decrypt_keys(revision.content), names)
            revision.save(update_fields=["content"])
    return len(pks)


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted value (testimonies' e-mails, original texts, pseudonyms, the pages' "
        "stories and their revisions) under the newest key of FIELD_ENCRYPTION_KEYS, the first. Put the new "
        "key first, keep the old one after it, run this, then drop the old key. Idempotent; all or nothing."
    )

    def handle(self, *args, **options):
        done = {}
        try:
            with transaction.atomic():
                for model in apps.get_models():
                    if not encrypted_fields(model):
                        continue
                    done[model._meta.label] = reencrypt_rows(model)
                    if issubclass(model, RevisionMixin):
                        done[f"{model._meta.label} revisions"] = reencrypt_revisions(model)
                if not EncryptionCanary.objects.exists():
                    EncryptionCanary.objects.create(value=CANARY_TEXT)
        except DecryptionError as exc:
            raise CommandError(f"{exc} Nothing was changed.") from None
        rows = ", ".join(f"{count} {label}" for label, count in done.items())
        self.stdout.write(f"rotate_encryption_key: re-encrypted under the newest key: {rows}.")
