# Two commands set everything up on a fresh machine:
#   make run    fresh virtual environment, install, extract the corpus into outputs/, evaluate
#   make test   lint and format checks (ruff), then the test suite (what CI runs), with the Ray and Parquet extras
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: run test bench install install-test clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

install-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install -q -e ".[dev,ray,parquet]"
	touch $@

run: install
	$(BIN)/communique extract corpus/articles -o outputs/extractions.jsonl --force --html outputs/report
	$(BIN)/communique evaluate outputs/extractions.jsonl

test: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) outputs/*.jsonl outputs/report
