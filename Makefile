# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app voortgang
PORT ?= 5000
HTMX := voortgang/static/vendor/htmx.min.js
MO := translations/nl/LC_MESSAGES/messages.mo translations/en/LC_MESSAGES/messages.mo

.PHONY: install run serve test bench bench-instructions migrate translations-update translations-compile clean

install: $(VENV)/.installed $(HTMX) $(MO)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# htmx comes from the npm registry at install time and is served from our static folder.
$(HTMX): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	mkdir -p $(dir $(HTMX))
	cp node_modules/htmx.org/dist/htmx.min.js $(HTMX)

$(MO): translations/nl/LC_MESSAGES/messages.po translations/en/LC_MESSAGES/messages.po | $(VENV)/.installed
	$(FLASK) translate compile

migrate: install
	$(FLASK) db upgrade

run: migrate
	$(FLASK) seed-demo --if-empty
	$(FLASK) serve --host 127.0.0.1 --port $(PORT)

# Production: gunicorn with several workers (gunicorn.conf.py), migrations first, no
# demo data. Needs SECRET_KEY and VOORTGANG_ALLOWED_HOSTS (README: Running in production).
serve: export VOORTGANG_ENV ?= production
serve: install
	$(FLASK) db upgrade
	$(BIN)/gunicorn --config gunicorn.conf.py 'voortgang:create_app()'

# Two workers (pytest-xdist), one per core; `make test PYTEST_ARGS=` runs in one process.
PYTEST_ARGS ?= -n 2

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

translations-update: $(VENV)/.installed
	$(FLASK) translate update

translations-compile: $(VENV)/.installed
	$(FLASK) translate compile

clean:
	rm -rf $(VENV) node_modules $(HTMX) $(MO)

bench: install
	$(BIN)/pip install --quiet 'dateparser>=1.2'
	$(BIN)/python benchmarks/agreements.py
	$(BIN)/python benchmarks/duckling.py

# The same comparison in instructions (valgrind), which machine noise does not move.
bench-instructions: install
	$(BIN)/pip install --quiet 'dateparser>=1.2'
	$(BIN)/python benchmarks/instructions.py
