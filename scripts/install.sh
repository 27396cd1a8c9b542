#!/usr/bin/env bash
# Installs articled: binary, model files, systemd unit, default config, sysusers.d and tmpfiles.d.
#
#   scripts/install.sh [PREFIX] [DESTDIR]        (make install calls: scripts/install.sh $(PREFIX))
#
#   PREFIX   where the binary and models go (default /usr/local): PREFIX/bin/articled and
#            PREFIX/share/articled/models (found by BundledModels as ../share/articled/models
#            relative to the binary).
#   DESTDIR  staging root for packaging or tests (default empty = the live system). With DESTDIR
#            nothing is executed on the system; without it the articled user/group and the spool
#            are created (systemd-sysusers, systemd-tmpfiles --create) and systemd is reloaded.
#   BINARY   environment variable: the articled binary to install (default .build/release/articled);
#            the models are taken from the articled_ArticleModels.resources folder beside it.
#
# Fixed locations, as systemd and the unit expect them: /etc/systemd/system/articled.service,
# /etc/articled/articled.conf (never overwritten: an existing config is kept and the shipped one
# is put next to it as articled.conf.default), /etc/sysusers.d/articled.conf and
# /etc/tmpfiles.d/articled.conf. The service is neither enabled nor started:
#   systemctl enable --now articled
set -euo pipefail

PREFIX="${1:-${PREFIX:-/usr/local}}"
DESTDIR="${2:-${DESTDIR:-}}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BINARY="${BINARY:-$ROOT/.build/release/articled}"
MODELS="$(dirname "$BINARY")/articled_ArticleModels.resources/Resources"

case "$PREFIX" in /*) ;; *) echo "install.sh: PREFIX must be absolute: $PREFIX" >&2; exit 2 ;; esac
if [[ ! -x "$BINARY" ]]; then
    echo "install.sh: no built binary at $BINARY (run: swift build -c release)" >&2
    exit 1
fi
if [[ ! -d "$MODELS" ]]; then
    echo "install.sh: no model resources at $MODELS (they are built with the binary)" >&2
    exit 1
fi
if [[ -z "$DESTDIR" && "$(id -u)" -ne 0 ]]; then
    echo "install.sh: installing into the system needs root (or give a DESTDIR)" >&2
    exit 1
fi

say() { echo "install: $*"; }

install -d -m 0755 "$DESTDIR$PREFIX/bin" "$DESTDIR$PREFIX/share/articled/models"
install -m 0755 "$BINARY" "$DESTDIR$PREFIX/bin/articled"
say "$PREFIX/bin/articled"
# Replace the model folder's contents so files dropped from a newer release do not linger.
find "$DESTDIR$PREFIX/share/articled/models" -mindepth 1 -delete
cp -R "$MODELS/." "$DESTDIR$PREFIX/share/articled/models/"
chmod -R u=rwX,go=rX "$DESTDIR$PREFIX/share/articled/models"
say "$PREFIX/share/articled/models/"
install -d -m 0755 "$DESTDIR$PREFIX/share/doc/articled"
install -m 0644 "$ROOT/README.md" "$DESTDIR$PREFIX/share/doc/articled/README.md"

# The unit names /usr/local/bin/articled; follow another PREFIX.
install -d -m 0755 "$DESTDIR/etc/systemd/system"
sed "s|/usr/local/|$PREFIX/|g" "$ROOT/systemd/articled.service" > "$DESTDIR/etc/systemd/system/articled.service"
chmod 0644 "$DESTDIR/etc/systemd/system/articled.service"
say "/etc/systemd/system/articled.service"

install -d -m 0755 "$DESTDIR/etc/sysusers.d" "$DESTDIR/etc/tmpfiles.d"
install -m 0644 "$ROOT/systemd/articled.sysusers" "$DESTDIR/etc/sysusers.d/articled.conf"
install -m 0644 "$ROOT/systemd/articled.tmpfiles" "$DESTDIR/etc/tmpfiles.d/articled.conf"
say "/etc/sysusers.d/articled.conf, /etc/tmpfiles.d/articled.conf"

install -d -m 0755 "$DESTDIR/etc/articled"
if [[ -e "$DESTDIR/etc/articled/articled.conf" ]]; then
    install -m 0644 "$ROOT/config/articled.conf" "$DESTDIR/etc/articled/articled.conf.default"
    say "kept the existing /etc/articled/articled.conf (shipped default: articled.conf.default)"
else
    install -m 0644 "$ROOT/config/articled.conf" "$DESTDIR/etc/articled/articled.conf"
    say "/etc/articled/articled.conf"
fi

if [[ -z "$DESTDIR" ]]; then
    systemd-sysusers /etc/sysusers.d/articled.conf
    systemd-tmpfiles --create /etc/tmpfiles.d/articled.conf
    say "user/group articled and /var/spool/articled created"
    if [[ -d /run/systemd/system ]]; then
        systemctl daemon-reload
        say "start it with: systemctl enable --now articled"
    else
        say "systemd is not running here; the unit is used once it is"
    fi
fi
