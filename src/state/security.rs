//! `SecurityState`: the Security tab. Review security reads the scope's Actions settings (GET
//! requests only, one at a time) into [`Facts`]; the review itself is the pure
//! [`crate::runner::review`]. A fix is one confirmed [`Write`](super::write::Write) of the tab's
//! [`Writes`]: sent once, never again by itself; afterwards (or when its answer was lost) the
//! setting it changed is read again, and the finding shows Fixed or what GitHub says now.

use super::credential::PinnedToken;
use super::load::{Load, Loaded};
use super::runners::{listed_subject, ListSource};
use super::session::Session;
use super::write::Writes;
use crate::browser::focus::focus;
use crate::github::client::{all_runners, apply_fix, repository, runner_downloads, runner_groups, setting};
use crate::github::policies::{
    parse_actions_permissions, parse_fork_approval, parse_fork_private, parse_has_public_repositories,
    parse_self_hosted_runners, parse_workflow_permissions,
};
use crate::github::{ApiError, Endpoint, ErrorKind, ScopeKind, Target};
use crate::operation::Operation;
use crate::runner::review::{review, Facts, Finding, Review, Setting};
use crate::words::security::{setting as setting_name, subject};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy)]
pub struct SecurityState {
    /// The scope reviewed, and the words for its errors.
    pub source: RwSignal<Option<ListSource>>,
    /// What the last review read.
    pub facts: RwSignal<Option<Facts>>,
    /// The review's reads: failed only when the scope could not be read at all.
    pub read: RwSignal<Load<()>>,
    /// Findings a fix has cleared since the review, shown as Fixed.
    pub fixed: RwSignal<Vec<Finding>>,
    /// The finding whose fix awaits confirmation.
    pub confirming: RwSignal<Option<Finding>>,
    /// Fixes: one at a time, what each did, or its refusal.
    pub writes: Writes,
    pub loaded: Loaded,
}

impl SecurityState {
    pub fn new(session: Session) -> Self {
        let credential = session.form.credential;
        Self {
            source: RwSignal::new(None),
            facts: RwSignal::new(None),
            read: RwSignal::new(Load::Ready(())),
            fixed: RwSignal::new(Vec::new()),
            confirming: RwSignal::new(None),
            writes: Writes::new(session.pacer, credential),
            loaded: Loaded::new(credential),
        }
    }

    /// The review of what was read (tracked).
    pub fn review(&self) -> Option<Review> {
        self.facts.with(|f| f.as_ref().map(review))
    }

    /// Review security: reads every setting of `source`'s scope, replacing the last review.
    pub fn start(&self, source: ListSource) {
        let (turn, token) = self.loaded.begin();
        self.source.set(Some(source.clone()));
        self.facts.set(None);
        self.fixed.set(Vec::new());
        self.writes.clear();
        self.read.set(Load::Loading);
        let state = *self;
        spawn_local(async move {
            let facts = gather(&source.target, &token).await;
            if !turn.is_current() {
                return;
            }
            match facts {
                Ok(facts) => {
                    state.facts.set(Some(facts));
                    state.read.set(Load::Ready(()));
                }
                Err(error) => state.read.set(Load::Failed(error)),
            }
        });
    }

    /// Drops the review (another token in the field, or Forget token).
    pub fn forget(&self) {
        self.loaded.forget();
        self.source.set(None);
        self.facts.set(None);
        self.fixed.set(Vec::new());
        self.confirming.set(None);
        self.read.set(Load::Ready(()));
        self.writes.clear();
    }

    /// Apply fix, after the confirmation: the one write, then the setting read again.
    pub fn fix(&self, finding: Finding) {
        let Some(fix) = finding.fix.clone() else {
            return;
        };
        let source = self.source.get_untracked();
        let scope = listed_subject(self.source);
        let operation = Operation::ApplyFix {
            setting: setting_name(finding.check).to_string(),
            subject: subject(&finding.subject, &scope),
        };
        let Some((to, context, write)) = self.writes.begin_at(source, operation) else {
            return;
        };
        let state = *self;
        spawn_local(async move {
            let token = write.token;
            let answer = write.send(apply_fix(&to, &token, &fix.endpoint())).await;
            let lost = matches!(&answer, Err(e) if matches!(e.kind, ErrorKind::AnswerLost { .. }));
            let read = (answer.is_ok() || lost) && token.is_current();
            if read {
                state.read_again(&to, &token, fix.setting()).await;
            }
            let gone = state
                .review()
                .is_some_and(|r| !r.findings.iter().any(|f| f.key() == finding.key()));
            let what = format!(
                "{} for {}",
                setting_name(finding.check),
                subject(&finding.subject, &scope)
            );
            if gone {
                state.fixed.update(|f| f.push(finding.clone()));
            }
            match answer {
                Ok(()) if gone => write.done(format!("Fixed: {what}.")),
                // The follow-up read goes only with the token the write went with.
                Ok(()) if !read => write.done(format!(
                    "GitHub accepted the change to {what}. It was not read again, since the access token changed: review again to see it."
                )),
                Ok(()) => write.done(format!(
                    "GitHub accepted the change, but still shows {what} as before: the finding stays."
                )),
                Err(error) => {
                    write.refused(error, context);
                }
            }
            // The row's Fix button may be gone: focus goes back to the tab's heading.
            focus("security-heading");
        });
    }

