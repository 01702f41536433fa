# Parlons Harcèlement — every command a developer needs. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The site's public address (absolute links, sitemap, feeds): the one runserver serves, unless set.
export SITE_URL ?= http://$(HOST):$(PORT)
PYTEST_ARGS ?= -n 2
# The e-mail worker (django-tasks-db): every e-mail the site sends is a task on the "email" backend.
WORKER_ARGS := db_worker --backend email

.DEFAULT_GOAL := help
.PHONY: help install install-dev run migrate demo admin serve worker test check lint format messages clean screenshots docs-screenshots
# Every app's templates folder (djhtml and djlint read them; .venv and node_modules are not apps).
TEMPLATE_DIRS := $(filter-out node_modules/% staticfiles/% var/% media/%,$(wildcard */templates))
STYLELINT := node_modules/.bin/stylelint

help: ## List every target with its description
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create .venv and install the runtime dependencies
install-dev: $(VENV)/.installed-dev ## Install the test and lint dependencies too

migrate: install ## Create or update the database (SQLite in var/ unless DATABASE_URL)
	@mkdir -p var
	$(MANAGE) migrate --noinput

demo: migrate ## Load the demo content (idempotent)
	$(MANAGE) load_demo_content

admin: migrate ## Create the admin user (password from ADMIN_PASSWORD, or generated and printed once)
	$(MANAGE) ensure_admin

run: demo admin ## Install, migrate, load the demo, create the admin, serve on 127.0.0.1:8000 with the e-mail worker
	@echo "Site: http://$(HOST):$(PORT)/   Admin: http://$(HOST):$(PORT)/admin/"
	@$(MAKE) --no-print-directory serve

# runserver and the e-mail worker side by side; when runserver stops (Ctrl+C, error), the worker
# is stopped too (the trap), so no worker outlives `make run`. No autoreload for the worker: a
# reloader's parent would die on SIGTERM and leave its child running.
serve: ## runserver on HOST:PORT and the e-mail worker beside it (no install or migration)
	@$(MANAGE) $(WORKER_ARGS) --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(MANAGE) runserver $(HOST):$(PORT)

worker: migrate ## The e-mail worker alone: sends the queued e-mails (notifications, contact form, password resets)
	$(MANAGE) $(WORKER_ARGS)

check: install-dev ## Django system checks and missing-migration check
	DJANGO_SETTINGS_MODULE=site_parlons.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=site_parlons.settings.test $(MANAGE) makemigrations --check --dry-run

# The npm tools of the CSS lint and the browser suite (stylelint, axe-core, vnu-jar, lighthouse);
# nothing in node_modules is served to visitors, and `make run` needs none of it.
# --ignore-scripts: vnu-jar's install script would fetch a Java runtime; apt's is used.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --ignore-scripts --no-audit --no-fund && touch $@; \
	else \
		echo "npm is missing (apt install nodejs npm): no stylelint in make lint, and the browser tests" >&2; \
		echo "that need axe-core or the Nu HTML checker will fail." >&2; \
		if [ "$$CI" = true ]; then exit 1; fi; \
	fi

lint: install-dev node_modules/.installed ## ruff (Django, security, i18n), stylelint (CSS), djhtml and djlint (templates)
	$(VENV)/bin/ruff check .
	@if [ -x $(STYLELINT) ]; then echo "stylelint '*/static/**/*.css'"; $(STYLELINT) --max-warnings 0 '*/static/**/*.css'; \
	else echo "stylelint SKIPPED: $(STYLELINT) is missing (needs npm)" >&2; fi
	$(VENV)/bin/djhtml --check $(TEMPLATE_DIRS)
	$(VENV)/bin/djlint --lint .

format: install-dev ## Format the Python code (ruff) and reindent the templates (djhtml)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djhtml $(TEMPLATE_DIRS)

test: check lint node_modules/.installed ## Install everything the tests need (pip, npm), run checks, linters and pytest
	$(VENV)/bin/pytest $(PYTEST_ARGS)

messages: install-dev ## Update the .po catalogues and compile them (needs gettext)
	@for dir in . home campagne temoignages ressources search; do \
		(cd $$dir && ../$(MANAGE) makemessages -l en --no-obsolete --ignore=.venv --ignore=tests 2>/dev/null || true); \
	done
	$(MANAGE) compilemessages --ignore=.venv

clean: ## Remove the virtualenv, the local database and collected static files
	rm -rf $(VENV) var staticfiles

