"""WSGI entry point (gunicorn site_parlons.wsgi; runserver loads it too)."""

import os

from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application
from django.db import connections

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_parlons.settings.production")

application = get_wsgi_application()

# gunicorn runs no system checks: encryption keys that cannot read the stored personal data
# stop it here, before it serves (or writes) anything (temoignages/checks.py).
_errors = [error for error in run_checks(tags=["encryption"], databases=["default"]) if error.is_serious()]
# The check's connection is the master's when gunicorn preloads the app: not kept open beside the workers'.
connections.close_all()
if _errors:
    raise ImproperlyConfigured("\n".join(f"{error.id}: {error.msg} {error.hint or ''}".strip() for error in _errors))
