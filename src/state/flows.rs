//! The flows that follow a click, as split points: their code (the requests, reading the
//! answers, the runner list and the watch) lives in the `sections` wasm chunk, which the page
//! prefetches once the first screen is idle. Main calls them; a chunk that cannot be loaded
//! becomes `Outcome::Unloaded`, never a panic.

use super::session::Session;
use crate::form::{Action, ValidForm};
use crate::github::{JitRequest, Target};
use crate::lazy::split_call;

split_call! {
    chunk = sections, prefetch = prefetch_flows;
    /// Sends what the form asked for and carries out what follows (see `Session::run`).
    pub fn submit_flow(session: Session, action: Action, valid: ValidForm, jit: Option<JitRequest>) {
        session.run(action, valid, jit)
    }
}

split_call! {
    chunk = sections, prefetch = prefetch_watch;
    /// Watches `to` again, for the runner name typed after the token was minted.
    pub fn restart_watch(session: Session, to: Target, name: String, until_ms: i64) {
        session.watch.start(to, Some(name), Some(until_ms))
    }
}
