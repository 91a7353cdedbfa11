//! `ErrorAlert`: an `ApiError` in words (from [`crate::words::errors`]): what happened, what to
//! do next, GitHub's own message and the request id, and the button for the next step.
//! `JitLostAlert`: a just-in-time runner whose answer was lost.

use crate::browser::clock::local_date_time;
use crate::browser::focus::focus;
use crate::github::{ApiError, ErrorKind, Runner};
use crate::state::{use_session, Session};
use crate::words::errors::{jit_lost, Explanation};
use crate::words::{explain, ErrorContext};
use leptos::prelude::*;

#[component]
pub fn ErrorAlert(
    error: ApiError,
    context: ErrorContext,
    /// The title's id, for the alert that answers the form: the page brings it into view and
    /// focuses it.
    #[prop(optional)]
    title_id: Option<&'static str>,
) -> impl IntoView {
    let Explanation { title, next, link } = explain(&error, &context, &local_date_time);
    // A lost answer to a token request: another token is one click away (a new request, never
    // a silent re-send). Never for another operation: a lost label, group or runner write is
    // read again, not answered with a token.
    let another = matches!(error.kind, ErrorKind::AnswerLost { .. }) && context.operation.is_token();
    let session = use_context::<Session>();
    view! {
        <div class="alert error" role="alert">
            <p class="alert-title" id=title_id tabindex=title_id.map(|_| "-1")><strong>{title}</strong></p>
            <p>{next}</p>
            {link.map(|(text, href)| view! { <p><a href=href target="_blank" rel="noopener noreferrer">{text}</a></p> })}
            {(error.kind == ErrorKind::Conflict).then(|| view! {
                <p><button type="button" class="secondary" on:click=|_| focus("runner-name")>"Change the runner name"</button></p>
            })}
            {another.then(|| session.map(|s| view! {
                <p><button type="button" class="secondary" on:click=move |_| s.submit()>"Create another token"</button></p>
            }))}
            {error.message.map(|m| view! { <p class="github-message">"GitHub said: " <q>{m}</q></p> })}
            {error.request_id.map(|id| view! { <p class="request-id">"Request ID: " <code>{id}</code></p> })}
        </div>
    }
}

#[component]
pub fn JitLostAlert(
    name: String,
    registered: Option<Runner>,
    context: ErrorContext,
    /// As [`ErrorAlert`]'s.
    title_id: &'static str,
) -> impl IntoView {
    let session = use_session();
    let Explanation { title, next, .. } = jit_lost(&name, registered.as_ref(), &context);
    let remove_label = format!("Remove {name} and create it again");
    view! {
        <div class="alert error" role="alert">
            <p class="alert-title" id=title_id tabindex="-1"><strong>{title}</strong></p>
            <p>{next}</p>
            <p>
                {registered.is_some().then(|| view! {
                    <button type="button" class="secondary" disabled=move || session.in_flight.busy()
                        on:click=move |_| session.replace_lost_jit()>{remove_label}</button>
                    " "
                })}
                {registered.is_none().then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| session.submit()>"Try again"</button>
                    " "
                })}
                <button type="button" class="secondary" on:click=|_| focus("runner-name")>"Change the runner name"</button>
            </p>
        </div>
    }
}
