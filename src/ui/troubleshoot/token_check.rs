//! `TokenCheck`: Check token (an explicit click; nothing is sent on paste) and its report: the
//! verdict first, then each fact, and what a browser cannot check.

use crate::state::{use_session, TroubleshootState};
use crate::ui::widgets::CardNeeded;
use crate::words::troubleshoot::TokenReport;
use leptos::prelude::*;

#[component]
pub fn TokenCheck(state: TroubleshootState) -> impl IntoView {
    let session = use_session();
    let ready = session.form.validated;
    let report = move || {
        state.report.get().map(|TokenReport { verdict, can, link, lines }| {
            let class = if can { "alert success" } else { "alert error" };
            let lines = lines
                .into_iter()
                .map(|l| {
                    view! {
                        <li><strong>{l.topic}": "</strong>{l.text}
                            {l.link.map(|(text, href)| view! { " " <a href=href target="_blank" rel="noopener noreferrer">{text}</a> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class=class role="status">
                    <p class="alert-title"><strong>{verdict}</strong></p>
                    {link.map(|(text, href)| view! { <p><a href=href target="_blank" rel="noopener noreferrer">{text}</a></p> })}
                </div>
                <ul class="token-facts" aria-label="What the check found">{lines}</ul>
            }
        })
    };
    view! {
        <h3>"Check token"</h3>
        <p class="muted">"Reads what the token in the card can do for the scope and action chosen there. Only read requests are sent."</p>
        <p>
            <button type="button" class="secondary" disabled=move || ready.with(Result::is_err) || state.checking.get()
                on:click=move |_| state.check_token()>"Check token"</button>
            " " <CardNeeded />
        </p>
        <p class="muted" role="status">{move || state.checking.get().then_some("Checking the token\u{2026}")}</p>
        {report}
    }
}
