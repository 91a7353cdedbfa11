//! The tools scripts/setup.sh installs, for the test binaries that load one (`#[path]`-included
//! by each): the folder they are in and each one's pinned version, read from
//! scripts/versions.env, the only place it is written (scripts/tools.mjs reads it for node).

use std::path::PathBuf;

/// `RUNNER_TOKEN_TOOLS`, or `~/.cache/runner-token-tools`, as in scripts/setup.sh.
pub fn folder() -> PathBuf {
    std::env::var_os("RUNNER_TOKEN_TOOLS").map_or_else(
        || PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/runner-token-tools"),
        PathBuf::from,
    )
}

/// The version scripts/versions.env pins under `key` (`AXE_VERSION`, ...).
pub fn version(key: &str) -> &'static str {
    include_str!("../../scripts/versions.env")
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| line.split_once('=').filter(|(k, _)| *k == key).map(|(_, v)| v))
        .unwrap_or_else(|| panic!("scripts/versions.env pins no {key}"))
}
