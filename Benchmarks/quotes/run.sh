#!/bin/sh
# Release build and run of the quotes-stage benchmark. Usage: Benchmarks/quotes/run.sh [--rounds N] [--corpus DIR]
set -e
cd "$(dirname "$0")"
swift build -c release --scratch-path ../../.build-quotes-bench >/dev/null
exec ../../.build-quotes-bench/release/QuotesBenchmark "$@"
