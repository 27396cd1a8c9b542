#!/usr/bin/env python3
"""Turns the JSON lines Benchmarks/run.sh collected into medians, ratios and a dated table."""
import datetime, json, os, platform, statistics, subprocess, sys

out_dir, doc = sys.argv[1], sys.argv[2]

def rows(name):
    path = os.path.join(out_dir, name)
    if not os.path.exists(path):
        return []
    return [json.loads(l) for l in open(path) if l.strip().startswith("{")]

def med(rs, key):
    values = [r[key] for r in rs if key in r]
    return statistics.median(values) if values else float("nan")

art, full, ner = rows("articled.jsonl"), rows("spacy-full.jsonl"), rows("spacy-ner.jsonl")
daemon_path = os.path.join(out_dir, "daemon.txt")
daemon = ""
if os.path.exists(daemon_path):  # keep the figures, drop the build's progress lines
    daemon = "\n".join(l for l in open(daemon_path).read().splitlines()
                        if l.strip() and not l.startswith(("[", "Build", "Compiling", "Write")))

a1, a2 = med(art, "articles_per_s_1w"), med(art, "articles_per_s_2w")
sf, sn = med(full, "articles_per_s"), med(ner, "articles_per_s")
stages = {}
for r in art:
    for k, v in r.get("stage_ms_per_article", {}).items():
        stages.setdefault(k, []).append(v)
stage_ms = {k: statistics.median(v) for k, v in stages.items()}
total_ms = sum(stage_ms.values()) or float("nan")
reader = sum(stage_ms.get(k, 0) for k in ("keyphrases", "summary", "tone", "dates", "language"))
quotes = stage_ms.get("quotes", 0)

def cpu():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()

swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
lines = [
    f"## {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC",
    "",
    f"Machine: {cpu()}, {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') // 2**30} GiB, "
    f"Linux {platform.release()}, {swift[0] if swift else 'swift ?'}. Corpus: {art[0]['articles'] if art else '?'} Wikinews articles, "
    f"{art[0]['words_per_article'] if art else '?'} words each on average. Medians of {len(art)} alternating rounds.",
    "",
    "| what | articles/s | words/s | peak RSS MiB | articled ÷ peer |",
    "| --- | ---: | ---: | ---: | ---: |",
    f"| articled, 1 worker | {a1:.0f} | {med(art, 'words_per_s_1w'):.0f} | {med(art, 'peak_rss_kib') / 1024:.0f} | |",
    f"| articled, 2 workers | {a2:.0f} | {med(art, 'words_per_s_2w'):.0f} | | ×{a2 / a1:.2f} of 1 worker |",
    f"| spaCy en_core_web_sm, full pipeline | {sf:.1f} | {med(full, 'words_per_s'):.0f} | {med(full, 'peak_rss_kib') / 1024:.0f} | ×{a1 / sf:.0f} |",
    f"| spaCy en_core_web_sm, NER only | {sn:.1f} | {med(ner, 'words_per_s'):.0f} | {med(ner, 'peak_rss_kib') / 1024:.0f} | ×{a1 / sn:.0f} |",
    "",
    f"Model load: articled {med(art, 'model_load_ms'):.0f} ms, spaCy {med(full, 'model_load_ms'):.0f} ms. "
    f"Quotes stage: {100 * quotes / total_ms:.1f}% of analysis time (stage clock). "
    f"Reader stages (keyphrases, summary, tone, dates, language): {100 * reader / (total_ms - reader):.1f}% on top of the rest.",
    "",
    "Per stage, ms per article: " + ", ".join(f"{k} {v:.3f}" for k, v in stage_ms.items())
    + f". Writing the JSON result (the daemon's work, not a stage): {med(art, 'json_ms_per_article'):.3f} ms.",
    "",
]
import re
def grab(pattern, cast=float):
    m = re.search(pattern, daemon)
    return cast(m.group(1)) if m else None
p50 = grab(r"latency, reference article.*?p50 ([\d.]+) ms")
p99 = grab(r"latency, reference article.*?p99 ([\d.]+) ms")
backlog = grab(r"backlog of \d+ articles \(Wikinews, cycled\): [\d.]+ s, ([\d.]+) articles/s")
burst_peak = grab(r"burst of .*peak ([\d.]+) MiB")
cold = grab(r"cold start to READY=1.*median ([\d.]+) ms")
cores = os.cpu_count() or 1
same_workers = a2 if cores >= 2 else a1
def yes(ok):
    return "—" if ok is None else ("yes" if ok else "**no**")
