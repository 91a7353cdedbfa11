//! `GroupsState`: the Runner groups tab: the scope's groups with their access settings (every
//! page), each shown group's runner count and selection size, loaded per group; the New and
//! Edit form, Delete behind its confirmation, and a group's runners with Move to group. Writes
//! go one at a time, at least a second apart, and are never sent again by themselves; when a
//! write's answer is lost, what it may have changed is read again.

use super::credential::PinnedToken;
use super::fleet::FleetState;
use super::latest::{Latest, Turn};
use super::runners::ListSource;
use super::session::Session;
use super::setup::Load;
use crate::browser::clock::{now_ms, sleep};
use crate::github::client::{
    create_group, delete_group, group_members, group_runner_count, group_runners, move_to_group, org_repositories,
    organization_id, runner_groups, set_group_members, update_group,
};
use crate::github::{ApiError, ErrorKind, GroupInfo, Member, Runner, ScopeKind, Target};
use crate::operation::Operation;
use crate::runner::bulk::SPACING_MS;
use crate::runner::group_draft::{DraftErrors, GroupDraft, ValidDraft};
use crate::words::ErrorContext;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;

/// What the form dialog is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum Editing {
    New,
    /// An existing group; `before` is the form as loaded (its selection read from the group's
    /// own list), `None` while that list loads.
    Group {
        group: GroupInfo,
        before: Option<ValidDraft>,
    },
}

#[derive(Clone, Copy)]
pub struct GroupsState {
    session: Session,
    pub source: RwSignal<Option<ListSource>>,
    pub groups: RwSignal<Vec<GroupInfo>>,
    pub loading: RwSignal<bool>,
    pub error: RwSignal<Option<(ApiError, ErrorContext)>>,
    /// Runners per group, once asked.
    pub runner_counts: RwSignal<HashMap<u64, u64>>,
    /// The size of each Selected group's access list, once asked.
    pub member_counts: RwSignal<HashMap<u64, u64>>,
    /// The form dialog, when open.
    pub editing: RwSignal<Option<Editing>>,
    pub draft: RwSignal<GroupDraft>,
    pub draft_errors: RwSignal<DraftErrors>,
    /// An enterprise group's organizations, by login, one per line (resolved to ids on Save).
    pub org_names: RwSignal<String>,
    /// The organization's repositories, for choosing (every page).
    pub repositories: RwSignal<Option<Load<Vec<Member>>>>,
    /// Logins already known with their ids (a group's own list, or resolved before).
    known_orgs: StoredValue<HashMap<String, u64>>,
    /// The group whose deletion awaits confirmation.
    pub deleting: RwSignal<Option<GroupInfo>>,
    /// The group whose runners are shown, and them once loaded.
    pub viewing: RwSignal<Option<GroupInfo>>,
    pub viewed_runners: RwSignal<Option<Load<Vec<Runner>>>>,
    /// A write is under way: every button that sends one waits.
    pub busy: RwSignal<bool>,
    /// Said in the tab's live region.
    pub status: RwSignal<String>,
    /// What the last write's refusal was, shown where it was asked.
    pub action_error: RwSignal<Option<(ApiError, ErrorContext)>>,
    /// A name on the enterprise form that is no organization.
    pub org_error: RwSignal<Option<String>>,
    last_write: StoredValue<Option<i64>>,
    latest: Latest,
    /// The token the table was loaded with: another one in the field drops the table, whose
    /// buttons would send the new token where the old one was sent.
    token: StoredValue<Option<PinnedToken>>,
}

