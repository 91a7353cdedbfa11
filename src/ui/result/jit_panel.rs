//! `JitPanel`: a just-in-time runner GitHub has registered: its name and id, that it is offline
//! until started, its configuration (masked until asked), and the script that starts it.

use crate::github::JitConfig;
use crate::runner::{Job, RunnerPlatform, SetupScript};
use crate::state::use_session;
use crate::ui::register::WatchLine;
use crate::ui::setup::{OutputBlock, SetupSteps, WorkflowSnippet};
use crate::ui::widgets::RevealButton;
use crate::words::setup::download_note;
use leptos::prelude::*;

#[component]
pub fn JitPanel(
    runner: JitConfig,
    /// The name asked for, shown when the answer did not echo it.
    requested: String,
    /// The scope for sentences.
    subject: String,
    /// The platform the runner was created for (its labels came from it).
    platform: RunnerPlatform,
    /// The labels it was created with.
    labels: Vec<String>,
) -> impl IntoView {
    let setup = use_session().setup;
    let revealed = RwSignal::new(false);
    let name = runner.runner_name.clone().unwrap_or(requested);
    let id = runner.runner_id.map(|id| format!(" (id {id})")).unwrap_or_default();
    let config = runner.config.clone();
    let shown = move || {
        if revealed.get() {
            config.expose().to_string()
        } else {
            config.masked()
        }
    };
    let package = move || setup.package(platform);
    let job = Job::JustInTime {
        config: runner.config,
        name: name.clone(),
    };
    // One script for every block that shows it: built once per change, not once per reader.
    let script: Signal<Option<SetupScript>> = Memo::new(move |_| {
        Some(SetupScript {
            platform,
            package: package().ok(),
            job: job.clone(),
        })
    })
    .into();
    let note = Signal::derive(move || download_note(&package(), platform));
    view! {
        <section class="card result" aria-labelledby="result-heading">
            <h2 id="result-heading" tabindex="-1">"Just-in-time runner " {name.clone()}</h2>
            <p class="visually-hidden" role="status">{format!("Just-in-time runner {name} created in {subject}.")}</p>
            <p>
                "Runner " <strong>{name.clone()}</strong> {id} " is registered in " {subject.clone()}
                " now and shows as offline until it starts. It takes one job, then GitHub removes it."
            </p>
            <div class="token-row">
                <span class="label" id="jit-config-label">"Runner configuration"</span>
                <code class="token" aria-labelledby="jit-config-label">{shown}</code>
                <RevealButton revealed=revealed what="configuration" />
            </div>
            <p class="hint">"The configuration registers this runner: treat it like a token. It works once."</p>
            <WatchLine />
            <OutputBlock script=script revealed=revealed.into() expired=Signal::stored(false)>
                <SetupSteps script=script download_note=note revealed=revealed.into() expired=Signal::stored(false) />
            </OutputBlock>
            <WorkflowSnippet labels=Signal::stored(Some(labels)) />
        </section>
    }
}
