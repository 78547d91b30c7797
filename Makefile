# oxus task runner: `make demo` runs the main job, `make test` the whole suite.
VENV    ?= .venv
PYTHON  ?= python3
BIN     := $(VENV)/bin
CORPUS  ?= $(wildcard ../shared/corpus)
OXUS_DB ?= oxus.db
export OXUS_DB

.PHONY: setup demo test system-packages lint format serve screenshots clean

# An editable install leaves oxus's bytecode to be written on first import, which never
# happens under PYTHONDONTWRITEBYTECODE: every run would compile ~290 modules again.
setup: $(VENV)/.installed
	@$(BIN)/python -m compileall -q src >/dev/null

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

demo: setup
	@if [ -z "$(CORPUS)" ]; then \
		echo "No corpus found: run 'make demo CORPUS=path/to/reports'"; exit 2; fi
	$(BIN)/oxus ingest $(CORPUS)
	$(BIN)/oxus stats
	@echo
	@echo "Store: $(OXUS_DB). Next:"
	@echo "  $(BIN)/oxus serve                       # web app at http://127.0.0.1:8000"
	@echo "  $(BIN)/oxus export --format facts-jsonl --out facts.jsonl"
	@echo "  $(BIN)/oxus entity show 'Jamaat Ansarullah'"

test: setup system-packages
	$(BIN)/python -m pytest

system-packages:
	@scripts/system-packages

screenshots: setup
	OXUS_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest tests/browser -q

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

format: setup
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

serve: setup
	$(BIN)/oxus serve

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
