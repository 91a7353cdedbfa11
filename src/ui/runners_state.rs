//! `RunnersState`: the scope's runners as the Runners section shows them: loaded page by page
//! (the first page on screen at once), filtered, rendered a step at a time, and removed one by
//! one. Loads for a scope the user has since left are dropped.

use super::error_alert::ErrorContext;
use crate::browser::focus::focus;
use crate::form::{Action, ValidForm};
use crate::github::client::{remove_runner, runners_page, ScopeRequest};
use crate::github::{ApiError, Runner};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Rows rendered at first, and added by each "Show more".
pub const ROWS_STEP: usize = 100;
/// Most pages followed (100 runners each).
const MAX_PAGES: usize = 200;

/// The request the list belongs to, and how its errors are worded.
#[derive(Clone, Debug, PartialEq)]
pub struct ListSource {
    pub request: ScopeRequest,
    pub context: ErrorContext,
}

impl ListSource {
    /// The runners of the scope a valid form names.
    pub fn of(valid: &ValidForm) -> Self {
        Self {
            request: valid.request.clone(),
            context: ErrorContext::of(valid, Action::Add, None),
        }
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
    generation: StoredValue<u32>,
}

impl RunnersState {
    pub fn new() -> Self {
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
            generation: StoredValue::new(0),
        }
    }

    /// Loads every page of `source`'s runners, replacing the list.
    pub fn load(&self, source: ListSource) {
        let generation = self.generation.get_value().wrapping_add(1);
        self.generation.set_value(generation);
        self.source.set(Some(source.clone()));
        self.runners.set(Vec::new());
        self.total.set(None);
        self.error.set(None);
        self.limit.set(ROWS_STEP);
        self.loading.set(true);
        let state = *self;
        spawn_local(async move {
            let mut url = None;
            for _ in 0..MAX_PAGES {
                let answer = runners_page(&source.request, url).await;
                if state.generation.get_value() != generation {
                    return;
                }
                match answer {
                    Ok((page, next)) => {
                        if state.total.get_untracked().is_none() {
                            state.total.set(page.total);
                        }
                        state.runners.update(|list| list.extend(page.runners));
                        match next {
                            Some(next) => url = Some(next),
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

    /// Drops the list and the request it was loaded with (the access token in it): Refresh and
    /// Remove have nothing to send until the list is loaded again. Loads under way are dropped.
    pub fn forget(&self) {
        self.generation.set_value(self.generation.get_value().wrapping_add(1));
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
    /// explanation otherwise.
    pub fn remove(&self, runner: Runner) {
        let Some(source) = self.source.get_untracked() else {
            return;
        };
        let state = *self;
        self.error.set(None);
        spawn_local(async move {
            let context = ErrorContext {
                runner: Some(runner.name.clone()),
                action: Action::Remove,
                ..source.context.clone()
            };
            match remove_runner(&source.request, runner.id).await {
                Ok(()) => {
                    state.runners.update(|list| list.retain(|r| r.id != runner.id));
                    // The row and its button are gone: focus goes back to the list's heading.
                    focus("runners-heading");
                    state
                        .announcement
                        .set(format!("Removed {} from {}.", runner.name, source.context.subject));
                }
                Err(error) => {
                    state.announcement.set(format!("{} was not removed.", runner.name));
                    state.error.set(Some((error, context)));
                }
            }
        });
    }
}
