"""Before/after comparison of the index's cost in the daemon: two articled binaries, index off and
on, rounds alternating before-off, before-on, after-off, after-on (so load from other processes
falls on both alike). Uses `one_run` of index_cost.py (CPU of the daemon from /proc, per article).

    python3 Benchmarks/index/index_cost_ab.py BEFORE AFTER CORPUS [BACKLOG [ROUNDS]]
"""
import os, statistics, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from index_cost import one_run

def main():
    before, after, corpus = sys.argv[1:4]
    backlog = int(sys.argv[4]) if len(sys.argv) > 4 else 3000
    rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 3
    files = sorted(os.path.join(corpus, n) for n in os.listdir(corpus) if n.endswith(".txt"))
    bins = {"before": before, "after": after}
    runs = {}
    for r in range(rounds):
        for label, enabled in (("before", False), ("before", True), ("after", False), ("after", True)):
            u, k, rate, size = one_run(bins[label], files, backlog, enabled)
            runs.setdefault((label, enabled), []).append((u, k, one_run.writer))
            print("round %d %-6s index %-3s user %.3f + sys %.3f = %.3f ms/article; %.0f/s; %.1f MiB; writer thread user %.3f ms"
                  % (r + 1, label, "on" if enabled else "off", u, k, u + k, rate, size / 2**20, one_run.writer), flush=True)
    for label in ("before", "after"):
        for what, pick in (("user+sys", lambda x: x[0] + x[1]), ("user", lambda x: x[0])):
            off = statistics.median(pick(x) for x in runs[(label, False)])
            on = statistics.median(pick(x) for x in runs[(label, True)])
            print("%s %s: off %.3f on %.3f ms/article: +%.1f%%" % (label, what, off, on, 100 * (on / off - 1)))
        # The index writer thread's own user CPU (0 for a build whose thread has no name).
        writer = statistics.median(x[2] for x in runs[(label, True)])
        print("%s index writer thread user: %.3f ms/article" % (label, writer))

if __name__ == "__main__":
    main()
