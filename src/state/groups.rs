//! `GroupsState`: the Runner groups tab, in three parts and its writes: the table
//! ([`GroupList`]: the scope's groups with their access settings, every page, and each shown
//! group's runner count and selection size, loaded per group), the New and Edit form
//! ([`GroupEditor`]), a group's runners with Move to group ([`GroupViewer`]), and Delete behind
//! its confirmation. Reads use the toolkit's [`Loaded`] and [`Load`]; every write is a
//! [`Write`] of the tab's [`Writes`]: one at a time, paced, never sent again by itself, and when
//! its answer is lost what it may have changed is read again.

use super::credential::PinnedToken;
use super::latest::Turn;
use super::load::{Load, Loaded};
use super::runners::ListSource;
use super::session::Session;
use super::write::{Write, Writes};
use crate::github::client::{
    create_group, delete_group, group_members, group_runner_count, group_runners, org_repositories, organization_id,
    runner_groups, set_group_members, update_group,
};
use crate::github::{ApiError, ErrorKind, GroupInfo, Member, Runner, ScopeKind, Target, Visibility};
use crate::operation::Operation;
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

/// The table: where it came from, its rows, and the counts asked per group.
#[derive(Clone, Copy)]
pub struct GroupList {
    pub source: RwSignal<Option<ListSource>>,
    pub groups: RwSignal<Vec<GroupInfo>>,
    pub read: RwSignal<Load<()>>,
    /// Runners per group, once asked.
    pub runner_counts: RwSignal<HashMap<u64, u64>>,
    /// The size of each Selected group's access list, once asked.
    pub member_counts: RwSignal<HashMap<u64, u64>>,
}

/// The New and Edit form.
#[derive(Clone, Copy)]
pub struct GroupEditor {
    /// The form dialog, when open.
    pub editing: RwSignal<Option<Editing>>,
    pub draft: RwSignal<GroupDraft>,
    pub draft_errors: RwSignal<DraftErrors>,
    /// An enterprise group's organizations, by login, one per line (resolved to ids on Save).
    pub org_names: RwSignal<String>,
    /// A name on the enterprise form that is no organization.
    pub org_error: RwSignal<Option<String>>,
    /// The organization's repositories, for choosing (every page).
    pub repositories: RwSignal<Option<Load<Vec<Member>>>>,
    /// Logins already known with their ids (a group's own list, or resolved before).
    known_orgs: StoredValue<HashMap<String, u64>>,
}

/// One group's runners, in their dialog.
#[derive(Clone, Copy)]
pub struct GroupViewer {
    /// The group whose runners are shown.
    pub group: RwSignal<Option<GroupInfo>>,
    pub runners: RwSignal<Option<Load<Vec<Runner>>>>,
}

#[derive(Clone, Copy)]
pub struct GroupsState {
    session: Session,
    pub list: GroupList,
    pub editor: GroupEditor,
    pub viewer: GroupViewer,
    /// The group whose deletion awaits confirmation.
    pub deleting: RwSignal<Option<GroupInfo>>,
    /// Create, Save, Delete and Move to group; a refusal is shown where it was asked.
    pub writes: Writes,
    /// What the table was loaded with (the session drops it for another token).
    pub loaded: Loaded,
}

impl GroupsState {
    pub fn new(session: Session) -> Self {
        let credential = session.form.credential;
        Self {
            session,
            list: GroupList {
                source: RwSignal::new(None),
                groups: RwSignal::new(Vec::new()),
                read: RwSignal::new(Load::Ready(())),
                runner_counts: RwSignal::new(HashMap::new()),
                member_counts: RwSignal::new(HashMap::new()),
            },
            editor: GroupEditor {
                editing: RwSignal::new(None),
                draft: RwSignal::new(GroupDraft::default()),
                draft_errors: RwSignal::new(DraftErrors::default()),
                org_names: RwSignal::new(String::new()),
                org_error: RwSignal::new(None),
                repositories: RwSignal::new(None),
                known_orgs: StoredValue::new(HashMap::new()),
            },
            viewer: GroupViewer {
                group: RwSignal::new(None),
                runners: RwSignal::new(None),
            },
            deleting: RwSignal::new(None),
            writes: Writes::new(session.pacer, credential),
            loaded: Loaded::new(credential),
        }
    }

    /// Drops the table and what hangs on it (as the runner list goes with its token).
    pub fn forget(&self) {
        self.loaded.forget();
        self.list.source.set(None);
        self.list.groups.set(Vec::new());
        self.list.runner_counts.set(HashMap::new());
        self.list.member_counts.set(HashMap::new());
        self.list.read.set(Load::Ready(()));
        self.editor.editing.set(None);
        self.deleting.set(None);
        self.viewer.group.set(None);
        self.viewer.runners.set(None);
        self.writes.clear();
    }

