//! `FixDialog`: the confirmation before a fix, naming the setting, what it applies to, the value
//! now and after, and what may stop working; Apply fix sends the one write, Cancel nothing.

use crate::state::{listed_subject, SecurityState};
use crate::ui::widgets::ConfirmDialog;
use crate::words::security::{confirm_title, may_stop, setting, subject, values};
use leptos::prelude::*;

#[component]
pub fn FixDialog(state: SecurityState) -> impl IntoView {
    let scope = move || listed_subject(state.source);
    let title = Signal::derive(move || {
        state
            .confirming
            .with(|f| f.as_ref().map(|f| confirm_title(f, &scope())).unwrap_or_default())
    });
    let body = move || {
        state.confirming.with(|f| {
            let f = f.as_ref()?;
            let fix = f.fix.as_ref()?;
            let (now, after) = values(fix);
            Some(view! {
                <dl class="fix-facts">
                    <dt>"Setting"</dt><dd>{setting(f.check)}</dd>
                    <dt>"Applies to"</dt><dd>{subject(&f.subject, &scope())}</dd>
                    <dt>"Now"</dt><dd>{now}</dd>
                    <dt>"After"</dt><dd>{after}</dd>
                </dl>
                <p>{may_stop(fix)}</p>
                <p class="muted">"The change is sent once; the setting is read again afterwards."</p>
            })
        })
    };
    view! {
        <ConfirmDialog pending=state.confirming title_id="fix-dialog-title" title=title
            confirm_label="Apply fix".to_string() confirm_class="primary"
            on_confirm=Callback::new(move |finding| state.fix(finding))>
            {body}
        </ConfirmDialog>
    }
}
