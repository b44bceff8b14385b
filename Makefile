# The README's commands. Each target sets up what it needs: the virtual
# environment, the embedded PostgreSQL (started on first use by the settings),
# and for the tests a Chromium and axe-core for the browser checks.

VENV := .venv
PYTHON := $(VENV)/bin/python
DEV := DEBUG=true

.PHONY: run test test-fast check format stop-db demo-code browser-tools benchmark

run: $(VENV)/.installed
	$(DEV) $(PYTHON) manage.py migrate --noinput
	$(DEV) $(PYTHON) manage.py load_demo
	$(DEV) $(PYTHON) manage.py runserver 127.0.0.1:8000

test: $(VENV)/.installed browser-tools
	$(DEV) $(VENV)/bin/pytest

# Everything but the browser tests, for a quick loop while working.
test-fast: $(VENV)/.installed
	$(DEV) $(VENV)/bin/pytest --ignore=tests/browser

check: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DEV) $(PYTHON) manage.py makemigrations --check --dry-run

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The current two-factor code of the demo staff account.
demo-code: $(VENV)/.installed
	@$(DEV) $(PYTHON) manage.py demo_code

# Stop the embedded PostgreSQL (it keeps running between commands otherwise).
stop-db: $(VENV)/.installed
	$(PYTHON) -c "from spot.embedded_db import embedded_server; embedded_server()._stop()"

$(VENV)/.installed: requirements.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Chromium from the system's packages (Playwright's own browser download is not used),
# and axe-core from npm for the accessibility checks.
browser-tools: node_modules/axe-core/axe.min.js
	@command -v chromium >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

node_modules/axe-core/axe.min.js: package.json
	command -v npm >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq npm; }
	npm install --no-audit --no-fund --silent
	touch $@

# Query counts as data grows, and throughput/latency of the public pages under gunicorn.
benchmark: $(VENV)/.installed
	$(DEV) $(PYTHON) scripts/benchmark.py
