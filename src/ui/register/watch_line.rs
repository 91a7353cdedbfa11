//! `WatchLine`: the runner watch's status line, announced politely, and Stop watching.

use crate::state::use_session;
use crate::words::runners::WATCH_STOPPED;
use leptos::prelude::*;

#[component]
pub fn WatchLine() -> impl IntoView {
    let watch = use_session().watch;
    view! {
        <p class="watch">
            <span role="status" aria-live="polite">{move || watch.status.get()}</span>
            " "
            {move || watch.active.get().then(|| view! {
                <button type="button" class="secondary" on:click=move |_| watch.stop_with(WATCH_STOPPED.into())>"Stop watching"</button>
            })}
        </p>
    }
}
