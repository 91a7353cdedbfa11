//! `OptionFields`: name, labels, group, work folder and the config.sh switches (from the one
//! options table), each with its inline message. `GroupField`: the runner group, a list from
//! GitHub when it could be loaded, else text.

use crate::github::ScopeKind;
use crate::runner::{OptionErrors, Os, RunnerOption, RunnerOptions};
use crate::state::{use_session, Load};
use crate::ui::widgets::{Bound, Check, Field, LabelsField};
use crate::words::setup::{group_hint, group_option};
use leptos::prelude::*;

/// The message for a switch, if it can have one.
fn switch_error(option: RunnerOption) -> Option<fn(&OptionErrors) -> Option<String>> {
    match option {
        RunnerOption::NoDefaultLabels => Some(|e| e.no_default_labels.clone()),
        RunnerOption::Service => Some(|e| e.service.clone()),
        _ => None,
    }
}

#[component]
pub fn OptionFields(validated: Memo<Result<RunnerOptions, OptionErrors>>, scope: ScopeKind) -> impl IntoView {
    let setup = use_session().setup;
    let error = move |pick: fn(&OptionErrors) -> Option<String>| {
        Signal::derive(move || validated.with(|v| v.as_ref().err().and_then(pick)))
    };
    let bound = |o: RunnerOption| Bound {
        value: setup.text(o),
        set: setup.set_text(o),
    };
    let check = move |o: RunnerOption| {
        let spec = o.spec();
        let error = switch_error(o).map_or_else(|| Signal::stored(None), error);
        view! { <Check id=spec.id label=spec.label hint=spec.hint checked=setup.is_on(o) on_change=setup.set_switch(o) error=error /> }
    };
    // No default labels belongs with the labels; the other switches follow the work folder.
    let switches = RunnerOption::switches()
        .filter(|o| *o != RunnerOption::NoDefaultLabels)
        .map(check)
        .collect_view();
    let service_hint = move || {
        match setup.platform.get().os {
        Os::Windows => "On Windows, config.cmd installs and starts the service itself (--runasservice).",
        Os::MacOs => "Starts the runner with ./svc.sh install and start (a launchd agent of your user, no sudo) instead of ./run.sh.",
        Os::Linux => "Starts the runner with sudo ./svc.sh install and start instead of ./run.sh.",
    }
    };
    view! {
        <fieldset class="options">
            <legend>"Runner options"</legend>
            <Field id="runner-name" label="Runner name" value=bound(RunnerOption::Name) error=error(|e| e.name.clone()) hint_id="runner-name-hint">
                <p class="hint" id="runner-name-hint">"Leave empty to use the machine's host name."</p>
            </Field>
            <LabelsField id="runner-labels" value=setup.text(RunnerOption::Labels) on_input=setup.set_text(RunnerOption::Labels) error=error(|e| e.labels.clone()) rows=3
                hint="One label per line. The default labels (self-hosted, the OS and the architecture) are added too, unless turned off below." />
            {check(RunnerOption::NoDefaultLabels)}
            {scope.has_groups().then(|| view! { <GroupField error=error(|e| e.group.clone()) scope=scope /> })}
            <Field id="runner-work" label="Work folder" value=bound(RunnerOption::Work) error=error(|e| e.work.clone()) hint_id="runner-work-hint">
                <p class="hint" id="runner-work-hint">"Where jobs run, relative to the runner's folder. Leave empty for _work."</p>
            </Field>
            {switches}
            <p class="hint service-hint">{service_hint}</p>
        </fieldset>
    }
}

/// A list of the scope's runner groups when GitHub gave one (the default group preselected, and
/// an empty value for it, so no flag is needed), else a text input.
#[component]
pub fn GroupField(#[prop(into)] error: Signal<Option<String>>, scope: ScopeKind) -> impl IntoView {
    let setup = use_session().setup;
    let group = setup.text(RunnerOption::Group);
    let set_group = setup.set_text(RunnerOption::Group);
    move || match setup.groups.get() {
        Load::Ready(groups) if !groups.is_empty() => {
            let current = group.get_untracked();
            let unknown = (!current.trim().is_empty() && !groups.iter().any(|g| g.name.eq_ignore_ascii_case(current.trim())))
                .then(|| view! { <option value=current.clone() selected=true>{format!("{current} (not in this {})", scope.noun())}</option> });
            let options = groups
                .into_iter()
                .map(|g| {
                    let value = if g.default { String::new() } else { g.name.clone() };
                    let label = group_option(&g.name, g.default);
                    let selected = value == current || (g.default && current == g.name);
                    view! { <option value=value selected=selected>{label}</option> }
                })
                .collect_view();
            view! {
                <div class="field" class:invalid=move || error.with(Option::is_some)>
                    <label for="runner-group">"Runner group"</label>
                    <select id="runner-group" aria-describedby="runner-group-error" on:change=move |ev| set_group.run(event_target_value(&ev))>
                        {options}
                        {unknown}
                    </select>
                    <p class="field-error" id="runner-group-error" hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
                </div>
            }
            .into_any()
        }
        state => {
            let hint = match &state {
                Load::Loading => group_hint(scope, None, true),
                Load::Failed(e) => group_hint(scope, Some(e), false),
                Load::Ready(_) => group_hint(scope, None, false),
            };
            view! {
                <Field id="runner-group" label="Runner group" value=Bound { value: group, set: set_group } error=error hint_id="runner-group-hint">
                    <p class="hint" id="runner-group-hint">{hint}</p>
                </Field>
            }
            .into_any()
        }
    }
}
