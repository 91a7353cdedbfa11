//! `RunnersState`: the scope's runners as the Runners section shows them: loaded page by page
//! (the first page on screen at once), filtered, rendered a step at a time, and removed one by
//! one. Loads for a scope the user has since left are dropped. The list reads with the toolkit's
//! [`Loaded`] and [`Load`]; a removal is a [`Write`].

use super::credential::Credential;
use super::load::{Load, Loaded};
use super::write::{Pacer, Write, Writes};
use crate::browser::focus::focus;
use crate::form::ValidForm;
use crate::github::client::{find_runner, move_to_group, remove_runner, runners_page, MAX_RUNNER_LIST_PAGES};
use crate::github::{ApiError, ErrorKind, Runner, Target};
use crate::operation::Operation;
use crate::words::runners::{not_removed, removed};
use crate::words::ErrorContext;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Rows rendered at first, and added by each "Show more": two screens or so. A filter keystroke
/// at 5,000 runners replaces them all, and building a row is most of its time (100 rows took it
/// over the 50 ms a keystroke may take, measured in `scripts/bench`).
pub const ROWS_STEP: usize = 50;

/// Where the list comes from, and how its errors are worded: `context` is listing the runners;
/// every other request of the scope words its errors with [`ErrorContext::doing`] its own
/// operation.
#[derive(Clone, Debug, PartialEq)]
pub struct ListSource {
    pub target: Target,
    pub context: ErrorContext,
}

impl ListSource {
    /// The runners of the scope a valid form names.
    pub fn of(valid: &ValidForm) -> Self {
        Self {
            target: valid.target.clone(),
            context: ErrorContext::of(valid, Operation::ListRunners),
        }
    }

    /// The scope's words for a failure of `operation`.
    pub fn doing(&self, operation: Operation) -> ErrorContext {
        self.context.doing(operation)
    }
}

/// What the list (or review) that came from `source` is of, for its caption and sentences; empty
/// when nothing is listed (tracked).
pub fn listed_subject(source: RwSignal<Option<ListSource>>) -> String {
    source.with(|s| s.as_ref().map(|s| s.context.subject.clone()).unwrap_or_default())
}

#[derive(Clone, Copy)]
pub struct RunnersState {
    pub source: RwSignal<Option<ListSource>>,
    /// The rows loaded so far: pages arrive one by one, so the rows are here before the read
    /// is done.
    pub runners: RwSignal<Vec<Runner>>,
    /// `total_count` of the first page.
    pub total: RwSignal<Option<u64>>,
    /// The list's read: loading while pages come; failed when a page was refused (the rows
    /// loaded before it stay).
    pub read: RwSignal<Load<()>>,
    /// As typed.
    pub filter: RwSignal<String>,
    /// How many matching rows are rendered.
    pub limit: RwSignal<usize>,
    /// Removals: what each did (said in the section's live region) or its refusal.
    pub writes: Writes,
    /// The runner whose removal awaits confirmation.
    pub confirming: RwSignal<Option<Runner>>,
    /// What the list was loaded with.
    pub loaded: Loaded,
}

impl RunnersState {
    pub fn new(credential: Credential, pacer: Pacer) -> Self {
        Self {
            source: RwSignal::new(None),
            runners: RwSignal::new(Vec::new()),
            total: RwSignal::new(None),
            read: RwSignal::new(Load::Ready(())),
            filter: RwSignal::new(String::new()),
            limit: RwSignal::new(ROWS_STEP),
            writes: Writes::new(pacer, credential),
            confirming: RwSignal::new(None),
            loaded: Loaded::new(credential),
        }
    }

