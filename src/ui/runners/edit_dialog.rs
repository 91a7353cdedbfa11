//! `EditDialog`: a runner's labels and group, in place. The read-only labels shown; each custom
//! label with Remove label; new labels added (validated as the setup form validates labels);
//! for organizations and enterprises, Move to group; the runs-on line for the runner. Escape
//! or Done closes it and returns focus to the row's Edit button.

use crate::browser::focus::focus;
use crate::github::Runner;
use crate::runner::options::parse_labels;
use crate::runner::ScriptShell;
use crate::state::{use_session, FleetState, Load};
use crate::ui::result::ErrorAlert;
use crate::ui::setup::WorkflowSnippet;
use crate::ui::widgets::Modal;
use leptos::prelude::*;

/// The id of runner `id`'s Edit button in the table.
pub fn edit_button_id(id: u64) -> String {
    format!("edit-runner-{id}")
}

/// Most labels a runner can have.
const MAX_LABELS: usize = 100;

#[component]
pub fn EditDialog(fleet: FleetState) -> impl IntoView {
    let session = use_session();
    let (runners, setup) = (session.runners, session.setup);
    let runner = Memo::new(move |_| {
        let id = fleet.editing.get()?;
        runners.runners.with(|l| l.iter().find(|r| r.id == id).cloned())
    });
    // The runner last edited: its row may have been drawn again meanwhile (its labels changed),
    // so focus goes back to its Edit button by id, not to the element that opened the dialog.
    let last = StoredValue::new(None::<u64>);
    let new_labels = RwSignal::new(String::new());
    let label_error = RwSignal::new(None::<String>);
    Effect::new(move |_| match fleet.editing.get() {
        Some(id) if last.get_value() != Some(id) => {
            last.set_value(Some(id));
            // It opens fresh: nothing typed or said for the runner edited before stays.
            fleet.edits.clear();
            new_labels.set(String::new());
            label_error.set(None);
        }
        None => {
            if let Some(id) = last.get_value() {
                last.set_value(None);
                // Once the dialog has closed (the page is no longer inert).
                set_timeout(move || focus(&edit_button_id(id)), std::time::Duration::ZERO);
            }
        }
        Some(_) => {}
    });
    let close = move || fleet.editing.set(None);
    let add = move |r: &Runner| {
        let labels = match parse_labels(&new_labels.get_untracked(), ScriptShell::Posix) {
            Ok(l) if l.is_empty() => Err("Type at least one label, one per line.".to_string()),
            Ok(l) if l.len() + r.labels.len() > MAX_LABELS => Err(format!(
                "A runner has at most {MAX_LABELS} labels; this would make {}.",
                l.len() + r.labels.len()
            )),
            other => other,
        };
        match labels {
            Ok(labels) => {
                label_error.set(None);
                fleet.add_labels(r.id, r.name.clone(), labels, move || new_labels.set(String::new()));
            }
            Err(e) => label_error.set(Some(e)),
        }
    };
    let has_groups = move || {
        runners
            .source
            .with(|s| s.as_ref().is_some_and(|s| s.target.scope.kind().has_groups()))
    };
    let chosen_group = RwSignal::new(String::new());
    let body = move || {
        runner.get().map(|r| {
            let read_only: Vec<String> = r.labels.iter().filter(|l| !r.custom_labels.contains(l)).cloned().collect();
            let custom = r.custom_labels.clone().into_iter().map(|label| {
                let (id, name, text) = (r.id, r.name.clone(), label.clone());
                view! {
                    <li>
                        <code>{label.clone()}</code> " "
                        <button type="button" class="secondary" aria-label=format!("Remove label {label}") disabled=move || fleet.edits.busy.get()
                            on:click=move |_| fleet.remove_label(id, name.clone(), text.clone())>"Remove"</button>
                    </li>
                }
            }).collect_view();
            let for_add = r.clone();
            let for_move = r.clone();
            let labels = r.labels.clone();
            let groups = move || setup.groups.with(|g| match g {
                Load::Ready(g) => g.clone(),
                _ => Vec::new(),
            });
            let current = r.group_id;
            view! {
                <h3 id="edit-dialog-title">{format!("Edit {}", r.name)}</h3>
                <p class="muted">"Read-only labels (GitHub sets them): " {read_only.join(", ")}</p>
                <p><strong>"Custom labels"</strong></p>
                {if r.custom_labels.is_empty() { view! { <p class="muted">"None."</p> }.into_any() } else { view! { <ul class="labels">{custom}</ul> }.into_any() }}
                <div class="field" class:invalid=move || label_error.with(Option::is_some)>
                    <label for="new-labels">"New labels"</label>
                    <textarea id="new-labels" rows=2 spellcheck="false" aria-describedby="new-labels-hint new-labels-error"
                        aria-invalid=move || label_error.with(Option::is_some).to_string()
                        prop:value=move || new_labels.get() on:input=move |ev| new_labels.set(event_target_value(&ev))></textarea>
                    <p class="hint" id="new-labels-hint">"One per line; no commas."</p>
                    <p class="field-error" id="new-labels-error" hidden=move || label_error.with(Option::is_none)>{move || label_error.get()}</p>
                </div>
                <p><button type="button" class="secondary" disabled=move || fleet.edits.busy.get() on:click=move |_| add(&for_add)>"Add labels"</button></p>
                {has_groups().then(|| view! {
                    <div class="field">
                        <label for="move-group">"Runner group"</label>
                        <select id="move-group" on:change=move |ev| chosen_group.set(event_target_value(&ev))>
                            {move || groups().into_iter().map(|g| {
                                let selected = Some(g.id) == current;
                                view! { <option value=g.id.to_string() selected=selected>{g.name.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <p><button type="button" class="secondary" disabled=move || fleet.edits.busy.get() on:click=move |_| {
                        let list = groups();
                        let picked = chosen_group.get_untracked().parse::<u64>().ok().or(current).or_else(|| list.first().map(|g| g.id));
                        if let Some(group) = picked.and_then(|id| list.iter().find(|g| g.id == id).cloned()) {
                            fleet.move_to_group(for_move.id, for_move.name.clone(), group.id, group.name.clone());
                        }
                    }>"Move to group"</button></p>
                })}
                <WorkflowSnippet labels=Signal::stored(Some(labels)) />
            }
        })
    };
    view! {
        <Modal open=Signal::derive(move || fleet.editing.with(Option::is_some)) on_close=Callback::new(move |()| close())
            title_id="edit-dialog-title" class="edit-dialog">
            {body}
            <p class="copy-status" role="status" aria-live="polite">{move || fleet.edits.said.get()}</p>
            {move || fleet.edits.refusal.get().map(|(error, context)| view! { <ErrorAlert error=error context=context /> })}
            <p class="dialog-actions"><button type="button" class="primary" on:click=move |_| close()>"Done"</button></p>
        </Modal>
    }
}
