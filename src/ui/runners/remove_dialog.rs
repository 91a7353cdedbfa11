//! `RemoveDialog`: the confirmation before a runner is removed: a modal `<dialog>` naming the
//! runner and the scope, with Remove runner and Cancel. Nothing is removed without it.

use crate::state::Session;
use crate::ui::widgets::trap_focus;
use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
pub fn RemoveDialog(subject: Signal<String>) -> impl IntoView {
    let state = expect_context::<Session>().runners;
    let dialog = NodeRef::<Dialog>::new();
    // Opens as a modal when a runner is picked: the rest of the page turns inert and focus
    // stays inside until it closes.
    Effect::new(move |_| {
        let open = state.confirming.with(Option::is_some);
        if let Some(dialog) = dialog.get() {
            if open {
                let _ = dialog.show_modal();
            } else {
                dialog.close();
            }
        }
    });
    // Closing a modal dialog returns focus to the button that opened it.
    let close = move || state.confirming.set(None);
    let confirm = move |_| {
        if let Some(runner) = state.confirming.get_untracked() {
            state.remove(runner);
        }
        close();
    };
    let name = move || {
        state
            .confirming
            .with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default())
    };
    view! {
        <dialog node_ref=dialog class="card" aria-labelledby="remove-dialog-title"
            on:keydown=move |ev| trap_focus(&ev, dialog)
            on:close=move |_| if state.confirming.with_untracked(Option::is_some) { close() }>
            <h3 id="remove-dialog-title">{move || format!("Remove {} from {}?", name(), subject.get())}</h3>
            <p>"GitHub unregisters the runner at once: it takes no more jobs. A runner machine that still has it configured must be set up again to come back."</p>
            <p class="dialog-actions">
                <button type="button" class="danger" on:click=confirm>"Remove runner"</button>
                " "
                <button type="button" class="secondary" autofocus on:click=move |_| close()>"Cancel"</button>
            </p>
        </dialog>
    }
}
