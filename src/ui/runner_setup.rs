//! `RunnerSetup`: the platform, the runner options, the configure command and the full setup
//! script, all from one validated set of options. Invalid options produce no script at all.

use super::command_block::CommandBlock;
use super::copy::copy_and_announce;
use super::error_alert::short_reason;
use super::platform_picker::PlatformPicker;
use super::runner_options::RunnerOptions;
use super::setup_state::{Load, SetupForm};
use super::setup_steps::SetupSteps;
use crate::browser::location;
use crate::deep_link::share_query;
use crate::runner::{ConfigCommand, SetupScript};
use leptos::prelude::*;

const START_AT_CONFIGURE: &str = "The steps start at configuring: download and extract the runner into a folder first.";

#[component]
pub fn RunnerSetup(
    command: ConfigCommand,
    api: Option<String>,
    setup: SetupForm,
    revealed: Signal<bool>,
    expired: Signal<bool>,
) -> impl IntoView {
    let validated = Memo::new(move |_| {
        let options = setup.input().validate(setup.platform.get().os.shell())?;
        setup.groups.with(|g| match g {
            Load::Ready(groups) if !groups.is_empty() => options.check_group(groups.iter().map(|g| g.name.as_str())),
            _ => Ok(options),
        })
    });
    // The package for the chosen platform, or why there is none: a lookup in the list the
    // client parsed once.
    let package = move || {
        let platform = setup.platform.get();
        setup.downloads.with(|d| match d {
            Load::Loading => Err(format!("Loading the runner package for {} {}\u{2026}", platform.os.label(), platform.arch.label())),
            Load::Ready(packages) => platform.package(packages).cloned().ok_or_else(|| {
                format!(
                    "GitHub's downloads answer has no usable runner package for {} {}. {START_AT_CONFIGURE}",
                    platform.os.label(),
                    platform.arch.label()
                )
            }),
            Load::Failed(e) => Err(format!("The runner downloads could not be loaded ({}). {START_AT_CONFIGURE}", short_reason(e))),
        })
    };
    let org = command.org.to_string();
    let script = Signal::derive(move || {
        let options = validated.get().ok()?;
        Some(SetupScript { platform: setup.platform.get(), package: package().ok(), command: command.clone(), options })
    });
    let download_note = Signal::derive(move || match package() {
        Ok(p) if p.sha256.is_none() => Some(
            "GitHub's downloads answer gave no usable SHA-256 for this package, so the script cannot verify it: compare it with the checksum on the runner's release page before running it.".to_string(),
        ),
        Ok(_) => None,
        Err(note) => Some(note),
    });
    let link_status = RwSignal::new(String::new());
    let share = move |_| {
        let query = share_query(&org, api.as_deref(), setup.platform.get_untracked(), &setup.input_untracked(), location::encode);
        copy_and_announce(location::page_url(&query), false, link_status, "Copied a link with these settings (it holds no token)");
    };
    view! {
        <section class="setup" aria-labelledby="setup-heading">
            <h3 id="setup-heading">"Set up the runner"</h3>
            <PlatformPicker platform=setup.platform />
            <RunnerOptions setup=setup validated=validated />
            <p class="share">
                <button type="button" class="secondary" on:click=share>"Copy link to these settings"</button>
                " " <span class="copy-status" role="status" aria-live="polite">{move || link_status.get()}</span>
            </p>
            <CommandBlock script=script revealed=revealed expired=expired />
            <SetupSteps script=script download_note=download_note revealed=revealed expired=expired />
        </section>
    }
}
