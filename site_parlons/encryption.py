"""Personal data encrypted at rest: Fernet tokens (AES-128-CBC + HMAC-SHA256, from pyca's
``cryptography``) under the keys of ``FIELD_ENCRYPTION_KEYS``.

The keys are a list, newest first: the first encrypts, every one of them decrypts
(``MultiFernet``), so a new key can be put in front while rows written under the old one are
still read; ``manage.py rotate_encryption_key`` then re-encrypts every row with the newest.

A value that no key decrypts raises ``DecryptionError``: never shown (or re-saved) as if the
token were the text. An empty value stays empty, unencrypted: it only tells that nothing was
given or that the purge erased it.
"""

from __future__ import annotations

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core import validators
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction

KEYS_SETTING = "FIELD_ENCRYPTION_KEYS"
UNREADABLE = (
    f"A stored value cannot be decrypted with any key of {KEYS_SETTING}: the key that encrypted it is "
    "missing (put it back, after the newest) or the value was never encrypted."
)
#: The known text of the canary row the start-up check decrypts (temoignages.EncryptionCanary).
CANARY_TEXT = "parlons-harcelement: encryption canary"
GENERATE_HINT = 'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'


class DecryptionError(Exception):
    """A stored value that none of the configured keys decrypts."""


@lru_cache(maxsize=8)
def _multi_fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured(f"{KEYS_SETTING} is empty: no key to encrypt the personal data with.")
    fernets = []
    for position, key in enumerate(keys, start=1):
        try:
            fernets.append(Fernet(key))
        except ValueError:
            # The key itself is never printed: it would land in logs.
            raise ImproperlyConfigured(
                f"{KEYS_SETTING}: key no. {position} is not a Fernet key (32 bytes in URL-safe base64, "
                f"44 characters). Generate one with: {GENERATE_HINT}"
            ) from None
    return MultiFernet(fernets)


def configured_keys() -> tuple[str, ...]:
    return tuple(getattr(settings, KEYS_SETTING, None) or ())


def check_keys() -> None:
    """Raise ``ImproperlyConfigured`` unless every configured key is a Fernet key."""
    _multi_fernet(configured_keys())


def encrypt(text: str) -> str:
    return _multi_fernet(configured_keys()).encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _multi_fernet(configured_keys()).decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeEncodeError):
        raise DecryptionError(UNREADABLE) from None


class EncryptedTextField(models.TextField):
    """A text column holding a Fernet token; the model attribute is the clear text.

    The column is ``text`` whatever ``max_length`` says (a token is about 4/3 of the UTF-8
    text plus 100 characters); ``max_length`` still limits the clear text in forms and
    ``full_clean``. Only ``isnull`` can be looked up: every encryption of the same text differs,
    so ``filter(field=...)``, ordering and search on the token would silently find nothing.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A TextField's max_length reaches its form field only; full_clean() needs the validator.
        if self.max_length is not None:
            self.validators.append(validators.MaxLengthValidator(self.max_length))

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(value)

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_lookup(self, lookup_name):
        return super().get_lookup(lookup_name) if lookup_name == "isnull" else None

    def get_transform(self, lookup_name):
        return None


def rewrite_columns(connection, table: str, columns: list[str], change, pk: str = "id") -> None:
    """Pass every non-empty value of ``columns`` through ``change``, in raw SQL: for migrations,
    where a model's field would decrypt what it reads while the values are still plain (or,
    going back, must be written plain)."""
    quote = connection.ops.quote_name
    selected = ", ".join(quote(name) for name in columns)
    assignments = ", ".join(f"{quote(name)} = %s" for name in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {quote(pk)}, {selected} FROM {quote(table)}")  # noqa: S608 - model's own names
        for key, *values in cursor.fetchall():
            values = [change(value) if value else value for value in values]
            cursor.execute(f"UPDATE {quote(table)} SET {assignments} WHERE {quote(pk)} = %s", [*values, key])  # noqa: S608


#: Serialised data (a revision's JSON) holds the token of field ``name`` under ``name`` + this
#: suffix, never under ``name``: Django refuses ``__`` in a field name (fields.E002), so the key
#: can be no field's own, and data saved before (the text under ``name``) is never mistaken for
#: a token, nor a text that happens to look like one for ciphertext.
ENCRYPTED_KEY_SUFFIX = "__encrypted"


def encrypt_keys(data: dict, names) -> dict:
    """A copy of ``data`` with the non-empty values of ``names`` encrypted, under suffixed keys."""
    data = dict(data)
    for name in names:
        if data.get(name):
            data[name + ENCRYPTED_KEY_SUFFIX] = encrypt(data.pop(name))
    return data


def decrypt_keys(data: dict) -> dict:
    """A copy of ``data`` with every suffixed token decrypted back under its field's name; the
    values stored in clear (data written before encryption) are kept as they are."""
    data = dict(data)
    for key in [key for key in data if key.endswith(ENCRYPTED_KEY_SUFFIX)]:
        data[key.removesuffix(ENCRYPTED_KEY_SUFFIX)] = decrypt(data.pop(key))
    return data


class EncryptedRevisionsMixin:
    """For a ``ClusterableModel`` with revisions (a Wagtail page): its ``EncryptedTextField``
    values are encrypted in the serialised data its revisions store, too."""

    def serializable_data(self):
        return encrypt_keys(super().serializable_data(), encrypted_fields(type(self)))

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        return super().from_serializable_data(decrypt_keys(data), check_fks=check_fks, strict_fks=strict_fks)


def encrypted_fields(model) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields if isinstance(field, EncryptedTextField)]


def reencrypt_rows(model) -> int:
    """Write every row's encrypted values again, under the newest key; the number of rows.

    Rows are locked while they are rewritten, so a concurrent change is not overwritten with
    the value read before it. Raises ``DecryptionError`` (and writes nothing) if a value is
    under none of the keys.
    """
    names = encrypted_fields(model)
    rows = model._base_manager.select_for_update().only("pk", *names)
    with transaction.atomic():
        pks = list(rows.values_list("pk", flat=True))
        # In batches, read whole: a value that fails to decrypt must not end a server-side cursor halfway.
        for start in range(0, len(pks), 500):
            for row in rows.filter(pk__in=pks[start : start + 500]):
                model._base_manager.filter(pk=row.pk).update(**{name: getattr(row, name) for name in names})
    return len(pks)
