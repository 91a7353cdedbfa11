//! `RunnerTable`: the runners the filter and the Show choice keep, a step of rows at a time
//! (5,000 runners never become 5,000 rows at once), each with a Select checkbox, its status as
//! a badge, its labels as chips, its version (outdated ones marked, with the details and how to
//! update them on demand), and Edit and Remove.

use super::edit_dialog::edit_button_id;
use super::update::UpdateCommands;
use crate::github::{GroupInfo, Runner};
use crate::runner::versions::is_outdated;
use crate::state::{use_session, FleetState, ROWS_STEP};
use crate::words::runners::{outdated_detail, version_text};
use leptos::prelude::*;

#[component]
pub fn RunnerTable(
    shown: Memo<Vec<Runner>>,
    fleet: FleetState,
    /// The scope's groups, for the Group column; `None` where the scope has none.
    groups: Signal<Option<Vec<GroupInfo>>>,
    /// The scope for the caption.
    subject: Signal<String>,
) -> impl IntoView {
    let session = use_session();
    let state = session.runners;
    let now = session.now;
    let rows = move || shown.with(|m| m.iter().take(state.limit.get()).cloned().collect::<Vec<_>>());
    let hidden = move || shown.with(Vec::len).saturating_sub(state.limit.get());
    let has_groups = move || groups.with(Option::is_some);
    let group_name = move |id: Option<u64>| {
        let id = id?;
        Some(groups.with(|g| {
            g.as_ref()
                .and_then(|g| g.iter().find(|g| g.id == id))
                .map_or_else(|| format!("#{id}"), |g| g.name.clone())
        }))
    };
    // Read once for the table, not by each row: a removal run updates `fleet.run` at every
    // step and the rows need only whether one is going; the current version is looked up in the
    // downloads answer once, not twice per row.
    let running = Memo::new(move |_| fleet.run.with(Option::is_some));
    let current = Memo::new(move |_| fleet.current_version());
    let row = move |r: Runner| {
        let status = r.status();
        let (id, name) = (r.id, r.name.clone());
        let (select_label, edit_label, remove_label) = (
            format!("Select {name}"),
            format!("Edit {name}"),
            format!("Remove {name}"),
        );
        let target = r.clone();
        let version = r.version.clone();
        let outdated = Memo::new(move |_| current.with(|c| is_outdated(version.as_deref(), c.as_deref())));
        let version = r.version.clone();
        // Said on demand, under the Outdated badge: the current version and GitHub's schedule.
        let detail = move || {
            let schedule = version
                .as_ref()
                .and_then(|v| fleet.schedules.with(|s| s.get(v).cloned().flatten()));
            // The clock only matters for a schedule's dates (stops or stopped): other cells do
            // not follow its ticks.
            let now_ms = if schedule.is_some() { now.get() } else { 0 };
            current.with(|c| outdated_detail(c.as_deref(), schedule.as_ref(), now_ms))
        };
        let detail = Signal::derive(detail);
        let updating = r.clone();
        let labels = r
            .labels
            .iter()
            .map(|l| view! { <li class="chip">{l.clone()}</li> })
            .collect_view();
        view! {
            <tr>
                <th scope="row" class="name">
                    <span class="runner-name">
                        <input type="checkbox" class="select" aria-label=select_label disabled=running
                            prop:checked=move || fleet.selected.with(|s| s.contains(&id))
                            on:change=move |ev| fleet.toggle(id, event_target_checked(&ev)) />
                        " " {name.clone()}
                    </span>
                    {r.ephemeral.then(|| view! { " " <span class="badge">"Ephemeral"</span> })}
                </th>
                <td><span class=format!("badge status {}", status.label().to_ascii_lowercase())>{status.label()}</span></td>
                <td><ul class="chips" aria-label="Labels">{labels}</ul></td>
                <td class="nowrap">{r.os.clone()}</td>
                // Reactive: the groups may arrive after the runners.
                {has_groups().then(|| { let id = r.group_id; view! { <td class="nowrap">{move || group_name(id)}</td> } })}
                <td class="version">
                    <span class="version-number">{version_text(r.version.as_deref()).to_string()}</span>
                    {move || outdated.get().then(|| view! { " " <UpdateCommands runner=updating.clone() detail=detail /> })}
                </td>
                <td class="row-actions">
                    <button type="button" class="secondary small" id=edit_button_id(id) aria-label=edit_label on:click=move |_| fleet.editing.set(Some(id))>"Edit"</button>
                    " "
                    <button type="button" class="secondary small" aria-label=remove_label disabled=running
                        on:click=move |_| state.confirming.set(Some(target.clone()))>"Remove"</button>
                </td>
            </tr>
        }
    };
    view! {
        <div class="table-box">
        <table class="runners">
            <caption>{move || format!("Runners of {}", subject.get())}</caption>
            <thead><tr>
                <th scope="col">"Name"</th><th scope="col">"Status"</th><th scope="col">"Labels"</th><th scope="col">"OS"</th>
                {move || has_groups().then(|| view! { <th scope="col">"Group"</th> })}
                <th scope="col">"Version"</th>
                <th scope="col"><span class="visually-hidden">"Actions"</span></th>
            </tr></thead>
            <tbody>
                <For each=rows key=|r: &Runner| r.clone() children=row />
            </tbody>
        </table>
        </div>
        {move || (hidden() > 0).then(|| view! {
            <p>
                <button type="button" class="secondary" on:click=move |_| state.limit.update(|l| *l += ROWS_STEP)>
                    {format!("Show {} more", hidden().min(ROWS_STEP))}
                </button>
                " " <span class="muted">{format!("{} not shown yet", hidden())}</span>
            </p>
        })}
    }
}
