//! `WatchState`: carries out the runner watch's decisions ([`crate::runner::watch::Watch`]):
//! one poll at a time, timers, pausing while the tab is hidden, and the status line. It holds
//! where to poll, never the token: each poll reads it from the [`Credential`], through the
//! token the watch started with ([`PinnedToken`]).

use super::credential::{Credential, PinnedToken};
use super::latest::{Latest, Turn};
use super::runners::RunnersState;
use crate::browser::clock::{local_date_time, now_ms};
use crate::browser::{tuning, visibility};
use crate::github::client::{all_runners, poll_runners};
use crate::github::{ApiError, Target};
use crate::runner::watch::{Next, Watch, WatchStatus};
use crate::words::runners::watch_status;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct WatchState {
    /// Where the runner is watched for, and the watch itself; `None` when not watching.
    watching: StoredValue<Option<(Target, Watch)>>,
    pub status: RwSignal<String>,
    pub active: RwSignal<bool>,
    in_flight: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// A turn per watch, so a late answer of an earlier watch is dropped.
    latest: Latest,
    turn: StoredValue<Option<Turn>>,
    credential: Credential,
    /// The token the watch started with: the only one it sends.
    token: StoredValue<Option<PinnedToken>>,
    runners: RunnersState,
    /// Whether the visibility listener is in place (the first watch adds it).
    listening: StoredValue<bool>,
}

impl WatchState {
    pub fn new(credential: Credential, runners: RunnersState) -> Self {
        Self {
            watching: StoredValue::new(None),
            status: RwSignal::new(String::new()),
            active: RwSignal::new(false),
            in_flight: StoredValue::new(false),
            timer: StoredValue::new(None),
            latest: Latest::new(),
            turn: StoredValue::new(None),
            credential,
            token: StoredValue::new(None),
            runners,
            listening: StoredValue::new(false),
        }
    }

    /// Watches `to` for the runner named `name` (or any new one) until `until_ms`.
    pub fn start(&self, to: Target, name: Option<String>, until_ms: Option<i64>) {
        if !self.listening.get_value() {
            // Added by the first watch, not at start: polling code loads with its chunk.
            self.listening.set_value(true);
            let watch = *self;
            visibility::on_change(move || {
                if !visibility::hidden() && watch.active.get_untracked() {
                    watch.tick();
                }
            });
        }
        self.stop_with(String::new());
        let watch = Watch::new(name, until_ms, tuning::poll_every());
        self.say(&watch.starting());
        self.watching.set_value(Some((to, watch)));
        self.token.set_value(Some(self.credential.pinned()));
        self.turn.set_value(Some(self.latest.turn()));
        self.active.set(true);
        self.tick();
    }

    /// The name being watched for, when watching.
    pub fn name(&self) -> Option<String> {
        self.watching
            .with_value(|w| w.as_ref().and_then(|(_, w)| w.name().map(String::from)))
    }

    /// Whether the field still holds the token this watch started with (a watch that is not
    /// running holds none).
    pub fn has_current_token(&self) -> bool {
        self.token.get_value().is_some_and(|t| t.is_current())
    }

    pub fn stop_with(&self, message: String) {
        self.latest.cancel();
        self.turn.set_value(None);
        self.watching.set_value(None);
        self.token.set_value(None);
        if let Some(timer) = self.timer.get_value() {
            timer.clear();
        }
        self.timer.set_value(None);
        self.active.set(false);
        self.status.set(message);
    }

    fn say(&self, status: &WatchStatus) {
        self.status.set(watch_status(status, &local_date_time));
    }

    fn schedule(&self, delay: Duration) {
        if let Some(timer) = self.timer.get_value() {
            timer.clear();
        }
        let watch = *self;
        self.timer
            .set_value(set_timeout_with_handle(move || watch.tick(), delay).ok());
    }

    fn tick(&self) {
        if !self.active.get_untracked() || self.in_flight.get_value() {
            return;
        }
        // Hidden: no timer; the visibility listener ticks again when the tab is shown.
        if visibility::hidden() {
            return;
        }
        let Some((to, watch)) = self.watching.get_value() else {
            return;
        };
        let Some(turn) = self.turn.get_value() else { return };
        let etag = match watch.before_poll(now_ms()) {
            Next::Poll { etag } => etag,
            next => return self.follow(next),
        };
        let name = watch.name().map(String::from);
        self.send(
            turn,
            async move |credential| poll_runners(&to, &credential, name.as_deref(), etag).await,
            Watch::on_answer,
        );
    }

    /// Reads the whole runner list for a watch without a name ([`Next::Scan`]), in the poll
    /// slot: never beside a poll. At most 2,000 runners
    /// ([`MAX_ALL_RUNNER_PAGES`](crate::github::client::MAX_ALL_RUNNER_PAGES)).
    fn scan(&self) {
        if !self.active.get_untracked() || self.in_flight.get_value() {
            return;
        }
        let (Some((to, _)), Some(turn)) = (self.watching.get_value(), self.turn.get_value()) else {
            return;
        };
        self.send(
            turn,
            async move |credential| all_runners(&to, &credential).await,
            Watch::on_scan,
        );
    }

    /// Sends one request in the poll slot and hands its answer to the watch (`read`), unless a
    /// newer watch has started meanwhile.
    fn send<T: 'static>(
        &self,
        turn: Turn,
        request: impl AsyncFnOnce(PinnedToken) -> Result<T, ApiError> + 'static,
        read: fn(&mut Watch, Result<T, ApiError>, i64) -> Next,
    ) {
        let Some(token) = self.token.get_value() else {
            return;
        };
        self.in_flight.set_value(true);
        let state = *self;
        spawn_local(async move {
            let answer = request(token).await;
            // The poll slot is free only now, whatever happened meanwhile: never two at once.
            state.in_flight.set_value(false);
            if !turn.is_current() {
                // An earlier watch's answer: a newer watch may be waiting for the slot.
                state.tick();
                return;
            }
            let next = state
                .watching
                .try_update_value(|w| w.as_mut().map(|(_, w)| read(w, answer, now_ms())));
            if let Some(Some(next)) = next {
                state.follow(next);
            }
        });
    }

    fn follow(&self, next: Next) {
        match next {
            Next::Poll { .. } => self.tick(),
            Next::Scan => self.scan(),
            Next::Wait { after, status } => {
                if let Some(status) = status {
                    self.say(&status);
                }
                self.schedule(after);
            }
            Next::Stop { status, connected } => {
                self.stop_with(watch_status(&status, &local_date_time));
                if connected {
                    self.runners.refresh();
                }
            }
        }
    }
}
