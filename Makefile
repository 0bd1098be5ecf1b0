# Two commands: `make serve` starts the chat UI, `make test` runs the tests.
# Both create .venv on first use and are quick no-ops for setup afterwards.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: serve test setup browser bench eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

# The browser tests drive Debian's Chromium (no browser download) and show Chinese answers in a
# CJK font from Debian (fonts-noto-cjk): install both once if missing.
browser:
	@test -x $(CHROMIUM) || { echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || { echo "could not install chromium: run 'apt-get install chromium' as root" >&2; exit 1; }; }
	@dpkg -s fonts-noto-cjk >/dev/null 2>&1 || { echo "installing Debian's fonts-noto-cjk for Chinese screenshots"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null) \
	  || { echo "could not install fonts-noto-cjk: run 'apt-get install fonts-noto-cjk' as root" >&2; exit 1; }; }

serve: $(STAMP)
	$(BIN)/catalog-assistant serve

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m eval.bench

eval: $(STAMP)
	$(BIN)/catalog-assistant eval --split test

clean:
	rm -rf $(VENV) .cache reports test-artifacts
