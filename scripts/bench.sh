#!/usr/bin/env bash
# The end-to-end benchmark of issue 8: kotoba beside the floor of its design, MeCab's lattice parse
# alone, measured in the same run on the same files, so that what kotoba adds on top is a ratio.
#
#   scripts/bench.sh [--runs R] [--corpus DIR | --copies N] [--x10]
#
# The corpus is the manpages-ja benchmark corpus (.bench/manpages-ja, built by
# scripts/bench-corpus.sh if missing), or the `.txt` files of DIR, or N copies of the bundled
# interview, one document each (the first benchmarks' corpus). --x10 also runs everything on the
# ten-times corpus (.bench/manpages-ja-x10, built if missing) and checks how peak RSS grows.
#
# Each command runs R times (default 3) and the median wall time is reported, with the peak RSS
# over the runs (GNU time's %M):
#   kotoba run --jobs 1 --no-cache --force, and --jobs 2 --no-cache --force (cold: every input
#   analyzed; --force, because a run over unchanged inputs into an intact output writes nothing);
#   kotoba run --jobs 2 --force with its cache warm (every analysis from the cache, every report
#   written again);
#   kotoba run --jobs 2 again with nothing changed (the output is up to date: inputs hashed, nothing
#   written);
#   kotoba-floor --jobs 1 and --jobs 2 (each file's lines parsed with mecab_parse_lattice on a
#   per-thread lattice, every node touched, nothing else);
#   mecab (the command, 1 thread, the same files concatenated, output to /dev/null).
# All three use the dictionary kotoba uses and no rc file; everything is a release build. kotoba
# is given the directory (swift-argument-parser takes time quadratic in the number of arguments:
# 7.8 s for the ten-times corpus's 17,832 file names), the others the file names. The
# table gives each command's time over the floor's at the same number of jobs and over mecab's,
# then the issue's targets as PASS/FAIL lines. Outputs and caches go to a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."

usage="usage: scripts/bench.sh [--runs R] [--corpus DIR | --copies N] [--x10]"
runs=3
corpus=""
copies=""
x10=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --corpus) corpus="$2"; shift 2 ;;
        --copies) copies="$2"; shift 2 ;;
        --x10) x10=true; shift ;;
        -h|--help) echo "$usage"; exit 0 ;;
        *) echo "bench: unknown argument $1"$'\n'"$usage" >&2; exit 64 ;;
    esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench: --runs needs a positive whole number, not '$runs'" >&2; exit 64; }
[[ -z "$corpus" || -z "$copies" ]] || { echo "bench: --corpus and --copies exclude each other" >&2; exit 64; }

KOTOBA_SETUP_EXTRA="time" scripts/setup.sh
swift build -c release --product kotoba >&2
swift build -c release --product kotoba-floor >&2
bin=$(swift build -c release --show-bin-path)
kotoba="$bin/kotoba"
floor="$bin/kotoba-floor"

