#!/usr/bin/env bash
# System test: articled under real systemd, in a throw-away systemd-nspawn container.
#
#   Tests/system/nspawn-test.sh [PACKAGE.deb | BINARY]   (make test passes the .deb of make deb;
#                                                default: .build/release/articled)
#
# The container boots the host's own systemd from a tmpfs root with the host's /usr
# (--volatile=yes), so nothing it does reaches the host. Given a .deb, /usr is a writable overlay of
# the host's (changes go to a throw-away upper layer), the container gets a copy of the host's dpkg
# status (so Depends: are checked against what is installed) and the test installs the package
# with dpkg -i, as on a real machine: its postinst creates the
# articled user and the spool (sysusers.d, tmpfiles.d); the test checks that `ldd
# /usr/bin/articled` names no Swift library and that the configuration is a conffile. Given a
# binary, scripts/install.sh stages it with the models, unit, config, sysusers.d and tmpfiles.d
# files into a temporary DESTDIR that is bound into the container (systemd-sysusers and
# systemd-tmpfiles apply them at boot). The test then:
#   - starts articled.service (Type=notify: returns once the daemon sent READY=1);
#   - drops the reference article into the inbox as an unprivileged member of group articled and
#     waits for its JSON in the outbox, checks it, the processed/ copy and the empty inbox;
#   - checks `systemctl status`/`show`: active (running), the STATUS= line counting the article,
#     a watchdog configured, and at the end no restarts (no crash, no watchdog kill);
#   - checks `journalctl -u articled -o json`: native journal fields (ARTICLE_FILE,
#     SYSLOG_IDENTIFIER=articled, CODE_FILE, PRIORITY), i.e. the journald handler was chosen;
#   - `systemctl reload articled`: the daemon logs the reload, keeps its main process and runs on;
#     a broken configuration is rejected with a journal error (PRIORITY<=3, ERROR) and the
#     daemon still analyses a second article afterwards;
#   - `systemd-analyze security articled`: exposure <= 0.3 (with MemoryMax= and TasksMax= set);
#   - drops 10,000 articles at once and waits for their results: journald suppressed nothing of
#     the unit (no "Suppressed" message) and the daemon logged summary lines instead of a line
#     per article (ARTICLED_BURST changes the count);
#   - `systemctl stop articled`: clean exit (status 0, result success);
# and powers the container off. Every wait is bounded; the whole run takes well under a minute.
#
# Skips (exit 0, "SKIP" line) when it cannot run here: not root, no systemd-nspawn, no systemd.
# Set ARTICLED_NSPAWN_REQUIRED=1 to turn a skip into a failure (CI on machines that can run it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BINARY="$(realpath -m "${1:-$ROOT/.build/release/articled}")"
PACKAGE=""
if [[ "$BINARY" == *.deb ]]; then PACKAGE="$BINARY"; fi
BURST="${ARTICLED_BURST:-10000}"
SEED="${ARTICLED_SEED:-$ROOT/../shared/corpus/seed/al-nusrah-interview.txt}"
ARTICLE="al-nusrah-interview.txt"
SPOOL=/var/spool/articled
MAX_EXPOSURE=0.3

skip() {
    echo "SKIP nspawn-test: $*"
    [[ "${ARTICLED_NSPAWN_REQUIRED:-0}" == 1 ]] && exit 1
    exit 0
}
CHECKS_PASSED=0
ok() { CHECKS_PASSED=$((CHECKS_PASSED + 1)); echo "ok - $*"; }

[[ "$(id -u)" -eq 0 ]] || skip "needs root (systemd-nspawn boots a container)"
command -v systemd-nspawn >/dev/null || skip "systemd-nspawn missing (apt-get install systemd-container)"
command -v nsenter >/dev/null || skip "nsenter missing (util-linux)"
[[ -x /lib/systemd/systemd ]] || skip "no /lib/systemd/systemd to boot"
if [[ -n "$PACKAGE" ]]; then
    [[ -f "$PACKAGE" ]] || { echo "FAIL nspawn-test: no package at $PACKAGE (make deb)" >&2; exit 1; }
else
    [[ -x "$BINARY" ]] || { echo "FAIL nspawn-test: no articled binary at $BINARY" >&2; exit 1; }
