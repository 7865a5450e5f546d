# The two commands: `make run` and `make test`. Everything else is their parts.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000
# Two workers on the two cores; a test file stays on one worker, so its
# module-scoped fixtures (a data directory, a built wheel) are made once.
PYTEST_ARGS ?= -n 2 --dist loadfile
# Tests never touch your real data directory.
TEST_ENV := HEADWAY_DATA_DIR=$$(mktemp -d) HEADWAY_SECRET_KEY=insecure-key-for-tests-only HEADWAY_WARM=0

.PHONY: run test lint imports typecheck pytest pytest-sqlite pytest-postgres browser-deps assets bench clean load

run: $(STAMP) assets
	$(BIN)/headway serve --host $(HOST) --port $(PORT)

test: $(DEV_STAMP) assets browser-deps lint imports typecheck pytest

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(STAMP)

assets: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Browser tests drive Debian's Chromium; Playwright's own download does not
# work offline, so install the system package when we can.
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Browser tests need /usr/bin/chromium: install Debian's 'chromium' package." >&2; exit 1; \
	  fi; \
	fi

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The dependency direction (docs/architecture.md), checked by import-linter.
imports: $(DEV_STAMP)
	$(BIN)/lint-imports --no-cache

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

pytest: pytest-sqlite pytest-postgres

pytest-sqlite: $(DEV_STAMP)
	env -u DATABASE_URL -u HEADWAY_MODE $(TEST_ENV) $(BIN)/pytest $(PYTEST_ARGS)

pytest-postgres: $(DEV_STAMP)
	@if [ -n "$$HEADWAY_TEST_DATABASE_URL" ]; then \
	  echo "== the suite again on PostgreSQL =="; \
	  env -u HEADWAY_MODE $(TEST_ENV) DATABASE_URL="$$HEADWAY_TEST_DATABASE_URL" $(BIN)/pytest $(PYTEST_ARGS); \
	else \
	  echo "HEADWAY_TEST_DATABASE_URL is not set: PostgreSQL run skipped (CI sets it)."; \
	fi

bench: $(STAMP)
	$(BIN)/python bench/run.py

# The load benchmark on PostgreSQL (bench/load/, bench/README.md): seeds
# 10,000 users once, serves them with gunicorn, 50 locust users for 60 s.
load: $(STAMP)
	$(BIN)/pip install --quiet -e '.[load]'
	bench/load/run.sh

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache
