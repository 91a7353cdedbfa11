//! `WatchLine`: the runner watch's status line, announced politely, and Stop watching.

use crate::state::Session;
use crate::words::runners::WATCH_STOPPED;
use leptos::prelude::*;

#[component]
pub fn WatchLine() -> impl IntoView {
    let watch = expect_context::<Session>().watch;
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
