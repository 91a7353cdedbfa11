//! `FleetState`: what the Runners tab adds to the list: the Show choice, the selection, runner
//! versions (the current one from the downloads answer, GitHub's schedules, cached per version),
//! label and group edits (a lost answer looks the runner up again), and removing many runners
//! with [`crate::runner::bulk`]. Made once by [`Session::fleet`]; every request reads the token
//! from the credential when built, through the token its flow began with (`PinnedToken`). An
//! edit is a [`Write`] of the edit dialog's [`Writes`].

use super::load::Load;
use super::session::Session;
use super::write::{Write, Writes};
use crate::browser::clock::{now_ms, sleep};
use crate::github::client::{add_labels, find_runner, remove_label, remove_runner, runner_deprecation};
use crate::github::{ApiError, Deprecation, ErrorKind, Runner, RunnerLabels, Target};
use crate::operation::Operation;
use crate::runner::bulk::{BulkRemoval, Fate, Item, RemovalAnswer, RemovalStep};
use crate::runner::versions::is_outdated;
use crate::words::ErrorContext;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::{HashMap, HashSet};

/// Which runners the table shows, with the text filter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Show {
    #[default]
    All,
    Online,
    Offline,
    Busy,
    Outdated,
}

impl Show {
    pub const ALL: [Show; 5] = [Show::All, Show::Online, Show::Offline, Show::Busy, Show::Outdated];

    pub fn label(self) -> &'static str {
        match self {
            Self::All => "All",
            Self::Online => "Online",
            Self::Offline => "Offline",
            Self::Busy => "Busy",
            Self::Outdated => "Outdated",
        }
    }

    /// Whether `r` is shown; `outdated` says whether it is behind the current version.
    pub fn keeps(self, r: &Runner, outdated: bool) -> bool {
        match self {
            Self::All => true,
            Self::Online => r.online && !r.busy,
            Self::Offline => !r.online,
            Self::Busy => r.online && r.busy,
            Self::Outdated => outdated,
        }
    }
}

/// What a finished removal run did: every runner once with its fate, and why the run ended
/// before its end when something other than Stop ended it (the token was cleared or changed).
#[derive(Clone, Debug, PartialEq)]
pub struct RunReport {
    pub items: Vec<Item>,
    pub ended: Option<ApiError>,
}

/// A removal run as the tab shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunView {
    /// (removed, done, total).
    pub progress: (usize, usize, usize),
    /// A rate limit holds the run until then (Unix ms).
    pub paused_until: Option<i64>,
}

#[derive(Clone, Copy)]
pub struct FleetState {
    session: Session,
    pub show: RwSignal<Show>,
    /// Only this group's runners, when set (the Runner groups tab's link).
    pub group: RwSignal<Option<u64>>,
    pub selected: RwSignal<HashSet<u64>>,
    /// GitHub's schedule per version: `None` once asked with no schedule (404, 403, no dates).
    pub schedules: RwSignal<HashMap<String, Option<Deprecation>>>,
    /// The runner whose labels and group are being edited.
    pub editing: RwSignal<Option<u64>>,
    /// The edit dialog's writes: what each did (its live region) or its refusal.
    pub edits: Writes,
    /// The removal confirmation is open.
    pub confirming: RwSignal<bool>,
    /// The run under way, if any.
    pub run: RwSignal<Option<RunView>>,
    /// The last run's report.
    pub report: RwSignal<Option<RunReport>>,
    stop: StoredValue<bool>,
    /// Where the schedules were asked for: a list of another scope asks again.
    schedules_for: StoredValue<Option<Target>>,
}

impl FleetState {
    pub fn new(session: Session) -> Self {
        Self {
            session,
            show: RwSignal::new(Show::All),
            group: RwSignal::new(None),
            selected: RwSignal::new(HashSet::new()),
            schedules: RwSignal::new(HashMap::new()),
            editing: RwSignal::new(None),
            edits: Writes::new(session.pacer, session.form.credential),
            confirming: RwSignal::new(false),
            run: RwSignal::new(None),
            report: RwSignal::new(None),
            stop: StoredValue::new(false),
            schedules_for: StoredValue::new(None),
        }
    }

    /// The version the scope's downloads answer names (tracked).
    pub fn current_version(&self) -> Option<String> {
        self.session.setup.downloads.with(|d| match d {
            Load::Ready(packages) => packages.iter().find_map(|p| p.version().map(String::from)),
            _ => None,
        })
    }

    /// The runners the table shows: the text filter and the Show choice (tracked).
    pub fn shown(&self) -> Vec<Runner> {
        let show = self.show.get();
        let group = self.group.get();
        let current = self.current_version();
        let mut list = self.session.runners.matching();
        list.retain(|r| show.keeps(r, is_outdated(r.version.as_deref(), current.as_deref())));
        if let Some(group) = group {
            list.retain(|r| r.group_id == Some(group));
        }
        list
    }

