//! The flow that follows a click on the submit button, as a split point: its code (the
//! just-in-time options' checks, the request, reading the answer, the runner list and the
//! watch) and the session it runs in live in the `sections` wasm chunk, which the page
//! prefetches once the first screen is idle. The first screen checks the form and calls it; a
//! chunk that cannot be loaded is said (`Shell::unloaded`), never a panic.

use super::credential::PinnedToken;
use super::session::Session;
use super::shell::Shell;
use crate::form::{Action, ValidForm};
use crate::lazy::split_call;

split_call! {
    chunk = sections, prefetch = prefetch_flows;
    /// Sends what the form asked for at the click, once (`Session::send`).
    pub fn submit_flow(shell: Shell, action: Action, valid: ValidForm, token: PinnedToken) {
        Session::of(shell).send(action, valid, token)
    }
}
