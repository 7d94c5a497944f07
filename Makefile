# The two commands of the README: `make run` and `make test`. Both set up everything
# they need on a fresh machine (virtualenv, Python and npm packages, translations).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
CONTENT := content/miskraam

.PHONY: run test prerequisites-run prerequisites-test lint messages bench-pdf

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

prerequisites-run:
	@scripts/prerequisites.sh run

prerequisites-test:
	@scripts/prerequisites.sh test

messages: $(BIN)/.installed
	DEBUG=true $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

run: prerequisites-run $(BIN)/.installed node_modules/.installed messages
	DEBUG=true $(MANAGE) migrate --no-input -v 0
	DEBUG=true $(MANAGE) import_content $(CONTENT)
	DEBUG=true $(MANAGE) runserver 127.0.0.1:8000

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: prerequisites-test $(BIN)/.installed node_modules/.installed messages lint
	DEBUG=true $(MANAGE) makemigrations --check --dry-run
	SECRET_KEY=compose-config-check docker-compose -f docker-compose.yml config -q
	DEBUG=true DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest

bench-pdf: $(BIN)/.installed messages
	DEBUG=true $(BIN)/python scripts/bench_pdf.py 20
