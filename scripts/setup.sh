#!/usr/bin/env bash
# Installs what kotoba needs from the system's packages: MeCab with its headers, the IPAdic and
# JUMAN dictionaries in UTF-8, ICU's headers, the reference LAPACK and BLAS (the multivariate
# maps; single-threaded, so the same bytes at any --jobs), zlib's (gzip-compressed partials) and
# jemalloc, the allocator kotoba is linked with (Package.swift says why).
# Idempotent: when everything is present it only checks and returns at once; otherwise it runs
# apt-get (through sudo when not root).
#
#   scripts/setup.sh            install what is missing
#   KOTOBA_SETUP_EXTRA="pkg …"  also install these packages (used by scripts that need more)
set -euo pipefail

packages=(mecab libmecab-dev mecab-ipadic-utf8 mecab-jumandic-utf8 libicu-dev liblapack-dev libblas-dev zlib1g-dev libjemalloc-dev ${KOTOBA_SETUP_EXTRA:-})

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: missing packages ${missing[*]}, and apt-get is not available: install them by hand" >&2
    exit 69
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "setup: missing packages ${missing[*]}: run as root or install sudo" >&2
        exit 77
    fi
    sudo=(sudo)
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
