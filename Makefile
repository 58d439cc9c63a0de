# Two commands do all the set-up on a fresh machine: `make build` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The checkers the accessibility tests run (axe-core, the Nu HTML Checker): exact versions from package-lock.json.
# --ignore-scripts: vnu-jar's install script would download a Java runtime; the tests use the system's Java.
NODE_STAMP := node_modules/.installed-stamp
# Material 9.8 prints on every run that it reaches end of life on 5 May 2027; README.md, "Engines", says what we do
# about it. Known and planned for, so the Makefile's builds do not print it again.
export NO_MKDOCS_2_WARNING := 1
# The engine that builds the site from mkdocs.yml: mkdocs (MkDocs 1.6.1) or properdocs (ProperDocs, its fork).
ENGINE ?= mkdocs
# The site tests `make test` runs a second time under ProperDocs (tests/test_engines.py compares the two sites).
PROPERDOCS_TESTS := tests/test_site.py tests/test_no_partial_site.py tests/test_hosted.py tests/test_preview_fresh.py

.PHONY: install checkers build serve validate test translations-extract translations-update translations-compile clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[site,test]'
	touch $(STAMP)

install: $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

checkers: $(NODE_STAMP)

build: $(STAMP)
	$(BIN)/$(ENGINE) build --config-file mkdocs.yml

serve: $(STAMP)
	$(BIN)/$(ENGINE) serve --config-file mkdocs.yml

validate: $(STAMP)
	$(BIN)/python -m partnerschaftsarchiv validate

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest
	PARTNERSCHAFTSARCHIV_TEST_ENGINE=properdocs $(BIN)/python -m pytest $(PROPERDOCS_TESTS)

# Babel's gettext workflow: extract the UI strings, merge them into the catalogs, compile (the build itself
# compiles the .po files in memory, so no .mo is kept in git).
translations-extract: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k NP_:1c,2 -k NN_:1,2 --no-location --sort-output --width 120 --project=Partnerschaftsarchiv \
		--copyright-holder="Partnerschaftsarchiv contributors" -o translations/messages.pot .

# Nothing changes when no UI string changed: the template keeps its committed creation date, the catalogs theirs.
translations-update: translations-extract
	$(BIN)/python -m partnerschaftsarchiv.workflow.catalog_files translations/messages.pot
	$(BIN)/pybabel update -i translations/messages.pot -d translations --ignore-obsolete --width 120 \
		--ignore-pot-creation-date

translations-compile: $(STAMP)
	$(BIN)/pybabel compile -d translations --statistics

clean:
	rm -rf site site.partial site.old node_modules
