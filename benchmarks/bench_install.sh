#!/usr/bin/env bash
# Time a fresh install: a new virtual environment, then `pip install .` (the README's first command
# without starting the app) and `pip install '.[test]'`. Uses whatever index pip is set up with.
# Run from anywhere: bash benchmarks/bench_install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$(date +%s.%N)
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q . 2>/dev/null
mid=$(date +%s.%N)
"$work/venv/bin/runmate" --version
python3 -m venv "$work/venv-test"
"$work/venv-test/bin/pip" install -q '.[test]' 2>/dev/null
end=$(date +%s.%N)
printf 'venv + pip install .          %6.1f s\n' "$(echo "$mid - $start" | bc)"
printf "venv + pip install '.[test]'  %6.1f s\n" "$(echo "$end - $mid" | bc)"