.PHONY: install-browser test-browser lighthouse
install-browser: install-dev node_modules/.installed ## npm tools of the browser suite (axe-core, vnu-jar, lighthouse); Chromium comes from apt
	@test -x /usr/bin/chromium || echo "Chromium is missing: apt install chromium chromium-driver (the browser tests will skip)"

test-browser: install-browser ## Only the real-browser suite (Chromium at /usr/bin/chromium)
	$(VENV)/bin/pytest -m browser $(PYTEST_ARGS)

lighthouse: install-browser ## Lighthouse scores (mobile) of the home, a testimony, the form and a video, on a local production-like server
	$(PY) tests/browser/lighthouse_report.py

screenshots: install-dev ## PNGs of every page type, FR and EN, 360 and 1280 px, into SCREENSHOTS_DIR (var/screenshots/); BASE_URL to use a running site
	$(PY) tests/browser/screenshots.py

docs-screenshots: install-dev ## The README's admin screenshots (docs/screenshots/admin-*.png) from a running dev site at BASE_URL (127.0.0.1:8000)
	$(PY) docs/screenshots.py

# --- Production, backups, security, benchmarks -------------------------------------
.PHONY: serve-prod collectstatic backup restore rotate-key security bench image-check
PROD_ENV = DJANGO_SETTINGS_MODULE=site_parlons.settings.production \
	SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret_key)}" \
	FIELD_ENCRYPTION_KEYS="$${FIELD_ENCRYPTION_KEYS:-$$(cat var/field_encryption_key)}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}"

var/secret_key:
	@mkdir -p var && umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

# A Fernet key (32 random bytes, URL-safe base64) for the local production-like site; losing it
# makes var/'s database unreadable, as FIELD_ENCRYPTION_KEYS would in production.
var/field_encryption_key:
	@mkdir -p var && umask 077 && $(PYTHON) -c "import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())" > $@

collectstatic: install var/secret_key var/field_encryption_key ## Collect static files (whitenoise: compressed, hashed names)
	$(PROD_ENV) $(MANAGE) collectstatic --noinput -v 0

serve-prod: install var/secret_key var/field_encryption_key ## Production settings under gunicorn (deploy/gunicorn.conf.py) on HOST:PORT
	@mkdir -p var
	$(PROD_ENV) $(MANAGE) migrate --noinput -v 0
	$(PROD_ENV) $(MANAGE) collectstatic --noinput -v 0
	@echo "gunicorn on http://$(HOST):$(PORT)/ (production settings; DATABASE_URL/REDIS_URL honoured)"
	$(PROD_ENV) GUNICORN_BIND=$(HOST):$(PORT) $(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py site_parlons.wsgi

backup: install ## Back the database up into var/backups/ (encrypted to BACKUP_AGE_RECIPIENTS; BACKUP_FILE to choose the file) and tar media/
	$(MANAGE) backup_db $(if $(BACKUP_FILE),--output $(BACKUP_FILE))
	@if [ -d media ]; then umask 077 && tar -czf var/backups/media-$$(date +%Y%m%d-%H%M%S).tar.gz media && echo "media archived in var/backups/"; fi

restore: install ## Restore the database from BACKUP_FILE=var/backups/… with the age key BACKUP_AGE_IDENTITY=key.txt (asks first)
	@test -n "$(BACKUP_FILE)" || { echo "usage: make restore BACKUP_FILE=var/backups/parlons-….age BACKUP_AGE_IDENTITY=key.txt"; exit 2; }
	$(MANAGE) restore_db $(BACKUP_FILE) $(if $(BACKUP_AGE_IDENTITY),--identity $(BACKUP_AGE_IDENTITY))

# Key rotation: generate a key, put it first in FIELD_ENCRYPTION_KEYS (the old one after it), restart,
# run this, then drop the old key and restart. Run it with the site's environment (settings, database, keys).
rotate-key: install ## Re-encrypt the personal data at rest under the newest key of FIELD_ENCRYPTION_KEYS (the first)
	$(MANAGE) rotate_encryption_key

security: install-dev ## bandit (high severity and confidence) over the project code
	$(VENV)/bin/bandit -q -r home campagne temoignages ressources search site_parlons deploy bench -lll -iii -x ./.venv,./tests

test: security

bench: install-dev ## Benchmarks against gunicorn + production settings (SQLite, PostgreSQL if reachable); not a test
	$(PY) bench/run.py $(BENCH_ARGS)

image-check: ## Build deploy/Dockerfile with podman and smoke-test the image (root, Debian bookworm; no registry needed)
	bash deploy/build-image-offline.sh
