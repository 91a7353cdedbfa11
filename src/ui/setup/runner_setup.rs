//! Setting a runner up with a registration token: [`configure_script`] builds the one script
//! (from one validated set of options) that the configure command at the top of the result and
//! everything below it read; `RunnerSetup` is what follows the command: the platform, the
//! runner options, the full setup script in its three forms and the workflow line. Invalid
//! options produce no script at all.

use super::option_fields::OptionFields;
use super::output_block::OutputBlock;
use super::platform_picker::PlatformPicker;
use super::setup_steps::SetupSteps;
use super::workflow_snippet::WorkflowSnippet;
use crate::browser::location;
use crate::deep_link::share_query;
use crate::form::Action;
use crate::github::Scope;
use crate::runner::{ConfigCommand, Job, OptionErrors, RunnerOptions, SetupScript};
use crate::state::{after_paint, use_session, Load};
use crate::ui::widgets::copy_and_announce;
use crate::words::setup::download_note;
use leptos::prelude::*;

/// The runner options as checked for the chosen platform (and, where GitHub listed them, the
/// scope's groups), and the script built from them: one script for every block that shows it,
/// built once per change, not once per reader.
pub fn configure_script(
    command: ConfigCommand,
    scope: &Scope,
) -> (Memo<Result<RunnerOptions, OptionErrors>>, Signal<Option<SetupScript>>) {
    let setup = use_session().setup;
    let kind = scope.kind();
    let validated = Memo::new(move |_| {
        let options = setup.options.with(|o| o.validate(setup.platform.get().os.shell()))?;
        setup.groups.with(|g| match g {
            Load::Ready(groups) if kind.has_groups() && !groups.is_empty() => {
                options.check_group(groups.iter().map(|g| g.name.as_str()))
            }
            _ => Ok(options),
        })
    });
    let script = Memo::new(move |_| {
        let options = validated.get().ok()?;
        Some(SetupScript {
            platform: setup.platform.get(),
            package: setup.package(setup.platform.get()).ok(),
            job: Job::Configure {
                command: command.clone(),
                options,
            },
        })
    });
    (validated, script.into())
}

#[component]
pub fn RunnerSetup(
    scope: Scope,
    api: Option<String>,
    validated: Memo<Result<RunnerOptions, OptionErrors>>,
    script: Signal<Option<SetupScript>>,
    revealed: Signal<bool>,
    expired: Signal<bool>,
    /// When the registration token expires, in local time.
    expires: String,
) -> impl IntoView {
    let setup = use_session().setup;
    let kind = scope.kind();
    let package = move || setup.package(setup.platform.get());
    let note = Signal::derive(move || download_note(&package(), setup.platform.get()));
    let labels =
        Signal::derive(move || validated.with(|v| v.as_ref().ok().map(|o| o.workflow_labels(setup.platform.get()))));
    // The token and the command above come first: the options, the whole script and the
    // workflow line a frame later, so the command is on screen sooner (scripts/bench: click to
    // result). They are below it, so nothing on screen moves.
    let rest = RwSignal::new(false);
    after_paint(move || {
        rest.try_set(true);
    });
    let link_status = RwSignal::new(String::new());
    let name = scope.name();
    let share = move |_| {
        let options = setup.options.get_untracked();
        let query = share_query(
            (kind, &name),
            Action::Add,
            api.as_deref(),
            setup.platform.get_untracked(),
            &options,
            location::encode,
        );
        copy_and_announce(
            location::page_url(&query),
            false,
            link_status,
            "Copied a link with these settings (it holds no token)",
        );
    };
    view! {
        <section class="setup" aria-labelledby="setup-heading">
            <h3 id="setup-heading">"Set up the runner"</h3>
            <Show when=move || rest.get()>
                <PlatformPicker platform=setup.platform />
                <OptionFields validated=validated scope=kind />
                <p class="share">
                    <button type="button" class="secondary" on:click=share.clone()>"Copy link to these settings"</button>
                    " " <span class="copy-status" role="status" aria-live="polite">{move || link_status.get()}</span>
                </p>
                <OutputBlock script=script revealed=revealed expired=expired expires=expires.clone()>
                    <SetupSteps script=script download_note=note revealed=revealed expired=expired />
                </OutputBlock>
                <WorkflowSnippet labels=labels />
            </Show>
        </section>
    }
}