fi
[[ -f "$SEED" ]] || { echo "FAIL nspawn-test: reference article missing: $SEED" >&2; exit 1; }

WORK="$(mktemp -d /tmp/articled-nspawn.XXXXXX)"
MACHINE="articled-test-$$"
NSPAWN_PID=""
CONTAINER_PID=""
NSPAWN_FOLDERS_CREATED=()
for folder in /run/systemd/nspawn/propagate /run/systemd/nspawn /run/systemd/nspawn-root; do
    [[ -e "$folder" ]] || NSPAWN_FOLDERS_CREATED+=("$folder")
done

# Runs a command inside the container (all its namespaces).
in_container() { nsenter --target "$CONTAINER_PID" --all -- "$@"; }

diagnostics() {
    [[ -n "$CONTAINER_PID" ]] || { tail -n 30 "$WORK/console.log" 2>/dev/null; return 0; }
    echo "--- systemctl status articled" >&2
    in_container systemctl status articled --no-pager --full >&2 || true
    echo "--- journalctl -u articled (last 40)" >&2
    in_container journalctl -u articled --no-pager -n 40 >&2 || true
    echo "--- spool" >&2
    in_container find "$SPOOL" -ls >&2 || true
}

fail() {
    echo "FAIL nspawn-test: $*" >&2
    diagnostics
    echo "nspawn: $CHECKS_PASSED passed, 1 failed"
    exit 1
}

