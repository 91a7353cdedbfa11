//! `Modal`: the one way a dialog opens and closes. While `open` holds it is shown as a modal
//! `<dialog>` (the rest of the page inert, focus kept inside by [`trap_focus`]); when `open`
//! stops holding it closes. Escape (the browser closing it) calls `on_close`, so the state that
//! opened it says it is closed too. The browser returns focus to what opened it.

use super::trap_focus;
use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
pub fn Modal(
    /// Whether the dialog is open.
    #[prop(into)]
    open: Signal<bool>,
    /// Called when the browser closes the dialog (Escape) while `open` still holds.
    on_close: Callback<()>,
    /// The id of the title element among `children`: the dialog is labelled by it.
    title_id: &'static str,
    /// Classes beside `card`.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        let open = open.get();
        if let Some(dialog) = dialog.get() {
            if open && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !open && dialog.open() {
                dialog.close();
            }
        }
    });
    let class = if class.is_empty() {
        "card".to_string()
    } else {
        format!("card {class}")
    };
    view! {
        <dialog node_ref=dialog class=class aria-labelledby=title_id
            on:keydown=move |ev| trap_focus(&ev, dialog)
            on:close=move |_| if open.get_untracked() { on_close.run(()) }>
            {children()}
        </dialog>
    }
}
