# The two README commands: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test venv lint bench fuzz clean

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

bench: venv
	bash scripts/install-test-deps.sh
	$(BIN)/python -m bench.parse_speed

clean:
	rm -rf $(VENV) demo-out .pytest_cache .mypy_cache .ruff_cache
