"""Local development: debug on, a throwaway secret key, localhost only."""

import base64
import hashlib
import os

from .base import *  # noqa: F403
from .base import FIELD_ENCRYPTION_KEYS, env_bool, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
# A fixed development key, derived from a public string: it protects nothing and exists so that
# `make run` works without configuration. Production refuses to start without its own keys.
FIELD_ENCRYPTION_KEYS = FIELD_ENCRYPTION_KEYS or [
    base64.urlsafe_b64encode(hashlib.sha256(b"parlons-harcelement development only").digest()).decode()
]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# No second factor demanded on a developer's machine (`make run` prints a password-only admin
# login); the admin login page says so. ADMIN_2FA_REQUIRED=true to try production's behaviour.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", False)
# A developer's own database: `make backup` works without an age key (see base.py).
BACKUP_PLAINTEXT_ALLOWED = True
