//! `SetupSteps`: the whole setup script as numbered steps, each with its own copy button, and
//! one button for all of it. Says why when the download steps are missing.

use crate::runner::{ScriptShell, SetupScript};
use crate::ui::widgets::{copy_and_announce, ids};
use leptos::prelude::*;

#[component]
pub fn SetupSteps(
    script: Signal<Option<SetupScript>>,
    /// Why the download steps are missing, when they are.
    download_note: Signal<Option<String>>,
    revealed: Signal<bool>,
    expired: Signal<bool>,
) -> impl IntoView {
    let heading_id = ids::unique("script");
    let labelled_by = heading_id.clone();
    let status = RwSignal::new(String::new());
    let copy_step = move |index: usize| {
        let text = script.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| s.steps(true).into_iter().nth(index))
                .map(|s| s.text)
        });
        if let Some(text) = text {
            copy_and_announce(text, expired.get_untracked(), status, "Copied");
        }
    };
    let copy_all = move |_| {
        if let Some(text) = script.with_untracked(|s| s.as_ref().map(|s| s.full_text(true))) {
            copy_and_announce(text, expired.get_untracked(), status, "Copied the whole script");
        }
    };
    let shell_name = move || {
        script.with(|s| match s.as_ref().map(SetupScript::shell) {
            Some(ScriptShell::PowerShell) => "Run these in PowerShell:",
            _ => "Run these in a terminal on the runner machine:",
        })
    };
    let steps = move || {
        let steps = script.with(|s| s.as_ref().map(|s| s.steps(revealed.get())).unwrap_or_default());
        steps
            .into_iter()
            .enumerate()
            .map(|(i, step)| {
                let heading = format!("{}. {}", i + 1, step.title());
                let label = format!("Copy step {}: {}", i + 1, step.title());
                view! {
                    <li class="step">
                        <p class="step-title">{heading}</p>
                        <div class="code-row">
                            <pre><code>{step.text}</code></pre>
                            <button type="button" class="secondary" aria-label=label on:click=move |_| copy_step(i)>"Copy"</button>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="setup-script" aria-labelledby=labelled_by>
            <h3 id=heading_id>"Setup script"</h3>
            {move || download_note.get().map(|note| view! { <p class="note" role="status">{note}</p> })}
            <p class="muted">{shell_name}</p>
            <ol class="steps">{steps}</ol>
            <div class="script-actions">
                <button type="button" class="primary" on:click=copy_all disabled=move || script.with(Option::is_none)>"Copy script"</button>
                <span class="copy-status" role="status" aria-live="polite" class:warn=move || expired.get()>{move || status.get()}</span>
            </div>
        </section>
    }
}
