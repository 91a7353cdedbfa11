//! `ConfirmDialog`: the modal `<dialog>` that asks before a request is sent. It is open while
//! `pending` holds what would be acted on: a title naming it, what the action does (any view,
//! the dialog's children), the confirming button and Cancel (focused first). Cancel, Escape or closing sends nothing; the
//! browser returns focus to the button that opened it.

use super::Modal;
use leptos::prelude::*;

#[component]
pub fn ConfirmDialog<T>(
    /// What the confirmation would act on; `None` closes the dialog.
    pending: RwSignal<Option<T>>,
    /// The title's element id (the dialog is labelled by it).
    title_id: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] confirm_label: Signal<String>,
    /// The confirming button's class: "danger" for something that cannot be undone.
    #[prop(optional)]
    confirm_class: Option<&'static str>,
    /// Called with what was pending, once, when the confirming button is pressed.
    on_confirm: Callback<T>,
    /// What confirming does, in a sentence or two (it may name what `pending` holds).
    children: ChildrenFn,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let close = move || pending.set(None);
    let confirm = move |_| {
        if let Some(what) = pending.get_untracked() {
            on_confirm.run(what);
        }
        close();
    };
    view! {
        <Modal open=Signal::derive(move || pending.with(Option::is_some)) on_close=Callback::new(move |()| close()) title_id=title_id>
            <h3 id=title_id>{move || title.get()}</h3>
            {children()}
            <p class="dialog-actions">
                <button type="button" class=confirm_class on:click=confirm>{move || confirm_label.get()}</button>
                " "
                <button type="button" class="secondary" autofocus on:click=move |_| close()>"Cancel"</button>
            </p>
        </Modal>
    }
}
