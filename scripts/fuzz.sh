#!/usr/bin/env bash
# Builds kotoba's fuzz targets (Fuzz/, a package of its own) with libFuzzer and AddressSanitizer,
# and runs each for SECONDS (default 60), or for RUNS executions when RUNS is set:
#
#   scripts/fuzz.sh              # every target, 60 s each
#   scripts/fuzz.sh 600          # 10 minutes each
#   RUNS=1000000 scripts/fuzz.sh # a million executions each
#   scripts/fuzz.sh 60 CacheReader TextDecoder   # some targets only
#   FUZZ_FLAGS=-max_len=192 scripts/fuzz.sh 60 CodingRuleParser   # more libFuzzer flags
#   FUZZ_FLAGS=-max_len=1024 RUNS=1000000 scripts/fuzz.sh 0 PartialReader
#
# The targets are the folders Fuzz/Sources/FuzzNAME: TextDecoder, TableParser, CodingRuleParser,
# CacheReader, PartialReader (FUZZING.md says what each feeds its bytes to).
#
# Each target starts from its seeds in Tests/Fuzz/NAME/ (kept in git, and fed to every stored
# input by FuzzRegressionTests); what it grows is kept in a temporary folder, not committed. A
# crash input is written to Tests/Fuzz/NAME/crash-… , where the regression tests pick it up once
# it is committed. Prints one line per target: executions, crashes.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for folder in Fuzz/Sources/Fuzz*; do targets+=("$(basename "$folder" | sed 's/^Fuzz//')"); done
fi

for name in "${targets[@]}"; do
  (cd Fuzz && nice -n 10 swift build --product "Fuzz$name" -Xswiftc -sanitize=fuzzer,address >&2)
done

status=0
for name in "${targets[@]}"; do
  binary=Fuzz/.build/debug/Fuzz$name
  seeds=Tests/Fuzz/$name
  mkdir -p "$seeds"
  grown=$(mktemp -d)
  log=$(mktemp)
  limit=(-max_total_time="$seconds")
  [ -n "${RUNS:-}" ] && limit=(-runs="$RUNS")
  before=$(find "$seeds" -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' | wc -l)
  set +e
  # shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags
  nice -n 10 "$binary" "$grown" "$seeds" "${limit[@]}" -artifact_prefix="$seeds/" -print_final_stats=1 \
    -rss_limit_mb=4096 -timeout=20 ${FUZZ_FLAGS:-} >"$log" 2>&1
  code=$?
  set -e
  after=$(find "$seeds" -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' | wc -l)
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "$name: executions ${executions:-?}, crashes $((after - before)), exit $code"
  if [ "$code" -ne 0 ]; then
    status=1
    tail -40 "$log" >&2
  fi
  rm -rf "$grown" "$log"
done
exit $status
