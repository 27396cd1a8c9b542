#!/usr/bin/env bash
# Article index benchmark (docs/index.md), release build:
#  1. what indexing adds to the daemon's CPU per article (a backlog with index.enabled on / off;
#     also the index writer thread's own CPU), and the floor: SQLite's CPU for the article row and
#     its FTS5 entry alone (fts_floor.py);
#  2. an index of INDEX_ARTICLES (100,000) articles, the corpus replicated with renamed entities
#     (built by `articled bench-index`, not kept; ~70 s of CPU): query entity / quotes / search
#     and the near-duplicate lookup, p50 and p99 of wall time and of the thread's CPU time (on a
#     shared machine the wall-clock p99 of a sub-millisecond query is mostly time preempted), in
#     process and through the command line;
#  3. near-duplicates on edited corpus copies against exact Jaccard, articled's MinHash beside
#     datasketch's MinHash LSH (PyPI, in a venv) on the same cleaned pairs.
#
#   Benchmarks/index/run.sh
#   INDEX_ARTICLES=20000 INDEX_BACKLOG=1000 Benchmarks/index/run.sh     # a quicker run
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
corpus="$repo/../shared/corpus/wikinews-2019"
if [[ -z "${ARTICLED:-}" ]]; then
    swift build -c release --package-path "$repo" --product articled >&2
    ARTICLED="$repo/.build/release/articled"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== indexing cost in the daemon (backlog of ${INDEX_BACKLOG:-3000}, index off / on, alternating)"
python3 "$here/index_cost.py" --articled "$ARTICLED" --corpus "$corpus" --backlog "${INDEX_BACKLOG:-3000}" --rounds "${INDEX_ROUNDS:-3}"
echo "== the floor: SQLite's own cost for the article row and its FTS5 entry (plain SQLite, no articled)"
python3 "$here/fts_floor.py" "$corpus" "${INDEX_BACKLOG:-3000}"

echo "== index of ${INDEX_ARTICLES:-100000} articles (corpus replicated, entities renamed)"
"$ARTICLED" bench-index --corpus "$corpus" --index "$work/index.sqlite" --articles "${INDEX_ARTICLES:-100000}" --queries 300
python3 "$here/cli_latency.py" --articled "$ARTICLED" --index "$work/index.sqlite"

echo "== near-duplicates on edited corpus copies: articled vs datasketch"
"$ARTICLED" eval-duplicates --corpus "$corpus" --pairs-out "$work/pairs.jsonl"
venv="${DATASKETCH_VENV:-$repo/.build-venv-datasketch}"
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import datasketch' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q datasketch
fi
"$venv/bin/python" "$here/datasketch_pairs.py" "$work/pairs.jsonl"