impl GroupsState {
    pub fn new(session: Session) -> Self {
        let state = Self {
            session,
            source: RwSignal::new(None),
            groups: RwSignal::new(Vec::new()),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            runner_counts: RwSignal::new(HashMap::new()),
            member_counts: RwSignal::new(HashMap::new()),
            editing: RwSignal::new(None),
            draft: RwSignal::new(GroupDraft::default()),
            draft_errors: RwSignal::new(DraftErrors::default()),
            org_names: RwSignal::new(String::new()),
            repositories: RwSignal::new(None),
            known_orgs: StoredValue::new(HashMap::new()),
            deleting: RwSignal::new(None),
            viewing: RwSignal::new(None),
            viewed_runners: RwSignal::new(None),
            busy: RwSignal::new(false),
            status: RwSignal::new(String::new()),
            action_error: RwSignal::new(None),
            org_error: RwSignal::new(None),
            last_write: StoredValue::new(None),
            latest: Latest::new(),
            token: StoredValue::new(None),
        };
        let credential = session.form.credential;
        Effect::new(move |_| {
            // Tracked: every change of the field's text.
            let _ = credential.is_empty();
            if state.token.get_value().is_some_and(|t| !t.is_current()) {
                state.forget();
            }
        });
        state
    }

    /// Drops the table and what hangs on it (as the runner list goes with its token).
    fn forget(&self) {
        self.latest.cancel();
        self.token.set_value(None);
        self.source.set(None);
        self.groups.set(Vec::new());
        self.runner_counts.set(HashMap::new());
        self.member_counts.set(HashMap::new());
        self.error.set(None);
        self.loading.set(false);
        self.editing.set(None);
        self.deleting.set(None);
        self.viewing.set(None);
        self.viewed_runners.set(None);
        self.action_error.set(None);
    }

    /// Loads the table again after a write, if the field still holds the write's token (a
    /// follow-up is never sent with another one).
    fn refresh_after(&self, token: PinnedToken) {
        if token.is_current() {
            self.refresh();
        }
    }

    pub fn is_enterprise(&self) -> bool {
        self.source.with(|s| {
            s.as_ref()
                .is_some_and(|s| s.target.scope.kind() == ScopeKind::Enterprise)
        })
    }

    /// Where the table came from, and the words for a failure of `operation` there.
    fn target(&self, operation: Operation) -> Option<(Target, ErrorContext)> {
        self.source.get_untracked().map(|s| {
            let context = s.doing(operation);
            (s.target, context)
        })
    }

    /// Loads every group of `source`, replacing the table; counts are asked again.
    pub fn load(&self, source: ListSource) {
        let turn = self.latest.turn();
        self.source.set(Some(source.clone()));
        self.groups.set(Vec::new());
        self.runner_counts.set(HashMap::new());
        self.member_counts.set(HashMap::new());
        self.error.set(None);
        self.loading.set(true);
        let (state, token) = (*self, self.session.form.credential.pinned());
        self.token.set_value(Some(token));
        spawn_local(async move {
            let answer = runner_groups(&source.target, &token).await;
            if !turn.is_current() {
                return;
            }
            match answer {
                Ok(groups) => {
                    state.groups.set(groups);
                    state.load_counts(turn, source.target.clone(), token);
                }
                Err(error) => state.error.set(Some((error, source.doing(Operation::LoadGroups)))),
            }
            state.loading.set(false);
        });
    }

    pub fn refresh(&self) {
        if let Some(source) = self.source.get_untracked() {
            self.load(source);
        }
    }

    /// Each group's runner count and, for a Selected one, its selection's size: one request
    /// at a time, in the table's order.
    fn load_counts(&self, turn: Turn, to: Target, token: PinnedToken) {
        let groups = self.groups.get_untracked();
        let state = *self;
        spawn_local(async move {
            for g in groups {
                if let Ok(n) = group_runner_count(&to, &token, g.id).await {
                    if !turn.is_current() {
                        return;
                    }
                    state.runner_counts.update(|c| {
                        c.insert(g.id, n);
                    });
                }
                if g.visibility == crate::github::Visibility::Selected && !g.inherited {
                    if let Ok((n, _)) = group_members(&to, &token, g.id).await {
                        if !turn.is_current() {
                            return;
                        }
                        state.member_counts.update(|c| {
                            c.insert(g.id, n);
                        });
                    }
                }
            }
        });
    }

