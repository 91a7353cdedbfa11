//! `DeleteDialog`: the confirmation before a group is deleted: it names the group and the
//! scope, and says how many runners it has and that they move to the Default group.

use super::error::GroupError;
use crate::state::{listed_subject, GroupsState};
use crate::ui::widgets::Modal;
use crate::words::groups::delete_consequence;
use leptos::prelude::*;

#[component]
pub fn DeleteDialog(state: GroupsState) -> impl IntoView {
    let group = move || state.deleting.get();
    let subject = move || listed_subject(state.list.source);
    let title = move || {
        group()
            .map(|g| format!("Delete the group {} from {}?", g.name, subject()))
            .unwrap_or_default()
    };
    let consequence = move || {
        group()
            .map(|g| delete_consequence(state.list.runner_counts.with(|c| c.get(&g.id).copied())))
            .unwrap_or_default()
    };
    let close = move || state.deleting.set(None);
    view! {
        <Modal open=Signal::derive(move || state.deleting.with(Option::is_some)) on_close=Callback::new(move |()| close())
            title_id="delete-group-title">
            <h3 id="delete-group-title">{title}</h3>
            <p>{consequence}</p>
            <p>"Repositories that sent jobs to it can no longer use its settings; nothing else changes."</p>
            {move || state.deleting.with(Option::is_some).then(|| view! { <GroupError state=state /> })}
            <p class="dialog-actions">
                <button type="button" class="danger" disabled=move || state.writes.busy.get()
                    on:click=move |_| if let Some(g) = state.deleting.get_untracked() { state.delete(g) }>"Delete group"</button>
                " "
                <button type="button" class="secondary" autofocus on:click=move |_| close()>"Cancel"</button>
            </p>
        </Modal>
    }
}
