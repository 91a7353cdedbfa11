//! `TroubleshootState`: the Troubleshoot tab's two checks. Check token reads what the token
//! in the card can do for the card's scope and action; Find waiting jobs reads a repository's
//! queued jobs and the runners that could take them, and says why each waits. Only reads, but
//! for Open group, which is confirmed first and sent once (a [`Write`](super::write::Write)).
//! Made once by [`Session::troubleshoot`]; every request reads the token from the credential
//! when built, through the token its flow began with (`PinnedToken`).

use super::session::Session;
use super::write::Writes;
use crate::browser::clock::{local_date_time, now_ms};
use crate::form::ValidForm;
use crate::github::actions::{oauth_scopes, RepositoryInfo, WorkflowJob};
use crate::github::client::{
    account, all_runners, group_runners, groups_visible_to, open_group_to, probe_read, queued_runs, rate_limit,
    repository, run_jobs, runner_groups,
};
use crate::github::scope::parse_address;
use crate::github::token_check::{Probe, TokenFacts};
use crate::github::{ApiError, Endpoint, ErrorKind, GroupInfo, Scope, ScopeKind, Target, TokenKind};
use crate::runner::waiting::{verdict, Place, Placed, Verdict};
use crate::words::troubleshoot::{not_opened, opened, token_report, unread, TokenReport};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One waiting job and why it waits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitingJob {
    pub job: WorkflowJob,
    /// The workflow's name (the run's), for the job's line.
    pub workflow: String,
    pub verdict: Verdict,
}

/// What Find waiting jobs found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiting {
    pub repository: RepositoryInfo,
    /// The organization that owns it, when it is one's: where its groups are.
    pub org: Option<Target>,
    pub checked_at: i64,
    pub jobs: Vec<WaitingJob>,
    /// What could not be read, one sentence per part.
    pub unread: Vec<String>,
}

/// A group this repository may not use, to be opened to it (after the confirmation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenGroup {
    pub org: Target,
    pub group: u64,
    pub group_name: String,
    pub repository: RepositoryInfo,
}

#[derive(Clone, Copy)]
pub struct TroubleshootState {
    session: Session,
    pub checking: RwSignal<bool>,
    pub report: RwSignal<Option<TokenReport>>,
    /// The Repository field, as typed.
    pub repository: RwSignal<String>,
    pub field_error: RwSignal<Option<String>>,
    pub finding: RwSignal<bool>,
    pub waiting: RwSignal<Option<Waiting>>,
    /// Find waiting jobs failed as a whole (the repository or its runs could not be read).
    pub failed: RwSignal<Option<String>>,
    pub confirming: RwSignal<Option<OpenGroup>>,
    /// Open group: busy while it is sent, and what the last one did.
    pub writes: Writes,
    /// Every (group, repository) an Open group request went out for: never sent again.
    sent: StoredValue<Vec<(u64, u64)>>,
}

impl TroubleshootState {
    pub fn new(session: Session) -> Self {
        let form = session.form;
        // Prefilled from the Repository scope.
        let prefill = form.text(ScopeKind::Repository).get_untracked();
        Self {
            session,
            checking: RwSignal::new(false),
            report: RwSignal::new(None),
            repository: RwSignal::new(prefill),
            field_error: RwSignal::new(None),
            finding: RwSignal::new(false),
            waiting: RwSignal::new(None),
            failed: RwSignal::new(None),
            confirming: RwSignal::new(None),
            writes: Writes::new(session.pacer, form.credential),
            sent: StoredValue::new(Vec::new()),
        }
    }

    fn valid(&self) -> Option<ValidForm> {
        self.session.form.validated.get_untracked().ok()
    }

    /// A pasted address in the Repository field becomes `OWNER/NAME`, as in the card.
    pub fn take_pasted_address(&self) {
        let pasted = self.repository.with_untracked(|t| parse_address(t));
        if let Some(address) = pasted.filter(|a| a.kind == ScopeKind::Repository) {
            self.repository.set(address.value);
        }
    }