    /// Waits until a second has passed since the last write began, then marks this one begun.
    async fn pace(&self) {
        if let Some(last) = self.last_write.get_value() {
            let wait = last + SPACING_MS - now_ms();
            if wait > 0 {
                sleep(wait).await;
            }
        }
        self.last_write.set_value(Some(now_ms()));
    }

    /// Opens the form for a new group.
    pub fn start_new(&self) {
        self.draft.set(GroupDraft::default());
        self.draft_errors.set(DraftErrors::default());
        self.org_names.set(String::new());
        self.org_error.set(None);
        self.action_error.set(None);
        self.editing.set(Some(Editing::New));
        self.load_repositories();
    }

    /// Opens the form for `group`, prefilled; its selection is read from its own list.
    pub fn start_edit(&self, group: GroupInfo) {
        self.draft.set(GroupDraft::of(&group, Vec::new()));
        self.draft_errors.set(DraftErrors::default());
        self.org_names.set(String::new());
        self.org_error.set(None);
        self.action_error.set(None);
        self.editing.set(Some(Editing::Group {
            group: group.clone(),
            before: None,
        }));
        self.load_repositories();
        let Some((to, context)) = self.target(Operation::LoadGroupMembers {
            group: group.name.clone(),
        }) else {
            return;
        };
        let (state, token) = (*self, self.session.form.credential.pinned());
        let enterprise = to.scope.kind() == ScopeKind::Enterprise;
        spawn_local(async move {
            let members = if group.visibility == crate::github::Visibility::Selected {
                match group_members(&to, &token, group.id).await {
                    Ok((_, members)) => members,
                    Err(error) => {
                        state.action_error.set(Some((error, context)));
                        return;
                    }
                }
            } else {
                Vec::new()
            };
            let still = state
                .editing
                .with_untracked(|e| matches!(e, Some(Editing::Group { group: g, .. }) if g.id == group.id));
            if !still {
                return;
            }
            if enterprise {
                state
                    .known_orgs
                    .update_value(|k| k.extend(members.iter().map(|m| (m.name.to_ascii_lowercase(), m.id))));
                state
                    .org_names
                    .set(members.iter().map(|m| m.name.clone()).collect::<Vec<_>>().join("\n"));
            }
            let draft = GroupDraft::of(&group, members.iter().map(|m| m.id).collect());
            state.draft.set(draft.clone());
            state.editing.set(Some(Editing::Group {
                group,
                before: draft.validate().ok(),
            }));
        });
    }

    /// The organization's repositories for the chooser, once per scope.
    fn load_repositories(&self) {
        let Some(to) = self.source.get_untracked().map(|s| s.target) else {
            return;
        };
        if to.scope.kind() != ScopeKind::Organization
            || self
                .repositories
                .with_untracked(|r| matches!(r, Some(Load::Ready(_) | Load::Loading)))
        {
            return;
        }
        self.repositories.set(Some(Load::Loading));
        let (state, token) = (*self, self.session.form.credential.pinned());
        spawn_local(async move {
            let answer = org_repositories(&to, &token).await;
            state.repositories.set(Some(match answer {
                Ok(list) => Load::Ready(list),
                Err(e) => Load::Failed(e),
            }));
        });
    }

    pub fn close_form(&self) {
        self.editing.set(None);
    }

