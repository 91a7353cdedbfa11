//! `RunnerOptions`: name, labels, group, work folder and the config.sh switches, each with its
//! inline message. The runner group is a list from GitHub when it could be loaded, else text.

use super::check::Check;
use super::field::Field;
use super::labels_field::LabelsField;
use super::setup_state::{Load, SetupForm};
use crate::github::ScopeKind;
use crate::runner::{OptionErrors, Os, RunnerOptions as Valid};
use leptos::prelude::*;

#[component]
pub fn RunnerOptions(
    setup: SetupForm,
    validated: Memo<Result<Valid, OptionErrors>>,
    scope: ScopeKind,
) -> impl IntoView {
    let error = move |pick: fn(&OptionErrors) -> Option<String>| {
        Signal::derive(move || validated.with(|v| v.as_ref().err().and_then(pick)))
    };
    let none = Signal::stored(None::<String>);
    let unattended = Signal::derive(move || {
        setup
            .unattended
            .get()
            .unwrap_or_else(|| setup.name.with(|n| !n.trim().is_empty()))
    });
    let windows = move || setup.platform.get().os == Os::Windows;
    view! {
        <fieldset class="options">
            <legend>"Runner options"</legend>
            <Field id="runner-name" label="Runner name" value=setup.name error=error(|e| e.name.clone()) hint_id="runner-name-hint">
                <p class="hint" id="runner-name-hint">"Leave empty to use the machine's host name."</p>
            </Field>
            <LabelsField value=setup.labels on_input=Callback::new(move |text| setup.labels.set(text)) error=error(|e| e.labels.clone()) rows=3
                hint="One label per line. The default labels (self-hosted, the OS and the architecture) are added too, unless turned off below." />
            <Check id="no-default-labels" label="No default labels" checked=setup.no_default_labels.into()
                on_change=Callback::new(move |on| setup.no_default_labels.set(on)) error=error(|e| e.no_default_labels.clone()) />
            {scope.has_groups().then(|| view! { <GroupField setup=setup error=error(|e| e.group.clone()) scope=scope /> })}
            <Field id="runner-work" label="Work folder" value=setup.work error=error(|e| e.work.clone()) hint_id="runner-work-hint">
                <p class="hint" id="runner-work-hint">"Where jobs run, relative to the runner's folder. Leave empty for _work."</p>
            </Field>
            <Check id="runner-ephemeral" label="Ephemeral" hint="(takes one job, then unregisters)" checked=setup.ephemeral.into()
                on_change=Callback::new(move |on| setup.ephemeral.set(on)) error=none />
            <Check id="runner-replace" label="Replace existing runner" hint="(with the same name)" checked=setup.replace.into()
                on_change=Callback::new(move |on| setup.replace.set(on)) error=none />
            <Check id="runner-unattended" label="Unattended" hint="(never prompt; on by default when a name is given)" checked=unattended
                on_change=Callback::new(move |on| setup.unattended.set(Some(on))) error=none />
            <Check id="runner-disable-update" label="Disable auto-update" checked=setup.disable_update.into()
                on_change=Callback::new(move |on| setup.disable_update.set(on)) error=none />
            <Check id="runner-service" label="Run as a service" checked=setup.service.into()
                on_change=Callback::new(move |on| setup.service.set(on)) error=error(|e| e.service.clone()) />
            <p class="hint service-hint">{move || if windows() {
                "On Windows, config.cmd installs and starts the service itself (--runasservice)."
            } else if setup.platform.get().os == Os::MacOs {
                "Starts the runner with ./svc.sh install and start (a launchd agent of your user, no sudo) instead of ./run.sh."
            } else {
                "Starts the runner with sudo ./svc.sh install and start instead of ./run.sh."
            }}</p>
        </fieldset>
    }
}

/// A list of the scope's runner groups when GitHub gave one (the default group preselected, and
/// an empty value for it, so no flag is needed), else a text input.
#[component]
pub fn GroupField(setup: SetupForm, #[prop(into)] error: Signal<Option<String>>, scope: ScopeKind) -> impl IntoView {
    let group = setup.group;
    move || match setup.groups.get() {
        Load::Ready(groups) if !groups.is_empty() => {
            let current = group.get_untracked();
            let unknown = (!current.trim().is_empty() && !groups.iter().any(|g| g.name.eq_ignore_ascii_case(current.trim())))
                .then(|| view! { <option value=current.clone() selected=true>{format!("{current} (not in this {})", scope.noun())}</option> });
            let options = groups
                .into_iter()
                .map(|g| {
                    let value = if g.default { String::new() } else { g.name.clone() };
                    let label = if g.default {
                        format!("{} (default)", g.name)
                    } else {
                        g.name.clone()
                    };
                    let selected = value == current || (g.default && current == g.name);
                    view! { <option value=value selected=selected>{label}</option> }
                })
                .collect_view();
            view! {
                <div class="field" class:invalid=move || error.with(Option::is_some)>
                    <label for="runner-group">"Runner group"</label>
                    <select id="runner-group" aria-describedby="runner-group-error" on:change=move |ev| group.set(event_target_value(&ev))>
                        {options}
                        {unknown}
                    </select>
                    <p class="field-error" id="runner-group-error" hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
                </div>
            }
            .into_any()
        }
        state => {
            let hint = match state {
                Load::Loading => format!("Loading the {}'s runner groups\u{2026} Leave empty for the default group.", scope.noun()),
                Load::Failed(e) => format!("The runner groups could not be loaded ({}). Type a group's name, or leave empty for the default group.", super::error_alert::short_reason(&e)),
                Load::Ready(_) => "GitHub listed no runner groups. Type a group's name, or leave empty for the default group.".to_string(),
            };
            view! {
                <Field id="runner-group" label="Runner group" value=group error=error hint_id="runner-group-hint">
                    <p class="hint" id="runner-group-hint">{hint}</p>
                </Field>
            }
            .into_any()
        }
    }
}
