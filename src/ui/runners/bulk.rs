//! Removing many runners: the selection bar (Select all shown, Clear selection, the count,
//! Remove selected), the confirmation naming what will be removed, the run's progress with Stop,
//! and the report with Copy report.

use crate::browser::clock::local_date_time;
use crate::state::{use_session, FleetState, RunReport};
use crate::ui::widgets::{copy_and_announce, Modal};
use crate::words::grammar::thousands;
use crate::words::runners::{
    bulk_confirm, bulk_ended, bulk_how, bulk_progress, bulk_question, bulk_summary, bulk_tsv, fate, some_names,
    time_left,
};
use leptos::prelude::*;

#[component]
pub fn SelectionBar(fleet: FleetState) -> impl IntoView {
    let count = move || fleet.selected.with(|s| s.len());
    let running = move || fleet.run.with(Option::is_some);
    view! {
        <p class="selection">
            <button type="button" class="secondary" disabled=running on:click=move |_| fleet.select_all_shown()>"Select all shown"</button>
            " "
            <button type="button" class="secondary" disabled=move || running() || count() == 0
                on:click=move |_| fleet.selected.set(Default::default())>"Clear selection"</button>
            " " <span role="status">{move || format!("{} selected", thousands(count() as u64))}</span> " "
            <button type="button" class="danger" disabled=move || running() || count() == 0
                on:click=move |_| fleet.confirming.set(true)>{move || format!("Remove selected ({})", thousands(count() as u64))}</button>
        </p>
    }
}

#[component]
pub fn BulkDialog(fleet: FleetState, subject: Signal<String>) -> impl IntoView {
    let names = Memo::new(move |_| {
        fleet.confirming.track();
        untrack(|| fleet.selected_runners())
            .into_iter()
            .map(|r| r.name)
            .collect::<Vec<_>>()
    });
    let close = move || fleet.confirming.set(false);
    let confirm = move |_| {
        close();
        fleet.remove_selected();
    };
    let n = move || names.with(Vec::len);
    view! {
        <Modal open=fleet.confirming on_close=Callback::new(move |()| close()) title_id="bulk-dialog-title">
            <h3 id="bulk-dialog-title">{move || bulk_question(n(), &subject.get())}</h3>
            <p>{move || names.with(|n| some_names(n))}</p>
            <p>{move || bulk_how(n())}</p>
            <p class="dialog-actions">
                <button type="button" class="danger" on:click=confirm>{move || bulk_confirm(n())}</button>
                " "
                <button type="button" class="secondary" autofocus on:click=move |_| close()>"Cancel"</button>
            </p>
        </Modal>
    }
}

#[component]
pub fn BulkRun(fleet: FleetState) -> impl IntoView {
    let now = use_session().now;
    let status = RwSignal::new(String::new());
    let progress = move || {
        fleet.run.get().map(|run| {
            let (removed, done, total) = run.progress;
            let line = bulk_progress(removed, total);
            let paused = run.paused_until.filter(|u| *u > now.get()).map(|until| {
                format!(
                    "Paused by GitHub's rate limit until {}; the run goes on by itself then.",
                    local_date_time(until)
                )
            });
            let left = time_left(total - done, 1_000);
            view! {
                <div class="bulk-run">
                    <label for="bulk-progress">{line.clone()}</label>
                    <progress id="bulk-progress" max=total.to_string() value=done.to_string()>{line}</progress>
                    <p role="status">{paused.unwrap_or(left)}</p>
                    <p><button type="button" class="secondary" on:click=move |_| fleet.stop()>"Stop"</button></p>
                </div>
            }
        })
    };
    let report = move || {
        fleet.report.get().map(|RunReport { items, ended }| {
            let tsv = bulk_tsv(&items);
            let lines = items
                .iter()
                .map(|i| view! { <li>{format!("{} (id {}): {}", i.name, i.id, i.fate.as_ref().map(fate).unwrap_or_default())}</li> })
                .collect_view();
            view! {
                <section class="bulk-report" aria-labelledby="bulk-report-heading">
                    <h3 id="bulk-report-heading">"Removal report"</h3>
                    <p role="status">{bulk_summary(&items)}</p>
                    {ended.map(|why| view! { <p><strong>{bulk_ended(&why)}</strong></p> })}
                    <ul>{lines}</ul>
                    <p>
                        <button type="button" class="secondary" on:click=move |_| copy_and_announce(tsv.clone(), false, status, "Copied the report")>"Copy report"</button>
                        " " <span class="copy-status" role="status" aria-live="polite">{move || status.get()}</span>
                    </p>
                </section>
            }
        })
    };
    view! { {progress} {report} }
}
