//! `UpdateCommands`: an outdated runner's badge, and under it (a disclosure) the current version,
//! GitHub's schedule for this one and how to update it in place: stop the service, download and
//! verify the current package, extract it over the runner's folder, start it again. Or nothing
//! to do: a runner with auto-update on updates itself.

use crate::github::Runner;
use crate::runner::{RunnerPlatform, SetupScript};
use crate::state::{use_session, Load};
use crate::ui::widgets::copy_and_announce;
use leptos::prelude::*;

#[component]
pub fn UpdateCommands(
    runner: Runner,
    /// The current version and GitHub's schedule for this one, in words.
    detail: Signal<String>,
) -> impl IntoView {
    let setup = use_session().setup;
    let platform = RunnerPlatform::of_runner(&runner.os, &runner.labels);
    let status = RwSignal::new(String::new());
    let text = move || {
        let platform = platform?;
        let package = setup.downloads.with(|d| match d {
            Load::Ready(p) => platform.package(p).cloned(),
            _ => None,
        })?;
        let script = SetupScript {
            platform,
            package: Some(package),
            job: crate::runner::Job::Remove {
                token: crate::github::Secret::new(""),
                service: true,
            },
        };
        Some(
            script
                .update_steps()
                .into_iter()
                .map(|s| s.text)
                .collect::<Vec<_>>()
                .join("\n"),
        )
    };
    let label = format!("Copy the update commands for {}", runner.name);
    view! {
        <details class="update">
            <summary title=move || detail.get()>
                <span class="badge warn">"Outdated"</span>
                <span class="visually-hidden">{format!(": how to update {}", runner.name)}</span>
            </summary>
            <p class="outdated-detail">{move || detail.get()}</p>
            <p class="hint">
                "A runner with auto-update on (the default) updates itself when it next takes a job. "
                "To update it now, or one set up with --disableupdate, run these in its folder:"
            </p>
            {move || match text() {
                Some(commands) => {
                    let copied = commands.clone();
                    view! {
                        <div class="code-row">
                            <pre><code>{commands}</code></pre>
                            <button type="button" class="secondary" aria-label=label.clone()
                                on:click=move |_| copy_and_announce(copied.clone(), false, status, "Copied")>"Copy"</button>
                        </div>
                    }.into_any()
                }
                None => view! { <p class="muted">"The current runner package for its platform is not known: see the Register tab's setup script."</p> }.into_any(),
            }}
            <p class="copy-status" role="status" aria-live="polite">{move || status.get()}</p>
        </details>
    }
}
