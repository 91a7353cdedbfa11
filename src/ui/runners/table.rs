//! `RunnerTable`: the runners matching the filter, a step of rows at a time (5,000 runners never
//! become 5,000 rows at once), each with its status in words and a Remove button.

use crate::github::{Runner, RunnerGroup};
use crate::state::{Session, ROWS_STEP};
use leptos::prelude::*;

#[component]
pub fn RunnerTable(
    matching: Memo<Vec<Runner>>,
    /// The scope's groups, for the Group column; `None` where the scope has none.
    groups: Signal<Option<Vec<RunnerGroup>>>,
    /// The scope for the caption.
    subject: Signal<String>,
) -> impl IntoView {
    let state = expect_context::<Session>().runners;
    let shown = move || matching.with(|m| m.iter().take(state.limit.get()).cloned().collect::<Vec<_>>());
    let hidden = move || matching.with(Vec::len).saturating_sub(state.limit.get());
    let has_groups = move || groups.with(Option::is_some);
    let group_name = move |id: Option<u64>| {
        let id = id?;
        Some(groups.with(|g| {
            g.as_ref()
                .and_then(|g| g.iter().find(|g| g.id == id))
                .map_or_else(|| format!("#{id}"), |g| g.name.clone())
        }))
    };
    let row = move |r: Runner| {
        let status = r.status();
        let remove_label = format!("Remove {}", r.name);
        let target = r.clone();
        view! {
            <tr>
                <th scope="row">{r.name.clone()} {r.ephemeral.then(|| view! { " " <span class="badge">"Ephemeral"</span> })}</th>
                <td class=format!("status {}", status.label().to_ascii_lowercase())>{status.label()}</td>
                <td>{r.labels.join(", ")}</td>
                <td>{r.os.clone()}</td>
                // Reactive: the groups may arrive after the runners.
                {has_groups().then(|| { let id = r.group_id; view! { <td>{move || group_name(id)}</td> } })}
                <td><button type="button" class="secondary" aria-label=remove_label
                    on:click=move |_| state.confirming.set(Some(target.clone()))>"Remove"</button></td>
            </tr>
        }
    };
    view! {
        <table class="runners">
            <caption>{move || format!("Runners of {}", subject.get())}</caption>
            <thead><tr>
                <th scope="col">"Name"</th><th scope="col">"Status"</th><th scope="col">"Labels"</th><th scope="col">"OS"</th>
                {move || has_groups().then(|| view! { <th scope="col">"Group"</th> })}
                <th scope="col"><span class="visually-hidden">"Actions"</span></th>
            </tr></thead>
            <tbody>
                <For each=shown key=|r: &Runner| r.clone() children=row />
            </tbody>
        </table>
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
