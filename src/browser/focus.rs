//! Moving keyboard focus to an element by id (the first invalid field after a failed submit),
//! and bringing a result into view with its heading focused.

use wasm_bindgen::JsCast;

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

pub fn focus(id: &str) {
    if let Some(element) = element(id) {
        let _ = element.focus();
    }
}

/// Focuses the element `id` (a result's heading, an alert) and scrolls the page so that it
/// starts at the top of the window: what follows it (the token, the command) is in view.
/// Nothing happens for an element that is not in the document.
pub fn reveal(id: &str) {
    if let Some(element) = element(id) {
        let _ = element.focus();
        element.scroll_into_view_with_bool(true);
    }
}