    /// How many runners are outdated, when the current version is known (tracked).
    pub fn outdated_count(&self, runners: &[Runner]) -> Option<u64> {
        let current = self.current_version()?;
        Some(
            runners
                .iter()
                .filter(|r| is_outdated(r.version.as_deref(), Some(&current)))
                .count() as u64,
        )
    }

    /// Asks GitHub's schedule for each outdated version not asked yet: one request per version.
    pub fn ask_schedules(&self) {
        let Some(source) = self.session.runners.source.get_untracked() else {
            return;
        };
        if self.schedules_for.with_value(|s| s.as_ref() != Some(&source.target)) {
            self.schedules_for.set_value(Some(source.target.clone()));
            self.schedules.set(HashMap::new());
        }
        let current = self.current_version();
        let mut versions: Vec<String> = self.session.runners.runners.with_untracked(|list| {
            list.iter()
                .filter(|r| is_outdated(r.version.as_deref(), current.as_deref()))
                .filter_map(|r| r.version.clone())
                .collect()
        });
        versions.sort();
        versions.dedup();
        versions.retain(|v| !self.schedules.with_untracked(|s| s.contains_key(v)));
        if versions.is_empty() {
            return;
        }
        // Marked as asked at once, so a second call while these are under way asks nothing.
        self.schedules
            .update(|s| s.extend(versions.iter().map(|v| (v.clone(), None))));
        let (state, token) = (*self, self.session.form.credential.pinned());
        spawn_local(async move {
            for version in versions {
                let schedule = runner_deprecation(&source.target, &token, &version).await.ok();
                let schedule = schedule.filter(|s| s.registration.is_some() || s.runtime.is_some());
                if state.schedules_for.with_value(|s| s.as_ref() == Some(&source.target)) {
                    state.schedules.update(|s| {
                        s.insert(version, schedule);
                    });
                }
            }
        });
    }

    /// Selects every runner the table shows, across all loaded pages.
    pub fn select_all_shown(&self) {
        let ids: Vec<u64> = untrack(|| self.shown()).iter().map(|r| r.id).collect();
        self.selected.update(|s| s.extend(ids));
    }

    pub fn toggle(&self, id: u64, on: bool) {
        self.selected.update(|s| {
            if on {
                s.insert(id);
            } else {
                s.remove(&id);
            }
        });
    }

    /// The selected runners still in the list, in list order.
    pub fn selected_runners(&self) -> Vec<Runner> {
        let selected = self.selected.get_untracked();
        self.session
            .runners
            .runners
            .with_untracked(|l| l.iter().filter(|r| selected.contains(&r.id)).cloned().collect())
    }

    fn replace_labels(&self, id: u64, labels: RunnerLabels) {
        self.session.runners.runners.update(|list| {
            if let Some(r) = list.iter_mut().find(|r| r.id == id) {
                r.labels = labels.all;
                r.custom_labels = labels.custom;
            }
        });
    }

    /// A refused edit of runner `id`, said as it came; when its answer was lost, only after
    /// the runner is looked up again by name (a safe request; the write is never sent again),
    /// so its row shows what GitHub has now.
    async fn refused(&self, write: Write, to: &Target, id: u64, error: ApiError, context: ErrorContext) {
        let lost = matches!(error.kind, ErrorKind::AnswerLost { .. });
        if let (true, true, Some(name)) = (lost, write.token.is_current(), context.operation.runner()) {
            if let Ok(Some(now)) = find_runner(to, &write.token, name).await {
                if now.id == id {
                    self.session.runners.replace_row(id, now);
                }
            }
        }
        write.refused(error, context);
    }

    /// Begins an edit of a runner of the list: where the list came from, the words for a
    /// failure of `operation` there, and the write (none while another is under way).
    fn edit(&self, operation: Operation) -> Option<(Target, ErrorContext, Write)> {
        self.edits
            .begin_at(self.session.runners.source.get_untracked(), operation)
    }

    /// Adds custom labels to runner `id` (already validated); its row follows GitHub's answer.
    pub fn add_labels(&self, id: u64, name: String, labels: Vec<String>, done: impl FnOnce() + 'static) {
        let Some((to, context, write)) = self.edit(Operation::AddLabels {
            runner: name.clone(),
            labels: labels.clone(),
        }) else {
            return;
        };
        let state = *self;
        spawn_local(async move {
            let added = labels.join(", ");
            match write.send(add_labels(&to, &write.token, id, labels)).await {
                Ok(now) => {
                    state.replace_labels(id, now);
                    write.done(format!("Added {added} to {name}."));
                    done();
                }
                Err(error) => state.refused(write, &to, id, error, context).await,
            }
        });
    }

