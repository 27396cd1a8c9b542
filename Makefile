# articled — build, run, test, install.
#   make run      build (release) and run the daemon in the foreground on ./var (demo spool)
#   make test     every test: unit, integration (real binary), schema, systemd in a container
#   make install  install binary, models, unit, config, sysusers.d and tmpfiles.d (as root)
#   make bench    release benchmarks side by side with the peers (see docs/BENCHMARKS.md)
#   make profile  instructions per article for each analysis stage (callgrind; noise-free)
#   make soak     the daemon fed 20 articles/s for 30 minutes; is its memory flat?

SWIFT        ?= swift
PREFIX       ?= /usr/local
SPOOL        ?= $(CURDIR)/var
APT_PACKAGES := libsystemd-dev pkg-config systemd-container
APT_PACKAGES += libsqlite3-dev
APT_PACKAGES += libxml2-dev zlib1g-dev
RELEASE_BIN  := .build/release/articled
DEBUG_BIN    := .build/debug/articled

.PHONY: all deps build debug run test unit-tests system-test install uninstall bench profile soak clean

all: build

# System packages this project needs, installed only when missing (Debian 12).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema

build: deps
	$(SWIFT) build -c release

debug: deps
	$(SWIFT) build

# The daemon on a demo spool: drop files into ./var/inbox, read ./var/outbox. Ctrl-C stops it.
run: build
	@mkdir -p $(SPOOL)/inbox
	@cp -n examples/*.txt examples/*.html examples/*.html.gz $(SPOOL)/inbox/ 2>/dev/null || true
	@echo "articled: watching $(SPOOL)/inbox, results in $(SPOOL)/outbox (Ctrl-C to stop)"
	$(RELEASE_BIN) run --spool $(SPOOL)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	bash Tests/system/nspawn-test.sh $(DEBUG_BIN)

install: build
	bash scripts/install.sh $(PREFIX)

uninstall:
	bash scripts/uninstall.sh $(PREFIX)

bench: deps
	bash Benchmarks/run.sh

profile: deps
	@command -v valgrind >/dev/null || { SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; $$SUDO apt-get install -y -qq valgrind; }
	bash Benchmarks/profile.sh

soak: deps
	bash Benchmarks/daemon/run.sh --only soak --soak-seconds $${SOAK_SECONDS:-1800}

clean:
	rm -rf .build .build-* var
