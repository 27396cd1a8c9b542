"""Reads `callgrind_annotate --inclusive=yes` output; prints instructions per article by stage."""
import re
import sys

articles = int(sys.argv[1])
# Stage name -> a fragment of the mangled symbol of its (out-of-line) entry point.
STAGES = [
    ("pipeline", "15ArticleAnalysis0B8PipelineV7analyze_5clock"),
    ("decode", "0A7DecoderV6decodey"),
    ("sha256", "6SHA256O3hexy"),
    ("clean", "0A7CleanerV5cleany"),
    ("segment", "9SegmenterV7segmenty"),
    ("language", "16LanguageDetectorV6detecty"),
    ("dates", "10DateFinderV4find"),
    ("  paragraph tokens", "15ParagraphTokensVyACSays7Unicode"),
    ("entities", "16EntityRecognizerV9recognizey"),
    ("  tag mentions", "16EntityRecognizerV11tagMentionsy"),
    ("    tagger", "9NERTaggerV3tagy"),
    ("  resolve", "14EntityResolverV7resolvey"),
    ("quotes", "11QuoteFinderV4findy"),
    ("reader words", "11ReaderWordsV__7scannedACSays7UnicodeO6ScalarVG_AA12SegmentationVAA15ParagraphTokensVSgtcf"),
    ("keyphrases", "18KeyphraseExtractorV7extracty"),
    ("summary", "10SummarizerV9summarizeySayAA15SummarySentenceVGAA10ScalarTextV_AA12SegmentationVAA11ReaderWords"),
    ("tone", "10ToneScorerV5scoreyAA0C0VSgAA10ScalarTextV_AA12SegmentationVAA11ReaderWords"),
    ("(json result)", "V9jsonBytesSays5UInt8VGyF"),
]
best = {}
for line in sys.stdin:
    m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(\S.*)$", line)
    if not m:
        continue
    cost = int(m.group(1).replace(",", ""))
    symbol = m.group(2)
    for name, fragment in STAGES:
        if fragment in symbol and cost > best.get(name, 0):
            best[name] = cost
total = best.get("pipeline", 0)
print(f"{'stage':<16} {'instructions/article':>22} {'share':>7}")
for name, _ in STAGES:
    if name not in best:
        print(f"{name:<16} {'(inlined: not found)':>22}")
        continue
    per = best[name] / articles
    share = 100 * best[name] / total if total else 0
    print(f"{name:<16} {per:>22,.0f} {share:>6.1f}%")
