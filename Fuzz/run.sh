#!/usr/bin/env bash
# Fuzzes articled's analysis with libFuzzer (swiftc -sanitize=fuzzer,address): `make fuzz`.
#
#   Fuzz/run.sh [TARGET...]       targets: decode clean analyze html (default: all four, in turn)
#   FUZZ_SECONDS=60               how long each target runs (make fuzz: 60 s each)
#   FUZZ_JOBS=1                   parallel libFuzzer workers per target
#
# ArticleAnalysis and ArticleModels are compiled with coverage and AddressSanitizer into
# .build-fuzz/, linked with Fuzz/FuzzTarget.swift into .build-fuzz/articled-fuzz. Each target's
# corpus (.build-fuzz/corpus-TARGET) is seeded with the test articles (../shared/corpus: seed and
# wikinews-2019) and grows across runs. A crash, sanitizer report, timeout or out-of-memory is
# written to .build-fuzz/findings/TARGET-*; the run then fails. A finding, once fixed, becomes a
# regression test: copy it to Tests/Fixtures/fuzz/ (FuzzRegressionTests runs
# every file there through the whole pipeline).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/.build-fuzz"
SECONDS_EACH="${FUZZ_SECONDS:-60}"
JOBS="${FUZZ_JOBS:-1}"
TARGETS=("$@")
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=(decode clean analyze html)
SWIFTC="${SWIFTC:-swiftc}"
FLAGS=(-O -sanitize=fuzzer,address -parse-as-library -swift-version 6 -g -package-name articled)

mkdir -p "$OUT/findings"
build() {
    local sources
    echo "fuzz: building CSHA256 (SHA-NI) with ASan"
    clang -O1 -g -fsanitize=fuzzer-no-link,address -I "$ROOT/Sources/CSHA256/include" -I "$ROOT/Sources/CMemoryHints/include" -c "$ROOT/Sources/CSHA256/sha256_ni.c" -o "$OUT/CSHA256.o"
    echo "fuzz: building ArticleAnalysis with coverage + ASan"
    mapfile -t sources < <(find "$ROOT/Sources/ArticleAnalysis" -name '*.swift' | sort)
    "$SWIFTC" "${FLAGS[@]}" -wmo -I "$ROOT/Sources/CSHA256/include" -I "$ROOT/Sources/CMemoryHints/include" -module-name ArticleAnalysis -emit-module -emit-module-path "$OUT/ArticleAnalysis.swiftmodule" \
        -emit-object -o "$OUT/ArticleAnalysis.o" "${sources[@]}"
    echo "fuzz: building ArticleModels"
    mapfile -t sources < <(find "$ROOT/Sources/ArticleModels" -name '*.swift' | sort)
    "$SWIFTC" "${FLAGS[@]}" -wmo -I "$OUT" -I "$ROOT/Sources/CSHA256/include" -I "$ROOT/Sources/CMemoryHints/include" -module-name ArticleModels -emit-module -emit-module-path "$OUT/ArticleModels.swiftmodule" \
        -emit-object -o "$OUT/ArticleModels.o" "${sources[@]}"
    echo "fuzz: building ArticleHTML (HTML parser, extraction; libxml2 and zlib from the system)"
    mapfile -t sources < <(find "$ROOT/Sources/ArticleHTML" -name '*.swift' | sort)
    "$SWIFTC" "${FLAGS[@]}" -wmo -enable-testing -I "$OUT" -I "$ROOT/Sources/CSHA256/include" -I "$ROOT/Sources/CMemoryHints/include" -I "$ROOT/Sources/CLibXML2" -I "$ROOT/Sources/CZlib" \
        -Xcc -I/usr/include/libxml2 -module-name ArticleHTML -emit-module -emit-module-path "$OUT/ArticleHTML.swiftmodule" \
        -emit-object -o "$OUT/ArticleHTML.o" "${sources[@]}"
    echo "fuzz: linking .build-fuzz/articled-fuzz"
    "$SWIFTC" "${FLAGS[@]}" -I "$OUT" -I "$ROOT/Sources/CSHA256/include" -I "$ROOT/Sources/CMemoryHints/include" -I "$ROOT/Sources/CLibXML2" -I "$ROOT/Sources/CZlib" \
        -Xcc -I/usr/include/libxml2 -module-name ArticledFuzz "$ROOT/Fuzz/FuzzTarget.swift" \
        "$OUT/ArticleAnalysis.o" "$OUT/ArticleModels.o" "$OUT/ArticleHTML.o" "$OUT/CSHA256.o" -lxml2 -lz \
        -o "$OUT/articled-fuzz" 2>&1 | grep -v "Cannot export local symbol" || true
    [[ -x "$OUT/articled-fuzz" ]] || { echo "fuzz: link failed" >&2; exit 1; }
}
stale=0
[[ -x "$OUT/articled-fuzz" ]] || stale=1
if [[ $stale == 0 ]] && [[ -n "$(find "$ROOT/Sources/ArticleAnalysis" "$ROOT/Sources/ArticleModels" "$ROOT/Sources/ArticleHTML" "$ROOT/Sources/CSHA256" "$ROOT/Sources/CMemoryHints" "$ROOT/Fuzz" \( -name '*.swift' -o -name '*.c' -o -name '*.h' \) -newer "$OUT/articled-fuzz" | head -1)" ]]; then stale=1; fi
[[ $stale == 0 ]] || build

