#!/usr/bin/env bash
# Removes what scripts/install.sh installed, except the spool (/var/spool/articled: articles and
# results are data) and the articled user/group (files in the spool still belong to them).
# A config that differs from the shipped default is kept as /etc/articled/articled.conf.
#
#   scripts/uninstall.sh [PREFIX] [DESTDIR]      (make uninstall calls: scripts/uninstall.sh $(PREFIX))
set -euo pipefail

PREFIX="${1:-${PREFIX:-/usr/local}}"
DESTDIR="${2:-${DESTDIR:-}}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ -z "$DESTDIR" && "$(id -u)" -ne 0 ]]; then
    echo "uninstall.sh: needs root (or give a DESTDIR)" >&2
    exit 1
fi
say() { echo "uninstall: $*"; }

if [[ -z "$DESTDIR" && -d /run/systemd/system ]]; then
    systemctl disable --now articled.service 2>/dev/null || true
fi

rm -f "$DESTDIR/etc/systemd/system/articled.service" \
      "$DESTDIR/etc/sysusers.d/articled.conf" \
      "$DESTDIR/etc/tmpfiles.d/articled.conf" \
      "$DESTDIR$PREFIX/bin/articled"
rm -rf "$DESTDIR$PREFIX/share/articled" "$DESTDIR$PREFIX/share/doc/articled"
rm -f "$DESTDIR/etc/articled/articled.conf.default"
if [[ -f "$DESTDIR/etc/articled/articled.conf" ]] && cmp -s "$DESTDIR/etc/articled/articled.conf" "$ROOT/config/articled.conf"; then
    rm -f "$DESTDIR/etc/articled/articled.conf"
fi
rmdir "$DESTDIR/etc/articled" 2>/dev/null || say "kept /etc/articled (edited configuration)"
say "removed binary, models, unit, sysusers.d and tmpfiles.d files"

if [[ -z "$DESTDIR" && -d /run/systemd/system ]]; then
    systemctl daemon-reload
fi
say "kept /var/spool/articled and the articled user/group; remove them by hand if no longer needed"
