#!/usr/bin/env bash
# The README's scale-out recipes run for real, each merged into reports that are compared, file
# by file (every report but manifest.json), with one `kotoba run` over the same corpus:
#
#   shards     kotoba count --shard I/4 four times (as GNU parallel runs it), then kotoba merge
#   hadoop     four filter-mode tasks (count --lines over JSON Lines), their lines sorted as
#              Hadoop's shuffle sorts a mapper's output, then kotoba merge -
#   combined   the same tasks merged in pairs with merge --partial (a tree reduce), then merged
#   spark      pyspark in local[2] (scripts/spark_check.py): RDD.pipe over 4 partitions reduced
#              by reduceByKey; RDD.pipe saved as is; the path-list route (count --files-from -)
#   slurm      scripts/slurm-check.sh (a one-node Slurm it starts), when run as root
#
#   scripts/engine-check.sh            build kotoba (debug) and check everything
#   KOTOBA=path scripts/engine-check.sh   check this binary
#   KOTOBA_ENGINE_CHECKS="shards hadoop" … only these checks
#
# Installs Debian's openjdk-17-jre-headless and python3-venv, and pyspark from PyPI in a venv
# under .build/spark-venv (once). One line per check: "engine-check: ok: NAME …" or "FAIL".
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
checks=${KOTOBA_ENGINE_CHECKS:-shards hadoop combined spark slurm}
KOTOBA_SETUP_EXTRA="openjdk-17-jre-headless python3-venv" scripts/setup.sh
if [[ -z "${KOTOBA:-}" ]]; then
    swift build --product kotoba >&2
    KOTOBA=$(swift build --show-bin-path)/kotoba
fi
kotoba=$(realpath "$KOTOBA")
work=$(mktemp -d "${TMPDIR:-/tmp}/kotoba-engines.XXXXXX")
trap 'rm -rf "$work"' EXIT
status=0

# The corpus: the bundled interview cut every 20 lines, as files, as JSON Lines and as a path list.
# A line's id is the document's path as a run over corpus/ reports it (relative to corpus/).
mkdir -p "$work/corpus"
split -l 20 -d -a 3 --additional-suffix=.txt corpus/arakawa-smrj-interview.txt "$work/corpus/piece-"
cp corpus/themes.yml "$work/themes.yml"
cd "$work"
python3 - <<'PY'
import json, os
names = sorted(os.listdir("corpus"))
with open("corpus.jsonl", "w", encoding="utf-8") as out:
    for name in names:
        with open(os.path.join("corpus", name), encoding="utf-8") as f:
            out.write(json.dumps({"id": name, "text": f.read()}, ensure_ascii=False) + "\n")
with open("paths.txt", "w") as out:
    out.write("".join(f"corpus/{name}\n" for name in names))
PY
settings=(--themes themes.yml --group-by speaker)
"$kotoba" run corpus "${settings[@]}" --out single --no-cache -q

# Compares every report of OUTPUT with the single run's.
compare() {
    local name=$1 output=$2 report same=0 differ=()
    while IFS= read -r report; do
        if cmp -s "single/$report" "$output/$report"; then same=$((same + 1)); else differ+=("$report"); fi
    done < <(cd single && find . -type f ! -name manifest.json | sed 's|^\./||' | sort)
    if [[ ${#differ[@]} -eq 0 && $same -gt 0 ]]; then
        echo "engine-check: ok: $name: $same reports byte-identical to a single run"
    else
        echo "engine-check: FAIL: $name: ${differ[*]:-no reports} differ from a single run"
        status=1
    fi
}
# Merges PARTIALS… into reports named NAME and compares them (a failing merge is a failing check).
merge_and_compare() {
    local name=$1
    shift
    if "$kotoba" merge "$@" --out "$name" -q; then compare "$name" "$name"; else echo "engine-check: FAIL: $name: merge exited $?"; status=1; fi
}

for check in $checks; do
    case "$check" in
    shards)
        for i in 0 1 2 3; do "$kotoba" count corpus "${settings[@]}" --shard "$i/4" --partial "shard-$i.partial" --no-cache -q & done
        wait
        merge_and_compare shards shard-{0,1,2,3}.partial
        ;;
    hadoop | combined)
        mkdir -p tasks
        split -n l/4 -d corpus.jsonl tasks/input-
        for input in tasks/input-0?; do
            "$kotoba" count --lines "${settings[@]}" --partial - - --no-cache -q < "$input" > "$input.partial"
        done
        if [[ $check == hadoop ]]; then
            cat tasks/input-0?.partial | LC_ALL=C sort > sorted.partial
            merge_and_compare hadoop - < sorted.partial
        else
            "$kotoba" merge tasks/input-00.partial tasks/input-01.partial --partial left.partial -q
            "$kotoba" merge tasks/input-02.partial tasks/input-03.partial --partial right.partial -q
            merge_and_compare combined left.partial right.partial
        fi
        ;;
    spark)
        venv=$repo/.build/spark-venv
        if ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
            python3 -m venv "$venv"
            "$venv/bin/pip" install -q "pyspark==4.3.0"  # the version the checks were written against
        fi
        # The pipe tasks must be given the same settings as the single run: a kotoba.yml here.
        printf 'themes: themes.yml\ngroup_by: speaker\n' > kotoba.yml
        if "$venv/bin/python" "$repo/scripts/spark_check.py" "$kotoba" "$work/corpus.jsonl" "$work/paths.txt" "$work/spark" \
            > spark.log 2>&1; then
            merge_and_compare spark-reduced spark/reduced/part-*
            merge_and_compare spark-piped spark/piped/part-*
            merge_and_compare spark-listed spark/listed/part-*
        else
            echo "engine-check: FAIL: spark: the job failed:"; tail -n 20 spark.log; status=1
        fi
        rm -f kotoba.yml
        ;;
    slurm)
        if [[ $(id -u) -ne 0 ]]; then
            echo "engine-check: skipped: slurm needs root (it starts Slurm's daemons)"
        elif KOTOBA=$kotoba "$repo/scripts/slurm-check.sh" > slurm.log 2>&1; then
            grep 'slurm-check: ok' slurm.log | sed 's/^slurm-check: ok: /engine-check: ok: slurm: /'
        else
            echo "engine-check: FAIL: slurm:"; tail -n 20 slurm.log; status=1
        fi
        ;;
    *) echo "engine-check: unknown check '$check'" >&2; exit 64 ;;
    esac
done
exit $status