    /// Loads the table again after a write, if the field still holds the write's token (a
    /// follow-up is never sent with another one).
    fn refresh_after(&self, token: PinnedToken) {
        if token.is_current() {
            self.refresh();
        }
    }

    pub fn is_enterprise(&self) -> bool {
        self.list.source.with(|s| {
            s.as_ref()
                .is_some_and(|s| s.target.scope.kind() == ScopeKind::Enterprise)
        })
    }

    /// Where the table came from, and the words for a failure of `operation` there.
    fn target(&self, operation: Operation) -> Option<(Target, ErrorContext)> {
        self.list.source.get_untracked().map(|s| {
            let context = s.doing(operation);
            (s.target, context)
        })
    }

    /// Loads every group of `source`, replacing the table; counts are asked again.
    pub fn load(&self, source: ListSource) {
        let (turn, token) = self.loaded.begin();
        let list = self.list;
        list.source.set(Some(source.clone()));
        list.groups.set(Vec::new());
        list.runner_counts.set(HashMap::new());
        list.member_counts.set(HashMap::new());
        list.read.set(Load::Loading);
        let state = *self;
        spawn_local(async move {
            let answer = runner_groups(&source.target, &token).await;
            if !turn.is_current() {
                return;
            }
            match answer {
                Ok(groups) => {
                    list.groups.set(groups);
                    list.read.set(Load::Ready(()));
                    state.load_counts(turn, source.target.clone(), token);
                }
                Err(error) => list.read.set(Load::Failed(error)),
            }
        });
    }

    pub fn refresh(&self) {
        if let Some(source) = self.list.source.get_untracked() {
            self.load(source);
        }
    }

    /// Each group's runner count and, for a Selected one, its selection's size: one request
    /// at a time, in the table's order.
    fn load_counts(&self, turn: Turn, to: Target, token: PinnedToken) {
        let list = self.list;
        let groups = list.groups.get_untracked();
        spawn_local(async move {
            for g in groups {
                if let Ok(n) = group_runner_count(&to, &token, g.id).await {
                    if !turn.is_current() {
                        return;
                    }
                    list.runner_counts.update(|c| {
                        c.insert(g.id, n);
                    });
                }
                if g.visibility == Visibility::Selected && !g.inherited {
                    if let Ok((n, _)) = group_members(&to, &token, g.id).await {
                        if !turn.is_current() {
                            return;
                        }
                        list.member_counts.update(|c| {
                            c.insert(g.id, n);
                        });
                    }
                }
            }
        });
    }

    /// Opens the form for a new group.
    pub fn start_new(&self) {
        self.open_form(GroupDraft::default(), Editing::New);
    }

    fn open_form(&self, draft: GroupDraft, editing: Editing) {
        let e = self.editor;
        e.draft.set(draft);
        e.draft_errors.set(DraftErrors::default());
        e.org_names.set(String::new());
        e.org_error.set(None);
        self.writes.clear();
        e.editing.set(Some(editing));
        self.load_repositories();
    }

    /// Opens the form for `group`, prefilled; its selection is read from its own list.
    pub fn start_edit(&self, group: GroupInfo) {
        self.open_form(
            GroupDraft::of(&group, Vec::new()),
            Editing::Group {
                group: group.clone(),
                before: None,
            },
        );
        let Some((to, context)) = self.target(Operation::LoadGroupMembers {
            group: group.name.clone(),
        }) else {
            return;
        };
        let (state, token) = (*self, self.loaded.token_now());
        let e = self.editor;
        let enterprise = to.scope.kind() == ScopeKind::Enterprise;
        spawn_local(async move {
            let members = if group.visibility == Visibility::Selected {
                match group_members(&to, &token, group.id).await {
                    Ok((_, members)) => members,
                    Err(error) => {
                        state.writes.refusal.set(Some((error, context)));
                        return;
                    }
                }
            } else {
                Vec::new()
            };
            let still = e
                .editing
                .with_untracked(|e| matches!(e, Some(Editing::Group { group: g, .. }) if g.id == group.id));
            if !still {
                return;
            }
            if enterprise {
                e.known_orgs
                    .update_value(|k| k.extend(members.iter().map(|m| (m.name.to_ascii_lowercase(), m.id))));
                e.org_names
                    .set(members.iter().map(|m| m.name.clone()).collect::<Vec<_>>().join("\n"));
            }
            let draft = GroupDraft::of(&group, members.iter().map(|m| m.id).collect());
            e.draft.set(draft.clone());
            e.editing.set(Some(Editing::Group {
                group,
                before: draft.validate().ok(),
            }));
        });
    }

