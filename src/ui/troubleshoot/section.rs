//! `TroubleshootSection`: the tab's two parts, from the `sections` chunk.

use super::open_dialog::OpenGroupDialog;
use super::token_check::TokenCheck;
use super::waiting::WaitingJobs;
use crate::lazy::split_view;
use crate::state::use_session;
use leptos::prelude::*;

split_view! {
    chunk = sections, prefetch = prefetch_troubleshoot;
    /// [`TroubleshootSection`], from the `sections` chunk.
    pub fn troubleshoot_view() {
        view! { <TroubleshootSection /> }
    }
}

#[component]
pub fn TroubleshootSection() -> impl IntoView {
    let session = use_session();
    let state = session.troubleshoot();
    view! {
        <section class="card troubleshoot-section" aria-labelledby="troubleshoot-heading">
            <h2 id="troubleshoot-heading" class="visually-hidden" tabindex="-1">"Troubleshoot"</h2>
            <TokenCheck state=state />
            <WaitingJobs state=state />
            <OpenGroupDialog state=state />
        </section>
    }
}
