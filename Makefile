# Every target creates .venv from requirements.txt when it is missing (or older than requirements.txt).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: figures check-figures snapshots test lint lab bench export ner-model clean-venv

$(BIN)/activate: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(BIN)/activate

## Regenerate every notebook's outputs and every figure from seeds/
figures: $(BIN)/activate
	$(BIN)/python -m newscorpus.run

## Regenerate the seeds' notebooks and figures, then fail when that changed any committed file
## under figures/ or notebooks/ (CSV, PNG, .ipynb; new or deleted files too): figures can't drift
check-figures: $(BIN)/activate
	$(BIN)/python -m newscorpus.run
	@changed="$$(git status --porcelain -- figures notebooks)"; \
	if [ -n "$$changed" ]; then \
		echo "check-figures: regenerating the seeds' figures changed committed files:"; \
		echo "$$changed"; \
		git --no-pager diff --stat -- figures notebooks; \
		echo "Commit them if the change is intended (make figures), else find what changed them."; \
		exit 1; \
	fi

## Rewrite tests/data/snapshots.json (the digests of every table) after an intended change
snapshots: $(BIN)/activate
	$(BIN)/python -m tests.update_snapshots

## Lint, library tests, end-to-end tests, nbval over the committed notebooks, then check-figures
test: $(BIN)/activate lint
	$(BIN)/python -m pytest -n auto tests
	$(BIN)/python -m pytest -n auto --dist loadfile --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks
	$(MAKE) --no-print-directory check-figures

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
