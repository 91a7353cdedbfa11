//! `OutcomePanel`: the last request's outcome, whichever it was (from the `sections` wasm chunk,
//! like the session it shows; a request whose code could not be loaded is said by the Register
//! tab itself, `ui::register`).

use super::error_alert::{ErrorAlert, JitLostAlert};
use super::jit_panel::JitPanel;
use super::token_panel::TokenPanel;
use crate::browser::focus::reveal;
use crate::form::Action;
use crate::github::client::rehearse_create_token;
use crate::github::{ApiBase, Scope, ScopeKind, DEFAULT_API};
use crate::lazy::split_call;
use crate::runner::ConfigCommand;
use crate::state::{after_paint, use_session, Outcome, Session, Shell};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the result's heading, or of the alert's title that stands for it.
const RESULT_HEADING: &str = "result-heading";
const RESULT_ALERT: &str = "result-alert";

#[component]
pub fn OutcomePanel() -> impl IntoView {
    let session = use_session();
    // A new result (or error) is brought into view with its heading focused: the token and the
    // command (or what to do next) are where the eye is, whatever was scrolled before.
    Effect::new(move |_| {
        if session.outcome.with(Option::is_some) {
            after_paint(|| {
                reveal(RESULT_HEADING);
                reveal(RESULT_ALERT);
            });
        }
    });
    move || {
        session
            .outcome
            .get()
            .map(|outcome| view! { <OutcomeContent outcome=outcome /> })
    }
}

split_call! {
    chunk = sections, prefetch = prefetch_rehearsal;
    /// Makes the session, then draws a sample registration token's panel once, off the page,
    /// and takes it down again.
    pub fn rehearse_result(shell: Shell) {
        rehearse(Session::of(shell))
    }
}

/// The browser compiles each wasm function the first time it runs (V8's lazy compilation), and
/// the first result runs a few hundred for the first time: measured in the page, click to
/// command took 53 ms, 30 ms with Chromium's `--no-wasm-lazy-compilation`. Drawing a sample
/// result once while the page is idle, into an element that is never in the document, compiles
/// them before the click that needs them (29 ms).
/// The same goes for building the request and reading its answer. It sends nothing and touches
/// no state: a request built without a token and dropped unsent, a sample answer with a
/// placeholder token (not one of GitHub's) for a sample scope of the kind the form has, and a
/// panel gone again two frames later with everything it created.
fn rehearse(session: Session) {
    let kind = session.form.kind.get_untracked();
    let sample = if kind == ScopeKind::Repository {
        "octo-org/octo-repo"
    } else {
        "octo-org"
    };
    let (Ok(scope), Ok(api), Some(parent)) = (
        Scope::parse(kind, sample),
        ApiBase::parse(DEFAULT_API),
        document().create_element("div").ok(),
    ) else {
        return;
    };
    let Some(web) = api.web_base() else {
        return;
    };
    let Some(token) = rehearse_create_token(&api, &scope) else {
        return;
    };
    let outcome = Outcome::Token {
        action: Action::Add,
        command: ConfigCommand::new(&web, &scope, token.token.clone()),
        token,
        scope,
        api: None,
    };
    // Through the same panel as the click's result, so its code is ready too.
    let drawn = leptos::mount::mount_to(parent.unchecked_into(), move || {
        provide_context(session);
        view! { <OutcomeContent outcome=outcome /> }
    });
    // The panel draws its script a frame after the command: keep it up until that has run too.
    after_paint(move || after_paint(move || drop(drawn)));
}

#[component]
fn OutcomeContent(outcome: Outcome) -> impl IntoView {
    match outcome {
        Outcome::Token {
            action,
            token,
            command,
            scope,
            api,
        } => view! { <TokenPanel token=token action=action command=command scope=scope api=api /> }.into_any(),
        Outcome::Jit {
            runner,
            requested,
            labels,
            subject,
            platform,
        } => view! { <JitPanel runner=runner requested=requested labels=labels subject=subject platform=platform /> }
            .into_any(),
        Outcome::JitLost {
            name,
            registered,
            context,
        } => {
            view! { <JitLostAlert name=name registered=registered context=context title_id=RESULT_ALERT /> }.into_any()
        }
        Outcome::Failed { error, context } => {
            view! { <ErrorAlert error=error context=context title_id=RESULT_ALERT /> }.into_any()
        }
    }
}