work=$(mktemp -d "${TMPDIR:-/tmp}/kotoba-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [[ -n "$copies" ]]; then
    [[ "$copies" =~ ^[1-9][0-9]*$ ]] || { echo "bench: --copies needs a positive whole number, not '$copies'" >&2; exit 64; }
    corpus="$work/interview-copies"
    mkdir -p "$corpus"
    for i in $(seq -w 1 "$copies"); do
        cp corpus/arakawa-smrj-interview.txt "$corpus/interview-$i.txt"
    done
elif [[ -z "$corpus" ]]; then
    corpus=.bench/manpages-ja
    [[ -f "$corpus/MANIFEST" ]] || scripts/bench-corpus.sh --out "$corpus"
fi
[[ -d "$corpus" ]] || { echo "bench: $corpus is not a directory" >&2; exit 66; }
if $x10 && [[ ! -f .bench/manpages-ja-x10/MANIFEST ]]; then
    scripts/bench-corpus.sh --scale 10 --base .bench/manpages-ja --out .bench/manpages-ja-x10
fi

# The dictionary kotoba uses, from the manifest of a run on the bundled corpus.
"$kotoba" run corpus --out "$work/probe" -q --no-cache
dictionary=$(grep -o '"directory" : "[^"]*"' "$work/probe/manifest.json" | head -1 | cut -d'"' -f4)
[[ -d "$dictionary" ]] || { echo "bench: cannot tell kotoba's dictionary from $work/probe/manifest.json" >&2; exit 70; }

# measure RESULTS NAME COMMAND...: runs the command $runs times; appends the median seconds and
# the peak RSS in KB to RESULTS.
measure() {
    local results="$1" name="$2"; shift 2
    local times=() rss=0 seconds kilobytes
    for _ in $(seq "$runs"); do
        if ! /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/stdout" 2> "$work/stderr"; then
            echo "bench: $name failed: $*" >&2
            tail -5 "$work/stderr" >&2
            exit 70
        fi
        read -r seconds kilobytes < "$work/time"
        times+=("$seconds")
        (( kilobytes > rss )) && rss=$kilobytes
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
    printf '%s %s %s\n' "$name" "$median" "$rss" >> "$results"
    echo "bench: $name: $median s (${times[*]}), peak RSS $rss KB" >&2
}

# bench DIR RESULTS: measures every command on the .txt files of DIR.
bench() {
    local dir="$1" results="$2"
    local files=()
    mapfile -d '' files < <(find "$dir" -type f -name '*.txt' -not -name '.*' -print0 | sort -z)
    [[ ${#files[@]} -gt 0 ]] || { echo "bench: no .txt files in $dir" >&2; exit 66; }
    cat "${files[@]}" > "$work/concatenated.txt"
    local bytes
    bytes=$(wc -c < "$work/concatenated.txt")
    printf 'corpus %s %s %s\n' "$dir" "${#files[@]}" "$bytes" > "$results"
    rm -rf "$work/cache"
    measure "$results" kotoba-1 "$kotoba" run "$dir" --out "$work/out-1" --jobs 1 -q --no-cache --force
    measure "$results" kotoba-2 "$kotoba" run "$dir" --out "$work/out-2" --jobs 2 -q --no-cache --force
    "$kotoba" run "$dir" --out "$work/out-warm" --jobs 2 -q --cache "$work/cache"
    measure "$results" kotoba-cached "$kotoba" run "$dir" --out "$work/out-warm" --jobs 2 -q --cache "$work/cache" --force
    measure "$results" kotoba-warm "$kotoba" run "$dir" --out "$work/out-warm" --jobs 2 -q --cache "$work/cache"
    measure "$results" floor-1 "$floor" --jobs 1 --dicdir "$dictionary" "${files[@]}"
    cp "$work/stdout" "$work/floor-1.out"
    measure "$results" floor-2 "$floor" --jobs 2 --dicdir "$dictionary" "${files[@]}"
    measure "$results" mecab mecab -r /dev/null -d "$dictionary" -b 8388608 -o /dev/null "$work/concatenated.txt"
    rm -f "$work/concatenated.txt"
    echo "bench: floor: $(cat "$work/floor-1.out")" >&2
}

bench "$corpus" "$work/results"
$x10 && bench .bench/manpages-ja-x10 "$work/results-x10"

echo
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores," \
    "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $(swift --version 2>/dev/null | head -1);" \
    "MeCab $(mecab -v | awk '{print $NF}'); dictionary $dictionary; $runs runs each, medians"
python3 - "$work/results" "$($x10 && echo "$work/results-x10")" <<'PYTHON'
import sys

def load(path):
    rows, corpus = {}, None
    for line in open(path):
        fields = line.split()
        if fields[0] == "corpus":
            corpus = (fields[1], int(fields[2]), int(fields[3]))
        else:
            rows[fields[0]] = (float(fields[1]), int(fields[2]) / 1024)
    return corpus, rows

labels = {
    "kotoba-1": ("`kotoba run --jobs 1 --no-cache --force`", "floor-1"),
    "kotoba-2": ("`kotoba run --jobs 2 --no-cache --force`", "floor-2"),
    "kotoba-cached": ("`kotoba run --jobs 2 --force`, every analysis from the cache", "floor-2"),
    "kotoba-warm": ("`kotoba run --jobs 2`, re-run, nothing changed", "floor-2"),
    "floor-1": ("`kotoba-floor --jobs 1`", "floor-1"),
    "floor-2": ("`kotoba-floor --jobs 2`", "floor-2"),
    "mecab": ("`mecab` (1 thread, output to /dev/null)", "floor-1"),
}

def table(path):
    (directory, documents, size), rows = load(path)
    print(f"\ncorpus: {directory}: {documents} documents, {size} bytes ({size / 1e6:.1f} MB)\n")
    print("| command | median s | MB/s | peak RSS MB | time / floor (same jobs) | time / mecab |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    mecab = rows["mecab"][0]
    for name, (label, floor) in labels.items():
        seconds, rss = rows[name]
        speed = size / 1e6 / max(seconds, 1e-9)
        print(f"| {label} | {seconds:.2f} | {speed:.2f} | {rss:.1f} | {seconds / rows[floor][0]:.2f} "
              f"| {seconds / mecab:.2f} |")
    return rows

def check(passed, text):
    print(f"{'PASS' if passed else 'FAIL'}: {text}")

rows = table(sys.argv[1])
k1, k2, warm = rows["kotoba-1"][0], rows["kotoba-2"][0], rows["kotoba-warm"][0]
f1, f2 = rows["floor-1"][0], rows["floor-2"][0]
rss = max(rows[name][1] for name in ("kotoba-1", "kotoba-2", "kotoba-cached", "kotoba-warm"))
print(f"\nspeed-up 1 → 2 jobs: kotoba {k1 / k2:.2f}×, floor {f1 / f2:.2f}×; "
      f"re-run / cold at 2 jobs: {warm / k2:.1%}; kotoba / mecab at 1 job: {k1 / rows['mecab'][0]:.2f}\n")
check(f2 / k2 >= 0.85, f"throughput at 2 jobs is {f2 / k2:.1%} of the floor's at 2 jobs (target ≥ 85%)")
check(k1 / k2 >= 1.8, f"speed-up 1 → 2 jobs is {k1 / k2:.2f}× (target ≥ 1.8×)")
check(rss <= 300, f"peak RSS is {rss:.1f} MB (target ≤ 300 MB)")
check(warm / k2 <= 0.05, f"a re-run with nothing changed takes {warm / k2:.1%} of a cold run (target ≤ 5%)")
if len(sys.argv) > 2 and sys.argv[2]:
    rows10 = table(sys.argv[2])
    rss10 = max(rows10[name][1] for name in ("kotoba-1", "kotoba-2", "kotoba-cached", "kotoba-warm"))
    print()
    check(rss10 / rss < 2, f"the ten-times corpus raises peak RSS {rss10 / rss:.2f}× "
          f"({rss:.1f} → {rss10:.1f} MB; target < 2×)")
PYTHON
