//! `RemoveSetup`: how to use a remove token: in the runner's folder on the runner machine,
//! after stopping and uninstalling its service, run `config.sh remove`.

use super::check::Check;
use super::command_block::CommandBlock;
use super::platform_picker::PlatformPicker;
use super::setup_state::SetupForm;
use super::setup_steps::SetupSteps;
use crate::github::Secret;
use crate::runner::{Job, SetupScript};
use leptos::prelude::*;

#[component]
pub fn RemoveSetup(token: Secret, setup: SetupForm, revealed: Signal<bool>, expired: Signal<bool>) -> impl IntoView {
    let script = Signal::derive(move || {
        let job = Job::Remove {
            token: token.clone(),
            service: setup.service.get(),
        };
        Some(SetupScript {
            platform: setup.platform.get(),
            package: None,
            job,
        })
    });
    view! {
        <section class="setup" aria-labelledby="setup-heading">
            <h3 id="setup-heading">"Remove the runner"</h3>
            <p>
                "Run this on the runner machine, in the runner's folder (where config.sh is). "
                "A runner installed as a service must be stopped and uninstalled first."
            </p>
            <PlatformPicker platform=setup.platform />
            <Check id="runner-service" label="Run as a service" hint="(the runner was installed as a service)" checked=setup.service.into()
                on_change=Callback::new(move |on| setup.service.set(on)) error=Signal::stored(None::<String>) />
            <CommandBlock script=script revealed=revealed expired=expired heading="Remove command"
                intro="In the runner's folder, run:" />
            <SetupSteps script=script download_note=Signal::stored(None) revealed=revealed expired=expired />
        </section>
    }
}
