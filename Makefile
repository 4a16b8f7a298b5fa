# Entry points for developers and CI (.ci/run calls `make test`).
# Stamp files make re-runs instant: an install only repeats when its requirements file changes.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
# Root (as on CI) needs no sudo; a developer's account does.
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# uv installs the stack in ~10 s where pip needs ~50 s; pip stays the fallback
# when uv could not be installed or fails.
install = { [ -x $(BIN)/uv ] && $(BIN)/uv pip install --python $(BIN)/python $(1); } \
	|| $(BIN)/pip install $(1)

.PHONY: setup setup-dev browser office axe data rebuild-data run lint test fuzz bench clean

setup: $(VENV)/.stamp-runtime

setup-dev: $(VENV)/.stamp-dev browser office axe

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	-$(BIN)/pip install --quiet --disable-pip-version-check uv

$(VENV)/.stamp-runtime: requirements.txt | $(BIN)/python
	$(call install,-r requirements.txt)
	touch $@

$(VENV)/.stamp-dev: requirements-dev.txt $(VENV)/.stamp-runtime
	$(call install,-r requirements-dev.txt)
	touch $@

# `playwright install` cannot download here, so browser tests use Debian's chromium.
browser:
	@if [ -x /usr/bin/chromium ] || ls $${PLAYWRIGHT_BROWSERS_PATH:-$$HOME/.cache/ms-playwright}/chromium-*/chrome-linux*/chrome >/dev/null 2>&1; then \
		echo "chromium: present"; \
	else \
		$(SUDO) apt-get update && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core; \
	fi

# LibreOffice without a display: tests/test_round_document.py converts the round's DOCX to PDF and its XLSX
# to CSV with it, as the reader's Writer and Calc would open them (a missing soffice fails those tests).
# The document asks for Times New Roman; LibreOffice sets it in the metric-compatible Liberation Serif.
office:
	@if command -v soffice >/dev/null 2>&1 && fc-list | grep -q "Liberation Serif"; then \
		echo "soffice: present"; \
	else \
		$(SUDO) apt-get update && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
			libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2; \
	fi

# axe-core, the accessibility checker tests/browser/test_accessibility.py injects into every page: one
# exact version from the npm registry, kept under .venv (the stamp names the version, so a bump reinstalls).
AXE_VERSION := 4.14.1

axe: $(VENV)/.stamp-axe-$(AXE_VERSION)

$(VENV)/.stamp-axe-$(AXE_VERSION): | $(BIN)/python
	npm install --no-save --no-audit --no-fund --prefix $(VENV)/axe axe-core@$(AXE_VERSION)
	touch $@

# The dataset the app serves; a test points it elsewhere to prove a missing file is rebuilt.
DATA ?= data/roadmap.parquet

data: $(DATA)

# Built only when missing: the parquet is committed, and a fresh clone's file times say nothing
# about staleness (a test compares the committed file with a fresh build instead).
$(DATA): | $(VENV)/.stamp-runtime
	$(BIN)/python -m loaders.build --out $(DATA)

# After changing the loader or the source text.
rebuild-data: setup
	$(BIN)/python -m loaders.build

run: setup data
	exec $(BIN)/streamlit run server.py --server.port $${PORT:-8501} --server.headless true --browser.gatherUsageStats false

# The lint gate (pyproject.toml): a lint error fails `make test`, and so CI, before any test runs.
lint: setup-dev
	$(BIN)/ruff check .

# This machine sets PYTHONDONTWRITEBYTECODE=1, which makes every Python process the tests
# start recompile streamlit and pandas (~2.5 s each); unsetting it keeps the bytecode cache.
test: setup-dev lint
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest $(PYTEST_ARGS)

# A deeper run than `make test` makes: every decree text rewritten FUZZ_EXAMPLES times the way another
# extractor would have wrapped it (tests/test_rewrap.py), damaged texts (tests/test_fuzz_loader.py) -- about a
# minute per 1,000 examples of each -- and the load test with 20 browser sessions at once instead of 10.
FUZZ_EXAMPLES ?= 5000

fuzz: setup-dev
	env -u PYTHONDONTWRITEBYTECODE REWRAP_EXAMPLES=$(FUZZ_EXAMPLES) LOADER_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) \
		$(BIN)/python -m pytest tests/test_rewrap.py tests/test_fuzz_loader.py --hypothesis-show-statistics $(PYTEST_ARGS)
	env -u PYTHONDONTWRITEBYTECODE LOAD_SESSIONS=20 $(BIN)/python -m pytest tests/browser/test_load.py $(PYTEST_ARGS)

# The benchmark of issue 5 (a few minutes): the dashboard at 1× and 1,000× the data, from the loader to a
# real browser; prints a table and writes bench/results.json.  Not part of `make test`: it measures, it
# does not check.  BENCH_ARGS=--skip-browser leaves out the browser and memory figures.
bench: setup-dev data
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m bench.run $(BENCH_ARGS)

# Keeps data/roadmap.parquet: it is a build product that is also committed.
clean:
	rm -rf $(VENV) .pytest_cache .hypothesis artifacts test-results bench/out
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
