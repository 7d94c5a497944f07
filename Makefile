# The two commands of the README: `make run` and `make test`. Both set up everything
# they need on a fresh machine (virtualenv, Python and npm packages, translations).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
CONTENT := content/miskraam

.PHONY: run test prerequisites-run prerequisites-test lint messages bench-pdf bench soak faults lock words lighthouse

# Exactly the locked versions, checked by their hashes; the app itself on top, without
# dependencies of its own choosing.
$(BIN)/.installed: pyproject.toml requirements/development.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements/development.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# After a change of the dependencies in pyproject.toml (or to take newer versions):
# `make lock`, then `make test`, and commit requirements/ with the change.
LOCK := $(BIN)/uv pip compile pyproject.toml --python-version 3.11 --python-platform x86_64-manylinux_2_28 --generate-hashes --no-header --quiet
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet uv
	$(LOCK) --upgrade -o requirements/production.txt
	$(LOCK) --upgrade --extra dev -o requirements/development.txt

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Bootstrap trimmed to the rules our pages use (scripts/trim_css.mjs, decision 0007): made
# right after the npm packages are installed, and again whenever a file that writes our
# markup changes (a template, our Python, our scripts), so that a class added there is
# in it. The Dockerfile makes it with the same script.
TRIMMED_CSS := static-build/bootstrap/bootstrap.trimmed.css
MARKUP := $(shell find templates answers options clinicians hospitals keuzehulp static/js -name '*.html' -o -name '*.py' -o -name '*.js')
$(TRIMMED_CSS): node_modules/.installed scripts/trim_css.mjs $(MARKUP)
	node scripts/trim_css.mjs

prerequisites-run:
	@scripts/prerequisites.sh run

prerequisites-test:
	@scripts/prerequisites.sh test

messages: $(BIN)/.installed
	DEBUG=true $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

run: prerequisites-run $(BIN)/.installed $(TRIMMED_CSS) messages
	DEBUG=true $(MANAGE) migrate --no-input -v 0
	DEBUG=true $(MANAGE) import_content $(CONTENT)
	DEBUG=true $(MANAGE) runserver 127.0.0.1:8000

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: prerequisites-test $(BIN)/.installed $(TRIMMED_CSS) messages lint
	DEBUG=true $(MANAGE) makemigrations --check --dry-run
	SECRET_KEY=compose-config-check docker-compose -f docker-compose.yml config -q
	DEBUG=true $(BIN)/pytest

# Her typical walk on a 390 px phone: words on screen and page height per page, and the
# reading time the intro states (tests/test_browser_words_per_walk.py, also in make test).
words: $(BIN)/.installed node_modules/.installed messages
	DEBUG=true $(BIN)/pytest tests/test_browser_words_per_walk.py -k typical_walk -q -s

bench-pdf: $(BIN)/.installed messages
	DEBUG=true $(BIN)/python scripts/bench_pdf.py 20

# The production-like stack (gunicorn, PostgreSQL, Redis) under load from locust
# (scripts/load/locustfile.py, headless, on the same cores): capacity per page, then
# patients in steps of 50…800 at once; prints the tables of docs/benchmarks.md. Needs
# PostgreSQL and Redis on 127.0.0.1 (as on these machines); took 13 minutes here.
bench: $(BIN)/.installed $(TRIMMED_CSS) messages
	$(BIN)/python scripts/bench_stack.py

# Patients for 5 minutes: errors, refusals, lost answers, worker memory first vs last minute.
soak: $(BIN)/.installed $(TRIMMED_CSS) messages
	$(BIN)/python scripts/bench_stack.py --soak

# Faults, not part of `make test`: the proxy check (two web processes behind the project's
# Caddyfile, one killed in the middle of her walk; the proxy's calm pages; slow bodies;
# needs `caddy`, e.g. Debian's: apt-get install caddy; about 2 minutes), then the fault
# tests (they also run in `make test` on PostgreSQL; they restart the local PostgreSQL).
faults: $(BIN)/.installed $(TRIMMED_CSS) messages
	$(BIN)/python scripts/proxy_faults.py
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/keuzehulp DEBUG=true $(BIN)/pytest tests/test_faults.py

# Lighthouse 12 (mobile, simulated throttling, Debian's Chromium) on every page of the app
# as in production (gunicorn, DEBUG off, whitenoise; a temporary SQLite database with the
# shipped content; Redis database 3, emptied first): the four scores per page and every
# audit that kept a page below 100 (scripts/lighthouse.py; the reports land in
# test-artefacts/lighthouse/). Needs Redis on 127.0.0.1:6379; takes about 15 minutes.
# More runs per page, each score their median: make lighthouse LIGHTHOUSE_ARGS="--runs 3".
lighthouse: $(BIN)/.installed $(TRIMMED_CSS) messages
	$(BIN)/python scripts/lighthouse.py $(LIGHTHOUSE_ARGS)
