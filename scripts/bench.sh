#!/usr/bin/env bash
# The benchmark: release build, then sizes and timings in headless Chromium (bench/run.mjs), then
# Lighthouse 12 (mobile preset) against dist/ served with gzip beside a static SVG page and a d3 page of the
# same map, and the layer switch beside the d3 page at 960x800 (bench/lighthouse.mjs).
# RUNS=9 loads per mode, SWITCH_ROUNDS=8 rounds of SWITCHES=40 layer switches per page, LH_RUNS=3 Lighthouse runs per page by default.
# Writes bench/out/benchmark.json and bench/out/lighthouse.json. Last, the seeded random walk at bench
# length: 1,000 actions (WALK_SEED=<n> replays one).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
SKIP_SETUP=1 scripts/build.sh
node bench/run.mjs
CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" node bench/lighthouse.mjs
# 500 actions on the site and 500 on the single file (tests/e2e/walk.mjs).
WALK_ACTIONS="${WALK_ACTIONS:-500}" node --test tests/e2e/walk.spec.mjs
