//! `CommandBlock`: the one command to run (configure, start or remove) with every chosen
//! option, as shown (secrets masked unless revealed), and a button that copies the real command.

use crate::runner::SetupScript;
use crate::ui::widgets::{copy_and_announce, ids};
use crate::words::setup::FIX_OPTIONS;
use leptos::prelude::*;

#[component]
pub fn CommandBlock(
    script: Signal<Option<SetupScript>>,
    revealed: Signal<bool>,
    expired: Signal<bool>,
    heading: &'static str,
    intro: &'static str,
) -> impl IntoView {
    let heading_id = ids::unique("command");
    let labelled_by = heading_id.clone();
    let code_labelled_by = heading_id.clone();
    let status = RwSignal::new(String::new());
    let shown = move || script.with(|s| s.as_ref().map(|s| s.main_command(revealed.get())));
    let copy = move |_| {
        if let Some(text) = script.with_untracked(|s| s.as_ref().map(|s| s.main_command(true))) {
            copy_and_announce(text, expired.get_untracked(), status, "Copied");
        }
    };
    view! {
        <section class="command" aria-labelledby=labelled_by>
            <h3 id=heading_id>{heading}</h3>
            <p class="muted">{intro}</p>
            <div class="code-row">
                <pre><code aria-labelledby=code_labelled_by>{move || shown().unwrap_or_else(|| FIX_OPTIONS.into())}</code></pre>
                <button type="button" class="primary" on:click=copy disabled=move || script.with(Option::is_none)>"Copy command"</button>
            </div>
            <p class="copy-status" role="status" aria-live="polite" class:warn=move || expired.get()>{move || status.get()}</p>
        </section>
    }
}