    /// Create group or Save: checks the form, resolves an enterprise's organization names, then
    /// sends the `POST` (or the `PATCH` and, if the selection changed, the `PUT`).
    pub fn save(&self) {
        if self.busy.get_untracked() {
            return;
        }
        let Some(editing) = self.editing.get_untracked() else {
            return;
        };
        let Some(source) = self.source.get_untracked() else {
            return;
        };
        let to = source.target.clone();
        let enterprise = to.scope.kind() == ScopeKind::Enterprise;
        let draft = self.draft.get_untracked();
        let valid = match draft.validate() {
            Ok(v) => v,
            Err(errors) => {
                self.draft_errors.set(errors);
                return;
            }
        };
        self.draft_errors.set(DraftErrors::default());
        self.org_error.set(None);
        self.action_error.set(None);
        self.busy.set(true);
        let (state, token) = (*self, self.session.form.credential.pinned());
        spawn_local(async move {
            let mut valid = valid;
            if enterprise && valid.visibility == crate::github::Visibility::Selected {
                match state.resolve_orgs(&source, token).await {
                    Some(ids) => {
                        valid.members = ids;
                    }
                    None => {
                        state.busy.set(false);
                        return;
                    }
                }
            }
            // What was said on success, or the refusal and the write it answered.
            let done = match editing {
                Editing::New => {
                    state.pace().await;
                    create_group(&to, &token, valid.create_fields(enterprise))
                        .await
                        .map(|g| format!("Created the group {}.", g.name))
                        .map_err(|e| {
                            let group = valid.name.clone();
                            (e, Operation::CreateGroup { group })
                        })
                }
                Editing::Group { before: None, .. } => {
                    state.busy.set(false);
                    return;
                }
                Editing::Group {
                    group,
                    before: Some(before),
                } => {
                    state.pace().await;
                    match update_group(&to, &token, group.id, valid.patch_fields(&before)).await {
                        Ok(g) => match valid.members_to_set(&before) {
                            Some(ids) => {
                                state.pace().await;
                                set_group_members(&to, &token, group.id, ids)
                                    .await
                                    .map(|()| format!("Saved the group {}.", g.name))
                                    .map_err(|e| (e, Operation::SetGroupMembers { group: g.name }))
                            }
                            None => Ok(format!("Saved the group {}.", g.name)),
                        },
                        Err(e) => Err((e, Operation::UpdateGroup { group: group.name })),
                    }
                }
            };
            state.busy.set(false);
            match done {
                Ok(said) => {
                    state.status.set(said);
                    state.editing.set(None);
                    state.refresh_after(token);
                }
                Err((error, operation)) => state.refused(error, source.doing(operation), token),
            }
        });
    }

