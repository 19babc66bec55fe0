#!/usr/bin/env bash
# Runs kotoba as a Slurm job array on a one-node Slurm cluster started on this machine
# (127.0.0.1), merges the shards in a job that depends on the array, and checks that every report
# (all but manifest.json) is byte-identical to a single run's.
#
#   scripts/slurm-check.sh [--shards N]
#   KOTOBA=path scripts/slurm-check.sh   check this binary (default: build a release one)
#
# It is the recipe of README.md ("Slurm job arrays") run for real: 'kotoba count' takes its shard
# from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT. Needs root, since it starts munged,
# slurmctld and slurmd itself (about fifteen seconds); installs slurm-wlm and munge.
# scripts/engine-check.sh runs it (so scripts/test.sh and CI do) with the tests' binary.
set -euo pipefail
cd "$(dirname "$0")/.."
shards=4
while [[ $# -gt 0 ]]; do
    case "$1" in
        --shards) shards="$2"; shift 2 ;;
        *) echo "usage: scripts/slurm-check.sh [--shards N]" >&2; exit 64 ;;
    esac
done
[[ $(id -u) -eq 0 ]] || { echo "slurm-check: run as root (it starts Slurm's daemons)" >&2; exit 77; }

KOTOBA_SETUP_EXTRA="slurm-wlm munge" scripts/setup.sh
repo=$PWD
if [[ -n "${KOTOBA:-}" ]]; then
    kotoba=$(realpath "$KOTOBA")
else
    scripts/build-release.sh
    kotoba=$repo/.build/release/kotoba
fi
work=$(mktemp -d /tmp/kotoba-slurm.XXXXXX)
export SLURM_CONF=$work/slurm.conf
cleanup() {
    scancel --quiet --full --signal=KILL --user=root 2>/dev/null || true
    for pid in "$work"/slurmctld.pid "$work"/slurmd.pid; do [[ -f $pid ]] && kill "$(cat "$pid")" 2>/dev/null || true; done
    # The daemons write their state as they stop: wait for them before removing it.
    for pid in "$work"/slurmctld.pid "$work"/slurmd.pid; do
        for _ in $(seq 20); do [[ -f $pid ]] && kill -0 "$(cat "$pid")" 2>/dev/null || break; sleep 0.25; done
    done
    rm -rf "$work" || true
}
trap cleanup EXIT

# A corpus of many files: the bundled interview cut every 20 lines.
mkdir -p "$work/corpus" "$work/parts" "$work/state" "$work/spool"
split -l 20 -d -a 3 --additional-suffix=.txt corpus/arakawa-smrj-interview.txt "$work/corpus/piece-"

# munge: a key of our own if none exists, and the daemon if none runs.
if [[ ! -s /etc/munge/munge.key ]]; then
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
fi
mkdir -p /run/munge && chown munge:munge /run/munge
pgrep -x munged >/dev/null || runuser -u munge -- /usr/sbin/munged

cat > "$SLURM_CONF" <<CONF
ClusterName=kotoba
SlurmctldHost=localhost(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
SlurmctldPort=6817
SlurmdPort=6818
NodeName=kotoba-node NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=check Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld
slurmd -N kotoba-node
for _ in $(seq 60); do
    sinfo --noheader --states=idle 2>/dev/null | grep -q check && break
    sleep 0.5
done
sinfo >&2

# The map: a job array, one shard per task; the reduce: a job that waits for the whole array.
cat > "$work/map.sbatch" <<JOB
#!/bin/bash
#SBATCH --array=0-$((shards - 1))
#SBATCH --output=$work/map-%a.log
cd "$work" && "$kotoba" count corpus --themes "$repo/corpus/themes.yml" --partial parts/part-\$SLURM_ARRAY_TASK_ID.partial --no-cache --jobs 1
JOB
cat > "$work/merge.sbatch" <<JOB
#!/bin/bash
#SBATCH --output=$work/merge.log
cd "$work" && "$kotoba" merge parts/part-*.partial --out merged
JOB
array=$(sbatch --parsable "$work/map.sbatch")
echo "slurm-check: submitted array job $array ($shards tasks) and its merge" >&2
timeout 900 sbatch --parsable --wait --dependency=afterok:"$array" "$work/merge.sbatch" >/dev/null

(cd "$work" && "$kotoba" run corpus --themes "$repo/corpus/themes.yml" --out single --no-cache -q)
status=0
same=0
while IFS= read -r report; do
    if cmp -s "$work/merged/$report" "$work/single/$report"; then
        same=$((same + 1))
    else
        echo "DIFFER $report"; status=1
    fi
done < <(cd "$work/single" && find . -type f ! -name manifest.json | sed 's|^\./||' | sort)
[[ $same -gt 0 ]] || { echo "slurm-check: the merge wrote no reports"; status=1; }
[[ $status -eq 0 ]] && echo "slurm-check: ok: $shards Slurm array tasks merged give the single run's $same reports byte for byte"
exit $status
