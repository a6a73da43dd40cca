#!/usr/bin/env bash
# The benchmark: release build, then sizes and timings in headless Chromium (bench/run.mjs).
# RUNS=9 loads per mode and SWITCHES=40 layer switches by default. Writes bench/out/benchmark.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
SKIP_SETUP=1 scripts/build.sh
node bench/run.mjs
