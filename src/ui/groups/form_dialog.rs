//! `GroupForm`: New runner group and Edit GROUP in one modal dialog: Name, Access, the
//! repositories (or organizations) when Selected, Allow public repositories, Restrict to
//! selected workflows with Workflows. Create group sends one `POST`; Save a `PATCH` and, when
//! the selection changed, a `PUT` of the whole new list.

use super::error::GroupError;
use super::members::{OrganizationNames, RepositoryChooser};
use crate::github::Visibility;
use crate::state::{Editing, GroupsState};
use crate::ui::widgets::Modal;
use crate::words::groups::name_locked;
use leptos::prelude::*;

#[component]
pub fn GroupForm(state: GroupsState) -> impl IntoView {
    let draft = state.editor.draft;
    let enterprise = move || state.is_enterprise();
    let group = move || {
        state.editor.editing.with(|e| match e {
            Some(Editing::Group { group, .. }) => Some(group.clone()),
            _ => None,
        })
    };
    let loading_list = Memo::new(move |_| {
        state
            .editor
            .editing
            .with(|e| matches!(e, Some(Editing::Group { before: None, .. })))
    });
    let title = move || group().map_or_else(|| "New runner group".to_string(), |g| format!("Edit {}", g.name));
    let locked = move || group().and_then(|g| name_locked(&g));
    let choices = move || {
        if enterprise() {
            vec![
                (Visibility::All, "All organizations"),
                (Visibility::Selected, "Selected organizations"),
            ]
        } else {
            vec![
                (Visibility::All, "All repositories"),
                (Visibility::Selected, "Selected repositories"),
                (Visibility::Private, "Private repositories"),
            ]
        }
    };
    let radios = move || {
        choices()
            .into_iter()
            .map(|(value, label)| {
                view! {
                    <label class="choice">
                        <input type="radio" name="group-access" prop:checked=move || draft.with(|d| d.visibility == value)
                            on:change=move |_| draft.update(|d| d.visibility = value) />
                        " " {label}
                    </label>
                }
            })
            .collect_view()
    };
    // A memo: a tick in the chooser changes the draft, and must not rebuild the chooser (its
    // search would be lost).
    let selected = Memo::new(move |_| draft.with(|d| d.visibility == Visibility::Selected));
    let name_error = move || state.editor.draft_errors.with(|e| e.name.clone());
    let workflow_error = move || state.editor.draft_errors.with(|e| e.workflows.clone());
    view! {
        <Modal open=Signal::derive(move || state.editor.editing.with(Option::is_some)) on_close=Callback::new(move |()| state.close_form())
            title_id="group-dialog-title" class="group-dialog">
            <h3 id="group-dialog-title">{title}</h3>
            <div class="field" class:invalid=move || name_error().is_some()>
                <label for="group-name">"Name"</label>
                <input id="group-name" type="text" autocomplete="off" spellcheck="false" disabled=move || locked().is_some()
                    aria-invalid=move || name_error().is_some().to_string() aria-describedby="group-name-hint group-name-error"
                    prop:value=move || draft.with(|d| d.name.clone()) on:input=move |ev| draft.update(|d| d.name = event_target_value(&ev)) />
                <p class="hint" id="group-name-hint">{move || locked().unwrap_or("")}</p>
                <p class="field-error" id="group-name-error" hidden=move || name_error().is_none()>{name_error}</p>
            </div>
            <fieldset class="choices">
                <legend>"Access"</legend>
                {radios}
            </fieldset>
            {move || (selected.get() && loading_list.get()).then(|| view! { <p class="muted" role="status">"Loading the group's list\u{2026}"</p> })}
            {move || (selected.get() && !loading_list.get()).then(|| if enterprise() {
                view! { <OrganizationNames state=state /> }.into_any()
            } else {
                view! { <RepositoryChooser state=state /> }.into_any()
            })}
            <div class="check">
                <input type="checkbox" id="group-public" prop:checked=move || draft.with(|d| d.allows_public)
                    on:change=move |ev| draft.update(|d| d.allows_public = event_target_checked(&ev)) />
                <label for="group-public">"Allow public repositories"</label>
            </div>
            <div class="check">
                <input type="checkbox" id="group-restricted" prop:checked=move || draft.with(|d| d.restricted)
                    on:change=move |ev| draft.update(|d| d.restricted = event_target_checked(&ev)) />
                <label for="group-restricted">"Restrict to selected workflows"</label>
            </div>
            {move || draft.with(|d| d.restricted).then(|| view! {
                <div class="field" class:invalid=move || workflow_error().is_some()>
                    <label for="group-workflows">"Workflows"</label>
                    <textarea id="group-workflows" rows=3 spellcheck="false" aria-describedby="group-workflows-hint group-workflows-error"
                        aria-invalid=move || workflow_error().is_some().to_string()
                        prop:value=move || draft.with(|d| d.workflows.clone()) on:input=move |ev| draft.update(|d| d.workflows = event_target_value(&ev))></textarea>
                    <p class="hint" id="group-workflows-hint">"One per line: " <code>"OWNER/REPO/.github/workflows/FILE.yml@REF"</code></p>
                    <p class="field-error" id="group-workflows-error" hidden=move || workflow_error().is_none()>{workflow_error}</p>
                </div>
            })}
            <GroupError state=state />
            <p class="dialog-actions">
                <button type="button" class="primary" disabled=move || state.writes.busy.get() || loading_list.get() on:click=move |_| state.save()>
                    {move || if group().is_some() { "Save" } else { "Create group" }}
                </button>
                " "
                <button type="button" class="secondary" on:click=move |_| state.close_form()>"Cancel"</button>
            </p>
        </Modal>
    }
}
