# khabar — `make demo` sets everything up and analyzes a sample; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench lexicon clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/khabar analyze examples/sample-article.txt --published 2023-05-15

test: $(STAMP)
	$(BIN)/ruff check src tests tools bench
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests tools bench

bench: $(STAMP)
	$(BIN)/python bench/zwnj_restoration.py
	$(BIN)/python bench/tokenization.py
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/quantities.py
	$(BIN)/python bench/times.py
	$(BIN)/python bench/tagging.py
	$(BIN)/python bench/entities.py

lexicon: $(STAMP)
	$(BIN)/python tools/build_zwnj_lexicon.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
