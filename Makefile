# Two entry points: `make serve` and `make test`. Both create the virtual
# environment and install what they need first.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Set to a PostgreSQL URL to run the suite a second time against PostgreSQL.
TEST_POSTGRES_URL ?=

.PHONY: install chromium serve test lint load bench clean schema

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# The GraphiQL test drives headless Chromium; apt-get needs root.
chromium:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

serve: $(STAMP)
	$(BIN)/python -m db.migrate
	$(BIN)/python -m dataset.load --if-empty
	$(BIN)/python -m api

load: $(STAMP)
	$(BIN)/python -m db.migrate
	$(BIN)/python -m dataset.load

test: $(STAMP) chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	TEST_DATABASE=sqlite $(BIN)/python -m pytest
	@if [ -n "$(TEST_POSTGRES_URL)" ]; then \
		TEST_DATABASE=$(TEST_POSTGRES_URL) $(BIN)/python -m pytest; \
	else \
		echo "TEST_POSTGRES_URL is not set: the PostgreSQL run is skipped"; \
	fi

# Loads the default data set into a temporary SQLite file and prints a table;
# see docs/benchmarks.md.
bench: $(STAMP)
	$(BIN)/python -m bench.dashboard --requests 500 --concurrency 100
	command -v wrk >/dev/null && bench/wrk.sh || echo "install wrk for bench/wrk.sh"

# Regenerate schema.graphql from the Strawberry schema after changing a type.
schema: $(STAMP)
	$(BIN)/python -m api.sdl

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) practice-center.sqlite3
