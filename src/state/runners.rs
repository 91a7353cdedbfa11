//! `RunnersState`: the scope's runners as the Runners section shows them: loaded page by page
//! (the first page on screen at once), filtered, rendered a step at a time, and removed one by
//! one. Loads for a scope the user has since left are dropped.

use super::credential::{Credential, PinnedToken};
use super::latest::Latest;
use crate::browser::focus::focus;
use crate::form::ValidForm;
use crate::github::client::{find_runner, remove_runner, runners_page, MAX_RUNNER_LIST_PAGES};
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

#[derive(Clone, Copy)]
pub struct RunnersState {
    pub source: RwSignal<Option<ListSource>>,
    pub runners: RwSignal<Vec<Runner>>,
    /// `total_count` of the first page.
    pub total: RwSignal<Option<u64>>,
    pub loading: RwSignal<bool>,
    pub error: RwSignal<Option<(ApiError, ErrorContext)>>,
    /// As typed.
    pub filter: RwSignal<String>,
    /// How many matching rows are rendered.
    pub limit: RwSignal<usize>,
    /// Said in the section's live region (removals).
    pub announcement: RwSignal<String>,
    /// The runner whose removal awaits confirmation.
    pub confirming: RwSignal<Option<Runner>>,
    latest: Latest,
    credential: Credential,
    /// The token the list was loaded with.
    token: StoredValue<Option<PinnedToken>>,
}

impl RunnersState {
    pub fn new(credential: Credential) -> Self {
        Self {
            source: RwSignal::new(None),
            runners: RwSignal::new(Vec::new()),
            total: RwSignal::new(None),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            filter: RwSignal::new(String::new()),
            limit: RwSignal::new(ROWS_STEP),
            announcement: RwSignal::new(String::new()),
            confirming: RwSignal::new(None),
            latest: Latest::new(),
            credential,
            token: StoredValue::new(None),
        }
    }

    /// Loads every page of `source`'s runners, one after another up to
    /// [`MAX_RUNNER_LIST_PAGES`], replacing the list.
    pub fn load(&self, source: ListSource) {
        let turn = self.latest.turn();
        self.source.set(Some(source.clone()));
        self.runners.set(Vec::new());
        self.total.set(None);
        self.error.set(None);
        self.limit.set(ROWS_STEP);
        self.loading.set(true);
        let state = *self;
        // Every page with the token the load began with.
        let token = self.credential.pinned();
        self.token.set_value(Some(token));
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
                        state.error.set(Some((error, source.context.clone())));
                        break;
                    }
                }
            }
            state.loading.set(false);
        });
    }

    /// Whether a list is loaded (or loading) with a token the field no longer holds.
    pub fn loaded_with_another_token(&self) -> bool {
        self.token.get_value().is_some_and(|t| !t.is_current())
    }

    /// Drops the list and where it came from: Refresh and Remove have nothing to send until the
    /// list is loaded again. Loads under way are dropped.
    pub fn forget(&self) {
        self.latest.cancel();
        self.token.set_value(None);
        self.source.set(None);
        self.runners.set(Vec::new());
        self.total.set(None);
        self.loading.set(false);
        self.error.set(None);
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
        let state = *self;
        self.error.set(None);
        let token = self.credential.pinned();
        spawn_local(async move {
            let context = source.doing(Operation::RemoveRunner {
                runner: runner.name.clone(),
            });
            match remove_runner(&source.target, &token, runner.id).await {
                Ok(()) => state.gone(&runner, &source),
                Err(error) if matches!(error.kind, ErrorKind::AnswerLost { .. }) => {
                    match find_runner(&source.target, &token, &runner.name).await {
                        Ok(None) => state.gone(&runner, &source),
                        Ok(Some(now)) => {
                            state.replace_row(runner.id, now);
                            state.announcement.set(not_removed(&runner.name));
                            state.error.set(Some((error, context)));
                        }
                        Err(_) => {
                            state.announcement.set(not_removed(&runner.name));
                            state.error.set(Some((error, context)));
                        }
                    }
                }
                Err(error) => {
                    state.announcement.set(not_removed(&runner.name));
                    state.error.set(Some((error, context)));
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

    fn gone(&self, runner: &Runner, source: &ListSource) {
        self.runners.update(|list| list.retain(|r| r.id != runner.id));
        // The row and its button are gone: focus goes back to the list's heading.
        focus("runners-heading");
        self.announcement.set(removed(&runner.name, &source.context.subject));
    }
}
