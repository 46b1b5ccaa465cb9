# Bình dân học vụ số — one obvious way to run things. `make help` lists the targets.
SHELL := /bin/bash
PY := .venv/bin/python
PIP := .venv/bin/pip
PORT ?= 8000
DEB_PACKAGES := libharfbuzz-subset0 fonts-noto-core gettext ffmpeg espeak-ng
DEB_TEST_PACKAGES := chromium zbar-tools poppler-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.DEFAULT_GOAL := help
.PHONY: help setup deb-packages locale-compiled demo run worker beat test lint format messages clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

# Installs a Debian package only when it is missing, so re-running setup is quick.
define deb_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

setup: deb-packages .stamp-venv node_modules/.stamp locale-compiled ## Install Debian, Python and npm dependencies; compile translations

deb-packages:
	$(call deb_install,$(DEB_PACKAGES))

.stamp-venv: pyproject.toml
	@test -x $(PY) || python3 -m venv .venv
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	@touch $@

node_modules/.stamp: package.json
	npm install --ignore-scripts --no-audit --no-fund
	@touch $@

MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))
locale-compiled: $(MO_FILES)
%.mo: %.po
	msgfmt --check-format -o $@ $<

demo: setup ## README command one: set up, load demo data, serve on http://127.0.0.1:$(PORT)
	$(PY) manage.py certificate_keygen --dev-env
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_admin_units
	$(PY) manage.py load_demo_data
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

run: ## Serve on http://127.0.0.1:$(PORT) (dev settings)
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

worker: ## A Celery worker (needs CELERY_BROKER_URL)
	.venv/bin/celery -A cms worker -l info

beat: ## Celery beat, for periodic tasks (needs CELERY_BROKER_URL)
	.venv/bin/celery -A cms beat -l info

test: setup ## README command two: the whole test suite (DATABASE_URL/CELERY_BROKER_URL pick PostgreSQL/Redis)
	$(call deb_install,$(DEB_TEST_PACKAGES))
	.venv/bin/pytest $(PYTEST_ARGS) -m "not own_process"
	@# Tests that start real Celery workers on the test database, in a process of their own.
	.venv/bin/pytest $(PYTEST_ARGS) -m own_process || [ $$? -eq 5 ]

lint: ## ruff, migrations and the deploy check
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	SECRET_KEY=lint-$$(head -c 48 /dev/urandom | base64 | tr -d '/+=') ALLOWED_HOSTS=example.org \
	  CERTIFICATE_SIGNING_KEY=lint:$$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=') \
	  DJANGO_SETTINGS_MODULE=cms.settings.production $(PY) manage.py check --deploy --fail-level WARNING

format: ## Format the code with ruff
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

messages: ## Update the translation catalogues from the code
	$(PY) manage.py makemessages -l vi -l en -l hmn --no-obsolete --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'var/*' --ignore 'tests/*'
	@# English is the source language: its catalogue repeats each msgid, so Django does not
	@# fall back to the Vietnamese (LANGUAGE_CODE) catalogue for English pages.
	msgattrib --clear-fuzzy --empty -o locale/en/LC_MESSAGES/django.po locale/en/LC_MESSAGES/django.po
	msgen -o locale/en/LC_MESSAGES/django.po locale/en/LC_MESSAGES/django.po

clean: ## Remove the virtualenv, npm packages and local data
	rm -rf .venv node_modules var .stamp-venv
