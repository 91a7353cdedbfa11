//! `OpenGroupDialog`: the confirmation before a runner group is opened to a repository, naming
//! both. Nothing is sent without it.

use crate::state::TroubleshootState;
use crate::ui::widgets::trap_focus;
use crate::words::troubleshoot::open_group_question;
use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
pub fn OpenGroupDialog(state: TroubleshootState) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
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
    let close = move || state.confirming.set(None);
    let confirm = move |_| {
        if let Some(request) = state.confirming.get_untracked() {
            state.open(request);
        }
        close();
    };
    let question = move || {
        state.confirming.with(|r| {
            r.as_ref()
                .map(|r| open_group_question(&r.group_name, &r.repository.full_name))
                .unwrap_or_default()
        })
    };
    let button = move || {
        state
            .confirming
            .with(|r| r.as_ref().map(|r| format!("Open {}", r.group_name)).unwrap_or_default())
    };
    view! {
        <dialog node_ref=dialog class="card" aria-labelledby="open-group-title"
            on:keydown=move |ev| trap_focus(&ev, dialog)
            on:close=move |_| if state.confirming.with_untracked(Option::is_some) { close() }>
            <h3 id="open-group-title">{question}</h3>
            <p>"Every workflow of the repository may then run on this group's runners. The change is sent once; undo it in the organization's runner group settings."</p>
            <p class="dialog-actions">
                <button type="button" on:click=confirm>{button}</button>
                " "
                <button type="button" class="secondary" autofocus on:click=move |_| close()>"Cancel"</button>
            </p>
        </dialog>
    }
}
