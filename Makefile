# The two README commands: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test venv lint bench fuzz faults clean

$(BIN)/spendwatch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	touch $@

venv: $(BIN)/spendwatch

# The whole pipeline on the embedded default: SQLite, tasks in process, bundled alerts.
demo: venv
	$(BIN)/spendwatch demo --dir demo-out

# Installs what the tests need (system servers, pip extras) and runs the whole suite.
test: venv
	bash scripts/install-test-deps.sh
	$(BIN)/pytest

lint: venv
	$(BIN)/ruff check .
	$(BIN)/mypy

# Starts its own servers; BENCH_ARGS="--quick" or "--only parse,budget_read" for a part.
bench: venv
	bash scripts/install-test-deps.sh
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# >= 100,000 mutated fixtures through parse_message, 10,000 of them also through the store
# (store_raw + process) on a PostgreSQL cluster it starts; merges fuzz_cases and
# fuzz_crashes into bench/results.json. FUZZ_ARGS adds options (e.g. --seed 1 --db sqlite).
FUZZ_ARGS ?=
fuzz: venv
	bash scripts/install-test-deps.sh
	$(BIN)/python -m tests.fuzz.run --cases 100000 --store-cases 10000 --db postgres $(FUZZ_ARGS)

# The fault-injection tests (tests/faults/, 200 alerts each in make test) with more alerts:
# FAULT_MESSAGES per test (every wait grows with it), the invariants and the report the same.
FAULT_MESSAGES ?= 2000
faults: venv
	bash scripts/install-test-deps.sh
	SPENDWATCH_TEST_FAULT_MESSAGES=$(FAULT_MESSAGES) $(BIN)/pytest -q -p no:cacheprovider tests/faults

clean:
	rm -rf $(VENV) demo-out .pytest_cache .mypy_cache .ruff_cache
