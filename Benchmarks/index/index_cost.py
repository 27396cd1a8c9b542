"""CPU per article of the daemon on a backlog, with the article index on and off.

Drops BACKLOG corpus articles (cycled, unique names) into a fresh spool's inbox, starts
`articled run` on it, waits until every result is in the outbox and reads the process's user
and kernel CPU time from /proc before stopping it. Rounds alternate off/on; medians are printed
with what indexing adds.
"""
import argparse, os, shutil, signal, statistics, subprocess, tempfile, time

def writer_user_cpu(pid):
    """User CPU seconds of the daemon's index writer thread (named `article-index`), 0 if none."""
    total = 0.0
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/comm" % (pid, task)) as f:
                if f.read().strip() != "article-index":
                    continue
            with open("/proc/%d/task/%s/stat" % (pid, task)) as f:
                total += int(f.read().rsplit(")", 1)[1].split()[11]) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    return total

def one_run(articled, corpus_files, backlog, enabled):
    base = tempfile.mkdtemp(prefix="articled-index-cost-")
    try:
        spool = os.path.join(base, "spool")
        inbox = os.path.join(spool, "inbox")
        os.makedirs(inbox)
        for k in range(backlog):
            src = corpus_files[k % len(corpus_files)]
            shutil.copyfile(src, os.path.join(inbox, "%05d-%s" % (k, os.path.basename(src))))
        config = os.path.join(base, "articled.conf")
        with open(config, "w") as f:
            f.write("[index]\nenabled = %s\n" % ("true" if enabled else "false"))
        start = time.monotonic()
        proc = subprocess.Popen([articled, "run", "--spool", spool, "--config", config],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        outbox = os.path.join(spool, "outbox")
        deadline = start + 600
        while time.monotonic() < deadline:
            if os.path.isdir(outbox) and sum(1 for n in os.listdir(outbox) if not n.startswith(".")) >= backlog:
                break
            time.sleep(0.02)
        wall = time.monotonic() - start
        with open("/proc/%d/stat" % proc.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        user, kernel = int(fields[11]) / ticks, int(fields[12]) / ticks
        one_run.writer = writer_user_cpu(proc.pid) * 1000 / backlog  # ms per article, user
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        index = os.path.join(spool, "index.sqlite")
        size = os.path.getsize(index) if os.path.exists(index) else 0
        return user * 1000 / backlog, kernel * 1000 / backlog, backlog / wall, size
    finally:
        shutil.rmtree(base, ignore_errors=True)

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--articled", required=True)
    p.add_argument("--corpus", required=True)
    p.add_argument("--backlog", type=int, default=3000)
    p.add_argument("--rounds", type=int, default=3)
    a = p.parse_args()
    files = sorted(os.path.join(a.corpus, n) for n in os.listdir(a.corpus) if n.endswith(".txt"))
    runs = {False: [], True: []}
    for r in range(a.rounds):
        for enabled in (False, True):
            u, k, rate, size = one_run(a.articled, files, a.backlog, enabled)
            runs[enabled].append((u, k, rate, size))
            print("  round %d index %-3s: CPU per article user %.3f ms + kernel %.3f ms = %.3f ms; %.0f articles/s%s"
                  % (r + 1, "on" if enabled else "off", u, k, u + k, rate,
                     ("; index %.1f MiB; index writer thread user %.3f ms" % (size / 2**20, one_run.writer)) if enabled else ""), flush=True)
    med = {e: statistics.median(x[0] + x[1] for x in runs[e]) for e in runs}
    rate = {e: statistics.median(x[2] for x in runs[e]) for e in runs}
    print("indexing cost: CPU per article %.3f ms off, %.3f ms on (medians of %d): +%.1f%% (target <= 10%%); throughput %.0f vs %.0f articles/s"
          % (med[False], med[True], a.rounds, 100 * (med[True] / med[False] - 1), rate[False], rate[True]))

if __name__ == "__main__":
    main()
