//! Who a Selected group is open to: `RepositoryChooser`, the organization's repositories (every
//! page) to search and tick, sent by id; `OrganizationNames`, an enterprise's organizations by
//! login, one per line, resolved to ids on Save (an unknown name is said before anything is sent).

use crate::github::Member;
use crate::state::{GroupsState, Load};
use crate::ui::result::ErrorAlert;
use leptos::prelude::*;

/// Most repositories listed at once: typing narrows the list.
const SHOWN: usize = 50;

#[component]
pub fn RepositoryChooser(state: GroupsState) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let draft = state.draft;
    let chosen = move || draft.with(|d| d.members.len());
    let context = move || state.source.get_untracked().map(|s| s.context);
    let list = move || {
        let Some(load) = state.repositories.get() else {
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
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        draft.update(|d| {
                                            d.members.retain(|m| *m != id);
                                            if on { d.members.push(id) }
                                        });
                                    } />
                                " " {r.name.clone()} {r.private.then_some(" (private)")}
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
            <div class="field">
                <label for="group-repo-search">"Search repositories"</label>
                <input id="group-repo-search" type="search" autocomplete="off" spellcheck="false"
                    prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
            </div>
            <p class="muted" role="status">{move || format!("{} chosen", chosen())}</p>
            {list}
        </fieldset>
    }
}

#[component]
pub fn OrganizationNames(state: GroupsState) -> impl IntoView {
    let error = move || state.org_error.get();
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for="group-orgs">"Organizations"</label>
            <textarea id="group-orgs" rows=3 spellcheck="false" aria-describedby="group-orgs-hint group-orgs-error"
                aria-invalid=move || error().is_some().to_string()
                prop:value=move || state.org_names.get() on:input=move |ev| state.org_names.set(event_target_value(&ev))></textarea>
            <p class="hint" id="group-orgs-hint">"One organization name per line."</p>
            <p class="field-error" id="group-orgs-error" hidden=move || error().is_none()>{error}</p>
        </div>
    }
}
