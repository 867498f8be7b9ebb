# Two commands that work on a fresh clone: `make demo` and `make test`.
# torch is installed first, pinned to the CPU build on this machine's disk, so no resolver ever pulls a
# CUDA build; every other version is pinned in constraints.txt.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test check lint types install clean

demo: $(STAMP)
	$(BIN)/sourcecheck demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

# The quick tier, after each change (about a minute): lint, types, and the tests that load no model.
check: lint types
	$(BIN)/python -m pytest -q -m "not model and not soak"

lint: $(STAMP)
	$(BIN)/ruff check .

# mypy reads the installed layout (sourcecheck.claims from claims/, ...) through a tree of links that
# mirrors pyproject.toml's package-dir; editable installs map packages with an import hook mypy cannot follow.
TYPES_TREE := build/types/sourcecheck
types: $(STAMP)
	mkdir -p $(TYPES_TREE)
	for f in sourcecheck/*; do ln -sfn ../../../$$f $(TYPES_TREE)/; done
	for p in claims sources scoring warehouse pipeline reports evaluation flows slots; do \
	  test ! -d $$p || ln -sfn ../../../$$p $(TYPES_TREE)/$$p; done
	cd build/types && ../../$(BIN)/mypy --config-file ../../pyproject.toml -p sourcecheck

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q pip==26.3
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test,dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) warehouse.duckdb warehouse.duckdb.wal report.html
