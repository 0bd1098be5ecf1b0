# `make serve` starts the chat UI, `make test` runs the tests, `make help` lists every target.
# Each creates .venv on first use (3 to 8 minutes, 2.1 GB) and skips setup afterwards.
SHELL := /bin/bash
PYTHON ?= python3
PORT ?= 7860
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
CI ?=
# Whether `make test` may install Chromium itself (root with apt-get), and how CI checks the fonts.
CAN_INSTALL ?= $(shell [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && echo yes)
CJK_FONTS_CHECK ?= dpkg -s fonts-noto-cjk

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: help serve ask test test-fast setup browser bench eval clean

help:
	@echo "make serve [PORT=7860]   the web app at http://127.0.0.1:PORT (chat, browse, timeline, POST /api/ask)"
	@echo "make ask Q=\"question\"    one answer on the command line"
	@echo "make test                every test, browser tests included (needs $(CHROMIUM))"
	@echo "make test-fast           every test except the browser tests (no Chromium needed)"
	@echo "make eval                the offline evaluation on the test split (report in reports/eval-test/)"
	@echo "make bench               the benchmarks (figures in reports/bench.json)"
	@echo "make setup               only create .venv and install (first time: 3 to 8 minutes, 2.1 GB)"
	@echo "make clean               remove .venv, caches and reports"
	@echo "Commands live in $(BIN): $(BIN)/catalog-assistant --help"

$(STAMP): pyproject.toml
	$(PYTHON) scripts/install.py $(VENV) ".[test]"
	@touch $(STAMP)

setup: $(STAMP)

serve: $(STAMP)
	$(BIN)/catalog-assistant serve --port $(PORT)

# Q reaches the shell as an environment variable, so quotes and $ in a question are safe.
export Q
ask: $(STAMP)
	@test -n "$$Q" || { echo 'usage: make ask Q="which models use prefix-LM objectives?"' >&2; exit 2; }
	$(BIN)/catalog-assistant ask "$$Q"

# The browser tests drive Debian's Chromium (no browser download) and show Chinese answers in a
# CJK font (fonts-noto-cjk). As root, `make test` installs what is missing; otherwise it says
# what to do. CI (CI=true) always has both.
browser:
	@chromium=1; fonts=1; [ -x "$(CHROMIUM)" ] || chromium=; $(CJK_FONTS_CHECK) >/dev/null 2>&1 || fonts=; \
	if [ -n "$$chromium" ] && [ -n "$$fonts" ]; then exit 0; fi; \
	if [ -n "$(CAN_INSTALL)" ]; then \
	  echo "installing Debian's chromium and fonts-noto-cjk for the browser tests (about 1 minute)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null \
	  && exit 0; echo "error: apt-get could not install chromium fonts-noto-cjk; run every other test with: make test-fast" >&2; exit 1; \
	fi; \
	if [ -n "$$chromium" ] && [ "$(CI)" != true ]; then \
	  echo "note: fonts-noto-cjk is not installed: Chinese text in the browser screenshots shows as boxes" >&2; exit 0; \
	fi; \
	echo "The browser tests need Chromium at $(CHROMIUM) (and fonts-noto-cjk); installing them needs root." >&2; \
	echo "  as root:                 apt-get install chromium fonts-noto-cjk   (then: make test)" >&2; \
	echo "  or run every other test: make test-fast" >&2; \
	exit 1

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not browser"

bench: $(STAMP)
	$(BIN)/python -m eval.bench

eval: $(STAMP)
	$(BIN)/catalog-assistant eval --split test

clean:
	rm -rf $(VENV) .cache reports test-artifacts
