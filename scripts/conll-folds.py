#!/usr/bin/env python3
"""Write the documents of a CoNLL file (four or two columns) whose index modulo N is (or is not) K.

Used to hold out part of wikigold: documents 0, 5, 10, ... (index % 5 == 0, 29 of 145) are
the held-out part reported in docs/ner.md, the others may be used for training.
    scripts/conll-folds.py ../shared/data/wikigold/wikigold.conll.txt --of 5 --fold 0 held > /tmp/wikigold-held.txt
    scripts/conll-folds.py ../shared/data/wikigold/wikigold.conll.txt --of 5 --fold 0 rest > /tmp/wikigold-rest.txt
"""
import argparse
import sys

parser = argparse.ArgumentParser()
parser.add_argument("file")
parser.add_argument("part", choices=["held", "rest"])
parser.add_argument("--of", type=int, default=5)
parser.add_argument("--fold", type=int, default=0)
args = parser.parse_args()
docs, current = [], []
with open(args.file, encoding="utf-8") as f:
    for line in f:
        if line.startswith("-DOCSTART-"):
            if current:
                docs.append(current)
            current = [line]
        else:
            current.append(line)
if current:
    docs.append(current)
for i, doc in enumerate(docs):
    if (i % args.of == args.fold) == (args.part == "held"):
        sys.stdout.write("".join(doc) if doc[-1].strip() == "" else "".join(doc) + "\n")
