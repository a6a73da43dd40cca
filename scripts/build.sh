#!/usr/bin/env bash
# Builds the explainer: dist/ (the site, hashed asset names) and dist/charm-offensive.html (one
# self-contained file). Installs what it needs first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_SETUP:-0}" = 1 ] || SKIP_BROWSER=1 scripts/setup.sh

say() { printf '\033[1m[build]\033[0m %s\n' "$*"; }
mkdir -p target/bindgen target/pre
say "pre-rendering the static page (server-side rendering)"
# First: it lists the display-only texts the page gives back (target/pre/prose-on-page.txt), which the
# wasm then reads from the page instead of carrying them (PROSE_ON_PAGE, read by build.rs; src/prose.rs); and the
# texts the served site's first views read (target/pre/prose-needs.txt, for tools/build/assemble.py).
cargo run --quiet --locked --bin prerender -- index.html target/pre/index.html target/pre/prose-on-page.txt \
  target/pre/prose-needs.txt
say "compiling to WebAssembly (release, size-tuned, standard library rebuilt for size)"
# The pinned nightly (tools/build/nightly.txt, installed by scripts/setup.sh) rebuilds std with its
# optimize_for_size feature (smaller sort, formatting and panic code); its own target dir keeps the
# stable toolchain's artefacts (tests, clippy) apart. Also without panic locations and Debug formatting
# (the app shows neither), and a panic stops the wasm at once: static/boot.js shows the fatal message
# for the trap. Measured: 303.5 -> 288.1 KB gzip. These flags apply to the wasm only, not to build scripts.
NIGHTLY=$(cat tools/build/nightly.txt)
PROSE_ON_PAGE="$PWD/target/pre/prose-on-page.txt" \
RUSTFLAGS="${RUSTFLAGS:-} -Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort" \
cargo "+$NIGHTLY" build --release --locked --target wasm32-unknown-unknown --bin charm-offensive \
  --target-dir target/size -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
wasm-bindgen --target no-modules --no-typescript --out-dir target/bindgen \
  target/size/wasm32-unknown-unknown/release/charm-offensive.wasm
say "optimising the wasm for size (wasm-opt -Oz)"
# WASM_OPT_EXTRA=-g keeps function names, for profiling (bench/profile.mjs); the release build leaves it empty.
# --low-memory-unused: the first 1 KB of memory is never used (Rust puts its 1 MB stack first, growing down
# towards 0, and the data after it), so constant offsets fold into loads and stores. -Oz twice: the second
# pass finds more after the first. Measured: 855,041 -> 851,431 B raw (325,966 -> 324,213 gzip). The producers and
# target_features sections (252 B) are dropped: browsers do not read them. Without the memory-packing pass
# (-sp): it splits the data into segments around every run of zeros (349 segments, each with a 7-8 byte header
# of scattered offsets); one segment with its zeros written out measured 578,263 -> 581,248 B raw but
# 182,275 -> 180,907 B LZMA (227,547 -> 226,340 gzip).
# It always keeps the function names (-g: the same code), which tools/build/type_ids.py reads and then drops.
node_modules/.bin/wasm-opt --low-memory-unused -Oz -Oz -sp memory-packing --strip-producers --strip-target-features -g ${WASM_OPT_EXTRA:-} --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  target/bindgen/charm-offensive_bg.wasm -o target/bindgen/charm-offensive_bg.wasm
# Type ids numbered 1, 2, 3... instead of 128-bit hashes (only compared for equality: see the script); the
# function names go unless WASM_OPT_EXTRA asked for them. Measured: LZMA stream 162,610 -> 157,988 B.
python3 tools/build/type_ids.py target/bindgen/charm-offensive_bg.wasm $([[ "${WASM_OPT_EXTRA:-}" == *-g* ]] && echo --keep-names)
# Short import names in the wasm and the glue alike (wasm-bindgen's carry a hash each). Measured: single file
# 319,793 -> 314,080 B gzip.
python3 tools/build/short_imports.py target/bindgen/charm-offensive_bg.wasm target/bindgen/charm-offensive.js
say "compiling the packed wasm's packer and decoders (tools/unlzma) to wasm"
# Its own crate, no dependencies, stable toolchain: the single file's context-mixing packer native (src/bin/pack.rs,
# run by assemble.py), its decoder to wasm, and the served site's LZMA decoder to wasm (`--features lzma`), each with
# a 64 KB stack instead of Rust's 1 MB default, without its producers and target_features sections (199 B the
# browser does not read; 263 B of the single file's gzip).
cargo build --quiet --release --locked --bin pack --manifest-path tools/unlzma/Cargo.toml --target-dir target/unlzma
for features in "" lzma; do
  RUSTFLAGS="-C link-arg=-zstack-size=65536" cargo build --quiet --release --locked --lib --target wasm32-unknown-unknown \
    --features "$features" --manifest-path tools/unlzma/Cargo.toml --target-dir target/unlzma
  node_modules/.bin/wasm-opt -O3 --strip-producers --strip-target-features --enable-bulk-memory \
    target/unlzma/wasm32-unknown-unknown/release/unlzma.wasm -o "target/unlzma${features:+-$features}.wasm"
done
say "assembling dist/"
python3 tools/build/assemble.py
say "writing the SCORM 1.2 and 2004 packages"
python3 tools/build/scorm.py
