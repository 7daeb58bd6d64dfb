# canhgiac — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2

.PHONY: run test test-sqlite test-postgres check lint format types imports migrations bench i18n test-deps clean venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The suite also runs the miniSOC's Spark path in local mode (needs Java, present here).
TEST_STAMP := $(VENV)/.installed-test-stamp
$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,spark]'
	touch $(TEST_STAMP)

venv: $(STAMP)

## make run: create the venv, migrate var/canhgiac.db, load demo data if empty, serve on 127.0.0.1:8000
run: $(STAMP)
	$(BIN)/canhgiac db upgrade
	$(BIN)/canhgiac demo load --if-empty
	$(BIN)/canhgiac serve --host $(HOST) --port $(PORT)

## make test: the whole suite on SQLite, and again on PostgreSQL when CANHGIAC_TEST_DATABASE_URL is set
test: $(TEST_STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS) -p no:cacheprovider
	@if [ -n "$$CANHGIAC_TEST_DATABASE_URL" ]; then \
		echo "== PostgreSQL: $$CANHGIAC_TEST_DATABASE_URL =="; \
		$(BIN)/pytest -n $(PYTEST_WORKERS) -p no:cacheprovider -m db; \
	fi

## make check: lint, format, types, import rules, migrations in step with models
check: lint types imports migrations

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

format: $(STAMP)
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/ruff format src tests benchmarks

types: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports

migrations: $(STAMP)
	@tmp=$$(mktemp -d); \
	CANHGIAC_DATABASE_URL=sqlite:///$$tmp/check.db $(BIN)/canhgiac db upgrade >/dev/null && \
	CANHGIAC_DATABASE_URL=sqlite:///$$tmp/check.db $(BIN)/canhgiac db check; \
	status=$$?; rm -rf $$tmp; exit $$status

## make bench: every benchmark script (figures go in benchmarks/README.md)
bench: $(STAMP)
	@for script in benchmarks/bench_*.py benchmarks/eval_*.py; do \
		[ -f "$$script" ] || continue; echo "== $$script"; $(BIN)/python $$script || exit 1; \
	done

## make i18n: refresh the message catalogues from the templates and code
i18n: $(STAMP)
	mkdir -p var
	$(BIN)/pybabel extract -F src/canhgiac/web/babel.cfg -o var/messages.pot src/canhgiac
	$(BIN)/pybabel update -i var/messages.pot -d src/canhgiac/web/locales --no-fuzzy-matching

## make test-deps: system packages the tests use (Chromium, pg_dump, named-checkzone); needs root
test-deps:
	bash scripts/install-system-deps.sh

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