    /// Loads every page of `source`'s runners, one after another up to
    /// [`MAX_RUNNER_LIST_PAGES`], replacing the list.
    pub fn load(&self, source: ListSource) {
        // Every page with the token the load began with.
        let (turn, token) = self.loaded.begin();
        self.source.set(Some(source.clone()));
        self.runners.set(Vec::new());
        self.total.set(None);
        self.writes.clear();
        self.limit.set(ROWS_STEP);
        self.read.set(Load::Loading);
        let state = *self;
        spawn_local(async move {
            let mut next = None;
            for _ in 0..MAX_RUNNER_LIST_PAGES {
                let answer = runners_page(&source.target, &token, next).await;
                if !turn.is_current() {
                    return;
                }
                match answer {
                    Ok((page, after)) => {
                        if state.total.get_untracked().is_none() {
                            state.total.set(page.total);
                        }
                        state.runners.update(|list| list.extend(page.runners));
                        match after {
                            Some(after) => next = Some(after),
                            None => break,
                        }
                    }
                    Err(error) => {
                        state.read.set(Load::Failed(error));
                        return;
                    }
                }
            }
            state.read.set(Load::Ready(()));
        });
    }

    /// Drops the list and where it came from: Refresh and Remove have nothing to send until the
    /// list is loaded again. Loads under way are dropped.
    pub fn forget(&self) {
        self.loaded.forget();
        self.source.set(None);
        self.runners.set(Vec::new());
        self.total.set(None);
        self.read.set(Load::Ready(()));
        self.writes.clear();
        self.confirming.set(None);
    }

    /// Loads the current source again.
    pub fn refresh(&self) {
        if let Some(source) = self.source.get_untracked() {
            self.load(source);
        }
    }

    /// The runners matching the filter (tracked).
    pub fn matching(&self) -> Vec<Runner> {
        let needle = self.filter.with(|f| f.trim().to_ascii_lowercase());
        self.runners
            .with(|list| list.iter().filter(|r| r.matches(&needle)).cloned().collect())
    }

    /// Removes `runner` for good (after the confirmation); the row goes on a 204, stays with an
    /// explanation otherwise. When the answer is lost, the runner is looked up again (a safe
    /// request) and the row follows what GitHub says now; the DELETE is never sent again.
    pub fn remove(&self, runner: Runner) {
        let Some(source) = self.source.get_untracked() else {
            return;
        };
        let Some(write) = self.writes.begin() else {
            return;
        };
        let state = *self;
        spawn_local(async move {
            let context = source.doing(Operation::RemoveRunner {
                runner: runner.name.clone(),
            });
            let token = write.token;
            match write.send(remove_runner(&source.target, &token, runner.id)).await {
                Ok(()) => state.gone(write, &runner, &source),
                Err(error) => {
                    let lost = matches!(error.kind, ErrorKind::AnswerLost { .. });
                    let now = if lost {
                        find_runner(&source.target, &token, &runner.name).await.ok()
                    } else {
                        None
                    };
                    match now {
                        Some(None) => state.gone(write, &runner, &source),
                        Some(Some(now)) => {
                            state.replace_row(runner.id, now);
                            state.writes.said.set(not_removed(&runner.name));
                            write.refused(error, context);
                        }
                        None => {
                            state.writes.said.set(not_removed(&runner.name));
                            write.refused(error, context);
                        }
                    }
                }
            }
        });
    }

    /// Puts `now` (what GitHub says of the runner now) in the place of runner `id`'s row.
    pub fn replace_row(&self, id: u64, now: Runner) {
        self.runners.update(|list| {
            if let Some(row) = list.iter_mut().find(|r| r.id == id) {
                *row = now;
            }
        });
    }

    /// Moves runner `runner` into group `into`: the one way both the Runners tab's edit and
    /// the Runner groups tab's Move to group send it (a paced [`Write`], sent once); the
    /// runner's row here follows.
    pub async fn move_to_group(&self, write: &Write, to: &Target, runner: u64, into: u64) -> Result<(), ApiError> {
        write.send(move_to_group(to, &write.token, into, runner)).await?;
        self.runners.update(|list| {
            if let Some(r) = list.iter_mut().find(|r| r.id == runner) {
                r.group_id = Some(into);
            }
        });
        Ok(())
    }

    fn gone(&self, write: Write, runner: &Runner, source: &ListSource) {
        self.runners.update(|list| list.retain(|r| r.id != runner.id));
        // The row and its button are gone: focus goes back to the list's heading.
        focus("runners-heading");
        write.done(removed(&runner.name, &source.context.subject));
    }
}
