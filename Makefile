# Two commands on a fresh machine: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
CHRONIK := $(VENV)/bin/chronik
DB ?= chronik.duckdb
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test venv clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

run: venv
	$(CHRONIK) run examples/ --db $(DB)
	$(CHRONIK) status --db $(DB)
	$(CHRONIK) serve --db $(DB) --host $(HOST) --port $(PORT)

test: venv
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) $(DB) $(DB).wal $(DB).index.sqlite
