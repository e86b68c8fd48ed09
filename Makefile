# SatuPintu. `make run` serves the app with demo data; `make test` runs lint and the whole test suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
export FLASK_APP := backend

PWA_SOURCES := $(shell find pwa/src pwa/public -type f 2>/dev/null) pwa/index.html pwa/vite.config.ts pwa/package.json

.PHONY: run address test format pwa migrate seed clean chromium lighthouse

run: $(VENV)/.installed pwa
	$(BIN)/flask db upgrade
	$(BIN)/flask seed --demo
	$(BIN)/flask vapid-keys --save
	@$(MAKE) --no-print-directory address
	PROMETHEUS_MULTIPROC_DIR=$${PROMETHEUS_MULTIPROC_DIR:-instance/metrics} $(BIN)/gunicorn -c gunicorn.conf.py

# Where `make run` serves: BIND read as gunicorn.conf.py reads it (default 127.0.0.1:8000).
address:
	@$(PYTHON) -c 'import runpy; c = runpy.run_path("gunicorn.conf.py"); url = c["served_at"](c["bind"]); \
	print(f"SatuPintu: {url}  (API docs: {url}/api/docs)\nexport SATUPINTU={url}")'

test: $(VENV)/.installed-dev pwa chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	cd pwa && npm run --silent format:check && npm run --silent typecheck && npm run --silent lint
	$(BIN)/pytest $(PYTEST_ARGS)

format: $(VENV)/.installed-dev pwa/node_modules/.package-lock.json
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	cd pwa && npm run --silent format

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

pwa: pwa/dist/index.html

# The browser tests drive Debian's Chromium (Playwright cannot download a browser here).
chromium:
	@command -v chromium >/dev/null 2>&1 || (echo "Installing Debian's Chromium with apt-get (needs root)" && \
		apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

pwa/node_modules/.package-lock.json: pwa/package-lock.json
	cd pwa && npm ci --no-audit --no-fund
	touch $@

pwa/dist/index.html: pwa/node_modules/.package-lock.json $(PWA_SOURCES)
	cd pwa && npm run build

# Lighthouse scores of the built app (a benchmark that prints, not a test): bench/lighthouse.py.
lighthouse: $(VENV)/.installed pwa chromium bench/lighthouse/node_modules/.package-lock.json
	$(BIN)/python bench/lighthouse.py

bench/lighthouse/node_modules/.package-lock.json: bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --no-audit --no-fund
	touch $@

migrate: $(VENV)/.installed
	$(BIN)/flask db upgrade

seed: $(VENV)/.installed
	$(BIN)/flask seed --demo

clean:
	rm -rf $(VENV) pwa/node_modules pwa/dist bench/lighthouse/node_modules instance .pytest_cache .ruff_cache artefacts
