#!/usr/bin/env bash
# Instructions per article for each analysis stage, counted by valgrind's callgrind.
#
# Instruction counts do not depend on what else the machine is doing, so this is the figure to
# compare before and after a speed change on a busy machine; wall-clock figures come from
# `make bench`. Every stage entry point is @inline(never), so its inclusive cost is its own.
#   Benchmarks/profile.sh [--scratch-path DIR] [--keep FILE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scratch=()
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scratch-path) scratch=(--scratch-path "$2"); shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) echo "usage: profile.sh [--scratch-path DIR] [--keep CALLGRIND_OUT]" >&2; exit 2 ;;
  esac
done
command -v valgrind >/dev/null || { echo "profile.sh needs valgrind (apt-get install -y valgrind)" >&2; exit 1; }
# A file added to the root package is not seen by this package's cached build plan: re-plan.
rm -f "$here/.build/release.yaml"
swift build -c release --package-path "$here" "${scratch[@]}" --product analysis-throughput >&2
bin=$(swift build -c release --package-path "$here" "${scratch[@]}" --show-bin-path)/analysis-throughput
out=${keep:-$(mktemp)}
# --seconds 0: one pass only, one analysis of each corpus article.
valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" --seconds 0 --rounds 1 --workers 1 >/dev/null 2>&1
articles=$(ls "$here"/../../shared/corpus/wikinews-2019/*.txt | wc -l)
callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null | python3 "$here/profile_stages.py" "$articles"
[ -n "$keep" ] || rm -f "$out"