export ARTICLED_MODELS="$ROOT/Sources/ArticleModels/Resources"
SHARED="$ROOT/../shared/corpus"
status=0
for target in "${TARGETS[@]}"; do
    corpus="$OUT/corpus-$target"
    mkdir -p "$corpus"
    if [[ -z "$(ls -A "$corpus")" ]]; then
        if [[ $target == html ]]; then
            # Pages: the examples, and the first 64 KB of some benchmark pages (inflated).
            cp "$ROOT"/examples/*.html "$corpus/" 2>/dev/null || true
            for page in $(ls "$ROOT/../shared/data/article-extraction/html/"*.html.gz 2>/dev/null | head -40); do
                { gzip -dc "$page" 2>/dev/null || true; } | head -c 65536 >"$corpus/seed-$(basename "$page" .gz)" || true
            done
        else
            for seed in "$SHARED"/seed/*.txt "$SHARED"/wikinews-2019/*.txt "$ROOT"/Tests/Fixtures/fuzz/*; do
                [[ -f "$seed" ]] && cp "$seed" "$corpus/seed-$(basename "$seed")"
            done
        fi
    fi
    echo "fuzz: $target for ${SECONDS_EACH}s from $(ls "$corpus" | wc -l) inputs"
    started=$(date +%s)
    parallel=()
    [[ "$JOBS" -gt 1 ]] && parallel=(-jobs="$JOBS" -workers="$JOBS")
    if ! ARTICLED_FUZZ_TARGET="$target" "$OUT/articled-fuzz" "$corpus" \
        -max_total_time="$SECONDS_EACH" -max_len=262144 -timeout=60 -rss_limit_mb=4096 \
        "${parallel[@]}" -print_final_stats=1 \
        -artifact_prefix="$OUT/findings/$target-" >"$OUT/$target.log" 2>&1; then
        echo "fuzz: $target FOUND something (see $OUT/$target.log and $OUT/findings/)"
        tail -n 40 "$OUT/$target.log"
        status=1
    fi
    [[ "$JOBS" -gt 1 ]] && cat "$OUT"/fuzz-*.log >>"$OUT/$target.log" 2>/dev/null && rm -f "$OUT"/fuzz-*.log
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$OUT/$target.log" | awk '{s+=$2} END {print s+0}')"
    echo "fuzz: $target ran $(( $(date +%s) - started ))s, $runs inputs, corpus $(ls "$corpus" | wc -l)"
    echo "$(date -u +%FT%TZ) $target $(( $(date +%s) - started ))s runs=$runs status=$status" >>"$OUT/history.txt"
done
exit $status
