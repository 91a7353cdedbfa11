//! `WorkflowSnippet`: the `runs-on` line that sends a job to this runner, with a copy button.
//! It follows the runner's labels live.

use crate::runner::runs_on;
use crate::ui::widgets::{copy_and_announce, ids};
use crate::words::setup::FIX_OPTIONS;
use leptos::prelude::*;

#[component]
pub fn WorkflowSnippet(
    /// The runner's labels; `None` while the options are invalid.
    #[prop(into)]
    labels: Signal<Option<Vec<String>>>,
) -> impl IntoView {
    let heading_id = ids::unique("workflow");
    let labelled_by = heading_id.clone();
    let status = RwSignal::new(String::new());
    let line = move || labels.with(|l| l.as_deref().map(runs_on));
    let copy = move |_| {
        if let Some(text) = labels.with_untracked(|l| l.as_deref().map(runs_on)) {
            copy_and_announce(text, false, status, "Copied");
        }
    };
    view! {
        <section class="workflow" aria-labelledby=labelled_by>
            <h3 id=heading_id>"Use it in a workflow"</h3>
            <p class="muted">"A job with this line runs on this runner (or on any runner with all of these labels):"</p>
            <div class="code-row">
                <pre><code>{move || line().unwrap_or_else(|| FIX_OPTIONS.into())}</code></pre>
                <button type="button" class="secondary" aria-label="Copy the runs-on line" on:click=copy disabled=move || labels.with(Option::is_none)>"Copy"</button>
            </div>
            <p class="copy-status" role="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
}
