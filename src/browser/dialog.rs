//! Modal dialogs: `showModal()` makes the rest of the page inert and keeps focus inside.

use wasm_bindgen::JsCast;

/// Opens the `<dialog>` with `id` as a modal (the rest of the page inert), or closes it.
pub fn show_dialog(id: &str, open: bool) {
    let dialog = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok());
    if let Some(dialog) = dialog {
        if open {
            let _ = dialog.show_modal();
        } else {
            dialog.close();
        }
    }
}