cleanup() {
    local status=$?
    if [[ -n "$NSPAWN_PID" ]] && kill -0 "$NSPAWN_PID" 2>/dev/null; then
        # SIGTERM makes systemd-nspawn ask the container's systemd for an orderly power-off.
        kill -TERM "$NSPAWN_PID" 2>/dev/null || true
        for _ in $(seq 1 300); do kill -0 "$NSPAWN_PID" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$NSPAWN_PID" 2>/dev/null; then
            echo "nspawn-test: container did not power off in 30 s; killing it" >&2
            kill -KILL "$NSPAWN_PID" 2>/dev/null || true
        fi
        wait "$NSPAWN_PID" 2>/dev/null || true
    fi
    # systemd-nspawn leaves its empty working folders in /run behind when the root is "/"; remove
    # them unless they were there before (rmdir fails harmlessly while another container uses them).
    rmdir "/run/systemd/nspawn/propagate/$MACHINE" 2>/dev/null || true
    local folder
    for folder in "${NSPAWN_FOLDERS_CREATED[@]}"; do rmdir "$folder" 2>/dev/null || true; done
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits up to $1 tenths of a second for the command after it to succeed.
wait_for() {
    local tenths=$1; shift
    for _ in $(seq 1 "$tenths"); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}

# --- stage exactly what `make install` installs, from this binary (or bind the package) -------
STAGE="$WORK/stage"
binds=()
if [[ -n "$PACKAGE" ]]; then
    binds+=("--bind-ro=$PACKAGE:/root/articled.deb" "--overlay=/usr::/usr")
    CONFIG_IN_CONTAINER=1
else
    BINARY="$BINARY" bash "$ROOT/scripts/install.sh" /usr/local "$STAGE" >/dev/null \
        || fail "scripts/install.sh into $STAGE failed"
    ok "install.sh staged binary, models, unit, config, sysusers.d and tmpfiles.d"
    CONFIG_IN_CONTAINER=0
    binds+=(
        "--bind-ro=$STAGE/usr/local:/usr/local"
        "--bind-ro=$STAGE/etc/systemd/system/articled.service:/etc/systemd/system/articled.service"
        "--bind-ro=$STAGE/etc/articled:/etc/articled"
        "--bind-ro=$STAGE/etc/sysusers.d/articled.conf:/etc/sysusers.d/articled.conf"
        "--bind-ro=$STAGE/etc/tmpfiles.d/articled.conf:/etc/tmpfiles.d/articled.conf"
    )
    # Shared libraries from outside /usr (e.g. the Swift runtime of a non-static build in
    # /opt/swift) are bound in read-only at the same path.
    while read -r folder; do
        case "$folder" in
            /usr/* | /lib/* | /lib64/* | /lib32/*) ;;
            *) binds+=("--bind-ro=$folder") ;;
        esac
    done < <(ldd "$BINARY" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | xargs -r -n1 dirname | sort -u)
fi

# --- boot ---------------------------------------------------------------------------------------
systemd-nspawn \
    --quiet \
    --directory=/ --volatile=yes \
    --machine="$MACHINE" --register=no --keep-unit \
    --console=read-only \
    "${binds[@]}" \
    --boot -- systemd.firstboot=off \
    </dev/null >"$WORK/console.log" 2>&1 &
NSPAWN_PID=$!

# The container's PID 1 is systemd-nspawn's child process running systemd.
find_container_pid() {
    local child
    for child in $(pgrep -P "$NSPAWN_PID"); do
        if [[ "$(cat "/proc/$child/comm" 2>/dev/null)" == systemd ]]; then
            CONTAINER_PID=$child
            return 0
        fi
    done
    return 1
}
wait_for 300 find_container_pid \
    || { kill -0 "$NSPAWN_PID" 2>/dev/null || skip "systemd-nspawn cannot boot a container here: $(tail -n 3 "$WORK/console.log" | tr '\n' ' ')"; fail "no container systemd after 30 s"; }
# systemctl talks to the container's systemd over /run/systemd/private once it is up.
wait_for 300 in_container test -S /run/systemd/private || fail "the container's systemd did not come up in 30 s"
state="$(timeout 120 nsenter --target "$CONTAINER_PID" --all -- systemctl is-system-running --wait 2>/dev/null || true)"
case "$state" in
    running | degraded) ok "container booted (systemd $state)" ;;
    *) fail "container did not finish booting: '$state'" ;;
esac

# --- the package, installed with dpkg --------------------------------------------------------------
if [[ -n "$PACKAGE" ]]; then
    in_container mkdir -p /var/lib/dpkg/info /var/lib/dpkg/updates /var/lib/dpkg/triggers
    in_container sh -c 'cat > /var/lib/dpkg/status && touch /var/lib/dpkg/available' </var/lib/dpkg/status
    in_container dpkg -i /root/articled.deb >"$WORK/dpkg.log" 2>&1 || { cat "$WORK/dpkg.log" >&2; fail "dpkg -i $(basename "$PACKAGE") failed"; }
    swift_libraries="$(in_container ldd /usr/bin/articled | grep -i swift || true)"
    [[ -z "$swift_libraries" ]] || fail "the installed binary links Swift libraries: $swift_libraries"
    in_container dpkg-query -W -f='${Conffiles}\n' articled | grep -q "/etc/articled/articled.conf" \
        || fail "/etc/articled/articled.conf is not a conffile of the package"
    ok "dpkg -i $(basename "$PACKAGE"): /usr/bin/articled needs no Swift library (ldd), config is a conffile"
fi

# --- shipped sysusers.d / tmpfiles.d applied ---------------------------------------------------------
in_container getent passwd articled >/dev/null || fail "sysusers.d did not create user articled"
ARTICLED_GID="$(in_container getent group articled | cut -d: -f3)"
[[ -n "$ARTICLED_GID" ]] || fail "sysusers.d did not create group articled"
inbox_mode="$(in_container stat -c '%a %U:%G' "$SPOOL/inbox")"
[[ "$inbox_mode" == "2770 articled:articled" ]] || fail "inbox is '$inbox_mode', expected 2770 articled:articled"
for folder in processing outbox processed failed; do
    in_container test -d "$SPOOL/$folder" || fail "tmpfiles.d did not create $SPOOL/$folder"
done
ok "user/group articled and $SPOOL (inbox 2770, setgid) created from the shipped files"

# --- start ---------------------------------------------------------------------------------------
timeout 60 nsenter --target "$CONTAINER_PID" --all -- systemctl start articled \
    || fail "systemctl start articled failed"
show() { in_container systemctl show articled --value -p "$1"; }
[[ "$(show ActiveState)/$(show SubState)" == active/running ]] \
    || fail "articled is $(show ActiveState)/$(show SubState) after start"
MAIN_PID="$(show MainPID)"
ok "systemctl start articled: active (running), main PID $MAIN_PID in the container"

# As an unprivileged newsroom account (nobody + group articled): write under a dotfile name,
# then rename into place, as documented for producers.
drop_article() { # name < content
    in_container setpriv --reuid=65534 --regid=65534 --groups="$ARTICLED_GID" -- \
        sh -c 'cat > "$1/.$2.part" && mv "$1/.$2.part" "$1/$2"' sh "$SPOOL/inbox" "$1"
}
# The result for an input name: a non-temporary outbox entry named after it, ending in .json.
result_name() {
    in_container ls -1 "$SPOOL/outbox" 2>/dev/null | awk -v name="$1" -v stem="${1%.*}" '
        substr($0, 1, 1) != "." && /\.json$/ && (index($0, name) == 1 || index($0, stem ".") == 1) { print; exit }'
}
has_result() { [[ -n "$(result_name "$1")" ]]; }

drop_article "$ARTICLE" <"$SEED" || fail "could not drop $ARTICLE into the inbox as a member of group articled"
wait_for 600 has_result "$ARTICLE" || fail "no result for $ARTICLE in $SPOOL/outbox after 60 s"
RESULT="$(result_name "$ARTICLE")"
in_container cat "$SPOOL/outbox/$RESULT" >"$WORK/result.json"
python3 - "$WORK/result.json" "$ARTICLE" "$(stat -c %s "$SEED")" <<'PY' || fail "result JSON is not what articled promises"
import json, sys
path, name, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
doc = json.load(open(path, encoding="utf-8"))
problems = []
if not isinstance(doc.get("schema"), str): problems.append("schema is not a string")
source = doc.get("source") or {}
if source.get("name") != name: problems.append(f"source.name is {source.get('name')!r}")
if source.get("bytes") != size: problems.append(f"source.bytes is {source.get('bytes')!r}, file has {size}")
if not isinstance(doc.get("text"), str) or not doc["text"]: problems.append("text is empty")
words = (doc.get("stats") or {}).get("words")
if not isinstance(words, int) or words <= 0: problems.append(f"stats.words is {words!r}")
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
PY
ok "outbox/$RESULT is valid JSON for $ARTICLE ($(stat -c %s "$WORK/result.json") bytes)"

in_container test -f "$SPOOL/processed/$ARTICLE" || fail "$ARTICLE is not in processed/"
leftovers="$(in_container sh -c "ls -A $SPOOL/inbox $SPOOL/processing $SPOOL/failed" | grep -v -e '^/' -e '^$' || true)"
[[ -z "$leftovers" ]] || fail "left in inbox/processing/failed: $leftovers"
in_container setpriv --reuid=65534 --regid=65534 --groups="$ARTICLED_GID" -- cat "$SPOOL/outbox/$RESULT" >/dev/null \
    || fail "a member of group articled cannot read the result"
ok "input moved to processed/, nothing left elsewhere, result readable by group articled"

# --- systemctl status -------------------------------------------------------------------------------
# The daemon refreshes STATUS= from its main loop, so the count may trail the result briefly.
counts_article() { [[ "$(show StatusText)" == *" 1 analysed"* ]]; }
wait_for 300 counts_article || fail "STATUS= text does not count the article: '$(show StatusText)'"
STATUS_TEXT="$(show StatusText)"
in_container systemctl status articled --no-pager >"$WORK/status.txt" || true
grep -q "Active: active (running)" "$WORK/status.txt" || fail "systemctl status does not say active (running)"
grep -qF "Status: \"$STATUS_TEXT\"" "$WORK/status.txt" || fail "systemctl status does not show the STATUS= line"
[[ "$(show WatchdogUSec)" != 0 && "$(show WatchdogUSec)" != infinity ]] || fail "the unit has no watchdog"
ok "systemctl status: active (running), Status: \"$STATUS_TEXT\""

# --- journal -----------------------------------------------------------------------------------------
in_container journalctl -u articled -o json --no-pager >"$WORK/journal.json" || fail "journalctl -u articled failed"
python3 - "$WORK/journal.json" "$ARTICLE" <<'PY' || fail "journalctl -u articled -o json lacks the native fields"
import json, sys
path, article = sys.argv[1], sys.argv[2]
def text(value):
    if isinstance(value, list):
        value = value[0] if value and isinstance(value[0], (list, str)) else value
        if isinstance(value, list): return bytes(value).decode("utf-8", "replace")
    return value
entries = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
ours = [e for e in entries if text(e.get("SYSLOG_IDENTIFIER")) == "articled" and "CODE_FILE" in e]
about = [e for e in ours if text(e.get("ARTICLE_FILE")) == article]
problems = []
if not ours: problems.append("no entry with SYSLOG_IDENTIFIER=articled and CODE_FILE (journald handler not used?)")
if not about: problems.append(f"no entry with ARTICLE_FILE={article}")
for e in about:
    for field in ("MESSAGE", "PRIORITY", "CODE_FILE", "CODE_LINE", "CODE_FUNC"):
        if field not in e: problems.append(f"ARTICLE_FILE entry lacks {field}")
    if text(e.get("_SYSTEMD_UNIT")) != "articled.service": problems.append("entry is not from articled.service")
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
e = about[-1]
print(f"ok - journal: {len(ours)} native entries; e.g. MESSAGE={text(e['MESSAGE'])!r} PRIORITY={text(e['PRIORITY'])} "
      f"CODE_FILE={text(e['CODE_FILE'])} ARTICLE_FILE={article}")
print("     fields: " + " ".join(sorted(k for k in e if not k.startswith("_") and not k.startswith("__"))))
PY

# --- reload ------------------------------------------------------------------------------------------
# Counts the daemon's own (native, CODE_FILE-carrying) journal entries of one kind:
#   reloaded: MESSAGE mentions "reload" at notice level or below;  error: PRIORITY <= 3 with an ERROR field.
count_entries() {
    in_container journalctl -u articled -o json --no-pager | python3 -c '
import json, sys
kind = sys.argv[1]
def text(value):
    if isinstance(value, list):
        value = value[0]
        if isinstance(value, list): return bytes(value).decode("utf-8", "replace")
    return value
count = 0
for line in sys.stdin:
    e = json.loads(line)
    if "CODE_FILE" not in e or text(e.get("SYSLOG_IDENTIFIER")) != "articled": continue
    priority = int(text(e.get("PRIORITY", "6")))
    if kind == "reloaded" and priority >= 5 and "reload" in text(e.get("MESSAGE", "")).lower(): count += 1
    if kind == "error" and priority <= 3 and "ERROR" in e: count += 1
print(count)' "$1"
}
more_entries() { [[ "$(count_entries "$1")" -gt "$2" ]]; }
still_serving() {
    wait_for 300 settled || fail "articled is $(show ActiveState)/$(show SubState) after $1"
    [[ "$(show MainPID)" == "$MAIN_PID" ]] || fail "$1 replaced the main process ($MAIN_PID -> $(show MainPID))"
}
reload() { timeout 60 nsenter --target "$CONTAINER_PID" --all -- systemctl reload articled; }
settled() { [[ "$(show ActiveState)/$(show SubState)" == active/running ]]; }

reloads_before="$(count_entries reloaded)"
reload || fail "systemctl reload articled failed"
still_serving "reload"
wait_for 100 more_entries reloaded "$reloads_before" || fail "no 'configuration reloaded' journal entry after systemctl reload"
ok "systemctl reload articled: configuration re-read, same process, still running"

# A broken configuration is rejected with a journal error; the daemon keeps the old one and runs on.
CONFIG="$STAGE/etc/articled/articled.conf"   # bound into the container: edits show up live
if [[ "$CONFIG_IN_CONTAINER" == 1 ]]; then
    CONFIG="$WORK/articled.conf"
    in_container cat /etc/articled/articled.conf >"$CONFIG"
fi
put_config() { [[ "$CONFIG_IN_CONTAINER" == 1 ]] && in_container sh -c 'cat > /etc/articled/articled.conf' <"$CONFIG"; return 0; }
cp "$CONFIG" "$WORK/articled.conf.good"
printf '[processing]\nworkers = lots\n' >"$CONFIG"
put_config
errors_before="$(count_entries error)"
reload || fail "systemctl reload articled failed with a broken configuration"
still_serving "reload with a broken configuration"
wait_for 100 more_entries error "$errors_before" || fail "no journal error (PRIORITY<=3 with ERROR) for the broken configuration"
cp "$WORK/articled.conf.good" "$CONFIG"
put_config
SECOND="after-reload.txt"
drop_article "$SECOND" <"$SEED" || fail "could not drop $SECOND"
wait_for 600 has_result "$SECOND" || fail "no result for $SECOND after the reloads"
ok "broken configuration rejected with a journal error; articled kept running and analysed $SECOND"

# --- security ----------------------------------------------------------------------------------------
in_container systemd-analyze security articled --no-pager >"$WORK/security.txt" 2>&1 || true
EXPOSURE="$(sed -n 's/.*Overall exposure level for articled.service: \([0-9.]*\).*/\1/p' "$WORK/security.txt")"
[[ -n "$EXPOSURE" ]] || { cat "$WORK/security.txt" >&2; fail "systemd-analyze security printed no exposure level"; }
awk -v e="$EXPOSURE" -v max="$MAX_EXPOSURE" 'BEGIN { exit !(e <= max) }' \
    || { grep '✗' "$WORK/security.txt" >&2; fail "exposure $EXPOSURE is above $MAX_EXPOSURE"; }
ok "systemd-analyze security articled: exposure $EXPOSURE (<= $MAX_EXPOSURE)"

[[ "$(show MemoryMax)" != infinity && "$(show TasksMax)" != infinity ]] \
    || fail "the unit sets no MemoryMax= or TasksMax= (MemoryMax=$(show MemoryMax) TasksMax=$(show TasksMax))"
ok "limits: MemoryMax=$(show MemoryMax) TasksMax=$(show TasksMax)"

# --- a burst: journald suppresses nothing ------------------------------------------------------------
# The articles are written by one process (as the newsroom account) under dot names, then renamed in.
results_before="$(in_container sh -c "ls -1 $SPOOL/outbox | grep -c '\.json\$'" || true)"
in_container setpriv --reuid=65534 --regid=65534 --groups="$ARTICLED_GID" -- python3 - "$SPOOL/inbox" "$BURST" <<'PY' \
    || fail "could not drop the burst"
import os, sys
inbox, count = sys.argv[1], int(sys.argv[2])
for i in range(count):
    text = f"Burst item {i}\n\nThe council of Springfield met on Monday. Mayor Jane Smith said the budget for item {i} was approved.\n"
    part = os.path.join(inbox, f".burst-{i:05d}.part")
    with open(part, "w") as f: f.write(text)
    os.rename(part, os.path.join(inbox, f"burst-{i:05d}.txt"))
PY
burst_done() { [[ "$(in_container sh -c "ls -1 $SPOOL/outbox | grep -c '\.json\$'")" -ge $((results_before + BURST)) ]]; }
wait_for 6000 burst_done || fail "the burst of $BURST articles was not done in 10 minutes ($(in_container sh -c "ls -1 $SPOOL/outbox | wc -l") results)"
# The summary for the burst's window comes when the window (10 s) ends.
count_lines() { in_container journalctl -u articled --no-pager -o cat | grep -c "$1" || true; }
has_summary() { [[ "$(count_lines '^busy: ')" -ge 1 ]]; }
wait_for 300 has_summary || fail "no summary line (busy: …) for the burst"
summaries="$(count_lines '^busy: ')"
per_article="$(count_lines '^article analysed')"
in_container journalctl --no-pager -o cat >"$WORK/journal-all.txt" || true
if grep -E "Suppressed [0-9]+ messages from articled" "$WORK/journal-all.txt" >&2; then
    fail "journald suppressed messages of articled during the burst"
fi
[[ "$per_article" -lt "$BURST" ]] || fail "$per_article lines about single articles for a burst of $BURST"
ok "$BURST articles in a burst: all analysed, nothing suppressed by journald ($per_article lines about single articles, $summaries summary lines)"

# --- no restarts, clean stop ---------------------------------------------------------------------------
[[ "$(show NRestarts)" == 0 && "$(show MainPID)" == "$MAIN_PID" ]] \
    || fail "articled restarted during the test (NRestarts=$(show NRestarts); watchdog or crash)"
timeout 90 nsenter --target "$CONTAINER_PID" --all -- systemctl stop articled || fail "systemctl stop articled failed"
[[ "$(show Result)" == success && "$(show ExecMainStatus)" == 0 ]] \
    || fail "stop was not clean: Result=$(show Result) ExecMainStatus=$(show ExecMainStatus)"
ok "no restarts; systemctl stop: exit status 0, result success"

echo "PASS nspawn-test ($BINARY)"
echo "nspawn: $CHECKS_PASSED passed, 0 failed"