targets = [
    ("full analysis, 1 worker ≥ 100× spaCy NER-only", f"×{a1 / sn:.0f}", yes(a1 / sn >= 100 if sn == sn else None)),
    ("2 workers ≥ 1.8× one", f"×{a2 / a1:.2f}", yes(a2 / a1 >= 1.8)),
    ("reader stages add ≤ 30%", f"{100 * reader / (total_ms - reader):.1f}%", yes(reader / (total_ms - reader) <= 0.30)),
]
if daemon:
    if p50 is not None:
        targets.append(("daemon latency p50 < 5 ms, p99 < 20 ms", f"{p50:.2f} / {p99:.2f} ms", yes(p50 < 5 and p99 < 20)))
    if backlog is not None:
        targets.append((f"5,000 backlog ≥ 80% of bare analysis on all {min(cores, 2)} cores",
                        f"{backlog:.0f} vs {same_workers:.0f} articles/s = {100 * backlog / same_workers:.0f}%", yes(backlog >= 0.8 * same_workers)))
    if burst_peak is not None:
        targets.append(("peak RSS < 150 MB in a 10,000-file burst", f"{burst_peak:.1f} MiB", yes(burst_peak * 1.048576 < 150)))
    if cold is not None:
        targets.append(("cold start to READY=1 < 200 ms", f"median {cold:.0f} ms", yes(cold < 200)))
lines += ["Targets (issue 5):", "", "| target | measured | met? |", "| --- | --- | --- |"]
lines += [f"| {t} | {m} | {ok} |" for t, m, ok in targets]
lines += ["", "The 30-minute memory soak is `make soak` (not part of make bench); see its own entry.", ""]
if daemon:
    lines += ["Daemon (Benchmarks/daemon/run.sh):", "", "```", daemon, "```", ""]
pages_a, pages_t = rows("pages-articled.jsonl"), rows("pages-trafilatura.jsonl")
if pages_a and pages_t:  # web pages (issue 16), one core each
    # The median pair (by ratio) of the alternating runs, and the range of the ratios.
    pairs = sorted(zip(pages_a, pages_t), key=lambda p: p[0]["pages_per_s"] / p[1]["pages_per_s"])
    a, t = pairs[len(pairs) // 2]
    ratios = [x["pages_per_s"] / y["pages_per_s"] for x, y in pairs]
    score_path = os.path.join(out_dir, "pages-trafilatura-score.txt")
    t_all = next((l for l in open(score_path) if " all " in l), "") if os.path.exists(score_path) else ""
    t_f1 = float(re.search(r"F1 ([\d.]+)", t_all).group(1)) if "F1" in t_all else float("nan")
    lines += [f"Web pages ({a['pages']} pages of the article-extraction benchmark, one core each; trafilatura {t['version']}):", "",
              "| | F1 | pages/s |", "| --- | --- | --- |",
              f"| articled: extraction + full analysis | {a['f1']:.3f} (dev {a['dev_f1']:.3f}, held-out {a['heldout_f1']:.3f}) | {a['pages_per_s']:.0f} (extraction alone {a['extract_pages_per_s']:.0f}) |",
              f"| trafilatura: extraction | {t_f1:.3f} | {t['pages_per_s']:.1f} |", "",
              f"articled ≥ 10× trafilatura: ×{a['pages_per_s'] / t['pages_per_s']:.1f} ({yes(a['pages_per_s'] >= 10 * t['pages_per_s'])}; "
              f"median of {len(pairs)} alternating pairs, ×{ratios[0]:.1f}-×{ratios[-1]:.1f}); "
              f"F1 ≥ 0.97: {yes(a['f1'] >= 0.97)}. The HTML parse takes {100 * a['parse_share']:.0f}% of articled's time.", ""]
index_path = os.path.join(out_dir, "index.txt")  # the article index (Benchmarks/index/run.sh)
if os.path.exists(index_path):
    index_text = "\n".join(l for l in open(index_path).read().splitlines() if not l.startswith(("[", "Building", "Compiling", "Build ")))
    lines += ["Article index (Benchmarks/index/run.sh):", "", "```", index_text, "```", ""]
text = "\n".join(lines)
print(text)
header = "# Benchmarks\n\nProduced by `make bench` (Benchmarks/run.sh); newest first.\n\n"
old = open(doc).read() if os.path.exists(doc) else header
body = old[len(header):] if old.startswith(header) else old
with open(doc, "w") as f:
    f.write(header + text + "\n" + body)
