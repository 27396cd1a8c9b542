"""Wall time of `articled query ...` as a person runs it (process start included), p50/p99."""
import argparse, sqlite3, random, statistics, subprocess, time

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--articled", required=True)
    p.add_argument("--index", required=True)
    p.add_argument("--runs", type=int, default=40)
    a = p.parse_args()
    db = sqlite3.connect("file:%s?mode=ro" % a.index, uri=True)
    people = [r[0] for r in db.execute("SELECT name FROM entities WHERE type = 'PERSON' AND multiword = 1 ORDER BY random() LIMIT ?", (a.runs,))]
    speakers = [r[0] for r in db.execute("SELECT DISTINCT q.speaker_name FROM quotes q WHERE q.speaker_local IS NOT NULL ORDER BY random() LIMIT ?", (a.runs,))]
    texts = [r[0] for r in db.execute("SELECT text FROM articles ORDER BY random() LIMIT ?", (a.runs,))]
    phrases = []
    for t in texts:
        words = [w for w in t.split() if w.isalpha()]
        if len(words) > 3:
            k = random.randrange(len(words) - 2)
            phrases.append(words[k] + " " + words[k + 1])
    for label, args in (("entity", [["query", "entity", n] for n in people]),
                        ("quotes", [["query", "quotes", "--speaker", n] for n in speakers]),
                        ("search", [["query", "search", s] for s in phrases])):
        samples = []
        for extra in args:
            start = time.monotonic()
            subprocess.run([a.articled] + extra + ["--index", a.index], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            samples.append((time.monotonic() - start) * 1000)
        samples.sort()
        print("command line: query %-6s p50 %6.1f ms  p99 %6.1f ms  (%d runs, process start included)"
              % (label, statistics.median(samples), samples[min(len(samples) - 1, int(0.99 * len(samples)))], len(samples)))

if __name__ == "__main__":
    main()
