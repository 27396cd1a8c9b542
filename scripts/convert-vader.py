#!/usr/bin/env python3
"""Converts VADER's sentiment lexicon (PyPI `vaderSentiment`, MIT licence) into articled's tone resource.

Run at build time, not at run time:

    python3 scripts/convert-vader.py            # downloads vaderSentiment 3.3.2 with pip
    python3 scripts/convert-vader.py WHEEL.whl  # or converts a wheel you already have

Writes Sources/ArticleModels/Resources/tone-vader.tsv and tone-vader.LICENSE.txt. The resource is
the lexicon (word and mean valence; VADER's standard deviations and raw ratings are dropped) plus
the rule word lists VADER keeps in its source (booster/dampener words, negation words, special-case
phrases), so `ToneLexicon` in Sources/ArticleAnalysis/Tone reads every list from data:

    v <TAB> token <TAB> valence      lexicon entry (-4 ... 4)
    b <TAB> word <TAB> increment     booster (+0.293) or dampener (-0.293)
    n <TAB> word                     negation word
    s <TAB> phrase <TAB> valence     special-case phrase that replaces a word's valence
"""
import importlib.util
import os
import subprocess
import sys
import tempfile
import zipfile

VERSION = "3.3.2"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "ArticleModels", "Resources")


def wheel_path(work):
    if len(sys.argv) > 1:
        return sys.argv[1]
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                    f"vaderSentiment=={VERSION}", "-d", work], check=True)
    return next(os.path.join(work, f) for f in os.listdir(work) if f.endswith(".whl"))


def main():
    with tempfile.TemporaryDirectory() as work:
        with zipfile.ZipFile(wheel_path(work)) as wheel:
            wheel.extractall(work)
        package = os.path.join(work, "vaderSentiment")
        spec = importlib.util.spec_from_file_location("vader", os.path.join(package, "vaderSentiment.py"))
        vader = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(vader)  # only defines constants and classes
        lines = [f"# VADER sentiment lexicon and rule words, converted by scripts/convert-vader.py from",
                 f"# vaderSentiment {VERSION} (C.J. Hutto, MIT licence: see tone-vader.LICENSE.txt).",
                 "# v=lexicon valence, b=booster increment, n=negation word, s=special-case phrase valence"]
        with open(os.path.join(package, "vader_lexicon.txt"), encoding="utf-8") as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if len(fields) >= 2 and fields[0] and "\t" not in fields[0]:
                    lines.append(f"v\t{fields[0]}\t{float(fields[1]):g}")
        for word, increment in sorted(vader.BOOSTER_DICT.items()):
            lines.append(f"b\t{word}\t{increment:g}")
        for word in sorted(set(vader.NEGATE)):
            lines.append(f"n\t{word}")
        for phrase, valence in sorted(vader.SPECIAL_CASES.items()):
            lines.append(f"s\t{phrase}\t{float(valence):g}")
        os.makedirs(OUT, exist_ok=True)
        with open(os.path.join(OUT, "tone-vader.tsv"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        licence = next(os.path.join(root, name) for root, _, names in os.walk(work)
                       for name in names if name.upper() == "LICENSE.TXT")
        with open(licence, encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(OUT, "tone-vader.LICENSE.txt"), "w", encoding="utf-8") as f:
            f.write(f"tone-vader.tsv is converted from vaderSentiment {VERSION} (PyPI), whose licence follows.\n\n")
            f.write(text.rstrip() + "\n")
        print(f"wrote {len(lines)} lines to {OUT}/tone-vader.tsv")


if __name__ == "__main__":
    main()
