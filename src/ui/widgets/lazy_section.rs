//! `LazySection`: a section whose code is in a wasm chunk ([`crate::lazy`]): a loading line,
//! then the section; when the chunk cannot be loaded, a message in its place with Try again.

use crate::lazy::{ChunkFailed, Chunked, ViewFn};
use crate::state::start_now;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A section's load, boxed: one copy of the section's code serves every split function.
type Loader = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Chunked> + Send>> + Send + Sync>;

/// Where the section's chunk stands.
enum Stage {
    Loading,
    Ready,
    Failed,
}

/// Shows what `load` (a call of a [`split_view!`](crate::lazy::split_view) function) renders once
/// its chunk is in, with a loading line until then. When the chunk cannot be loaded, a message
/// takes the section's place with **Try again**, which calls `load` again (a failed load is not
/// remembered). A chunk already in shows the section at once, without the loading line.
#[component]
pub fn LazySection<F, Fut>(
    /// What the section is, for the loading line: "Loading {what}…".
    what: &'static str,
    load: F,
) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Chunked> + Send + 'static,
{
    section(what, Arc::new(move || Box::pin(load())))
}

fn section(what: &'static str, load: Loader) -> impl IntoView {
    let stage = RwSignal::new(Stage::Loading);
    let load = StoredValue::new(load);
    // The builder, taken once by the view below: the section is built there, under this
    // component's owner, so it goes when the section goes.
    let built = StoredValue::new_local(None::<ViewFn>);
    let settle = move |answer: Chunked| match answer {
        Ok(view) => {
            built.set_value(Some(view));
            stage.set(Stage::Ready);
        }
        Err(ChunkFailed) => stage.set(Stage::Failed),
    };
    let start = move || {
        let pending = load.with_value(|load| load());
        // A chunk that is in answers on the first poll: no loading line, no extra frame.
        start_now(async move { settle(pending.await) });
    };
    start();
    move || match *stage.read() {
        Stage::Loading => {
            view! { <p class="muted lazy-loading" role="status">{format!("Loading {what}\u{2026}")}</p> }.into_any()
        }
        Stage::Ready => built
            .try_update_value(Option::take)
            .flatten()
            .map(ViewFn::build)
            .unwrap_or_else(|| ().into_any()),
        Stage::Failed => view! {
            <div class="alert error lazy-failed" role="alert">
                <p class="alert-title"><strong>"This part of the page could not be loaded."</strong></p>
                <p>"Check your connection, then try again. The rest of the page keeps working."</p>
                <p><button type="button" class="secondary" on:click=move |_| {
                    stage.set(Stage::Loading);
                    start();
                }>"Try again"</button></p>
            </div>
        }
        .into_any(),
    }
}
