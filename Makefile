# Two commands set everything up on a fresh machine:
#   make run    fresh virtual environment, install, extract the corpus into outputs/, evaluate
#   make test   the test suite (what CI runs)
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: run test bench install clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

run: install
	$(BIN)/communique extract corpus/articles -o outputs/extractions.jsonl --force
	$(BIN)/communique evaluate outputs/extractions.jsonl

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) outputs/*.jsonl
