//! `OpenGroupDialog`: the confirmation before a runner group is opened to a repository, naming
//! both. Nothing is sent without it.

use crate::state::TroubleshootState;
use crate::ui::widgets::ConfirmDialog;
use crate::words::troubleshoot::open_group_question;
use leptos::prelude::*;

#[component]
pub fn OpenGroupDialog(state: TroubleshootState) -> impl IntoView {
    let question = Signal::derive(move || {
        state.confirming.with(|r| {
            r.as_ref()
                .map(|r| open_group_question(&r.group_name, &r.repository.full_name))
                .unwrap_or_default()
        })
    });
    let button = Signal::derive(move || {
        state
            .confirming
            .with(|r| r.as_ref().map(|r| format!("Open {}", r.group_name)).unwrap_or_default())
    });
    view! {
        <ConfirmDialog pending=state.confirming title_id="open-group-title" title=question
            confirm_label=button on_confirm=Callback::new(move |request| state.open(request))>
            <p>"Every workflow of the repository may then run on this group's runners. The change is sent once; undo it in the organization's runner group settings."</p>
        </ConfirmDialog>
    }
}
