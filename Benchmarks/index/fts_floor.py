"""The floor of the index's cost: SQLite's own CPU for the rows the issue asks for at the least,
the article row alone and the article row plus its FTS5 entry (unicode61, detail=full, external
content, automerge 16, 8 MiB pending buffer: the index's settings), without articled.

Inserts BACKLOG cycled corpus articles in transactions of 500, WAL, synchronous=NORMAL, and
prints the CPU per article (python's process time, minimum and median of ROUNDS). Python's own
overhead (a few microseconds per statement) is in both figures alike; their difference is
FTS5's cost, to set against the daemon's CPU per article with the index off.

    python3 Benchmarks/index/fts_floor.py CORPUS [BACKLOG [ROUNDS]]
"""
import os, sqlite3, statistics, sys, tempfile, time

SCHEMA = """
CREATE TABLE articles(id INTEGER PRIMARY KEY, title TEXT, text TEXT NOT NULL);
CREATE VIRTUAL TABLE article_text USING fts5(title, text, content='articles', content_rowid='id');
INSERT INTO article_text(article_text, rank) VALUES('automerge', 16);
INSERT INTO article_text(article_text, rank) VALUES('hashsize', 8388608);
"""

def one_run(texts, backlog, fts):
    folder = tempfile.mkdtemp(prefix="articled-fts-floor-")
    path = os.path.join(folder, "index.sqlite")
    try:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        for pragma in ("synchronous = NORMAL", "cache_size = -32768", "wal_autocheckpoint = 8192"):
            db.execute("PRAGMA " + pragma)
        db.executescript(SCHEMA)
        start = time.process_time()
        for first in range(0, backlog, 500):
            db.execute("BEGIN")
            for k in range(first, min(backlog, first + 500)):
                text = texts[k % len(texts)]
                title = text.split("\n", 1)[0]
                db.execute("INSERT INTO articles(id, title, text) VALUES(?, ?, ?)", (k + 1, title, text))
                if fts:
                    db.execute("INSERT INTO article_text(rowid, title, text) VALUES(?, ?, ?)", (k + 1, title, text))
            db.execute("COMMIT")
        db.close()
        return (time.process_time() - start) * 1e6 / backlog
    finally:
        for name in os.listdir(folder):
            os.remove(os.path.join(folder, name))
        os.rmdir(folder)

def main():
    corpus = sys.argv[1]
    backlog = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    names = sorted(n for n in os.listdir(corpus) if n.endswith(".txt"))
    texts = [open(os.path.join(corpus, n), encoding="utf-8").read() for n in names]
    runs = {False: [], True: []}
    for _ in range(rounds):
        for fts in (False, True):
            runs[fts].append(one_run(texts, backlog, fts))
    print("SQLite %s, %d articles, %d rounds (CPU us per article, min / median):" % (sqlite3.sqlite_version, backlog, rounds))
    for fts, label in ((False, "article row"), (True, "article row + FTS5")):
        print("  %-20s %6.1f / %6.1f" % (label, min(runs[fts]), statistics.median(runs[fts])))
    print("  FTS5 alone           %6.1f / %6.1f" % (min(runs[True]) - min(runs[False]), statistics.median(runs[True]) - statistics.median(runs[False])))

if __name__ == "__main__":
    main()