    /// The ids of the organization names on the form, asked of GitHub for those not known yet;
    /// `None` (with the message set) when a name is no organization or the look-up failed.
    async fn resolve_orgs(&self, source: &ListSource, token: PinnedToken) -> Option<Vec<u64>> {
        let names: Vec<String> = self
            .org_names
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(String::from)
            .collect();
        let mut ids = Vec::new();
        for name in names {
            let known = self
                .known_orgs
                .with_value(|k| k.get(&name.to_ascii_lowercase()).copied());
            let id = match known {
                Some(id) => id,
                None => match organization_id(&source.target, &token, &name).await {
                    Ok(id) => {
                        self.known_orgs.update_value(|k| {
                            k.insert(name.to_ascii_lowercase(), id);
                        });
                        id
                    }
                    Err(e) if e.kind == ErrorKind::NotFound => {
                        self.org_error
                            .set(Some(crate::words::groups::no_such_organization(&name)));
                        return None;
                    }
                    Err(e) => {
                        let context = source.doing(Operation::FindOrganization { login: name });
                        self.action_error.set(Some((e, context)));
                        return None;
                    }
                },
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids.sort_unstable();
        Some(ids)
    }

    /// A refusal, shown as it came. A group gone meanwhile, or a write whose answer was lost
    /// (it may have been carried out), reads the table again, and a lost move also the runners
    /// of the group on view: safe requests, the write itself is never sent again.
    fn refused(&self, error: ApiError, context: ErrorContext, token: PinnedToken) {
        let lost = matches!(error.kind, ErrorKind::AnswerLost { .. });
        if error.kind == ErrorKind::NotFound || lost {
            self.refresh_after(token);
        }
        if let (true, Operation::MoveRunner { .. }) = (lost, &context.operation) {
            if let (Some(source), Some(group)) = (self.source.get_untracked(), self.viewing.get_untracked()) {
                if token.is_current() {
                    self.load_viewed(source.target, token, group.id);
                }
            }
        }
        self.action_error.set(Some((error, context)));
    }

    /// Delete, after the confirmation.
    pub fn delete(&self, group: GroupInfo) {
        if self.busy.get_untracked() {
            return;
        }
        let Some((to, context)) = self.target(Operation::DeleteGroup {
            group: group.name.clone(),
        }) else {
            return;
        };
        self.action_error.set(None);
        self.busy.set(true);
        let (state, token) = (*self, self.session.form.credential.pinned());
        spawn_local(async move {
            state.pace().await;
            let answer = delete_group(&to, &token, group.id).await;
            state.busy.set(false);
            state.deleting.set(None);
            match answer {
                Ok(()) => {
                    state.status.set(format!("Deleted the group {}.", group.name));
                    state.refresh_after(token);
                }
                Err(error) => state.refused(error, context, token),
            }
        });
    }

    /// Shows `group`'s runners.
    pub fn view_runners(&self, group: GroupInfo) {
        let Some(to) = self.source.get_untracked().map(|s| s.target) else {
            return;
        };
        // The dialog opens fresh: nothing said about an earlier change stays in it.
        self.action_error.set(None);
        self.status.set(String::new());
        self.viewing.set(Some(group.clone()));
        self.viewed_runners.set(Some(Load::Loading));
        self.load_viewed(to, self.session.form.credential.pinned(), group.id);
    }

    /// Reads the runners of `group` into the dialog, if it still shows that group.
    fn load_viewed(&self, to: Target, token: PinnedToken, group: u64) {
        let state = *self;
        spawn_local(async move {
            let answer = group_runners(&to, &token, group).await;
            if state.viewing.with_untracked(|v| v.as_ref().map(|g| g.id)) == Some(group) {
                state.viewed_runners.set(Some(match answer {
                    Ok(list) => Load::Ready(list),
                    Err(e) => Load::Failed(e),
                }));
            }
        });
    }

    /// Move to group: the runner leaves the group shown for `into` (the Runners tab's request).
    pub fn move_runner(&self, runner: Runner, into: GroupInfo) {
        if self.busy.get_untracked() {
            return;
        }
        let Some((to, context)) = self.target(Operation::MoveRunner {
            runner: runner.name.clone(),
            group: into.name.clone(),
        }) else {
            return;
        };
        self.action_error.set(None);
        self.busy.set(true);
        let (state, token) = (*self, self.session.form.credential.pinned());
        spawn_local(async move {
            state.pace().await;
            let answer = move_to_group(&to, &token, into.id, runner.id).await;
            state.busy.set(false);
            match answer {
                Ok(()) => {
                    state.viewed_runners.update(|v| {
                        if let Some(Load::Ready(list)) = v {
                            list.retain(|r| r.id != runner.id);
                        }
                    });
                    state.status.set(format!("Moved {} to {}.", runner.name, into.name));
                    let from = state.viewing.get_untracked().map(|g| g.id);
                    state.runner_counts.update(|c| {
                        if let Some(n) = from.and_then(|f| c.get_mut(&f)) {
                            *n = n.saturating_sub(1);
                        }
                        if let Some(n) = c.get_mut(&into.id) {
                            *n += 1;
                        }
                    });
                }
                Err(error) => state.refused(error, context, token),
            }
        });
    }

    /// Opens the Runners tab listing this scope's runners, filtered to `group`.
    pub fn show_in_runners_tab(&self, group: &GroupInfo, tabs: super::Tabs) {
        let Some(source) = self.source.get_untracked() else {
            return;
        };
        let runners = self.session.runners;
        runners.filter.set(String::new());
        let fleet = self.session.kept(|| FleetState::new(self.session));
        fleet.group.set(Some(group.id));
        if runners
            .source
            .with_untracked(|s| s.as_ref().map(|s| &s.target) != Some(&source.target))
        {
            runners.load(source);
        }
        self.viewing.set(None);
        tabs.open(super::Tab::Runners);
    }
}
