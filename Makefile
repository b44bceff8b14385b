# The README's commands. Each target sets up what it needs: the virtual
# environment, the embedded PostgreSQL (started on first use by the settings),
# and for the tests a Chromium and axe-core for the browser checks.

VENV := .venv
PYTHON := $(VENV)/bin/python
DEV := DEBUG=true

.PHONY: translations messages run serve test test-fast check format stop-db demo-code browser-tools pdf-libs test-tools bench-tools bench bench-pdf bench-search faults backup restore

run: $(VENV)/.installed pdf-libs translations
	$(DEV) $(PYTHON) manage.py migrate --noinput
	$(DEV) $(PYTHON) manage.py load_demo
	$(DEV) $(PYTHON) manage.py runserver 127.0.0.1:8000

# The portal in production mode: gunicorn, DEBUG off. Configure it through the environment
# (see production.env.example and the README); BIND and WORKERS override the defaults.
BIND ?= 127.0.0.1:8000
WORKERS ?= 3
serve: $(VENV)/.installed pdf-libs translations
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/gunicorn spot.wsgi --bind $(BIND) --workers $(WORKERS)

test: $(VENV)/.installed browser-tools pdf-libs test-tools translations
	$(DEV) $(VENV)/bin/pytest

# Everything but the browser tests, for a quick loop while working.
test-fast: $(VENV)/.installed pdf-libs test-tools translations
	$(DEV) $(VENV)/bin/pytest --ignore=tests/browser

# The translation catalogues (locale/<language>/LC_MESSAGES/django.po), compiled with Babel so
# that no GNU gettext is needed to run the portal; `make messages` gathers new strings into them.
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
translations: $(PO_FILES:.po=.mo)

locale/%.mo: locale/%.po $(VENV)/.installed
	@$(VENV)/bin/pybabel --quiet compile --input-file $< --output-file $@

messages: $(VENV)/.installed
	@command -v xgettext >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq gettext; }
	$(DEV) $(PYTHON) manage.py makemessages --no-obsolete --add-location file \
		--locale fr --locale ru --locale zh_Hans \
		--ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*' --ignore 'bench/*' --ignore 'staticfiles/*'

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
	@$(PYTHON) -c "from spot.embedded_db import stop_embedded_server; print(stop_embedded_server())"

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

# A private redis-server for the tests of the Redis cache and its outages; GNU gettext for the test that
# gathers the portal's strings into a pseudo-language (tests/spot/test_strings_marked.py).
test-tools:
	@command -v redis-server >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq redis-server; }
	@command -v xgettext >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq gettext; }

# wrk drives the benchmark and the fault drills; redis-server for their Redis runs.
bench-tools: test-tools
	@command -v wrk >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq wrk; }

# The load benchmark (bench/run.py; results in bench/RESULTS.md). BENCH_ARGS=--redis keeps the caches in Redis.
bench: $(VENV)/.installed bench-tools pdf-libs
	$(PYTHON) bench/run.py $(BENCH_ARGS)

# The time to render the PDF of a full progress report, and to serve it once kept (bench/pdf.py).
bench-pdf: $(VENV)/.installed pdf-libs
	$(DEV) $(PYTHON) bench/pdf.py

# PostgreSQL restarting under load, Redis going away (bench/faults.py).
faults: $(VENV)/.installed bench-tools
	$(PYTHON) bench/faults.py

# Back up the configured database and uploaded files into backups/<time>/, and restore one into an
# empty database. Without SECRET_KEY in the environment (a developer's machine), in development mode.
RUN_CONFIGURED := $(if $(SECRET_KEY),,$(DEV)) $(PYTHON)
backup: $(VENV)/.installed
	$(RUN_CONFIGURED) manage.py backup

restore: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/<time>"; exit 2; }
	$(RUN_CONFIGURED) manage.py restore $(FILE)

# The system libraries WeasyPrint draws report PDFs with (Pango, HarfBuzz, fontconfig) and fonts with
# the glyphs of the portal's four languages (DejaVu: Latin and Cyrillic; Noto CJK: Chinese), from the
# system's packages when missing. The browser tests draw their pages with the same fonts.
pdf-libs:
	@{ ldconfig -p | grep -q libpango-1.0 && ldconfig -p | grep -q libharfbuzz && ldconfig -p | grep -q libpangoft2-1.0 \
		&& fc-list 2>/dev/null | grep -qi dejavu && fc-list :lang=zh-cn 2>/dev/null | grep -q .; } || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b \
			libharfbuzz-subset0 fontconfig fonts-dejavu-core fonts-noto-cjk; }

# The good-practice search as practices grow (1,000, 10,000, 100,000): p50/p95 of the
# search-plus-filter query and of the whole list page; uses a database of its own, `spot_bench_search`.
bench-search: $(VENV)/.installed
	$(DEV) $(PYTHON) bench/search.py
