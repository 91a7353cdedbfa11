//! Keeps keyboard focus inside a modal dialog: Tab from its last control goes to its first,
//! Shift+Tab from its first to its last (a modal dialog's page is inert, but without this Tab
//! would leave for the browser's own controls).

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Call from the dialog's `keydown`.
pub fn trap_focus(ev: &leptos::ev::KeyboardEvent, dialog: NodeRef<Dialog>) {
    if ev.key() != "Tab" {
        return;
    }
    let Some(dialog) = dialog.get_untracked() else { return };
    let Ok(list) =
        dialog.query_selector_all("button:not([disabled]), input:not([disabled]), select, textarea, a[href]")
    else {
        return;
    };
    let nth = |i: u32| list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
    let (Some(first), Some(last)) = (nth(0), nth(list.length().saturating_sub(1))) else {
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let is = |e: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == e.unchecked_ref::<web_sys::Element>())
    };
    if ev.shift_key() && is(&first) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && is(&last) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
