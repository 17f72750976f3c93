# Two commands from a fresh machine: `make brief` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SAMPLE ?= samples/000_479c8156071b18c9.txt

.PHONY: brief test check eval bench tui clean mutate

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

brief: $(STAMP)  ## print the brief of the bundled seed sample
	$(VENV)/bin/briefer brief $(SAMPLE)

test: $(STAMP)  ## run the whole test suite
	$(PY) -m pytest -q

check: $(STAMP)  ## lint, format check and types
	$(VENV)/bin/ruff check briefer tests scripts
	$(VENV)/bin/ruff format --check briefer tests scripts
	$(VENV)/bin/mypy

eval: $(STAMP)  ## score the brief on ../shared/eval (skips cleanly without it)
	$(PY) -m briefer.evaluation --gate

mutate: $(STAMP)  ## mutation testing of the guarantee modules (slow; TARGETS="output model" for some)
	nice -n 15 $(PY) scripts/mutate.py $(TARGETS)

bench: $(STAMP)  ## speed benchmarks
	$(PY) scripts/bench.py

tui: $(STAMP)  ## read the seed's brief in the terminal
	$(VENV)/bin/briefer tui $(SAMPLE)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
