#!/usr/bin/env bash
# Builds the benchmark corpus of issue 8: real Japanese text nobody here wrote, the Japanese
# manual pages of Debian's manpages-ja and manpages-ja-dev, one plain-text document per page; and
# the two made from it, ten times as large, or cut into short sentences (issue 13).
#
#   scripts/bench-corpus.sh [--out DIR]                    the corpus (default .bench/manpages-ja)
#   scripts/bench-corpus.sh --scale 10 [--out DIR] [--base DIR] [--seed N]
#                                                          ten times as many tokens (default
#                                                          .bench/manpages-ja-x10), whose vocabulary
#                                                          grows as Heaps' law says real text's does
#   scripts/bench-corpus.sh --shape short [--out DIR] [--base DIR] [--seed N] [--sentences N]
#                                                          the base's sentences cut short (median
#                                                          under 40 characters), N of them (default
#                                                          200000, seed 13) in two inputs of half
#                                                          each (default .bench/shorts): a survey,
#                                                          survey/answers.csv (text column 自由回答)
#                                                          with its text in survey-text/answers.txt,
#                                                          and transcripts/*.txt of speaker turns
#
# Every page under /usr/share/man/ja (symbolic links, which are other names of a page, and pages
# that only `.so`-include another are left out) is rendered by man-db (`man -l`, groff -Tutf8)
# with the formatting stripped (`col -bx`), no hyphenation, no justification, and a line length
# so wide that each paragraph is one line, as it is in the source: a Japanese word is never cut
# at a line end. The running header and footer lines, which the man macros add, are dropped.
# The locale, TZ, MANWIDTH and SOURCE_DATE_EPOCH are fixed and the pages are taken in sorted
# order, so the same package versions give the same bytes; MANIFEST in the corpus directory
# records the versions, the counts, and the SHA-256 of the documents concatenated in name order.
#
# The methods of the ten-times and short corpora are in scripts/bench_corpus.py (its `scale` and
# `shorts` commands).
set -euo pipefail
cd "$(dirname "$0")/.."

usage="usage: scripts/bench-corpus.sh [--out DIR] [--scale 10 | --shape short [--sentences N]] [--base DIR] [--seed N]"
out=""
scale=1
shape=pages
sentences=200000
base=.bench/manpages-ja
seed=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        --scale) scale="$2"; shift 2 ;;
        --shape) shape="$2"; shift 2 ;;
        --sentences) sentences="$2"; shift 2 ;;
        --base) base="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        -h|--help) echo "$usage"; exit 0 ;;
        *) echo "bench-corpus: unknown argument $1"$'\n'"$usage" >&2; exit 64 ;;
    esac
done
[[ "$scale" =~ ^[1-9][0-9]*$ ]] || { echo "bench-corpus: --scale needs a positive whole number, not '$scale'" >&2; exit 64; }
[[ "$shape" == pages || "$shape" == short ]] || { echo "bench-corpus: --shape is pages or short, not '$shape'" >&2; exit 64; }
[[ "$shape" == pages || "$scale" -eq 1 ]] || { echo "bench-corpus: --scale and --shape short exclude each other" >&2; exit 64; }
[[ "$sentences" =~ ^[1-9][0-9]*$ ]] || { echo "bench-corpus: --sentences needs a positive whole number, not '$sentences'" >&2; exit 64; }
[[ -z "$seed" || "$seed" =~ ^[0-9]+$ ]] || { echo "bench-corpus: --seed needs a whole number, not '$seed'" >&2; exit 64; }

# The pages, man-db and groff to render them, and MeCab (the scaled corpus counts words with it).
KOTOBA_SETUP_EXTRA="manpages-ja manpages-ja-dev man-db groff-base bsdextrautils" scripts/setup.sh

export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=0 PYTHONHASHSEED=0
unset MANOPT MANPAGER PAGER MAN_KEEP_FORMATTING MANROFFOPT GROFF_TYPESETTER GROFF_TMAC_PATH
if [[ "$scale" -eq 1 && "$shape" == pages ]]; then
    exec python3 scripts/bench_corpus.py render --out "${out:-.bench/manpages-ja}"
fi
if [[ ! -f "$base/MANIFEST" ]]; then
    echo "bench-corpus: no base corpus in $base (no MANIFEST): building it first" >&2
    python3 scripts/bench_corpus.py render --out "$base"
fi
if [[ "$shape" == short ]]; then
    exec python3 scripts/bench_corpus.py shorts --base "$base" --out "${out:-.bench/shorts}" \
        --sentences "$sentences" --seed "${seed:-13}"
fi
exec python3 scripts/bench_corpus.py scale --base "$base" --out "${out:-.bench/manpages-ja-x$scale}" \
    --factor "$scale" --seed "${seed:-8}"
