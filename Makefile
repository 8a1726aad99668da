# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
INDEX ?= var/index
HOST ?= 127.0.0.1
PORT ?= 7860

.PHONY: install index run test lint typecheck bench bench-scale bench-web eval screenshots browser postgres clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Exit 3: a corpus file was skipped (the build says which and why) but the others were indexed.
$(INDEX)/meta.json: | $(STAMP)
	$(PY) -m assistant build --index $(INDEX) || [ $$? -eq 3 ]

index: $(INDEX)/meta.json

run: install index
	$(PY) app.py --index $(INDEX) --host $(HOST) --port $(PORT)

lint: install
	$(VENV)/bin/ruff check .

typecheck: install
	$(VENV)/bin/mypy index assistant eval webapp app.py

test: install lint typecheck
	$(VENV)/bin/pytest

bench: install index
	$(PY) -m assistant.bench --index $(INDEX)

# Libraries of 1, 10, 100 and 500 plan variants under var/bench-scale (some minutes: see README).
bench-scale: install
	$(PY) -m assistant.bench_scale

bench-web: install index
	$(PY) -m tests.bench_web --index $(INDEX)

eval: install index
	$(PY) -m eval run --index $(INDEX) --out docs/eval
	$(PY) -m eval compare --out docs/eval
	$(PY) -m eval docs --out docs/eval
	$(PY) -m eval plans --out docs/eval/plans
	$(PY) -m eval.library

# Debian's Chromium for the browser tests (never `playwright install`: it downloads a browser).
screenshots: install index browser
	PLAN_SCREENSHOTS=docs $(PY) -m pytest -q tests/test_web_browser.py

browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null)

# Debian's PostgreSQL server programs: the feedback tests start a throwaway server with them.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null)

clean:
	rm -rf $(VENV) var *.egg-info
