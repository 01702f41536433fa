"""Start-up check: the keys of ``FIELD_ENCRYPTION_KEYS`` must read the stored personal data.

A wrong key must stop the site when it starts, not show a moderator an error (or worse, let it
write new rows under a key the old ones do not share). Like Django's database checks it reads
the database only when given ``databases``: ``migrate`` does, so does
``manage.py check --database default``, and so does ``site_parlons/wsgi.py`` before gunicorn
or runserver serve anything (gunicorn runs no checks of its own).
"""

from __future__ import annotations

from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connections

from site_parlons import encryption

TAG = "encryption"


@register(TAG)
def check_encryption_keys(app_configs=None, databases=None, **kwargs):
    try:
        encryption.check_keys()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="temoignages.E010")]
    return [message for alias in databases or [] for message in _check_canary(alias)]


def _check_canary(alias: str) -> list:
    from temoignages.models import EncryptionCanary

    try:
        if EncryptionCanary._meta.db_table not in connections[alias].introspection.table_names():
            return []  # an empty database, or the migration that encrypts is still to run
        canary = EncryptionCanary.objects.using(alias).order_by("pk").first()
    except encryption.DecryptionError:
        return [
            Error(
                f"The keys of {encryption.KEYS_SETTING} cannot decrypt the data stored in database {alias!r}.",
                hint=(
                    "Use the key(s) the data was encrypted with. After a new key, keep the previous one after it "
                    "(comma-separated, newest first) until `manage.py rotate_encryption_key` has run."
                ),
                id="temoignages.E011",
            )
        ]
    except DatabaseError as exc:
        # The site starts without its database (pages from the cache, the 503 page otherwise);
        # the fields still refuse to read what they cannot decrypt.
        return [
            Warning(
                f"Encryption keys not verified: database {alias!r} unreachable ({type(exc).__name__}).",
                id="temoignages.W010",
            )
        ]
    if canary is not None and not canary.is_readable():
        return [Error("The encryption canary does not hold its known text.", id="temoignages.E012")]
    return []
