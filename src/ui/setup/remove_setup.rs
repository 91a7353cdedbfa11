//! `RemoveSetup`: how to use a remove token, for a runner whose machine is still there: in the
//! runner's folder, one command (after stopping and uninstalling its service, when it runs as
//! one). A runner whose machine is gone is removed from the Runners tab instead.

use super::platform_picker::PlatformPicker;
use crate::github::Secret;
use crate::runner::{Job, RunnerOption, SetupScript};
use crate::state::use_session;
use crate::ui::widgets::{copy_and_announce, Check};
use leptos::prelude::*;

#[component]
pub fn RemoveSetup(token: Secret, revealed: Signal<bool>, expired: Signal<bool>) -> impl IntoView {
    let setup = use_session().setup;
    let service = setup.is_on(RunnerOption::Service);
    // The steps as one block: stopping the service (when on) and `config.sh remove`.
    let text = move |reveal: bool| {
        let script = SetupScript {
            platform: setup.platform.get(),
            package: None,
            job: Job::Remove {
                token: token.clone(),
                service: service.get(),
            },
        };
        script
            .steps(reveal)
            .into_iter()
            .map(|s| s.text)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let shown = {
        let text = text.clone();
        move || text(revealed.get())
    };
    let status = RwSignal::new(String::new());
    let copy = move |_| copy_and_announce(untrack(|| text(true)), expired.get_untracked(), status, "Copied");
    let spec = RunnerOption::Service.spec();
    view! {
        <section class="setup" aria-labelledby="setup-heading">
            <h3 id="setup-heading">"Remove the runner on its machine"</h3>
            <p>
                "On the runner machine, in the runner's folder (where config.sh is), run the command below: "
                "it unregisters the runner and deletes its settings there."
            </p>
            <p class="muted">
                "Machine gone or unreachable? Remove the runner in the " <a href="#runners">"Runners tab"</a>
                " instead: no command and no remove token needed."
            </p>
            <PlatformPicker platform=setup.platform arch=false />
            <Check id=spec.id label=spec.label hint="(the runner was installed as a service)" checked=service
                on_change=setup.set_switch(RunnerOption::Service) error=Signal::stored(None::<String>) />
            <section class="command" aria-labelledby="remove-command-heading">
                <h3 id="remove-command-heading" class="visually-hidden">"Remove command"</h3>
                <div class="code-row">
                    <pre><code aria-labelledby="remove-command-heading">{shown}</code></pre>
                    <button type="button" class="primary" on:click=copy>"Copy command"</button>
                </div>
                <p class="copy-status" role="status" aria-live="polite" class:warn=move || expired.get()>{move || status.get()}</p>
            </section>
        </section>
    }
}
