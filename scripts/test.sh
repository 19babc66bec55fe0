#!/usr/bin/env bash
# The tests: sets up the system packages, runs the whole test suite (swift-testing), then checks
# the reports where analysts open them (scripts/check-reports.sh: Python's csv, pandas,
# networkx, a headless Chromium screenshot of report.html). Arguments go to `swift test`; with
# any, only those tests run and the report check is left out.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift test "$@"
if [[ $# -eq 0 ]]; then
    KOTOBA="$(swift build --show-bin-path)/kotoba" scripts/check-reports.sh
fi
