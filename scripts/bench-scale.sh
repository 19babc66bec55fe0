#!/usr/bin/env bash
# Measures scale-out (issue 16): a partial's size against its input, the map step's time against
# a run's, and the merge's time and peak RSS with the partials' lines in natural order, shuffled
# (shuf with a fixed seed) and sorted (LC_ALL=C sort, as Hadoop's shuffle sorts them), at 1, 8 and
# 32 shards. Times are wall-clock seconds (GNU time's %e) and noisy on a shared machine; peak RSS
# (%M) is what the targets are about.
#
#   scripts/bench-scale.sh [--corpus DIR] [--shards "1 8 32"] [--jobs N]
#
# The corpus defaults to .bench/manpages-ja (scripts/bench-corpus.sh builds it). Uses the release
# build (built here). Prints one Markdown table row per measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=.bench/manpages-ja
shard_counts="1 8 32"
jobs=2
while [[ $# -gt 0 ]]; do
    case "$1" in
        --corpus) corpus="$2"; shift 2 ;;
        --shards) shard_counts="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        *) echo "usage: scripts/bench-scale.sh [--corpus DIR] [--shards \"1 8 32\"] [--jobs N]" >&2; exit 64 ;;
    esac
done
[[ -d "$corpus" ]] || scripts/bench-corpus.sh --out "$corpus"
scripts/build-release.sh
kotoba=$PWD/.build/release/kotoba
corpus=$(realpath "$corpus")
work=$(mktemp -d "${TMPDIR:-/tmp}/kotoba-bench-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
measure() {  # measure LABEL COMMAND… : prints "seconds peak-MB"
    /usr/bin/time -f "%e %M" -o time.txt "$@" > /dev/null
    awk '{printf "%s s, %.0f MB", $1, $2 / 1024}' time.txt
}
input_bytes=$(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.csv' -o -name '*.tsv' \) -printf '%s\n' | awk '{s += $1} END {print s}')
echo "corpus: $corpus, $input_bytes bytes of input, --jobs $jobs, $(nproc) cores"
echo "| step | time, peak RSS |"
echo "| --- | --- |"
echo "| kotoba run --no-cache | $(measure "$kotoba" run "$corpus" --out run --no-cache -q --jobs "$jobs") |"
# The filter mode: the same texts as JSON Lines on standard input, one document a line.
python3 - "$corpus" > corpus.jsonl <<'PY'
import json, os, sys
root = sys.argv[1]
for folder, _, names in sorted(os.walk(root)):
    for name in sorted(names):
        if name.endswith((".txt", ".md")):
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                print(json.dumps({"id": os.path.relpath(path, root), "text": f.read()}, ensure_ascii=False))
PY
echo "| kotoba count --lines --no-cache (JSON Lines, $(wc -c < corpus.jsonl) bytes) | $(measure "$kotoba" count --lines --partial lines.partial - --no-cache -q --jobs "$jobs" < corpus.jsonl) |"
echo "| partial of the JSON Lines: $(wc -c < lines.partial) bytes | $(awk -v b="$(wc -c < lines.partial)" -v i="$input_bytes" 'BEGIN {printf "%.2f× the input", b / i}') |"
echo "| kotoba count --partial FILE.gz (unsharded) | $(measure "$kotoba" count "$corpus" --partial all.partial.gz --no-cache -q --jobs "$jobs"), $(wc -c < all.partial.gz) bytes |"
rm -f corpus.jsonl lines.partial all.partial.gz
for n in $shard_counts; do
    mkdir -p "parts-$n"
    total=0
    for ((i = 0; i < n; i++)); do
        if [[ $n -eq 1 ]]; then
            echo "| kotoba count --no-cache (unsharded) | $(measure "$kotoba" count "$corpus" --partial "parts-$n/part-$i" --no-cache -q --jobs "$jobs") |"
        else
            "$kotoba" count "$corpus" --shard "$i/$n" --partial "parts-$n/part-$i" --no-cache -q --jobs "$jobs"
        fi
    done
    bytes=$(cat "parts-$n"/part-* | wc -c)
    echo "| partials at $n shards: $bytes bytes | $(awk -v b="$bytes" -v i="$input_bytes" 'BEGIN {printf "%.2f× the input", b / i}') |"
    cat "parts-$n"/part-* > natural
    shuf --random-source=<(yes) natural > shuffled
    LC_ALL=C sort natural > sorted
    for order in natural shuffled sorted; do
        echo "| merge, $n shards, $order | $(measure "$kotoba" merge - --out "merged-$n-$order" -q < "$order") |"
        cmp -s run/term_frequency.csv "merged-$n-$order/term_frequency.csv" && cmp -s run/cooccurrence.csv "merged-$n-$order/cooccurrence.csv" \
            || echo "| (merge, $n shards, $order: reports DIFFER from the run) | |"
        rm -rf "merged-$n-$order"
    done
    rm -rf "parts-$n" natural shuffled sorted
done
