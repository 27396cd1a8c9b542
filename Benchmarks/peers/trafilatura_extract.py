"""trafilatura (the peer for web pages) on the article-extraction benchmark, one core.

Writes its predictions ({"<key>": {"articleBody": ...}}) for `articled eval-extraction
--predictions`, and prints one JSON line: version, pages, seconds, pages/s (extraction only,
from the inflated HTML in memory, like articled's figure; CPU time of this process, like
articled's thread CPU time, so other load on the machine does not skew the ratio).

  python trafilatura_extract.py DIR OUT.json [--rounds N]
"""
import gzip, json, os, sys, time

import trafilatura


def main():
    directory, out = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 1
    truth = json.load(open(os.path.join(directory, "ground-truth.json")))
    pages = {key: gzip.open(os.path.join(directory, "html", key + ".html.gz")).read() for key in sorted(truth)}
    best = None
    predictions = {}
    for _ in range(rounds):
        start = time.process_time()  # CPU time: one core, whatever else the machine runs
        for key, html in pages.items():
            text = trafilatura.extract(html, output_format="txt", include_comments=False)
            predictions[key] = {"articleBody": text or ""}
        seconds = time.process_time() - start
        best = seconds if best is None else min(best, seconds)
    json.dump(predictions, open(out, "w"))
    print(json.dumps({"peer": "trafilatura", "version": trafilatura.__version__, "pages": len(pages),
                      "seconds": round(best, 3), "pages_per_s": round(len(pages) / best, 1)}))


if __name__ == "__main__":
    main()
