"""Local development: debug on, a throwaway secret key, localhost only."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# No second factor demanded on a developer's machine (`make run` prints a password-only admin
# login); the admin login page says so. ADMIN_2FA_REQUIRED=true to try production's behaviour.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", False)