    /// Removes one custom label from runner `id`.
    pub fn remove_label(&self, id: u64, name: String, label: String) {
        let Some((to, context, write)) = self.edit(Operation::RemoveLabel {
            runner: name.clone(),
            label: label.clone(),
        }) else {
            return;
        };
        let state = *self;
        spawn_local(async move {
            match write.send(remove_label(&to, &write.token, id, &label)).await {
                Ok(now) => {
                    state.replace_labels(id, now);
                    write.done(format!("Removed the label {label} from {name}."));
                }
                Err(error) => state.refused(write, &to, id, error, context).await,
            }
        });
    }

    /// Moves runner `id` into the group `group` (organizations and enterprises).
    pub fn move_to_group(&self, id: u64, name: String, group: u64, group_name: String) {
        let Some((to, context, write)) = self.edit(Operation::MoveRunner {
            runner: name.clone(),
            group: group_name.clone(),
        }) else {
            return;
        };
        let state = *self;
        spawn_local(async move {
            match state.session.runners.move_to_group(&write, &to, id, group).await {
                Ok(()) => write.done(format!("Moved {name} to {group_name}.")),
                Err(error) => state.refused(write, &to, id, error, context).await,
            }
        });
    }

    /// Stop: the removal in flight finishes, no other is sent.
    pub fn stop(&self) {
        self.stop.set_value(true);
    }

    /// Removes the selected runners, after the confirmation: one at a time, at least a second
    /// apart, each looked up again just before its removal (one that came online or is running
    /// a job is skipped, never removed), pausing for rate limits, until done or stopped. The
    /// selection is handed to the run and cleared, so it is never acted on twice.
    pub fn remove_selected(&self) {
        if self.run.with_untracked(Option::is_some) {
            return;
        }
        let Some(source) = self.session.runners.source.get_untracked() else {
            return;
        };
        let chosen: Vec<(u64, String)> = self.selected_runners().into_iter().map(|r| (r.id, r.name)).collect();
        if chosen.is_empty() {
            return;
        }
        self.selected.set(HashSet::new());
        self.stop.set_value(false);
        self.report.set(None);
        let mut run = BulkRemoval::new(chosen);
        self.show_run(&run, None);
        let (state, token) = (*self, self.session.form.credential.pinned());
        spawn_local(async move {
            let to = source.target;
            loop {
                if state.stop.get_value() {
                    run.stop();
                }
                match run.next(now_ms()) {
                    RemovalStep::Done => break,
                    RemovalStep::Paused { until_ms } => {
                        state.show_run(&run, Some(until_ms));
                        state.wait_until(until_ms).await;
                    }
                    RemovalStep::Send { index, at_ms } => {
                        if at_ms > now_ms() {
                            state.wait_until(at_ms).await;
                            continue;
                        }
                        let Some(item) = run.items().get(index).cloned() else {
                            break;
                        };
                        let now = find_runner(&to, &token, &item.name).await;
                        if !run.checked(index, now.as_ref().map(Option::as_ref), now_ms()) {
                            state.after(&run, index);
                            continue;
                        }
                        run.started(now_ms());
                        // The run paces itself; a single write after it waits its turn too.
                        state.session.pacer.sent();
                        let answer = match remove_runner(&to, &token, item.id).await {
                            Ok(()) => RemovalAnswer::Removed,
                            Err(error) if matches!(error.kind, ErrorKind::AnswerLost { .. }) => {
                                let found = find_runner(&to, &token, &item.name).await;
                                let still_there =
                                    !matches!(found, Ok(ref r) if r.as_ref().is_none_or(|r| r.id != item.id));
                                RemovalAnswer::Lost { still_there }
                            }
                            Err(error) => RemovalAnswer::Refused(error),
                        };
                        run.answered(index, answer, now_ms());
                        state.after(&run, index);
                    }
                }
            }
            state.report.set(Some(RunReport {
                items: run.report(),
                ended: run.ended.clone(),
            }));
            state.run.set(None);
            // The table as GitHub has it now.
            if token.is_current() {
                state.session.runners.refresh();
            }
        });
    }

    /// After a runner's turn: the progress, and its row gone at once if GitHub no longer has
    /// it (the refresh at the end of the run shows the rest as GitHub has them).
    fn after(&self, run: &BulkRemoval, index: usize) {
        if let Some(item) = run.items().get(index) {
            if matches!(item.fate, Some(Fate::Removed | Fate::AlreadyGone)) {
                self.session
                    .runners
                    .runners
                    .update(|list| list.retain(|r| r.id != item.id));
            }
        }
        self.show_run(run, None);
    }

    fn show_run(&self, run: &BulkRemoval, paused_until: Option<i64>) {
        self.run.set(Some(RunView {
            progress: run.progress(),
            paused_until,
        }));
    }

    /// Waits until `until_ms`, a fifth of a second at a time, so Stop ends a wait at once.
    async fn wait_until(&self, until_ms: i64) {
        while now_ms() < until_ms && !self.stop.get_value() {
            sleep((until_ms - now_ms()).min(200)).await;
        }
    }
}
