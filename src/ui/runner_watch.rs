//! `Watch`: after a runner is added, polls for it every 5 seconds until it connects, and says
//! so in a live region. One poll at a time, conditional (an unchanged answer is a 304 that
//! costs no rate limit), paused while the tab is hidden, held back by a rate limit until it
//! resets, and stopped when the runner is online, the registration token expires, or on
//! request. `WatchLine` is its status line and Stop button.

use super::error_alert::short_reason;
use super::runners_state::RunnersState;
use crate::browser::clock::{local_date_time, now_ms};
use crate::browser::visibility;
use crate::github::client::{poll_runners, Polled, ScopeRequest};
use crate::github::{ErrorKind, Runner, RunnerPage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

pub const POLL_EVERY: Duration = Duration::from_secs(5);

/// What to watch for.
#[derive(Clone, Debug, PartialEq)]
pub struct WatchTarget {
    pub request: ScopeRequest,
    /// The runner's name; without one, any runner the first page did not have.
    pub name: Option<String>,
    /// When the registration token expires (Unix ms): a runner cannot register after that.
    pub until_ms: Option<i64>,
}

#[derive(Clone, Copy)]
pub struct Watch {
    target: StoredValue<Option<WatchTarget>>,
    pub status: RwSignal<String>,
    pub active: RwSignal<bool>,
    in_flight: StoredValue<bool>,
    etag: StoredValue<Option<String>>,
    /// Runner ids on the first page when watching without a name.
    baseline: StoredValue<Option<Vec<u64>>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Bumped by every start and stop, so a late answer of an earlier watch is dropped.
    generation: StoredValue<u32>,
    runners: RunnersState,
}

impl Watch {
    pub fn new(runners: RunnersState) -> Self {
        let watch = Self {
            target: StoredValue::new(None),
            status: RwSignal::new(String::new()),
            active: RwSignal::new(false),
            in_flight: StoredValue::new(false),
            etag: StoredValue::new(None),
            baseline: StoredValue::new(None),
            timer: StoredValue::new(None),
            generation: StoredValue::new(0),
            runners,
        };
        visibility::on_change(move || {
            if !visibility::hidden() && watch.active.get_untracked() {
                watch.tick();
            }
        });
        watch
    }

    pub fn start(&self, target: WatchTarget) {
        self.stop_with(String::new());
        let what = target.name.clone().map_or_else(|| "a new runner".to_string(), |n| n);
        self.target.set_value(Some(target));
        self.etag.set_value(None);
        self.baseline.set_value(None);
        self.active.set(true);
        self.status.set(format!("Waiting for {what} to connect\u{2026}"));
        self.tick();
    }

    pub fn stop_with(&self, message: String) {
        self.generation.set_value(self.generation.get_value().wrapping_add(1));
        // The target holds the access token: nothing keeps it once watching ends.
        self.target.set_value(None);
        if let Some(timer) = self.timer.get_value() {
            timer.clear();
        }
        self.timer.set_value(None);
        self.active.set(false);
        self.status.set(message);
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
        let Some(target) = self.target.get_value() else { return };
        let who = target.name.clone().unwrap_or_else(|| "the new runner".into());
        if target.until_ms.is_some_and(|until| now_ms() >= until) {
            self.stop_with(format!("The registration token expired before {who} connected; watching stopped. Create a new token to register it."));
            return;
        }
        self.in_flight.set_value(true);
        let (watch, generation) = (*self, self.generation.get_value());
        spawn_local(async move {
            let answer = poll_runners(&target.request, target.name.as_deref(), watch.etag.get_value()).await;
            // The poll slot is free only now, whatever happened meanwhile: never two at once.
            watch.in_flight.set_value(false);
            if watch.generation.get_value() != generation {
                // An earlier watch's answer: a newer watch may be waiting for the slot.
                watch.tick();
                return;
            }
            match answer {
                Ok(Polled::NotModified) => watch.schedule(POLL_EVERY),
                Ok(Polled::Changed { page, etag }) => {
                    watch.etag.set_value(etag);
                    watch.seen(&target, page);
                }
                Err(error) => {
                    let resume_at = match &error.kind {
                        ErrorKind::PrimaryRateLimit { reset_at } => {
                            Some(reset_at.map_or(now_ms() + 60_000, |s| s.saturating_mul(1000)))
                        }
                        ErrorKind::SecondaryRateLimit { retry_after } => {
                            Some(now_ms() + retry_after.unwrap_or(60).saturating_mul(1000) as i64)
                        }
                        _ => None,
                    };
                    match resume_at {
                        Some(at) => {
                            watch.status.set(format!(
                                "GitHub's rate limit was reached; watching for {who} resumes at {}.",
                                local_date_time(at)
                            ));
                            watch.schedule(Duration::from_millis(
                                at.saturating_sub(now_ms()).clamp(1000, 3_600_000) as u64,
                            ));
                        }
                        None => watch.stop_with(format!(
                            "Watching for {who} stopped: {}. Refresh the list to look again.",
                            short_reason(&error)
                        )),
                    }
                }
            }
        });
    }

    /// What a poll found.
    fn seen(&self, target: &WatchTarget, page: RunnerPage) {
        let found: Option<Runner> = match &target.name {
            Some(name) => page.runners.into_iter().find(|r| r.name.eq_ignore_ascii_case(name)),
            None => match self.baseline.get_value() {
                None => {
                    self.baseline
                        .set_value(Some(page.runners.iter().map(|r| r.id).collect()));
                    None
                }
                Some(known) => page.runners.into_iter().find(|r| !known.contains(&r.id)),
            },
        };
        match found {
            Some(r) if r.online => {
                self.stop_with(if r.busy {
                    format!("{} is busy: it is running a job.", r.name)
                } else {
                    format!("{} is online.", r.name)
                });
                self.runners.refresh();
            }
            Some(r) => {
                self.status
                    .set(format!("{} is registered; waiting for it to connect\u{2026}", r.name));
                self.schedule(POLL_EVERY);
            }
            None => self.schedule(POLL_EVERY),
        }
    }
}

#[component]
pub fn WatchLine(watch: Watch) -> impl IntoView {
    view! {
        <p class="watch">
            <span role="status" aria-live="polite">{move || watch.status.get()}</span>
            " "
            {move || watch.active.get().then(|| view! {
                <button type="button" class="secondary" on:click=move |_| watch.stop_with("Stopped watching.".into())>"Stop watching"</button>
            })}
        </p>
    }
}
