//! `JitOptions`: what a just-in-time runner is created with, asked before the request because
//! it goes into it: the platform (for the default labels and the script), the name, the whole
//! label list, the runner group (organizations and enterprises) and the work folder.

use crate::form::Action;
use crate::lazy::split_view;
use crate::runner::{OptionErrors, RunnerOption};
use crate::state::{use_session, Latest};
use crate::ui::setup::{GroupField, PlatformPicker};
use crate::ui::widgets::{Bound, Field, LabelsField};
use leptos::prelude::*;

/// Waits this long after the last edit before loading the runner groups: not a request per
/// keystroke.
const TYPING_PAUSE: std::time::Duration = std::time::Duration::from_millis(600);

split_view! {
    chunk = sections, prefetch = prefetch_jit;
    /// [`JitOptions`], from the `sections` chunk: only the just-in-time action needs them.
    pub fn jit_options_view() {
        view! { <JitOptions /> }
    }
}

#[component]
pub fn JitOptions() -> impl IntoView {
    let session = use_session();
    let (setup, scope) = (session.setup, session.form.kind);
    // Just-in-time runners name their group by id: load the groups once scope and token are
    // valid (for organizations and enterprises).
    let groups_wanted = Latest::new();
    let (form, credential) = (session.form, session.form.credential);
    Effect::new(move |_| {
        let wanted = form.action.get() == Action::JustInTime;
        let valid = form
            .validated
            .get()
            .ok()
            .filter(|v| wanted && v.target.scope.kind().has_groups());
        let Some(valid) = valid else { return };
        groups_wanted.after_pause(TYPING_PAUSE, move || setup.load_for(&valid.target, credential.pinned()));
    });
    let errors = session.jit_errors();
    let error = move |pick: fn(&OptionErrors) -> Option<String>| {
        Signal::derive(move || errors.with(|e| e.as_ref().and_then(pick)))
    };
    let bound = |o: RunnerOption| Bound {
        value: setup.text(o),
        set: setup.set_text(o),
    };
    view! {
        <fieldset class="options jit-options">
            <legend>"Just-in-time runner"</legend>
            <p class="hint">"GitHub registers the runner when you create it; it takes one job, then it is removed."</p>
            <PlatformPicker platform=setup.platform />
            <Field id="runner-name" label="Runner name" value=bound(RunnerOption::Name) error=error(|e| e.name.clone()) hint_id="runner-name-hint">
                <p class="hint" id="runner-name-hint">"Required: unique among the scope's runners."</p>
            </Field>
            <LabelsField id="runner-labels" value=Signal::derive(move || setup.jit_labels_text()) on_input=Callback::new(move |text| setup.jit_labels.set(Some(text)))
                error=error(|e| e.labels.clone()) rows=4
                hint="One per line, at most 100: the runner's whole label list. Starts with the default labels of the chosen platform." />
            {move || {
                let kind = scope.get();
                kind.has_groups().then(|| view! { <GroupField error=error(|e| e.group.clone()) scope=kind /> })
            }}
            <Field id="runner-work" label="Work folder" value=bound(RunnerOption::Work) error=error(|e| e.work.clone()) hint_id="runner-work-hint">
                <p class="hint" id="runner-work-hint">"Where jobs run, relative to the runner's folder. Leave empty for _work."</p>
            </Field>
        </fieldset>
    }
}
