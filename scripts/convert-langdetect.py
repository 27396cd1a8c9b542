#!/usr/bin/env python3
"""Converts langdetect's character n-gram profiles (PyPI `langdetect`, Apache-2.0) into articled's
language resource.

Run at build time, not at run time:

    python3 scripts/convert-langdetect.py           # downloads langdetect 1.0.9 with pip
    python3 scripts/convert-langdetect.py SDIST.gz  # or converts a source archive you already have

Writes Sources/ArticleModels/Resources/language-profiles.tsv and language-profiles.LICENSE.txt.
For each language below it keeps the TOP most frequent trigrams (lower-cased, words padded with a
space the way langdetect reads text) with their natural-log probability among that language's
trigrams, plus a floor for unseen trigrams:

    language <TAB> trigram <TAB> log-probability
    language <TAB> <TAB> floor log-probability
"""
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile

VERSION = "1.0.9"
TOP = 500
LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl", "cs", "ro", "hu",
             "tr", "ru", "ar", "id"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "ArticleModels", "Resources")


def archive_path(work):
    if len(sys.argv) > 1:
        return sys.argv[1]
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "--quiet",
                    f"langdetect=={VERSION}", "-d", work], check=True)
    return next(os.path.join(work, f) for f in os.listdir(work) if f.endswith(".tar.gz"))


def romanian(gram):
    # langdetect folds comma-below letters into cedilla letters; articled's detector does the same.
    return gram.replace("\u0219", "\u015f").replace("\u021b", "\u0163")


def main():
    with tempfile.TemporaryDirectory() as work:
        with tarfile.open(archive_path(work)) as archive:
            archive.extractall(work, filter="data") if hasattr(tarfile, "data_filter") else archive.extractall(work)
        source = next(os.path.join(work, d) for d in os.listdir(work)
                      if d.startswith("langdetect-") and os.path.isdir(os.path.join(work, d)))
        lines = [f"# Character trigram profiles converted by scripts/convert-langdetect.py from langdetect {VERSION}",
                 "# (Cybozu Labs / Michal Danilak, Apache-2.0: see language-profiles.LICENSE.txt).",
                 f"# language, trigram, ln p(trigram | language) for the {TOP} most frequent; empty trigram = floor"]
        for code in LANGUAGES:
            with open(os.path.join(source, "langdetect", "profiles", code), encoding="utf-8") as f:
                profile = json.load(f)
            counts = {}
            for gram, count in profile["freq"].items():
                if len(gram) == 3:
                    # Lower-case scalar by scalar, keeping the first scalar of a longer mapping
                    # ("İ" -> "i"), as the detector does.
                    key = romanian("".join(c.lower()[0] for c in gram))
                    counts[key] = counts.get(key, 0) + count
            total = sum(counts.values())
            best = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP]
            for gram, count in best:
                if "\t" in gram or "\n" in gram:
                    continue
                lines.append(f"{code}\t{gram}\t{math.log(count / total):.3f}")
            floor = math.log(best[-1][1] / total) - 1.0
            lines.append(f"{code}\t\t{floor:.3f}")
        os.makedirs(OUT, exist_ok=True)
        with open(os.path.join(OUT, "language-profiles.tsv"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        with open(os.path.join(source, "NOTICE"), encoding="utf-8") as f:
            notice = f.read()
        with open(os.path.join(source, "LICENSE"), encoding="utf-8") as f:
            licence = f.read()
        with open(os.path.join(OUT, "language-profiles.LICENSE.txt"), "w", encoding="utf-8") as f:
            f.write(f"language-profiles.tsv is derived from the language profiles of langdetect {VERSION} (PyPI),\n")
            f.write("a port of Cybozu Labs' language-detection. Its NOTICE and licence follow.\n\n")
            f.write(notice.rstrip() + "\n\n" + licence.rstrip() + "\n")
        print(f"wrote {len(lines)} lines to {OUT}/language-profiles.tsv")


if __name__ == "__main__":
    main()
