//! `GroupsSection`: Show runner groups, Refresh and New runner group, the table, and the
//! dialogs. For a repository it says that repositories use their organization's groups.

use super::delete_dialog::DeleteDialog;
use super::error::GroupError;
use super::form_dialog::GroupForm;
use super::runners_dialog::GroupRunners;
use super::table::GroupTable;
use crate::lazy::split_view;
use crate::operation::Operation;
use crate::state::{use_session, Load};
use crate::ui::result::ErrorAlert;
use crate::ui::widgets::CardNeeded;
use leptos::prelude::*;

split_view! {
    chunk = sections, prefetch = prefetch_groups;
    /// [`GroupsSection`], from the `sections` chunk.
    pub fn groups_view() {
        view! { <GroupsSection /> }
    }
}

#[component]
pub fn GroupsSection() -> impl IntoView {
    let session = use_session();
    let state = session.groups();
    let ready = session.list_source();
    let kind = session.form.kind;
    let has_groups = move || kind.get().has_groups();
    let usable = move || ready.with(|r| r.as_ref().is_some_and(|r| r.target.scope.kind().has_groups()));
    let loaded = move || state.list.source.with(Option::is_some);
    let elsewhere = session.elsewhere(state.list.source);
    view! {
        <section class="card groups-section" aria-labelledby="groups-heading">
            <h2 id="groups-heading" class="visually-hidden" tabindex="-1">"Runner groups"</h2>
            {move || (!has_groups()).then(|| view! {
                <p class="note">"Repositories have no runner groups of their own: a repository uses its organization's groups. Choose the organization (or the enterprise) above to manage them."</p>
            })}
            {move || has_groups().then(|| view! {
                <p class="muted">"Which repositories (or, for an enterprise, which organizations) may send jobs to each group's runners."</p>
                <p>
                    <button type="button" class="secondary" disabled=move || !usable()
                        on:click=move |_| if let Some(source) = ready.get_untracked() { state.load(source) }>"Show runner groups"</button>
                    " " <CardNeeded />
                    {move || loaded().then(|| view! {
                        " " <button type="button" class="secondary" disabled=move || state.list.read.with(Load::is_loading) on:click=move |_| state.refresh()>"Refresh"</button>
                        " " <button type="button" class="primary" disabled=move || state.writes.busy.get() on:click=move |_| state.start_new()>"New runner group"</button>
                    })}
                </p>
            })}
            <p class="note stale-list" role="status">{move || elsewhere.get()}</p>
            <p class="muted" role="status">{move || state.list.read.with(Load::is_loading).then_some("Loading the runner groups\u{2026}")}</p>
            <p class="visually-hidden" role="status" aria-live="polite">{move || state.writes.said.get()}</p>
            {move || {
                let error = state.list.read.with(|r| r.error().cloned())?;
                let context = state.list.source.with(|s| s.as_ref().map(|s| s.doing(Operation::LoadGroups)))?;
                Some(view! { <ErrorAlert error=error context=context /> })
            }}
            {move || (state.editor.editing.with(Option::is_none) && state.deleting.with(Option::is_none) && state.viewer.group.with(Option::is_none))
                .then(|| view! { <GroupError state=state /> })}
            {move || (loaded() && state.list.read.with(|r| r.ready().is_some())).then(|| view! { <GroupTable state=state /> })}
            <GroupForm state=state />
            <DeleteDialog state=state />
            <GroupRunners state=state />
        </section>
    }
}
