#!/usr/bin/env bash
# The main job: sets up the system packages, builds kotoba (release) and analyzes corpus/ into
# output/. Arguments go to 'kotoba run' (e.g. scripts/run.sh --jobs 1, or other paths and --out).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-release.sh
exec .build/release/kotoba run "$@"
