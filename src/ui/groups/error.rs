//! `GroupError`: a write's refusal: a duplicate name or a vanished group in the tab's own words
//! (GitHub's message quoted), anything else explained as everywhere else.

use crate::state::GroupsState;
use crate::ui::result::ErrorAlert;
use crate::words::groups::refusal;
use leptos::prelude::*;

#[component]
pub fn GroupError(state: GroupsState) -> impl IntoView {
    move || {
        state
            .writes
            .refusal
            .get()
            .map(|(error, context)| {
                match refusal(&error, None) {
            Some((title, next)) => view! {
                <div class="alert error" role="alert">
                    <p class="alert-title"><strong>{title}</strong></p>
                    <p>{next}</p>
                    {error.request_id.map(|id| view! { <p class="request-id">"Request ID: " <code>{id}</code></p> })}
                </div>
            }
            .into_any(),
            None => view! { <ErrorAlert error=error context=context /> }.into_any(),
        }
            })
    }
}