    /// The organization's repositories for the chooser, once per scope.
    fn load_repositories(&self) {
        let Some(to) = self.list.source.get_untracked().map(|s| s.target) else {
            return;
        };
        let repositories = self.editor.repositories;
        if to.scope.kind() != ScopeKind::Organization
            || repositories.with_untracked(|r| matches!(r, Some(Load::Ready(_) | Load::Loading)))
        {
            return;
        }
        repositories.set(Some(Load::Loading));
        let token = self.loaded.token_now();
        spawn_local(async move {
            let answer = org_repositories(&to, &token).await;
            repositories.set(Some(Load::of(answer)));
        });
    }

    pub fn close_form(&self) {
        self.editor.editing.set(None);
    }

    /// Create group or Save: checks the form, resolves an enterprise's organization names, then
    /// sends the `POST` (or the `PATCH` and, if the selection changed, the `PUT`).
    pub fn save(&self) {
        let e = self.editor;
        let Some(editing) = e.editing.get_untracked() else {
            return;
        };
        let Some(source) = self.list.source.get_untracked() else {
            return;
        };
        let before = match &editing {
            Editing::New => None,
            Editing::Group { before: None, .. } => return,
            Editing::Group {
                group,
                before: Some(before),
            } => Some((group.clone(), before.clone())),
        };
        let mut valid = match e.draft.get_untracked().validate() {
            Ok(v) => v,
            Err(errors) => {
                e.draft_errors.set(errors);
                return;
            }
        };
        let Some(write) = self.writes.begin() else {
            return;
        };
        e.draft_errors.set(DraftErrors::default());
        e.org_error.set(None);
        let state = *self;
        spawn_local(async move {
            let to = &source.target;
            let token = write.token;
            let enterprise = to.scope.kind() == ScopeKind::Enterprise;
            if enterprise && valid.visibility == Visibility::Selected {
                match state.resolve_orgs(&source, token).await {
                    Ok(ids) => valid.members = ids,
                    Err(refusal) => {
                        if let Some((error, operation)) = refusal {
                            write.refused(error, source.doing(operation));
                        }
                        return;
                    }
                }
            }
            // What was said on success, or the refusal and the write it answered.
            let done = match before {
                None => write
                    .send(create_group(to, &token, valid.create_fields(enterprise)))
                    .await
                    .map(|g| format!("Created the group {}.", g.name))
                    .map_err(|e| {
                        let group = valid.name.clone();
                        (e, Operation::CreateGroup { group })
                    }),
                Some((group, before)) => {
                    match write
                        .send(update_group(to, &token, group.id, valid.patch_fields(&before)))
                        .await
                    {
                        Ok(g) => match valid.members_to_set(&before) {
                            Some(ids) => write
                                .send(set_group_members(to, &token, group.id, ids))
                                .await
                                .map(|()| format!("Saved the group {}.", g.name))
                                .map_err(|e| (e, Operation::SetGroupMembers { group: g.name })),
                            None => Ok(format!("Saved the group {}.", g.name)),
                        },
                        Err(e) => Err((e, Operation::UpdateGroup { group: group.name })),
                    }
                }
            };
            match done {
                Ok(said) => {
                    write.done(said);
                    e.editing.set(None);
                    state.refresh_after(token);
                }
                Err((error, operation)) => state.refused(write, error, source.doing(operation)),
            }
        });
    }

