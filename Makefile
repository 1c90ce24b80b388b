# Escale — the two commands of the README: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)

.PHONY: run test lint imports typecheck pytest bench demo clean screenshots installer

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/escale --demo

test: $(STAMP) lint imports pytest

lint: $(STAMP)
	$(BIN)/ruff check $(wildcard desktop_app ui db tests bench scripts)

imports: $(STAMP)
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py artifacts/screens
	$(BIN)/escale demo --db artifacts/demo-screens.sqlite --force
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screens_visits.py artifacts/demo-screens.sqlite artifacts/visits
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screens_ateliers.py artifacts/ateliers
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screens_tournees.py artifacts/tournees
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screens_planning.py artifacts/planning
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screens_bilans.py artifacts/bilans
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screens_security.py artifacts/securite

installer: $(STAMP)
	$(BIN)/python -m pip install --quiet pyinstaller
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build installer/escale.spec
	@echo "Dossier prêt : dist/Escale (sous Windows, compiler ensuite installer/escale.iss avec Inno Setup)"

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
