#!/usr/bin/env bash
# The tests: sets up the system packages, then runs the whole test suite (swift-testing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec swift test "$@"
