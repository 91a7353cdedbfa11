//! `RemoveDialog`: the confirmation before a runner is removed, naming the runner and the
//! scope, with Remove runner and Cancel. Nothing is removed without it.

use crate::state::use_session;
use crate::ui::widgets::ConfirmDialog;
use leptos::prelude::*;

#[component]
pub fn RemoveDialog(subject: Signal<String>) -> impl IntoView {
    let state = use_session().runners;
    let title = Signal::derive(move || {
        let name = state
            .confirming
            .with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default());
        format!("Remove {name} from {}?", subject.get())
    });
    view! {
        <ConfirmDialog pending=state.confirming title_id="remove-dialog-title" title=title
            confirm_label="Remove runner".to_string() confirm_class="danger"
            on_confirm=Callback::new(move |runner| state.remove(runner))>
            <p>"GitHub unregisters the runner at once: it takes no more jobs. A runner machine that still has it configured must be set up again to come back."</p>
        </ConfirmDialog>
    }
}
