//! `DeleteDialog`: the confirmation before a group is deleted: it names the group and the
//! scope, and says how many runners it has and that they move to the Default group.

use super::error::GroupError;
use crate::state::GroupsState;
use crate::ui::widgets::trap_focus;
use crate::words::groups::delete_consequence;
use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
pub fn DeleteDialog(state: GroupsState) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        let open = state.deleting.with(Option::is_some);
        if let Some(dialog) = dialog.get() {
            if open && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !open && dialog.open() {
                dialog.close();
            }
        }
    });
    let group = move || state.deleting.get();
    let subject = move || {
        state
            .source
            .with(|s| s.as_ref().map(|s| s.context.subject.clone()).unwrap_or_default())
    };
    let title = move || {
        group()
            .map(|g| format!("Delete the group {} from {}?", g.name, subject()))
            .unwrap_or_default()
    };
    let consequence = move || {
        group()
            .map(|g| delete_consequence(state.runner_counts.with(|c| c.get(&g.id).copied())))
            .unwrap_or_default()
    };
    let close = move || state.deleting.set(None);
    view! {
        <dialog node_ref=dialog class="card" aria-labelledby="delete-group-title"
            on:keydown=move |ev| trap_focus(&ev, dialog)
            on:close=move |_| if state.deleting.with_untracked(Option::is_some) { close() }>
            <h3 id="delete-group-title">{title}</h3>
            <p>{consequence}</p>
            <p>"Repositories that sent jobs to it can no longer use its settings; nothing else changes."</p>
            {move || state.deleting.with(Option::is_some).then(|| view! { <GroupError state=state /> })}
            <p class="dialog-actions">
                <button type="button" class="danger" disabled=move || state.busy.get()
                    on:click=move |_| if let Some(g) = state.deleting.get_untracked() { state.delete(g) }>"Delete group"</button>
                " "
                <button type="button" class="secondary" autofocus on:click=move |_| close()>"Cancel"</button>
            </p>
        </dialog>
    }
}
