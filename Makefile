# Two commands do all the set-up on a fresh machine:
#   make run    extract the commitments of a document shipped in corpus/ (JSONL on stdout)
#   make test   run the test suite
# Both create .venv and install pledgewatch with its dependencies when they are missing.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.pledgewatch-installed
DOC ?= corpus/docs/dev/001-us-peru-reciprocal-trade.txt

.PHONY: run test evaluate bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pledgewatch extract $(DOC)

test: $(STAMP)
	$(BIN)/python -m pytest -q

evaluate: $(STAMP)
	$(BIN)/pledgewatch evaluate --docs corpus/docs/test --gold corpus/gold/test --traps corpus/traps/test

bench: $(STAMP)
	$(BIN)/python benchmarks/timebank.py
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build dist
