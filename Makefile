# Pantau: `make demo` (venv + demo warehouse + app on :8501) and `make test`. Each target sets up what it needs.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.terpasang
PORT ?= 8501

.PHONY: venv demo demo-data serve test test-cepat check bench clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Pantau butuh Python 3.11, ditemukan " + sys.version' 
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo-data: venv
	$(BIN)/pantau demo

demo: demo-data
	$(BIN)/pantau serve --port $(PORT)

serve: venv
	$(BIN)/pantau serve --port $(PORT)

# -n auto --dist loadfile: one pytest worker per CPU, each test file on one worker (its module fixtures and
# browser server start once); session fixture warehouses are built once per worker.
test: venv
	$(BIN)/python -m pytest -q -n auto --dist loadfile

test-cepat: venv
	$(BIN)/python -m pytest -q -n auto --dist loadfile -m "not browser and not lambat"

check: venv
	$(BIN)/ruff check .
	$(BIN)/mypy pipelines dashboard

# Tolok ukur: prints figures and writes bench/hasil-*.json|md; never fails on timing (the leading '-').
# National size too (long): make bench BENCH_ARGS=--nasional
bench: venv
	-$(BIN)/python bench/jalankan.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache tests/artefak
