#!/usr/bin/env bash
# Measures the release wasm as shipped (cargo → wasm-split-cli → wasm-bindgen → wasm-opt -Oz)
# without Trunk, so profile or code changes can be compared quickly. Prints raw and gzip -9 bytes
# of the main wasm and of each lazy chunk (src/lazy.rs). Extra arguments go to cargo build.
set -euo pipefail
cd "$(dirname "$0")/.."
# scripts/bin/wasm-bindgen splits first (the linked wasm carries --emit-relocs' relocations,
# which would otherwise stay in it), then runs the real wasm-bindgen.
source scripts/versions.env
export PATH="$PWD/scripts/bin:${RUNNER_TOKEN_TOOLS:-$HOME/.cache/runner-token-tools}/binaryen-$BINARYEN_VERSION/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo build --quiet --release --target wasm32-unknown-unknown "$@"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name runner-token target/wasm32-unknown-unknown/release/runner-token.wasm
size() { printf '%-22s raw %s B, gzip %s B\n' "$1" "$(wc -c <"$2")" "$(gzip -9c <"$2" | wc -c)"; }
wasm-opt -Oz --output "$out/opt.wasm" "$out/runner-token_bg.wasm"
size "wasm (main)" "$out/opt.wasm"
for chunk in "$out"/wasm-split/*.wasm; do
  [ "$(basename "$chunk")" = runner-token.wasm ] && continue
  wasm-opt -Oz --output "$out/chunk.wasm" "$chunk" 2>/dev/null
  size "$(basename "$chunk" .wasm)" "$out/chunk.wasm"
done
