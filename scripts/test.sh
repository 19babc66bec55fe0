#!/usr/bin/env bash
# The tests: sets up the system packages, builds, runs each test target (swift-testing) in turn,
# then checks the reports where analysts open them (scripts/check-reports.sh: Python's csv,
# pandas, networkx, scipy for dtm.mtx, a headless Chromium screenshot of report.html), and the
# scale-out recipes on real engines (scripts/engine-check.sh: shards, Hadoop-shaped sort, merge
# --partial, Spark in local[2], a one-node Slurm when root). R (r-base-core, r-cran-mass,
# r-cran-ca) is installed too: the multivariate tests check kotoba against it, and fail without it.
#
#   scripts/test.sh             every test target, then the report check: one line as each
#                               starts and ends, a progress line every 30 s, one summary line last
#   scripts/test.sh ARGS …      only `swift test ARGS …` (e.g. --filter KwicTests), its output as is
#
# Everything the tests write goes below one temporary folder of this run (TMPDIR, and so the
# tests' kotoba cache), removed when the script ends; the full output of each step is logged
# there, and kept, with its path printed, when a step fails. Nothing is written into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
KOTOBA_SETUP_EXTRA="${KOTOBA_SETUP_EXTRA:-} r-base-core r-cran-mass r-cran-ca" scripts/setup.sh

run=$(mktemp -d "${TMPDIR:-/tmp}/kotoba-test-run.XXXXXX")
mkdir -p "$run/tmp" "$run/logs"
# mktemp makes the folder 0700; the folder-scan test runs kotoba as an unprivileged user (when
# the tests run as root, so that permissions bite), who must be able to reach its workspace.
chmod 0755 "$run"
chmod 1777 "$run/tmp"
export TMPDIR=$run/tmp
# The in-process tests' kotoba keeps its dictionary memo in the cache home: this run's, not the
# user's (the end-to-end tests give each run of the binary a cache home of its own).
export XDG_CACHE_HOME=$run/tmp/cache-home
failed=0
ticker=
trap '[[ -n "$ticker" ]] && kill "$ticker" 2>/dev/null; rm -rf "$run/tmp"; if [[ $failed -eq 0 ]]; then rm -rf "$run"; else echo "test.sh: logs kept in $run/logs" >&2; fi' EXIT

if [[ $# -gt 0 ]]; then
    swift test "$@" || { failed=1; exit 1; }
    exit 0
fi

started=$SECONDS
say() { echo "test.sh: $*"; }

say "building the tests"
if ! swift build --build-tests > "$run/logs/build.log" 2>&1; then
    failed=1
    grep -E "error:" "$run/logs/build.log" | head -n 20 >&2 || tail -n 20 "$run/logs/build.log" >&2
    say "FAILED: the build (log: $run/logs/build.log)"
    exit 1
fi

# Prints, every 30 s while a step runs, how many tests of it have passed so far.
tick() {
    local name=$1 log=$2 begun=$SECONDS second
    while true; do
        for second in {1..30}; do sleep 1; done  # short sleeps: none outlives the ticker
        echo "test.sh:   $name: $(grep -c '^✔ Test .* passed' "$log" 2>/dev/null || true) tests passed so far ($((SECONDS - begun)) s)"
    done
}

targets=()
for directory in Tests/*Tests; do targets+=("$(basename "$directory")"); done
total=0
for index in "${!targets[@]}"; do
    target=${targets[$index]}
    log=$run/logs/$target.log
    say "[$((index + 1))/${#targets[@]}] $target …"
    begun=$SECONDS
    tick "$target" "$log" & ticker=$!
    status=0
    NO_COLOR=1 swift test --skip-build --filter "^$target\\." > "$log" 2>&1 || status=$?
    kill "$ticker" 2>/dev/null; wait "$ticker" 2>/dev/null || true; ticker=
    # swift-testing's last line: "✔ Test run with N tests in M suites passed after S seconds."
    count=$(sed -n 's/.*Test run with \([0-9]*\) tests\{0,1\} .*/\1/p' "$log" | tail -n 1)
    if [[ $status -eq 0 && -n "$count" ]]; then
        total=$((total + count))
        say "[$((index + 1))/${#targets[@]}] $target: $count tests passed ($((SECONDS - begun)) s)"
    else
        failed=1
        grep -E '^✘ ' "$log" | head -n 30 >&2 || tail -n 30 "$log" >&2
        say "[$((index + 1))/${#targets[@]}] $target: FAILED (exit $status; log: $log)"
    fi
done

say "checking the reports (scripts/check-reports.sh) …"
log=$run/logs/check-reports.log
if KOTOBA="$(swift build --show-bin-path)/kotoba" scripts/check-reports.sh > "$log" 2>&1; then
    grep -E 'the Python checks run with|ok:' "$log" | sed 's/^/test.sh:   /' | cut -c 1-200
    reports="reports checked"
else
    failed=1
    grep -E 'FAIL|error|cannot' "$log" | head -n 30 >&2 || tail -n 30 "$log" >&2
    reports="report check FAILED (log: $log)"
fi

say "checking the scale-out recipes on real engines (scripts/engine-check.sh) …"
log=$run/logs/engine-check.log
begun=$SECONDS
if KOTOBA="$(swift build --show-bin-path)/kotoba" scripts/engine-check.sh > "$log" 2>&1; then
    grep -E '^engine-check: (ok|skipped)' "$log" | sed 's/^/test.sh:   /' | cut -c 1-200
    engines="engine recipes checked ($((SECONDS - begun)) s)"
else
    failed=1
    grep -E '^engine-check: FAIL' -A 20 "$log" | head -n 40 >&2 || tail -n 30 "$log" >&2
    engines="engine check FAILED (log: $log)"
fi

if [[ $failed -eq 0 ]]; then
    say "passed: $total tests in ${#targets[@]} targets, $reports, $engines ($((SECONDS - started)) s)"
else
    say "FAILED: see above; $total tests passed, $reports, $engines ($((SECONDS - started)) s)"
    exit 1
fi
