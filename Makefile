# Two commands matter: `make run` and `make test`. Both build the environment first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DAGSTER_HOME := $(CURDIR)/.dagster

.PHONY: setup run test ui validate bench pages clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed

$(DAGSTER_HOME):  # with telemetry off, as figures run writes it
	mkdir -p $@
	test -s $@/dagster.yaml || printf 'telemetry:\n  enabled: false\n' > $@/dagster.yaml

run: setup $(DAGSTER_HOME)
	$(BIN)/figures run

test: setup
	$(BIN)/python -m pytest

ui: setup $(DAGSTER_HOME)
	$(BIN)/dagster dev --host 127.0.0.1 --port 3000

validate: setup $(DAGSTER_HOME)
	$(BIN)/dagster definitions validate

bench: setup
	$(BIN)/python bench/extraction_accuracy.py
	$(BIN)/python bench/extraction_speed.py
	$(BIN)/python bench/reconcile_speed.py
	$(BIN)/python bench/scale.py 1000 10000

# Web pages as a browser saves them: each page in tests/pages/, as its site
# serves it, rendered by headless Chromium (Debian package `chromium`) and its
# DOM saved under the same name in data/raw/.
pages:
	for page in tests/pages/*.html; do \
		chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$(CURDIR)/$$page" \
			> "data/raw/$$(basename "$$page")" 2>/dev/null; \
	done

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
