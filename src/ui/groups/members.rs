//! Who a Selected group is open to: `RepositoryChooser`, the organization's repositories (every
//! page) to search and tick, sent by id; `OrganizationNames`, an enterprise's organizations by
//! login, one per line, resolved to ids on Save (an unknown name is said before anything is sent).

use crate::github::Member;
use crate::operation::Operation;
use crate::state::{GroupsState, Load};
use crate::ui::result::ErrorAlert;
use crate::words::groups::chosen_count;
use leptos::prelude::*;

/// Most repositories listed at once: typing narrows the list.
const SHOWN: usize = 50;

#[component]
pub fn RepositoryChooser(state: GroupsState) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let draft = state.editor.draft;
    let context = move || {
        state
            .list
            .source
            .get_untracked()
            .map(|s| s.doing(Operation::LoadRepositories))
    };
    let toggle = move |id: u64, on: bool| {
        draft.update(|d| {
            d.members.retain(|m| *m != id);
            if on {
                d.members.push(id)
            }
        })
    };
    // The chosen ones, always listed (by name once the organization's list is in), each with
    // Remove: what Save sends, whatever the search shows.
    let chosen = move || {
        let ids = draft.with(|d| d.members.clone());
        let names: Vec<String> = state.editor.repositories.with(|r| {
            let repos = match r {
                Some(Load::Ready(repos)) => repos.as_slice(),
                _ => &[],
            };
            ids.iter()
                .map(|id| {
                    repos
                        .iter()
                        .find(|r| r.id == *id)
                        .map_or_else(|| format!("#{id}"), |r| r.name.clone())
                })
                .collect()
        });
        let items = ids
            .into_iter()
            .zip(names)
            .map(|(id, name)| {
                let label = format!("Remove {name}");
                view! {
                    <li class="chip">{name}
                        <button type="button" class="chip-remove" aria-label=label on:click=move |_| toggle(id, false)>"\u{d7}"</button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="chips chosen" aria-label="Chosen repositories">{items}</ul> }
    };
    let list = move || {
        let Some(load) = state.editor.repositories.get() else {
            return ().into_any();
        };
        match load {
            Load::Loading => {
                view! { <p class="muted" role="status">"Loading the organization's repositories\u{2026}"</p> }
                    .into_any()
            }
            Load::Failed(error) => context()
                .map(|c| view! { <ErrorAlert error=error context=c /> })
                .into_any(),
            Load::Ready(repos) => {
                let needle = search.get().trim().to_ascii_lowercase();
                let matching: Vec<Member> = repos
                    .into_iter()
                    .filter(|r| needle.is_empty() || r.name.to_ascii_lowercase().contains(&needle))
                    .collect();
                let more = matching.len().saturating_sub(SHOWN);
                let rows = matching
                    .into_iter()
                    .take(SHOWN)
                    .map(|r| {
                        let id = r.id;
                        view! {
                            <li><label class="choice">
                                <input type="checkbox" prop:checked=move || draft.with(|d| d.members.contains(&id))
                                    on:change=move |ev| toggle(id, event_target_checked(&ev)) />
                                " " {r.name.clone()} {r.private.then(|| view! { " " <span class="badge">"Private"</span> })}
                            </label></li>
                        }
                    })
                    .collect_view();
                view! {
                    <ul class="repo-choices">{rows}</ul>
                    {(more > 0).then(|| view! { <p class="muted">{format!("{more} more: type to narrow the list.")}</p> })}
                }
                .into_any()
            }
        }
    };
    view! {
        <fieldset class="repositories">
            <legend>"Repositories"</legend>
            <p class="muted" role="status">{move || chosen_count(draft.with(|d| d.members.len()))}</p>
            {chosen}
            <div class="field">
                <label for="group-repo-search">"Search repositories"</label>
                <input id="group-repo-search" type="search" autocomplete="off" spellcheck="false"
                    prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
            </div>
            {list}
        </fieldset>
    }
}

#[component]
pub fn OrganizationNames(state: GroupsState) -> impl IntoView {
    let error = move || state.editor.org_error.get();
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for="group-orgs">"Organizations"</label>
            <textarea id="group-orgs" rows=3 spellcheck="false" aria-describedby="group-orgs-hint group-orgs-error"
                aria-invalid=move || error().is_some().to_string()
                prop:value=move || state.editor.org_names.get() on:input=move |ev| state.editor.org_names.set(event_target_value(&ev))></textarea>
            <p class="hint" id="group-orgs-hint">"One organization name per line."</p>
            <p class="field-error" id="group-orgs-error" hidden=move || error().is_none()>{error}</p>
        </div>
    }
}