    /// Check token: read requests only, for the card's scope and action.
    pub fn check_token(&self) {
        let Some(valid) = self.valid() else {
            return;
        };
        if self.checking.get_untracked() {
            return;
        }
        self.checking.set(true);
        let s = *self;
        let action = self.session.form.action.get_untracked();
        spawn_local(async move {
            let facts = gather(&s, &valid).await;
            let subject = valid.target.scope.to_string();
            let report = token_report(&facts, action, &subject, valid.web_base.as_str(), &local_date_time);
            s.report.set(Some(report));
            s.checking.set(false);
        });
    }

    /// Find waiting jobs (and Check again) for the repository in the field.
    pub fn find_waiting(&self) {
        self.take_pasted_address();
        let Some(valid) = self.valid() else {
            return;
        };
        let text = self.repository.get_untracked();
        let scope = match Scope::parse(ScopeKind::Repository, &text) {
            Ok(scope) => scope,
            Err(e) => {
                self.field_error.set(Some(e.0));
                return;
            }
        };
        self.field_error.set(None);
        if self.finding.get_untracked() {
            return;
        }
        self.finding.set(true);
        self.failed.set(None);
        let to = Target {
            api: valid.target.api.clone(),
            scope,
        };
        let s = *self;
        spawn_local(async move {
            match investigate(&s, &to).await {
                Ok(waiting) => s.waiting.set(Some(waiting)),
                Err(message) => {
                    s.waiting.set(None);
                    s.failed.set(Some(message));
                }
            }
            s.finding.set(false);
        });
    }

    /// Asks to open a closed group to the repository of the last check.
    pub fn ask_open(&self, group: u64, group_name: String) {
        let Some(w) = self.waiting.get_untracked() else {
            return;
        };
        if let Some(org) = w.org {
            self.confirming.set(Some(OpenGroup {
                org,
                group,
                group_name,
                repository: w.repository,
            }));
        }
    }

    /// Sends the confirmed `PUT`, once: a request that went out is never sent again by the page.
    /// After it is done, or its answer was lost, the repository is checked again (reads only).
    pub fn open(&self, request: OpenGroup) {
        let key = (request.group, request.repository.id);
        if self.sent.with_value(|s| s.contains(&key)) {
            return;
        }
        let Some(write) = self.writes.begin() else {
            return;
        };
        self.sent.update_value(|s| s.push(key));
        let s = *self;
        spawn_local(async move {
            let result = write
                .send(open_group_to(
                    &request.org,
                    &write.token,
                    request.group,
                    request.repository.id,
                ))
                .await;
            let message = match &result {
                Ok(()) => opened(&request.group_name, &request.repository.full_name),
                Err(e) => not_opened(&request.group_name, &request.repository.full_name, e),
            };
            // Checked again after it is done, or when its answer was lost, only with the token
            // the PUT went with.
            let lost = matches!(&result, Err(e) if matches!(e.kind, ErrorKind::AnswerLost { .. }));
            let check = (result.is_ok() || lost) && write.token.is_current();
            write.done(message);
            if check {
                s.find_waiting();
            }
        });
    }

    /// Whether an Open group request already went out for this group and repository.
    pub fn was_sent(&self, group: u64, repository: u64) -> bool {
        self.sent.with_value(|s| s.contains(&(group, repository)))
    }
}

/// The token's facts: `/user` (user tokens), `/rate_limit`, and a read probe per permission.
async fn gather(s: &TroubleshootState, valid: &ValidForm) -> TokenFacts {
    let token = &s.session.form.credential.pinned();
    let kind = valid.token_kind;
    let to = &valid.target;
    let mut scopes = None;
    let account = if kind == TokenKind::AppInstallation {
        None
    } else {
        Some(match account(to, token).await {
            Ok((login, meta)) => {
                scopes = meta.oauth_scopes.as_deref().map(oauth_scopes);
                Ok(login)
            }
            Err(e) => Err(e),
        })
    };
    let mut probes = Vec::new();
    // What the action needs, read: the scope's runner list (Self-hosted runners or
    // Administration, read); for a repository also its workflow runs (Actions, read).
    let mut reads = vec![("runners", Endpoint::Runners)];
    if to.scope.kind() == ScopeKind::Repository {
        reads.push(("workflow runs", Endpoint::QueuedRuns));
    }
    for (what, endpoint) in reads {
        let result = probe_read(to, token, &endpoint).await;
        if let Ok(meta) = &result {
            if scopes.is_none() {
                scopes = meta.oauth_scopes.as_deref().map(oauth_scopes);
            }
        }
        probes.push(Probe {
            what,
            result: result.map(drop),
        });
    }
    let rate = Some(rate_limit(to, token).await);
    TokenFacts {
        kind,
        scope_kind: to.scope.kind(),
        account,
        scopes,
        probes,
        rate,
    }
}

