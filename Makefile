# Every target creates .venv from requirements.txt when it is missing (or older than requirements.txt).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: figures test lint lab bench export ner-model clean-venv

$(BIN)/activate: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(BIN)/activate

## Regenerate every notebook's outputs and every figure from seeds/
figures: $(BIN)/activate
	$(BIN)/python -m newscorpus.run

## Lint, library tests, end-to-end tests and nbval over the committed notebooks
test: $(BIN)/activate lint
	$(BIN)/python -m pytest -n auto tests
	$(BIN)/python -m pytest -n auto --dist loadfile --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks

lint: $(BIN)/activate
	$(BIN)/ruff check lib tests notebooks benchmarks
	$(BIN)/ruff format --check lib tests notebooks benchmarks

## JupyterLab on 127.0.0.1 with token authentication, opened at notebooks/
lab: $(BIN)/activate
	$(BIN)/python -m newscorpus.lab

## Speed and memory: the analysis pass against the whole runner (ARTICLES sizes), then each step on 10,000 articles
ARTICLES ?= 1000,10000
bench: $(BIN)/activate
	$(BIN)/python benchmarks/bench_pipeline.py --articles $(ARTICLES)
	$(BIN)/python benchmarks/run.py

## Retrain the entity tagger (lib/newscorpus/data/ner/) from ../shared/gold/conll2003 (deterministic)
ner-model: $(BIN)/activate
	$(BIN)/python scripts/train_ner.py

clean-venv:
	rm -rf $(VENV)