    /// The ids of the organization names on the form, asked of GitHub for those not known yet.
    /// `Err(None)`: a name is no organization (the message is at the field); `Err(Some)`: the
    /// look-up failed, with the operation that failed.
    async fn resolve_orgs(
        &self,
        source: &ListSource,
        token: PinnedToken,
    ) -> Result<Vec<u64>, Option<(ApiError, Operation)>> {
        let e = self.editor;
        let names: Vec<String> = e
            .org_names
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(String::from)
            .collect();
        let mut ids = Vec::new();
        for name in names {
            let known = e.known_orgs.with_value(|k| k.get(&name.to_ascii_lowercase()).copied());
            let id = match known {
                Some(id) => id,
                None => match organization_id(&source.target, &token, &name).await {
                    Ok(id) => {
                        e.known_orgs.update_value(|k| {
                            k.insert(name.to_ascii_lowercase(), id);
                        });
                        id
                    }
                    Err(error) if error.kind == ErrorKind::NotFound => {
                        e.org_error.set(Some(crate::words::groups::no_such_organization(&name)));
                        return Err(None);
                    }
                    Err(error) => return Err(Some((error, Operation::FindOrganization { login: name }))),
                },
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids.sort_unstable();
        Ok(ids)
    }

    /// A refusal, shown as it came. A group gone meanwhile, or a write whose answer was lost
    /// (it may have been carried out), reads the table again, and a lost move also the runners
    /// of the group on view: safe requests, the write itself is never sent again.
    fn refused(&self, write: Write, error: ApiError, context: ErrorContext) {
        let token = write.token;
        let lost = matches!(error.kind, ErrorKind::AnswerLost { .. });
        let moved = matches!(context.operation, Operation::MoveRunner { .. });
        if !write.refused(error, context).read_again {
            return;
        }
        self.refresh_after(token);
        if let (true, true, Some(source), Some(group)) = (
            lost,
            moved,
            self.list.source.get_untracked(),
            self.viewer.group.get_untracked(),
        ) {
            self.load_viewed(source.target, token, group.id);
        }
    }

    /// Delete, after the confirmation.
    pub fn delete(&self, group: GroupInfo) {
        let operation = Operation::DeleteGroup {
            group: group.name.clone(),
        };
        let Some((to, context, write)) = self.writes.begin_at(self.list.source.get_untracked(), operation) else {
            return;
        };
        let state = *self;
        spawn_local(async move {
            let token = write.token;
            let answer = write.send(delete_group(&to, &token, group.id)).await;
            state.deleting.set(None);
            match answer {
                Ok(()) => {
                    write.done(format!("Deleted the group {}.", group.name));
                    state.refresh_after(token);
                }
                Err(error) => state.refused(write, error, context),
            }
        });
    }

    /// Shows `group`'s runners.
    pub fn view_runners(&self, group: GroupInfo) {
        let Some(to) = self.list.source.get_untracked().map(|s| s.target) else {
            return;
        };
        // The dialog opens fresh: nothing said about an earlier change stays in it.
        self.writes.clear();
        self.viewer.group.set(Some(group.clone()));
        self.viewer.runners.set(Some(Load::Loading));
        self.load_viewed(to, self.loaded.token_now(), group.id);
    }

    /// Reads the runners of `group` into the dialog, if it still shows that group.
    fn load_viewed(&self, to: Target, token: PinnedToken, group: u64) {
        let viewer = self.viewer;
        spawn_local(async move {
            let answer = group_runners(&to, &token, group).await;
            if viewer.group.with_untracked(|v| v.as_ref().map(|g| g.id)) == Some(group) {
                viewer.runners.set(Some(Load::of(answer)));
            }
        });
    }

    /// Move to group: the runner leaves the group shown for `into` (the Runners tab's request).
    pub fn move_runner(&self, runner: Runner, into: GroupInfo) {
        let operation = Operation::MoveRunner {
            runner: runner.name.clone(),
            group: into.name.clone(),
        };
        let Some((to, context, write)) = self.writes.begin_at(self.list.source.get_untracked(), operation) else {
            return;
        };
        let state = *self;
        spawn_local(async move {
            match state
                .session
                .runners
                .move_to_group(&write, &to, runner.id, into.id)
                .await
            {
                Ok(()) => {
                    state.viewer.runners.update(|v| {
                        if let Some(Load::Ready(list)) = v {
                            list.retain(|r| r.id != runner.id);
                        }
                    });
                    let from = state.viewer.group.get_untracked().map(|g| g.id);
                    state.list.runner_counts.update(|c| {
                        if let Some(n) = from.and_then(|f| c.get_mut(&f)) {
                            *n = n.saturating_sub(1);
                        }
                        if let Some(n) = c.get_mut(&into.id) {
                            *n += 1;
                        }
                    });
                    write.done(format!("Moved {} to {}.", runner.name, into.name));
                }
                Err(error) => state.refused(write, error, context),
            }
        });
    }

    /// Opens the Runners tab listing this scope's runners, filtered to `group`.
    pub fn show_in_runners_tab(&self, group: &GroupInfo, tabs: super::Tabs) {
        let Some(source) = self.list.source.get_untracked() else {
            return;
        };
        let runners = self.session.runners;
        runners.filter.set(String::new());
        self.session.fleet().group.set(Some(group.id));
        if runners
            .source
            .with_untracked(|s| s.as_ref().map(|s| &s.target) != Some(&source.target))
        {
            runners.load(source);
        }
        self.viewer.group.set(None);
        tabs.open(super::Tab::Runners);
    }
}
