"""datasketch's MinHash and MinHashLSH beside articled's MinHash on the same cleaned pairs.

Reads the JSON Lines of `articled eval-duplicates --pairs-out` (original and edited copy of each
corpus article, cleaned by articled, with articled's exact Jaccard and estimate). datasketch gets
the same texts, shingled the same way as closely as Python allows (lower-cased words, inner
hyphens and apostrophes kept, 5-word shingles), 128 permutations; its LSH at threshold 0.8 is
queried with each copy after every original is inserted.
"""
import collections, json, re, sys, time
from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

def shingles(text):
    words = [w.replace("’", "'") for w in WORD.findall(text.lower())]
    if len(words) < 5:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + 5]) for i in range(len(words) - 4)}

def signature(s):
    m = MinHash(num_perm=128, seed=1)
    for x in s:
        m.update(x.encode("utf-8"))
    return m

def main():
    pairs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
    originals = {}
    t0 = time.perf_counter()
    for p in pairs:
        if p["article"] not in originals:
            originals[p["article"]] = signature(shingles(p["a"]))
    per_signature = (time.perf_counter() - t0) / len(originals) * 1e6
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    for name, m in originals.items():
        lsh.insert(name, m)
    rows = collections.defaultdict(lambda: collections.Counter())
    query_time = 0.0
    for p in pairs:
        sa, sb = shingles(p["a"]), shingles(p["b"])
        exact = len(sa & sb) / len(sa | sb) if sa | sb else 1.0
        mb = signature(sb)
        est = originals[p["article"]].jaccard(mb)
        t = time.perf_counter()
        found = p["article"] in lsh.query(mb)
        query_time += time.perf_counter() - t
        r = rows[p["edit"]]
        r["n"] += 1
        r["ds_err"] += abs(est - exact)
        r["ar_err"] += abs(p["estimate"] - p["exact"])
        truth, ar_truth = exact >= 0.8, p["exact"] >= 0.8
        r["ds_tp"] += truth and found; r["ds_fn"] += truth and not found; r["ds_fp"] += (not truth) and found
        ar_found = p["estimate"] >= 0.8
        r["ar_tp"] += ar_truth and ar_found; r["ar_fn"] += ar_truth and not ar_found; r["ar_fp"] += (not ar_truth) and ar_found
    print("edit        pairs | articled: mean|err|  found/missed  false | datasketch LSH: mean|err|  found/missed  false")
    total = collections.Counter()
    for edit, r in rows.items():
        total.update(r)
        print("%-10s  %5d | %18.3f  %6d/%-5d  %5d | %24.3f  %6d/%-5d  %5d" % (edit, r["n"], r["ar_err"] / r["n"], r["ar_tp"], r["ar_fn"], r["ar_fp"],
                                                                             r["ds_err"] / r["n"], r["ds_tp"], r["ds_fn"], r["ds_fp"]))
    r = total
    print("%-10s  %5d | %18.3f  %6d/%-5d  %5d | %24.3f  %6d/%-5d  %5d" % ("all", r["n"], r["ar_err"] / r["n"], r["ar_tp"], r["ar_fn"], r["ar_fp"],
                                                                         r["ds_err"] / r["n"], r["ds_tp"], r["ds_fn"], r["ds_fp"]))
    print("datasketch: %.0f µs per signature (128 permutations), %.0f µs per LSH query; each side against its own exact Jaccard"
          % (per_signature, query_time / len(pairs) * 1e6))

if __name__ == "__main__":
    main()
