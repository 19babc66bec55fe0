#!/usr/bin/env bash
# First benchmark: times 'kotoba run' and the 'mecab' command on the same text and prints both.
#
#   scripts/bench.sh [--copies N] [--runs R]
#
# The corpus is N copies of the bundled interview (default 300, about 5 MB), one document each.
# 'mecab' is given exactly the sentences kotoba tokenizes (from 'kotoba tokenize --format
# sentences'), with the same dictionary and no rc file, so the two parse the same input. Each
# command runs R times (default 5); the median wall time and the peak RSS (GNU time) are printed,
# with throughput over the corpus bytes and the ratio to mecab. kotoba runs without its cache,
# except the last row: a re-run with nothing changed, every analysis taken from the cache.
set -euo pipefail
cd "$(dirname "$0")/.."

copies=300
runs=5
while [[ $# -gt 0 ]]; do
    case "$1" in
        --copies) copies="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        *) echo "usage: scripts/bench.sh [--copies N] [--runs R]" >&2; exit 64 ;;
    esac
done

KOTOBA_SETUP_EXTRA="time" scripts/setup.sh
swift build -c release --product kotoba >&2
kotoba=.build/release/kotoba

work=$(mktemp -d "${TMPDIR:-/tmp}/kotoba-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
for i in $(seq -w 1 "$copies"); do
    cp corpus/arakawa-smrj-interview.txt "$work/corpus/interview-$i.txt"
done
bytes=$(cat "$work"/corpus/*.txt | wc -c)
"$kotoba" tokenize --format sentences "$work/corpus" > "$work/sentences.txt"
dictionary=$(grep -o '"directory" : "[^"]*"' <("$kotoba" run corpus --out "$work/probe" -q --no-cache && cat "$work/probe/manifest.json") | head -1 | cut -d'"' -f4)

# measure NAME COMMAND...: runs the command $runs times, prints the median seconds and peak RSS.
measure() {
    local name="$1"; shift
    local times=() rss=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null
        read -r seconds kilobytes < "$work/time"
        times+=("$seconds")
        (( kilobytes > rss )) && rss=$kilobytes
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
    printf '%s %s %s\n' "$name" "$median" "$rss" >> "$work/results"
}

: > "$work/results"
measure mecab mecab -r /dev/null -d "$dictionary" "$work/sentences.txt"
measure "kotoba-1-job" "$kotoba" run "$work/corpus" --out "$work/out1" --jobs 1 -q --no-cache
measure "kotoba-$(nproc)-jobs" "$kotoba" run "$work/corpus" --out "$work/outn" --jobs "$(nproc)" -q --no-cache
# A re-run with nothing changed: every input's analysis comes from the cache.
"$kotoba" run "$work/corpus" --out "$work/outc" -q --cache "$work/cache"
measure "kotoba-cached" "$kotoba" run "$work/corpus" --out "$work/outc" --jobs "$(nproc)" -q --cache "$work/cache"

echo "corpus: $copies documents, $bytes bytes; $runs runs each; $(nproc) cores; dictionary $dictionary"
mecab_seconds=$(awk '$1=="mecab" {print $2}' "$work/results")
awk -v bytes="$bytes" -v base="$mecab_seconds" '
    BEGIN { printf "%-16s %10s %10s %12s %14s\n", "command", "median s", "MB/s", "peak RSS MB", "time / mecab" }
    { printf "%-16s %10.3f %10.2f %12.1f %14.2f\n", $1, $2, (bytes / 1e6) / ($2 > 0 ? $2 : 1e-9), $3 / 1024, $2 / (base > 0 ? base : 1e-9) }
' "$work/results"
