#!/usr/bin/env bash
# Builds release products into .build/release the one way every script runs them:
#
#   scripts/build-release.sh [PRODUCT …]     (default: kotoba)
#
# With the Swift runtime and Foundation linked into the executable (--static-swift-stdlib): no
# dynamic symbol lookup at start (24 → 15 ms a run) and direct calls into the runtime, 3–7 % of a
# run's time on the benchmark corpora (BENCHMARKS.md, tenth session). Every release build goes
# through here because SwiftPM rebuilds everything when the flag changes between two builds.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -gt 0 ]] || set -- kotoba
for product in "$@"; do
    swift build -c release --static-swift-stdlib --product "$product" >&2
done
