#!/usr/bin/env bash
# Writes the analysis of every corpus article (timings removed) to one JSON Lines file, so a
# speed change can be checked to leave every result byte-identical:
#   scripts/analysis-snapshot.sh BINARY OUT.jsonl && cmp OUT.jsonl BEFORE.jsonl
set -euo pipefail
binary=${1:?usage: analysis-snapshot.sh ARTICLED_BINARY OUT.jsonl}
out=${2:?usage: analysis-snapshot.sh ARTICLED_BINARY OUT.jsonl}
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${ARTICLED_SHARED:-$here/../shared}
"$binary" analyze "$shared"/corpus/seed/*.txt "$shared"/corpus/wikinews-2019/*.txt \
  | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    d.pop("timing_ms", None)
    d["source"].pop("received", None)
    print(json.dumps(d, sort_keys=True, ensure_ascii=False))
' > "$out"
echo "$(wc -l < "$out") analyses in $out"
