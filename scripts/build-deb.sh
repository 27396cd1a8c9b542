#!/usr/bin/env bash
# Builds the Debian package: articled_VERSION_amd64.deb (make deb).
#
#   scripts/build-deb.sh [VERSION]          (default: $VERSION, else 0.1.0)
#
# The binary is a release build with the Swift standard library and Foundation linked statically
# (swift build --static-swift-stdlib, scratch path .build-deb), so the target machine needs no
# Swift toolchain: `ldd /usr/bin/articled` names only system libraries (libc, libsystemd,
# libstdc++...), which the package depends on. The package holds:
#   /usr/bin/articled                      the binary
#   /usr/share/articled/models/            the models (found as ../share/articled/models)
#   /lib/systemd/system/articled.service   the unit (ExecStart=/usr/bin/articled)
#   /usr/lib/sysusers.d/articled.conf      user and group articled
#   /usr/lib/tmpfiles.d/articled.conf      the spool under /var/spool/articled
#   /etc/articled/articled.conf            the configuration, a conffile (dpkg keeps local edits)
#   /usr/share/doc/articled/README.md
# postinst creates the user and the spool and reloads systemd; the service is neither enabled nor
# started (systemctl enable --now articled). The .deb is written to the repository root.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${1:-${VERSION:-0.1.0}}"
ARCH=amd64
SCRATCH="$ROOT/.build-deb"
OUTPUT="$ROOT/articled_${VERSION}_${ARCH}.deb"

cd "$ROOT"
swift build -c release --product articled --static-swift-stdlib --scratch-path "$SCRATCH"
BINARY="$SCRATCH/release/articled"
MODELS="$SCRATCH/release/articled_ArticleModels.resources/Resources"
[[ -d "$MODELS" ]] || MODELS="$SCRATCH/release/articled_ArticleModels.resources"
[[ -x "$BINARY" && -d "$MODELS" ]] || { echo "build-deb: no binary or models under $SCRATCH/release" >&2; exit 1; }
if ldd "$BINARY" | grep -i swift; then
    echo "build-deb: the binary still links a Swift library dynamically" >&2
    exit 1
fi

STAGE="$(mktemp -d /tmp/articled-deb.XXXXXX)"
trap 'rm -rf "$STAGE"' EXIT
install -d -m 0755 "$STAGE/DEBIAN" "$STAGE/usr/bin" "$STAGE/usr/share/articled/models" "$STAGE/usr/share/doc/articled" \
    "$STAGE/lib/systemd/system" "$STAGE/usr/lib/sysusers.d" "$STAGE/usr/lib/tmpfiles.d" "$STAGE/etc/articled"
install -m 0755 "$BINARY" "$STAGE/usr/bin/articled"
strip --strip-debug "$STAGE/usr/bin/articled"
cp -R "$MODELS/." "$STAGE/usr/share/articled/models/"
chmod -R u=rwX,go=rX "$STAGE/usr/share/articled/models"
sed "s|/usr/local/|/usr/|g" systemd/articled.service >"$STAGE/lib/systemd/system/articled.service"
chmod 0644 "$STAGE/lib/systemd/system/articled.service"
install -m 0644 systemd/articled.sysusers "$STAGE/usr/lib/sysusers.d/articled.conf"
install -m 0644 systemd/articled.tmpfiles "$STAGE/usr/lib/tmpfiles.d/articled.conf"
install -m 0644 config/articled.conf "$STAGE/etc/articled/articled.conf"
install -m 0644 README.md "$STAGE/usr/share/doc/articled/README.md"

# Shared libraries the binary needs, as Debian packages (dpkg -S), for Depends:.
depends="$(ldd "$BINARY" | awk '$3 ~ /^\// { print $3 }' | while read -r library; do
    dpkg -S "$(realpath "$library")" 2>/dev/null || dpkg -S "$library" 2>/dev/null || true
done | cut -d: -f1 | sort -u | paste -sd, | sed 's/,/, /g')"
installed_kib="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"

cat >"$STAGE/DEBIAN/control" <<CONTROL
Package: articled
Version: $VERSION
Architecture: $ARCH
Maintainer: articled developers <articled@localhost>
Installed-Size: $installed_kib
Depends: ${depends:-libc6}, systemd
Section: net
Priority: optional
Description: news article analysis daemon
 articled watches /var/spool/articled/inbox and writes one JSON analysis per article
 (entities, quotes and speakers, keyphrases, summary, tone, dates, language) to the outbox.
 The Swift standard library is linked in: no Swift toolchain is needed.
CONTROL
echo "/etc/articled/articled.conf" >"$STAGE/DEBIAN/conffiles"
cat >"$STAGE/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
    systemd-sysusers articled.conf || true
    systemd-tmpfiles --create articled.conf || true
    if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
fi
exit 0
POSTINST
cat >"$STAGE/DEBIAN/prerm" <<'PRERM'
#!/bin/sh
set -e
if [ -d /run/systemd/system ] && [ "$1" = remove ]; then systemctl stop articled.service || true; fi
exit 0
PRERM
cat >"$STAGE/DEBIAN/postrm" <<'POSTRM'
#!/bin/sh
set -e
if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
exit 0
POSTRM
chmod 0755 "$STAGE/DEBIAN/postinst" "$STAGE/DEBIAN/prerm" "$STAGE/DEBIAN/postrm"

dpkg-deb --root-owner-group -Zgzip --build "$STAGE" "$OUTPUT" >/dev/null
echo "build-deb: $(basename "$OUTPUT") ($(du -h "$OUTPUT" | cut -f1); Depends: ${depends:-libc6}, systemd)"
