//! `RunnerSetup`: the platform, the runner options, the configure command and the full setup
//! script, all from one validated set of options. Invalid options produce no script at all.

use super::command_block::CommandBlock;
use super::option_fields::OptionFields;
use super::output_block::OutputBlock;
use super::platform_picker::PlatformPicker;
use super::setup_steps::SetupSteps;
use super::workflow_snippet::WorkflowSnippet;
use crate::browser::location;
use crate::deep_link::share_query;
use crate::form::Action;
use crate::github::Scope;
use crate::runner::{ConfigCommand, Job, SetupScript};
use crate::state::{after_paint, use_session, Load};
use crate::ui::widgets::copy_and_announce;
use crate::words::setup::download_note;
use leptos::prelude::*;

#[component]
pub fn RunnerSetup(
    command: ConfigCommand,
    scope: Scope,
    api: Option<String>,
    revealed: Signal<bool>,
    expired: Signal<bool>,
    /// When the registration token expires, in local time.
    expires: String,
) -> impl IntoView {
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
    let package = move || setup.package(setup.platform.get());
    // One script for every block that shows it: built once per change, not once per reader.
    let script: Signal<Option<SetupScript>> = Memo::new(move |_| {
        let options = validated.get().ok()?;
        let job = Job::Configure {
            command: command.clone(),
            options,
        };
        Some(SetupScript {
            platform: setup.platform.get(),
            package: package().ok(),
            job,
        })
    })
    .into();
    let note = Signal::derive(move || download_note(&package(), setup.platform.get()));
    let labels =
        Signal::derive(move || validated.with(|v| v.as_ref().ok().map(|o| o.workflow_labels(setup.platform.get()))));
    // The command first: the whole script and the workflow line, below it, a frame later, so the
    // token and the command are on screen sooner (scripts/bench: click to result). Nothing
    // above the command waits, so nothing on screen moves.
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
            <PlatformPicker platform=setup.platform />
            <OptionFields validated=validated scope=kind />
            <p class="share">
                <button type="button" class="secondary" on:click=share>"Copy link to these settings"</button>
                " " <span class="copy-status" role="status" aria-live="polite">{move || link_status.get()}</span>
            </p>
            <OutputBlock script=script revealed=revealed expired=expired expires=expires>
                <CommandBlock script=script revealed=revealed expired=expired heading="Configure the runner"
                    intro="In the runner's folder (after downloading and extracting it), run:" />
                <Show when=move || rest.get()>
                    <SetupSteps script=script download_note=note revealed=revealed expired=expired />
                </Show>
            </OutputBlock>
            <Show when=move || rest.get()><WorkflowSnippet labels=labels /></Show>
        </section>
    }
}
