# Two commands do all set-up on a fresh machine:
#   make site   installs what is needed into .venv and builds the whole site into site/
#   make test   installs the test requirements (and Debian's chromium) and runs every test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APT_PACKAGES := chromium gettext poppler-utils fonts-noto-core

.PHONY: site test install install-test system-packages lint format serve clean

site: install
	$(BIN)/healthskills build

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

install-test: $(VENV)/.installed-test system-packages

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

# Debian's chromium for the browser tests: Playwright cannot download its own browser here.
system-packages:
	@missing=""; \
	for pkg in $(APT_PACKAGES); do \
	  dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test: install-test
	$(BIN)/ruff check src tests $(wildcard scripts)
	$(BIN)/ruff format --check src tests $(wildcard scripts)
	$(BIN)/python -m pytest -n auto

lint: install-test
	$(BIN)/ruff check src tests $(wildcard scripts)

format: install-test
	$(BIN)/ruff format src tests $(wildcard scripts)
	$(BIN)/ruff check --fix src tests $(wildcard scripts)

serve: install
	$(BIN)/healthskills serve

clean:
	rm -rf site $(VENV) .pytest_cache .ruff_cache test-artifacts
