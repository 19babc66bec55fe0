#!/usr/bin/env bash
# The budget table of issue 13: where a run's time goes, stage by stage, in nanoseconds per token
# and as a share of the floor's time (MeCab's lattice parse alone, kotoba-floor, one job).
#
#   scripts/budget.sh [--only CASE[,CASE…]] [--no-build]
#
# The cases are bench.sh's: manpages (.bench/manpages-ja), survey (.bench/shorts/survey, the CSV
# with --text-column 自由回答) and transcripts (.bench/shorts/transcripts), built if missing.
# For each, runs at one job, the first two under `perf record -g` (Debian's linux-perf) and then
# again without it, timed:
#   kotoba run INPUT --jobs 1 with a fresh cache and output (the cold default run);
#   kotoba run INPUT --jobs 1 --force, every analysis from that cache (for the cache read);
#   kotoba-floor --jobs 1 on the text MeCab is given (timed, for the shares).
# Each sample goes to the stage of the innermost frame that names one (libmecab's own frames have
# no frame pointers, so its samples are MeCab's by their library); the rest is "other" (setup,
# merging the workers' counts, the allocator where no caller is known). A stage's seconds are its
# share of the profiled run's samples times the unprofiled run's user + system time. Tokens are the run's (manifest.json).
set -euo pipefail
cd "$(dirname "$0")/.."

usage="usage: scripts/budget.sh [--only CASE[,CASE…]] [--no-build]"
only=manpages,survey,transcripts
build=true
while [[ $# -gt 0 ]]; do
    case "$1" in
        --only) only="$2"; shift 2 ;;
        --no-build) build=false; shift ;;
        -h|--help) echo "$usage"; exit 0 ;;
        *) echo "budget: unknown argument $1"$'\n'"$usage" >&2; exit 64 ;;
    esac
done

KOTOBA_SETUP_EXTRA="time linux-perf" scripts/setup.sh
if $build; then
    scripts/build-release.sh kotoba kotoba-floor
fi
bin=$(swift build -c release --show-bin-path)
kotoba="$bin/kotoba"
floor="$bin/kotoba-floor"
command -v perf >/dev/null || { echo "budget: perf is not installed (linux-perf)" >&2; exit 69; }

[[ -f .bench/manpages-ja/MANIFEST ]] || scripts/bench-corpus.sh --out .bench/manpages-ja
[[ -f .bench/shorts/MANIFEST ]] || scripts/bench-corpus.sh --shape short --out .bench/shorts

work=$(mktemp -d "${TMPDIR:-/tmp}/kotoba-budget.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$kotoba" run corpus --out "$work/probe" -q --no-cache
dictionary=$(grep -o '"directory" : "[^"]*"' "$work/probe/manifest.json" | head -1 | cut -d'"' -f4)

# profile NAME CASE-DIR ARGS...: perf records kotoba run ARGS (NAME.script); then the same run
# again without perf, timed (NAME.time: user and system seconds), since perf's own cost inflates
# the profiled run. OUT-DIR and CACHE-DIR in ARGS are replaced by fresh copies for the timed run.
profile() {
    local name="$1" dir="$2"; shift 2
    perf record -q -F 1999 -g -o "$dir/$name.data" "$kotoba" run "$@" >/dev/null 2>"$dir/$name.log"
    perf script -i "$dir/$name.data" -F ip,sym,dso 2>/dev/null > "$dir/$name.script"
}

# timed NAME CASE-DIR ARGS...: user and system seconds of kotoba run ARGS (NAME.time).
timed() {
    local name="$1" dir="$2"; shift 2
    /usr/bin/time -f "%U %S" -o "$dir/$name.time" "$kotoba" run "$@" >/dev/null 2>"$dir/$name.log"
}

# budget CASE INPUT FLOOR-TEXT [ARGS...]: the three runs of one case.
budget() {
    local name="$1" input="$2" text="$3"; shift 3
    local dir="$work/$name"
    mkdir -p "$dir"
    profile cold "$dir" "$input" "$@" --out "$dir/out" --jobs 1 -q --cache "$dir/cache"
    profile cached "$dir" "$input" "$@" --out "$dir/out" --jobs 1 -q --cache "$dir/cache" --force
    timed cold "$dir" "$input" "$@" --out "$dir/out-timed" --jobs 1 -q --cache "$dir/cache-timed"
    timed cached "$dir" "$input" "$@" --out "$dir/out-timed" --jobs 1 -q --cache "$dir/cache-timed" --force
    /usr/bin/time -f "%U %S" -o "$dir/floor.time" "$floor" --jobs 1 --dicdir "$dictionary" "$text" > /dev/null
    grep -o '"tokens" : [0-9]*' "$dir/out/manifest.json" | head -1 | awk '{print $3}' > "$dir/tokens"
    echo "$name" >> "$work/cases"
}

IFS=, read -ra cases <<< "$only"
for case in "${cases[@]}"; do
    case "$case" in
        manpages) budget manpages .bench/manpages-ja .bench/manpages-ja ;;
        survey) budget survey .bench/shorts/survey/answers.csv .bench/shorts/survey-text/answers.txt --text-column 自由回答 ;;
        transcripts) budget transcripts .bench/shorts/transcripts .bench/shorts/transcripts ;;
        *) echo "budget: unknown case $case"$'\n'"$usage" >&2; exit 64 ;;
    esac
done

python3 - "$work" <<'PYTHON'
import re
import sys
from pathlib import Path

