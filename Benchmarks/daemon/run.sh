#!/usr/bin/env bash
# Daemon benchmark (release build): drop-to-result latency p50/p99 on an idle daemon, backlog
# throughput for 5,000 articles, the same two with the analysis switched off (bare file work:
# read, write, fsync, rename), and peak RSS / open descriptors during a 10,000-file burst.
#
#   Benchmarks/daemon/run.sh                                  # builds both, runs everything
#   Benchmarks/daemon/run.sh --latency 100 --backlog 2000 --burst 5000
#   ARTICLED=/path/to/release/articled Benchmarks/daemon/run.sh   # use a binary built elsewhere
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
scratch="${SCRATCH:-$repo/.build-bench}"
if [[ -z "${ARTICLED:-}" ]]; then
    swift build -c release --package-path "$repo" --scratch-path "$scratch" --product articled
    ARTICLED="$scratch/release/articled"
fi
swift build -c release --package-path "$here" --scratch-path "$here/.build"
exec "$here/.build/release/DaemonBenchmark" --articled "$ARTICLED" --corpus "$repo/../shared/corpus" "$@"
