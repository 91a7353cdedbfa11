#!/usr/bin/env bash
# Measures the release wasm as shipped (cargo → wasm-bindgen → wasm-opt -Oz) without Trunk, so
# profile or code changes can be compared quickly. Prints raw and gzip -9 bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${RUNNER_TOKEN_TOOLS:-$HOME/.cache/runner-token-tools}/binaryen-132/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo build --quiet --release --target wasm32-unknown-unknown "$@"
wasm-bindgen --target web --no-typescript --out-dir "$out" target/wasm32-unknown-unknown/release/runner-token.wasm
wasm-opt -Oz --output "$out/opt.wasm" "$out/runner-token_bg.wasm"
printf 'wasm raw %s B, gzip %s B\n' "$(wc -c <"$out/opt.wasm")" "$(gzip -9c "$out/opt.wasm" | wc -c)"
