//! `GroupTable`: the scope's groups: Name (Default marked), Access in words, Public
//! repositories, Workflows, Inherited, the number of runners (loaded per group), and each
//! group's Edit, Runners and Delete, or why it cannot be.

use crate::github::GroupInfo;
use crate::state::GroupsState;
use crate::words::groups::{access, not_deletable, not_editable, public, workflows};
use leptos::prelude::*;

#[component]
pub fn GroupTable(state: GroupsState) -> impl IntoView {
    let enterprise = state.is_enterprise();
    let subject = move || {
        state
            .source
            .with(|s| s.as_ref().map(|s| s.context.subject.clone()).unwrap_or_default())
    };
    let row = move |g: GroupInfo| {
        let id = g.id;
        let count = move || state.runner_counts.with(|c| c.get(&id).copied());
        let members = move || state.member_counts.with(|c| c.get(&id).copied());
        let (visibility, name) = (g.visibility, g.name.clone());
        let locked = not_editable(&g);
        let undeletable = not_deletable(&g);
        let (edit, del, run) = (g.clone(), g.clone(), g.clone());
        view! {
            <tr>
                <th scope="row">{name.clone()} {g.default.then(|| view! { " " <span class="badge">"Default"</span> })}</th>
                <td>{move || access(visibility, enterprise, members())}</td>
                <td>{public(g.allows_public_repositories)}</td>
                <td>{workflows(&g)}</td>
                <td>{if g.inherited { "Yes" } else { "No" }}</td>
                <td>{move || count().map_or_else(|| "\u{2026}".to_string(), |n| n.to_string())}</td>
                <td class="row-actions">
                    {match locked {
                        Some(why) => view! { <span class="muted">{why}</span> }.into_any(),
                        None => view! {
                            <button type="button" class="secondary" aria-label=format!("Edit {name}") disabled=move || state.busy.get()
                                on:click=move |_| state.start_edit(edit.clone())>"Edit"</button>
                        }.into_any(),
                    }}
                    " "
                    <button type="button" class="secondary" aria-label=format!("Runners of {name}")
                        on:click=move |_| state.view_runners(run.clone())>"Runners"</button>
                    " "
                    {match (undeletable, g.inherited) {
                        (_, true) => ().into_any(),
                        (Some(why), _) => view! { <span class="muted">{why}</span> }.into_any(),
                        (None, _) => view! {
                            <button type="button" class="secondary" aria-label=format!("Delete {name}") disabled=move || state.busy.get()
                                on:click=move |_| state.deleting.set(Some(del.clone()))>"Delete"</button>
                        }.into_any(),
                    }}
                </td>
            </tr>
        }
    };
    view! {
        <table class="groups">
            <caption>{move || format!("Runner groups of {}", subject())}</caption>
            <thead><tr>
                <th scope="col">"Name"</th><th scope="col">"Access"</th><th scope="col">"Public repositories"</th>
                <th scope="col">"Workflows"</th><th scope="col">"Inherited"</th><th scope="col">"Runners"</th>
                <th scope="col"><span class="visually-hidden">"Actions"</span></th>
            </tr></thead>
            <tbody>
                <For each=move || state.groups.get() key=|g: &GroupInfo| g.clone() children=row />
            </tbody>
        </table>
    }
}
