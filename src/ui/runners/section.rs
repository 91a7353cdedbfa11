//! `RunnersSection`: the scope's runners: Show runners, the watch line, progress while pages
//! load, a filter with a summary, Refresh, the table, and the removal confirmation.

use super::bulk::{BulkDialog, BulkRun, SelectionBar};
use super::edit_dialog::EditDialog;
use super::remove_dialog::RemoveDialog;
use super::table::RunnerTable;
use crate::lazy::split_view;
use crate::state::Load;
use crate::state::{listed_subject, use_session, Show};
use crate::ui::result::ErrorAlert;
use crate::ui::widgets::{CardNeeded, ChoiceGroup};
use crate::words::runners::{loading, summary_with_outdated};
use leptos::prelude::*;

split_view! {
    chunk = sections, prefetch = prefetch_runners;
    /// [`RunnersSection`], from the `sections` chunk.
    pub fn runners_view() {
        view! { <RunnersSection /> }
    }
}

#[component]
pub fn RunnersSection() -> impl IntoView {
    let session = use_session();
    let state = session.runners;
    // What Show runners would load: `None` while the form is invalid.
    let ready = session.list_source();
    let groups = session.list_groups();
    let fleet = session.fleet();
    let shown = Memo::new(move |_| fleet.shown());
    // The current version comes from the scope's downloads answer: load it with the list.
    Effect::new(move |_| {
        if let Some(source) = state.source.get() {
            session.setup.load_for(&source.target, session.form.credential.pinned());
        }
    });
    // GitHub's schedule for each outdated version, once the list and the current version are in.
    Effect::new(move |_| {
        let done = !state.read.with(Load::is_loading) && state.runners.with(|r| !r.is_empty());
        if done && fleet.current_version().is_some() {
            fleet.ask_schedules();
        }
    });
    let show_choices: Vec<(Show, &str)> = Show::ALL.into_iter().map(|s| (s, s.label())).collect();
    let subject = Signal::derive(move || listed_subject(state.source));
    let progress = move || {
        state
            .read
            .with(Load::is_loading)
            .then(|| loading(state.runners.with(Vec::len) as u64, state.total.get()))
    };
    // The list stays for the scope it was loaded for; once the form names another, say so.
    let elsewhere = session.elsewhere(state.source);
    view! {
        <section class="card runners-section" aria-labelledby="runners-heading">
            <h2 id="runners-heading" class="visually-hidden" tabindex="-1">"Runners"</h2>
            <p>
                <button type="button" class="secondary" disabled=move || ready.with(Option::is_none)
                    on:click=move |_| if let Some(source) = ready.get_untracked() { state.load(source) }>"Show runners"</button>
                " " <CardNeeded />
                {move || state.source.with(Option::is_some).then(|| view! {
                    " " <button type="button" class="secondary" disabled=move || state.read.with(Load::is_loading) on:click=move |_| state.refresh()>"Refresh"</button>
                })}
            </p>
            <p class="note stale-list" role="status">{move || elsewhere.get()}</p>
            <p class="muted" role="status">{progress}</p>
            <p class="visually-hidden" role="status" aria-live="polite">{move || state.writes.said.get()}</p>
            {move || {
                let context = state.source.with(|s| s.as_ref().map(|s| s.context.clone()))?;
                let error = state.read.with(|r| r.error().cloned())?;
                Some(view! { <ErrorAlert error=error context=context /> })
            }}
            {move || state.writes.refusal.get().map(|(error, context)| view! { <ErrorAlert error=error context=context /> })}
            {move || state.source.with(Option::is_some).then(|| view! {
                <div class="list-tools">
                    <div class="field">
                        <label for="runner-filter">"Filter runners"</label>
                        <input id="runner-filter" type="search" autocomplete="off" spellcheck="false" placeholder="name or label"
                            prop:value=move || state.filter.get() on:input=move |ev| state.filter.set(event_target_value(&ev)) />
                    </div>
                    <ChoiceGroup legend="Show" name="show" choices=show_choices.clone() selected=fleet.show />
                </div>
                {move || fleet.group.get().map(|id| {
                    let name = groups.with(|g| g.as_ref().and_then(|g| g.iter().find(|g| g.id == id)).map(|g| g.name.clone())).unwrap_or_else(|| format!("#{id}"));
                    view! {
                        <p class="note">{format!("Only the runners of the group {name}.")} " "
                            <button type="button" class="secondary" on:click=move |_| fleet.group.set(None)>"Show every group"</button></p>
                    }
                })}
                <p class="summary">{move || shown.with(|m| summary_with_outdated(m, fleet.outdated_count(m)))}</p>
                <SelectionBar fleet=fleet />
                <BulkRun fleet=fleet />
                <RunnerTable shown=shown fleet=fleet groups=groups subject=subject />
            })}
            // Forget token drops the list, not the report of what a removal run did.
            {move || state.source.with(Option::is_none).then(|| view! { <BulkRun fleet=fleet /> })}
            <RemoveDialog subject=subject />
            <EditDialog fleet=fleet />
            <BulkDialog fleet=fleet subject=subject />
        </section>
    }
}
