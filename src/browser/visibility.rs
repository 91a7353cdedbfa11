//! Whether the tab is visible, and a callback when that changes (polling pauses while hidden).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub fn hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

/// Calls `f` whenever the tab is shown or hidden, for the life of the page.
pub fn on_change(f: impl Fn() + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let callback = Closure::<dyn Fn()>::new(f);
    if document
        .add_event_listener_with_callback("visibilitychange", callback.as_ref().unchecked_ref())
        .is_ok()
    {
        // The page never removes the listener: the one watch lives as long as the page.
        callback.forget();
    }
}