    /// Reads `setting` again into the facts.
    async fn read_again(&self, to: &Target, token: &PinnedToken, which: Setting) {
        let facts = self.facts;
        let put = |place: &dyn Fn(&mut Facts)| {
            facts.update(|f| {
                if let Some(f) = f {
                    place(f);
                }
            })
        };
        match which {
            Setting::Groups => {
                let now = runner_groups(to, token).await;
                put(&|f| f.groups = Some(now.clone()));
            }
            Setting::SelfHosted => {
                let now = setting(to, token, &Endpoint::SelfHostedRunnersPolicy, parse_self_hosted_runners).await;
                put(&|f| f.self_hosted = Some(now.clone()));
            }
            Setting::ForkApproval => {
                let now = setting(to, token, &Endpoint::ForkPrApproval, parse_fork_approval).await;
                put(&|f| f.fork_approval = Some(now.clone()));
            }
            Setting::ForkPrivate => {
                let now = setting(to, token, &Endpoint::ForkPrPrivateRepos, parse_fork_private).await;
                put(&|f| f.fork_private = Some(now.clone()));
            }
            Setting::Workflow => {
                let now = setting(to, token, &Endpoint::WorkflowPermissions, parse_workflow_permissions).await;
                put(&|f| f.workflow = Some(now.clone()));
            }
        }
    }
}

/// Whether a refusal says the scope itself cannot be read (a rejected token, no network, a rate
/// limit): then the review fails as a whole rather than listing every check as not checked.
fn stops_the_review(error: &ApiError) -> bool {
    !matches!(
        error.kind,
        ErrorKind::Forbidden
            | ErrorKind::MissingPermission { .. }
            | ErrorKind::NotOrgAdmin
            | ErrorKind::NotFound
            | ErrorKind::BadBody(_)
    )
}

/// Every setting the review reads for `to`'s scope kind, one request at a time.
async fn gather(to: &Target, token: &PinnedToken) -> Result<Facts, ApiError> {
    let kind = to.scope.kind();
    let org = kind == ScopeKind::Organization;
    let org_or_repo = kind != ScopeKind::Enterprise;
    // The runners first: a token or a network that cannot read the scope at all ends here.
    let runners = all_runners(to, token).await;
    if let Err(error) = &runners {
        if stops_the_review(error) {
            return Err(error.clone());
        }
    }
    let groups = if kind.has_groups() {
        Some(runner_groups(to, token).await)
    } else {
        None
    };
    let public_repositories = if org {
        Some(setting(to, token, &Endpoint::PublicRepositories, parse_has_public_repositories).await)
    } else {
        None
    };
    let repository = if kind == ScopeKind::Repository {
        Some(repository(to, token).await)
    } else {
        None
    };
    let self_hosted = if org {
        Some(setting(to, token, &Endpoint::SelfHostedRunnersPolicy, parse_self_hosted_runners).await)
    } else {
        None
    };
    let fork_approval = if org_or_repo {
        Some(setting(to, token, &Endpoint::ForkPrApproval, parse_fork_approval).await)
    } else {
        None
    };
    let fork_private = if org_or_repo {
        Some(setting(to, token, &Endpoint::ForkPrPrivateRepos, parse_fork_private).await)
    } else {
        None
    };
    let workflow = if org_or_repo {
        Some(setting(to, token, &Endpoint::WorkflowPermissions, parse_workflow_permissions).await)
    } else {
        None
    };
    let actions = setting(to, token, &Endpoint::ActionsPermissions, parse_actions_permissions).await;
    let current_version = runner_downloads(to, token)
        .await
        .map(|packages| packages.iter().find_map(|p| p.version().map(String::from)));
    Ok(Facts {
        kind,
        groups,
        runners,
        public_repositories,
        repository,
        self_hosted,
        fork_approval,
        fork_private,
        workflow,
        actions,
        current_version,
    })
}
