//! `Shell`: what the first screen holds, and nothing more: the form (with the one owner of the
//! access token), the request in flight, Forget token's note, and a request that could not be
//! sent because its code could not be loaded. Everything that follows a click (the session: the
//! submit flow and its outcome, the runner setup, the runner list, the watch, the other tabs'
//! state) is made in the `sections` wasm chunk the first time something needs it
//! (`Session::of`), so its code and its state's code stay out of the first load.

use super::flows::submit_flow;
use super::form::FormState;
use super::in_flight::InFlight;
use super::start::start_now;
use crate::browser::focus::focus;
use crate::deep_link::DeepLink;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Shell {
    pub form: FormState,
    /// The request the form sent, while it is in flight (from the click on: the guard against a
    /// second request holds while the code that sends it is still loading).
    pub in_flight: InFlight,
    /// Said after Forget token.
    pub forgotten: RwSignal<bool>,
    /// The code that sends requests could not be loaded, so nothing was sent.
    pub unloaded: RwSignal<bool>,
    /// Whether the session has been made: the parts of the Register tab that show its state
    /// (the watch line, the result) are placed from then on.
    pub started: RwSignal<bool>,
    /// The link the page was opened with, for the runner setup the session makes from it.
    link: StoredValue<DeepLink>,
    /// The page's own reactive owner (App's), where the session and the lazily loaded tabs keep
    /// their state for the page's life.
    owner: StoredValue<Option<Owner>>,
}

impl Shell {
    pub fn new(form: FormState, link: DeepLink) -> Self {
        let forgotten = RwSignal::new(false);
        let credential = form.credential;
        // A token typed after Forget token: the note goes.
        Effect::new(move |_| {
            if !credential.is_empty() && forgotten.get_untracked() {
                forgotten.set(false);
            }
        });
        Self {
            form,
            in_flight: InFlight::new(),
            forgotten,
            unloaded: RwSignal::new(false),
            started: RwSignal::new(false),
            link: StoredValue::new(link),
            owner: StoredValue::new(Owner::current()),
        }
    }

    /// Sends what the form asks for, once: a second submit while one is in flight does nothing.
    /// The form is checked here, at the click, by the first screen's own code: a mistake is said
    /// (and its field focused) whether or not the code that sends requests is in. The request
    /// and what follows are the session's (`Session::send`).
    pub fn submit(&self) {
        if self.in_flight.is_active() {
            return;
        }
        let form = self.form;
        // An address typed and sent with Enter has not been read yet (no change event).
        form.take_pasted_address();
        form.attempted.set(true);
        let action = form.action.get_untracked();
        let valid = match form.validated.get_untracked() {
            Ok(valid) => valid,
            Err(errors) => {
                if let Some(id) = errors.first_invalid(form.kind.get_untracked()) {
                    focus(id);
                }
                return;
            }
        };
        // The request and everything that follows it send the token of this click only.
        let token = form.credential.pinned();
        self.in_flight.start();
        if self.unloaded.get_untracked() {
            self.unloaded.set(false);
        }
        let shell = *self;
        // With the chunk in, the request goes now, in the click's own turn (`start_now`).
        start_now(async move {
            if submit_flow(shell, action, valid, token).await.is_err() {
                shell.in_flight.finish();
                shell.unloaded.set(true);
            }
        });
    }

    /// Forget token: the token goes, and (through the session, where there is one) everything
    /// that would send it stops.
    pub fn forget_token(&self) {
        self.form.credential.forget();
        self.forgotten.set(true);
    }

    /// The link the page was opened with.
    pub fn link(&self) -> DeepLink {
        self.link.get_value()
    }

    /// Runs `f` under the page's own owner (so what it makes lives as long as the page).
    pub fn in_page<T>(&self, f: impl FnOnce() -> T) -> T {
        match self.owner.get_value() {
            Some(owner) => owner.with(f),
            None => f(),
        }
    }
}
