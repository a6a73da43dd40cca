#!/usr/bin/env bash
# Runs every test layer: formatting and lints (native and wasm32), native cargo tests (content integrity, logic, server-side rendering), the
# geometry generator's reproducibility check, wasm tests in headless Chromium, then a release build and
# the end-to-end tests (playwright-core + axe-core in Chromium; one pass each in Firefox ESR and WebKitGTK)
# against the served site and the single file.
# Installs what it needs first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
say() { printf '\n\033[1m[test]\033[0m %s\n' "$*"; }

say "formatting and lints (rustfmt; clippy on every target, native and wasm32)"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
# The packed wasm's packer and decoders, their own crate (tools/unlzma): the packer native, both decoders' builds.
cargo fmt --check --manifest-path tools/unlzma/Cargo.toml
cargo clippy --locked --manifest-path tools/unlzma/Cargo.toml --target-dir target/unlzma --all-targets -- -D warnings
cargo clippy --locked --manifest-path tools/unlzma/Cargo.toml --target wasm32-unknown-unknown --target-dir target/unlzma --lib -- -D warnings
cargo clippy --locked --manifest-path tools/unlzma/Cargo.toml --target wasm32-unknown-unknown --target-dir target/unlzma --lib --features lzma -- -D warnings

say "native tests: content, logic, rendering"
cargo test --locked

say "map geometry matches its generator"
node tools/geo/generate.mjs --check

say "browser (wasm) tests in headless Chromium"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" cargo test --locked --target wasm32-unknown-unknown --test web --test web_panic

say "release build (site and single file)"
SKIP_SETUP=1 scripts/build.sh

say "end-to-end tests in Chromium, Firefox and WebKit (served build and single file)"
node --test --test-concurrency=1 tests/e2e/*.spec.mjs

say "size guard rail"
python3 - <<'PY'
import json
b = json.load(open("dist/build.json"))
gz = b["single_file"]["gzip"]
# Decimal kilobytes, as the issue counts them (it calls the d3 page's 254,433 B "254 KB"): target 250,000 B.
print(f"single file: {gz:,} B = {gz/1000:.1f} kB gzip (target 250 kB; guard rail 273 kB: the measured 248.3 kB plus 10%)")
assert gz <= 273_000, "the single file grew past 273 kB (273,000 B) gzip"
PY
say "all tests passed"