work = Path(sys.argv[1])
# Innermost frame that names a stage wins. Swift's mangled symbols begin with their module and
# type (`$s8Analysis12CorpusCounts…`, `$s8PipelineAAV7publish…` for the Pipeline type itself), so
# a frame is placed by those, not by the types of its arguments; C frames by their library.
ORDER = ["read and decode", "layout and normalization", "MeCab", "term analysis", "counting", "cache write",
         "cache read", "reports", "other"]
LAYOUT_TYPES = {"TracedText", "SentenceSplitter", "StructureReader", "MarkdownReader", "LayoutRepair", "DocumentStructure",
                "UTF8Text"}
COUNTING_TYPES = {"CorpusCounts", "PairTable", "UnitGathering", "PairKey"}
ANALYSIS_TYPES = {"CorpusAnalyzer", "TermExtractor", "CompoundExtractor", "ThemeMatcher", "KeyedSentence", "SurfaceTable",
                  "CodingRuleEvaluator", "CanonicalText", "TermCategory", "PartOfSpeechPath", "TermSelection", "UTF8Bytes"}
CACHE_TYPES = {"AnalysisCache", "AnalysisRecord", "CacheFile", "CacheStore", "CacheSegment", "PackIndex"}


def identifiers(symbol):
    """The module, type and member of a mangled Swift symbol, as far as they can be read."""
    if not symbol.startswith("$s"):
        return None
    names, position = [], 2
    while len(names) < 3:
        if symbol.startswith("AA", position) and names:
            names.append(names[0])  # the module's name again: a type named like its module
            position += 3 if position + 2 < len(symbol) and symbol[position + 2] in "VCO" else 2
            continue
        digits = re.match(r"\d+", symbol[position:])
        if not digits:
            break
        length = int(digits.group())
        start = position + len(digits.group())
        names.append(symbol[start:start + length])
        position = start + length
        if position < len(symbol) and symbol[position] in "VCO":
            position += 1
    return names


def stage_of(dso, symbol):
    if "libmecab" in dso or symbol.startswith("mecab_"):
        return "MeCab"
    if "libicu" in dso:
        return "layout and normalization"
    names = identifiers(symbol)
    if not names or len(names) < 2:
        return None
    module, kind = names[0], names[1]
    member = names[2] if len(names) > 2 else ""
    if module == "Tokenization":
        return "MeCab"
    if module == "Analysis":
        if kind in COUNTING_TYPES:
            return "counting"
        # Value types' copies and destroys (DocumentSummary …) belong to whoever copies them.
        return "term analysis" if kind in ANALYSIS_TYPES else None
    if module == "TextPreparation" or kind in LAYOUT_TYPES:
        return "layout and normalization"
    if module == "Corpus":
        return "read and decode"
    if module == "Reporting":
        return "reports"
    if module == "Pipeline":
        if kind in CACHE_TYPES:
            return "cache read" if re.search(r"load|decode|read|open|index", member, re.I) else "cache write"
        if kind == "Pipeline" and member in ("publish", "merge", "write"):
            return "reports"
        if kind == "Pipeline" and member == "runKey":
            return "read and decode"
        if kind == "Concordance":
            return "term analysis"
    return None


def shares(script):
    counts = {name: 0 for name in ORDER}
    total = 0
    frames = []

    def close():
        nonlocal total
        if not frames:
            return
        total += 1
        stage = "other"
        if "libmecab" in frames[0][0]:
            stage = "MeCab"
        else:
            for dso, symbol in frames:
                found = stage_of(dso, symbol)
                if found:
                    stage = found
                    break
        counts[stage] += 1
        frames.clear()

    for line in script.read_text(errors="replace").splitlines():
        if not line.strip():
            close()
            continue
        if line.startswith((" ", "\t")):
            parts = line.strip().split(None, 1)
            if len(parts) == 2:
                symbol, dso = parts[1].rsplit(" (", 1) if " (" in parts[1] else (parts[1], "")
                frames.append((dso, symbol))
    close()
    return counts, total


def seconds(path):
    user, system = path.read_text().split()[-2:]
    return float(user) + float(system)


print("| stage | " + " | ".join(f"{case} ns/token | {case} / floor" for case in (work / "cases").read_text().split()) + " |")
rows = {name: [] for name in ORDER + ["whole run (cold)", "whole run (from the cache)"]}
for case in (work / "cases").read_text().split():
    directory = work / case
    tokens = int((directory / "tokens").read_text())
    floor = seconds(directory / "floor.time")
    cold_counts, cold_total = shares(directory / "cold.script")
    cached_counts, cached_total = shares(directory / "cached.script")
    cold_seconds = seconds(directory / "cold.time")
    cached_seconds = seconds(directory / "cached.time")
    for name in ORDER:
        # The cache read is the warm run's; every other stage the cold run's.
        counts, total, run = (cached_counts, cached_total, cached_seconds) if name == "cache read" else (
            cold_counts, cold_total, cold_seconds)
        stage = run * counts[name] / max(total, 1)
        rows[name].append((stage * 1e9 / tokens, stage / floor))
    rows["whole run (cold)"].append((cold_seconds * 1e9 / tokens, cold_seconds / floor))
    rows["whole run (from the cache)"].append((cached_seconds * 1e9 / tokens, cached_seconds / floor))
    print(f"<!-- {case}: {tokens} tokens, floor {floor:.2f} s, cold {cold_seconds:.2f} s, cached {cached_seconds:.2f} s (CPU) -->",
          file=sys.stderr)
print("| --- | " + " | ".join("---: | ---:" for _ in (work / "cases").read_text().split()) + " |")
for name, values in rows.items():
    print(f"| {name} | " + " | ".join(f"{ns:.0f} | {share:.2f}" for ns, share in values) + " |")
PYTHON