/// The repository, its queued jobs, the runners that could take them, and each verdict.
async fn investigate(s: &TroubleshootState, to: &Target) -> Result<Waiting, String> {
    let token = &s.session.form.credential.pinned();
    let subject = to.scope.to_string();
    let fail = |what: &str, e: ApiError| format!("Cannot read {what}: {}.", crate::words::troubleshoot::refusal(&e));
    let repo = repository(to, token).await.map_err(|e| fail(&subject, e))?;
    let runs = queued_runs(to, token)
        .await
        .map_err(|e| fail(&format!("the queued workflow runs of {subject}"), e))?;
    let mut queued: Vec<(WorkflowJob, String, String)> = Vec::new();
    let mut unread_parts = Vec::new();
    for run in &runs {
        match run_jobs(to, token, run.id).await {
            Ok(jobs) => queued.extend(
                jobs.into_iter()
                    .filter(|j| j.status == "queued")
                    .map(|j| (j, run.name.clone(), run.path.clone())),
            ),
            Err(e) => unread_parts.push(fail(&format!("the jobs of run {}", run.id), e)),
        }
    }
    let checked_at = now_ms();
    let org = match (&to.scope, repo.org_owned) {
        (Scope::Repository { owner, .. }, true) => Some(Target {
            api: to.api.clone(),
            scope: Scope::Organization(owner.clone()),
        }),
        _ => None,
    };
    if queued.is_empty() {
        return Ok(Waiting {
            repository: repo,
            org,
            checked_at,
            jobs: Vec::new(),
            unread: unread_parts,
        });
    }
    let mut runners: Vec<Placed> = Vec::new();
    match all_runners(to, token).await {
        Ok(list) => runners.extend(list.into_iter().map(|runner| Placed {
            runner,
            place: Place::Repository,
        })),
        Err(e) => unread_parts.push(fail("the repository's own runners", e)),
    }
    if let (Some(org_target), Scope::Repository { name, .. }) = (&org, &to.scope) {
        let groups = async {
            let visible = groups_visible_to(org_target, token, name.as_str()).await?;
            let every = runner_groups(org_target, token).await?;
            Ok::<_, ApiError>((visible, every))
        }
        .await;
        match groups {
            Ok((visible, every)) => {
                let all: Vec<(GroupInfo, bool)> = every
                    .into_iter()
                    .map(|g| {
                        let open = visible.iter().any(|v| v.id == g.id);
                        (g, open)
                    })
                    .collect();
                for (group, open) in all {
                    match group_runners(org_target, token, group.id).await {
                        Ok(list) => runners.extend(list.into_iter().map(|runner| Placed {
                            runner,
                            place: Place::Group {
                                group: group.clone(),
                                open,
                            },
                        })),
                        Err(e) => unread_parts.push(fail(&format!("the runners of group {}", group.name), e)),
                    }
                }
            }
            Err(e) => unread_parts.push(unread("the organization's runner groups", &e, "admin:org")),
        }
    }
    let jobs = queued
        .into_iter()
        .map(|(job, workflow, path)| {
            let verdict = verdict(&job, &path, &repo, &runners);
            WaitingJob { job, workflow, verdict }
        })
        .collect();
    Ok(Waiting {
        repository: repo,
        org,
        checked_at,
        jobs,
        unread: unread_parts,
    })
}
