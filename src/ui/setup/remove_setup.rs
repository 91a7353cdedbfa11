//! `RemoveSetup`: how to use a remove token: in the runner's folder on the runner machine,
//! after stopping and uninstalling its service, run `config.sh remove`.

use super::command_block::CommandBlock;
use super::platform_picker::PlatformPicker;
use super::setup_steps::SetupSteps;
use crate::github::Secret;
use crate::runner::{Job, RunnerOption, SetupScript};
use crate::state::use_session;
use crate::ui::widgets::Check;
use leptos::prelude::*;

#[component]
pub fn RemoveSetup(token: Secret, revealed: Signal<bool>, expired: Signal<bool>) -> impl IntoView {
    let setup = use_session().setup;
    let service = setup.is_on(RunnerOption::Service);
    // One script for every block that shows it: built once per change, not once per reader.
    let script: Signal<Option<SetupScript>> = Memo::new(move |_| {
        let job = Job::Remove {
            token: token.clone(),
            service: service.get(),
        };
        Some(SetupScript {
            platform: setup.platform.get(),
            package: None,
            job,
        })
    })
    .into();
    let spec = RunnerOption::Service.spec();
    view! {
        <section class="setup" aria-labelledby="setup-heading">
            <h3 id="setup-heading">"Remove the runner"</h3>
            <p>
                "Run this on the runner machine, in the runner's folder (where config.sh is). "
                "A runner installed as a service must be stopped and uninstalled first."
            </p>
            <PlatformPicker platform=setup.platform />
            <Check id=spec.id label=spec.label hint="(the runner was installed as a service)" checked=service
                on_change=setup.set_switch(RunnerOption::Service) error=Signal::stored(None::<String>) />
            <CommandBlock script=script revealed=revealed expired=expired heading="Remove command"
                intro="In the runner's folder, run:" />
            <SetupSteps script=script download_note=Signal::stored(None) revealed=revealed expired=expired />
        </section>
    }
}
