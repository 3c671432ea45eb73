# Two commands do all set-up on a fresh machine:
#   make site   installs what is needed (into .venv, and Debian's chromium and Noto fonts,
#               which print the PDFs) and builds the whole site into site/
#   make test   installs the test requirements (and the Debian tools the tests read PDFs
#               with) and runs every test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# chromium prints the PDFs, with Noto fonts for every script (Arabic Naskh, Urdu Nastaliq).
SITE_APT := chromium fonts-noto-core
# The tests also read PDFs (poppler-utils), decode QR codes (zbar-tools), check PO files
# (gettext), serve the site as hosts do (nginx, caddy) and read the offline packs (kiwix-tools).
TEST_APT := $(SITE_APT) gettext poppler-utils zbar-tools nginx libnginx-mod-http-brotli-static caddy \
	kiwix-tools

.PHONY: site test test-full install install-test site-packages test-packages apt lint format serve clean

site: install site-packages
	$(BIN)/healthskills build

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

install-test: $(VENV)/.installed-test test-packages

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

# Debian packages, installed only when missing (apt-get update once, then install).
# Playwright cannot download its own browser here, so it drives Debian's chromium.
site-packages:
	@$(MAKE) --no-print-directory apt PACKAGES="$(SITE_APT)"

test-packages:
	@$(MAKE) --no-print-directory apt PACKAGES="$(TEST_APT)"

apt:
	@missing=""; \
	for pkg in $(PACKAGES); do \
	  dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# Every test. The browser sweep visits every English page and a rotating sample of every
# other language's (tests/browser/browsing.py); `make test-full` visits every page.
test: install-test
	$(BIN)/ruff check src tests $(wildcard scripts)
	$(BIN)/ruff format --check src tests $(wildcard scripts)
	$(BIN)/python -m pytest -n auto

test-full: install-test
	HEALTHSKILLS_FULL_SWEEP=1 $(BIN)/python -m pytest -n auto

lint: install-test
	$(BIN)/ruff check src tests $(wildcard scripts)

format: install-test
	$(BIN)/ruff format src tests $(wildcard scripts)
	$(BIN)/ruff check --fix src tests $(wildcard scripts)

serve: install
	$(BIN)/healthskills serve

clean:
	rm -rf site $(VENV) .pytest_cache .ruff_cache test-artifacts
