//! `RemoveDialog`: the confirmation before a runner is removed: a modal `<dialog>` naming the
//! runner and the scope, with Remove runner and Cancel. Nothing is removed without it.

use super::runners_state::RunnersState;
use crate::browser::dialog;
use leptos::prelude::*;

const DIALOG_ID: &str = "remove-runner-dialog";

#[component]
pub fn RemoveDialog(state: RunnersState, subject: Signal<String>) -> impl IntoView {
    // Opens as a modal when a runner is picked: the rest of the page turns inert and focus
    // stays inside until it closes.
    Effect::new(move |_| dialog::show_dialog(DIALOG_ID, state.confirming.with(Option::is_some)));
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
        <dialog id=DIALOG_ID class="card" aria-labelledby="remove-dialog-title"
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
