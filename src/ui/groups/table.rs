//! `GroupTable`: the scope's groups: Name (the default and inherited ones marked), Access in
//! words, Public repositories, Workflows, the number of runners (loaded per group), and each
//! group's Edit, Runners and Delete where it has them; why a group lacks one is said once,
//! under the table, not in every row.

use crate::github::GroupInfo;
use crate::state::{listed_subject, GroupsState};
use crate::words::groups::{access, marked_default, not_deletable, not_editable, public, workflows};
use leptos::prelude::*;

#[component]
pub fn GroupTable(state: GroupsState) -> impl IntoView {
    let enterprise = state.is_enterprise();
    let subject = move || listed_subject(state.list.source);
    let row = move |g: GroupInfo| {
        let id = g.id;
        let count = move || state.list.runner_counts.with(|c| c.get(&id).copied());
        let members = move || state.list.member_counts.with(|c| c.get(&id).copied());
        let (visibility, name) = (g.visibility, g.name.clone());
        let editable = not_editable(&g).is_none();
        let deletable = not_deletable(&g).is_none();
        let (edit, del, run) = (g.clone(), g.clone(), g.clone());
        view! {
            <tr>
                <th scope="row" class="name">
                    <span class="group-name">{name.clone()}</span>
                    {marked_default(&g).then(|| view! { " " <span class="badge">"Default"</span> })}
                    {g.inherited.then(|| view! { " " <span class="badge">"Inherited"</span> })}
                </th>
                <td>{move || access(visibility, enterprise, members())}</td>
                <td>{public(g.allows_public_repositories)}</td>
                <td>{workflows(&g)}</td>
                <td class="number">{move || count().map_or_else(|| "\u{2026}".to_string(), |n| n.to_string())}</td>
                <td class="row-actions">
                    {editable.then(|| view! {
                        <button type="button" class="secondary small" aria-label=format!("Edit {name}") disabled=move || state.writes.busy.get()
                            on:click=move |_| state.start_edit(edit.clone())>"Edit"</button>
                        " "
                    })}
                    <button type="button" class="secondary small" aria-label=format!("Runners of {name}")
                        on:click=move |_| state.view_runners(run.clone())>"Runners"</button>
                    {deletable.then(|| view! {
                        " "
                        <button type="button" class="secondary small" aria-label=format!("Delete {name}") disabled=move || state.writes.busy.get()
                            on:click=move |_| state.deleting.set(Some(del.clone()))>"Delete"</button>
                    })}
                </td>
            </tr>
        }
    };
    // Why some rows lack Edit or Delete: each reason once, for the groups it applies to.
    let notes = move || {
        state.list.groups.with(|groups| {
            let mut notes: Vec<&'static str> = Vec::new();
            for g in groups {
                for why in [not_deletable(g), not_editable(g)].into_iter().flatten() {
                    if !notes.contains(&why) {
                        notes.push(why);
                    }
                }
            }
            notes
                .into_iter()
                .map(|n| view! { <p class="hint">{n}</p> })
                .collect_view()
        })
    };
    view! {
        <div class="table-box">
            <table class="groups">
                <caption>{move || format!("Runner groups of {}", subject())}</caption>
                <thead><tr>
                    <th scope="col">"Name"</th><th scope="col">"Access"</th><th scope="col">"Public repositories"</th>
                    <th scope="col">"Workflows"</th><th scope="col" class="number">"Runners"</th>
                    <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                </tr></thead>
                <tbody>
                    <For each=move || state.list.groups.get() key=|g: &GroupInfo| g.clone() children=row />
                </tbody>
            </table>
        </div>
        <div class="table-notes">{notes}</div>
    }
}
