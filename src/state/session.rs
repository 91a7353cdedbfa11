//! `Session`: what the page is doing with the form: the submit flow for each action, its
//! outcome, and what follows a success (the setup data, the runner list and the watch). Also the
//! page-wide rules: a result for one action is not left under the form of another, and Forget
//! token stops everything that would send the token. It lives in the `sections` wasm chunk and
//! is made, once, the first time something needs it ([`Session::of`]); the first screen holds
//! only the [`Shell`].

use super::credential::{Credential, PinnedToken};
use super::fleet::FleetState;
use super::form::FormState;
use super::groups::GroupsState;
use super::in_flight::InFlight;
use super::latest::{after_paint, Latest};
use super::runners::{ListSource, RunnersState};
use super::security::SecurityState;
use super::setup::SetupForm;
use super::shell::Shell;
use super::start::start_now;
use super::troubleshoot::TroubleshootState;
use super::watch::WatchState;
use super::write::Pacer;
use crate::browser::{clock, focus::focus, platform, preferences};
use crate::form::{Action, ValidForm};
use crate::github::client::{create_token, find_runner, generate_jit_config, remove_runner};
use crate::github::{
    ApiError, ErrorKind, GroupInfo, JitConfig, JitRequest, Runner, RunnerToken, Scope, Target, TokenPurpose,
};
use crate::operation::Operation;
use crate::runner::{ConfigCommand, OptionErrors, RunnerPlatform};
use crate::words::runners::{WATCH_TOKEN_CHANGED, WATCH_TOKEN_CLEARED};
use crate::words::ErrorContext;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// Waits this long after the last edit before acting on it (loading runner groups for a
/// just-in-time runner, watching for a newly typed runner name): not a request per keystroke.
const TYPING_PAUSE: Duration = Duration::from_millis(600);

/// What the last request produced.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A registration or remove token (`action` says which), and the command for the same
    /// scope that minted it. `api` is the request's API URL when it is not github.com's, for
    /// links that preset it.
    Token {
        action: Action,
        token: RunnerToken,
        command: ConfigCommand,
        scope: Scope,
        api: Option<String>,
    },
    /// A just-in-time runner, registered for `platform`.
    Jit {
        runner: JitConfig,
        requested: String,
        labels: Vec<String>,
        subject: String,
        platform: RunnerPlatform,
    },
    /// A just-in-time request whose answer was lost, and what the runner list said after it:
    /// `registered` is the runner GitHub made (unusable without the lost configuration), or
    /// `None` when GitHub has no runner of that name.
    JitLost {
        name: String,
        registered: Option<Runner>,
        context: ErrorContext,
    },
    Failed {
        error: ApiError,
        context: ErrorContext,
    },
}

impl Outcome {
    /// Whether this is an alert (the request failed) rather than a result.
    pub fn is_alert(&self) -> bool {
        matches!(self, Self::Failed { .. } | Self::JitLost { .. })
    }
}

#[derive(Clone, Copy)]
pub struct Session {
    /// The first screen's state, which the session acts on.
    pub shell: Shell,
    pub form: FormState,
    pub setup: SetupForm,
    pub runners: RunnersState,
    pub watch: WatchState,
    /// The request the form sent, while it is in flight (the shell's).
    pub in_flight: InFlight,
    pub outcome: RwSignal<Option<Outcome>>,
    /// The clock every countdown reads (one ticker for the page).
    pub now: RwSignal<i64>,
    pub jit_validated: Memo<Result<JitRequest, OptionErrors>>,
    /// Every write of the page waits for its turn here.
    pub pacer: Pacer,
    /// The tabs' own states, each made the first time something needs it (see
    /// [`Session::fleet`]).
    fleet: StoredValue<Option<FleetState>>,
    groups: StoredValue<Option<GroupsState>>,
    troubleshoot: StoredValue<Option<TroubleshootState>>,
    security: StoredValue<Option<SecurityState>>,
    /// The registration being watched and when its token expires: its runner's name may be typed
    /// after the token is minted, so the watch follows the Runner name option.
    watched_registration: StoredValue<Option<(Target, i64)>>,
    renamed: Latest,
}

/// The session, for a part of the page in the `sections` chunk: the one its place provides (the
/// page's, or a rehearsal's), else the page's, made now if it is not yet ([`Session::of`]).
pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or_else(|| Session::of(expect_context::<Shell>()))
}

impl Session {
    /// The page's session: made the first time, under the page's owner (it lives as long as the
    /// page), and the same one every time after.
    pub fn of(shell: Shell) -> Self {
        shell.in_page(|| {
            use_context::<Session>().unwrap_or_else(|| {
                let session = Session::new(shell);
                provide_context(session);
                shell.started.set(true);
                session
            })
        })
    }

    fn new(shell: Shell) -> Self {
        let form = shell.form;
        let link = shell.link();
        let setup = SetupForm::new(&link, platform::detect());
        if link.arch.is_none() {
            platform::refine(setup.platform);
        }
        let credential = form.credential;
        let pacer = Pacer::new();
        let runners = RunnersState::new(credential, pacer);
        let watch = WatchState::new(credential, runners);
        let jit_validated = Memo::new(move |_| {
            let has_groups = form.kind.get().has_groups();
            setup
                .input()
                .jit_request(&setup.jit_labels_text(), has_groups, setup.known_groups().as_deref())
        });
        let session = Self {
            shell,
            form,
            setup,
            runners,
            watch,
            in_flight: shell.in_flight,
            outcome: RwSignal::new(None),
            now: RwSignal::new(clock::now_ms()),
            jit_validated,
            pacer,
            fleet: StoredValue::new(None),
            groups: StoredValue::new(None),
            troubleshoot: StoredValue::new(None),
            security: StoredValue::new(None),
            watched_registration: StoredValue::new(None),
            renamed: Latest::new(),
        };
        session.follow_the_form();
        clock::prepare();
        // One ticker drives every countdown on the page, for the page's life.
        let now = session.now;
        if let Ok(ticker) = set_interval_with_handle(move || now.set(clock::now_ms()), Duration::from_secs(1)) {
            on_cleanup(move || ticker.clear());
        }
        session
    }

    fn credential(&self) -> Credential {
        self.form.credential
    }

    /// The rules that follow edits.
    fn follow_the_form(&self) {
        let s = *self;
        // An emptied token field (or Forget token) leaves nothing that could send it: the watch
        // stops and every list drops where it came from. Another token in the field does the
        // same for what the old one started: the watch sends only the token it started with
        // (`PinnedToken`) and says why it stopped, and what was loaded with the old token goes
        // (a Refresh or a write from it would send the new token where the old one was sent).
        // The one place where what a tab loaded is dropped for its token (`Loaded`).
        Effect::new(move |first: Option<()>| {
            let empty = s.credential().is_empty();
            if empty || first.is_some() {
                if s.watch.active.get_untracked() && (empty || !s.watch.has_current_token()) {
                    s.watch.stop_with(
                        if empty {
                            WATCH_TOKEN_CLEARED
                        } else {
                            WATCH_TOKEN_CHANGED
                        }
                        .into(),
                    );
                }
                s.watched_registration.set_value(None);
                if s.runners.loaded.with_another_token() {
                    s.runners.forget();
                }
                if let Some(groups) = s.groups.get_value() {
                    if groups.loaded.with_another_token() {
                        groups.forget();
                    }
                }
                if let Some(security) = s.security.get_value() {
                    if security.loaded.with_another_token() {
                        security.forget();
                    }
                }
            }
            if empty {
                s.setup.forget();
            }
        });
        // A runner name typed after the token was minted: watch for that name.
        Effect::new(move |previous: Option<String>| {
            let name = s.setup.name();
            if previous.is_some_and(|p| p != name) && s.watch.active.get_untracked() {
                let typed = name.clone();
                s.renamed.after_pause(TYPING_PAUSE, move || {
                    if let Some((to, until)) = s.watched_registration.get_value() {
                        s.watch.start(to, Some(typed), Some(until));
                    }
                });
            }
            name
        });
        // A result for one action is not left under the form of another.
        Effect::new(move |previous: Option<Action>| {
            let action = s.form.action.get();
            if previous.is_some_and(|p| p != action) {
                s.outcome.set(None);
                s.form.attempted.set(false);
            }
            action
        });
        // An alert about a request belongs to what was sent: once the scope, the token or the
        // API URL it was about changes, it goes (a result stays: it names its own scope, and
        // its token still works). The field's text is only tracked, never kept here.
        Effect::new(move |first: Option<()>| {
            let form = s.form;
            form.kind.track();
            for kind in crate::github::ScopeKind::ALL {
                form.text(kind).track();
            }
            form.api.track();
            form.server.track();
            form.credential.text().track();
            if first.is_some() && s.outcome.with_untracked(|o| o.as_ref().is_some_and(Outcome::is_alert)) {
                s.outcome.set(None);
            }
        });
    }

    /// The Runners tab's selection, versions, edits and bulk removal.
    pub fn fleet(&self) -> FleetState {
        let s = *self;
        self.made(self.fleet, move || FleetState::new(s))
    }

    /// The Runner groups tab.
    pub fn groups(&self) -> GroupsState {
        let s = *self;
        self.made(self.groups, move || GroupsState::new(s))
    }

    /// The Troubleshoot tab.
    pub fn troubleshoot(&self) -> TroubleshootState {
        let s = *self;
        self.made(self.troubleshoot, move || TroubleshootState::new(s))
    }

    /// The Security tab.
    pub fn security(&self) -> SecurityState {
        let s = *self;
        self.made(self.security, move || SecurityState::new(s))
    }

    /// A tab's state, made by `make` the first time, under the page's owner (so switching tabs,
    /// which re-creates the tab's view, never re-creates its state), and the same one after.
    fn made<T: Copy + Send + Sync + 'static>(&self, slot: StoredValue<Option<T>>, make: impl FnOnce() -> T) -> T {
        if let Some(made) = slot.get_value() {
            return made;
        }
        let made = self.shell.in_page(make);
        slot.set_value(Some(made));
        made
    }

    /// The just-in-time option messages to show (after the first submit).
    pub fn jit_errors(&self) -> Signal<Option<OptionErrors>> {
        let (attempted, validated) = (self.form.attempted, self.jit_validated);
        Signal::derive(move || if attempted.get() { validated.get().err() } else { None })
    }

    /// What Show runners loads: the scope as the form names it now.
    pub fn list_source(&self) -> Signal<Option<ListSource>> {
        let validated = self.form.validated;
        Signal::derive(move || validated.with(|v| v.as_ref().ok().map(ListSource::of)))
    }

    /// What a tab says once the form names another scope than the one its list (or review)
    /// came from: `listed` is where it came from (tracked).
    pub fn elsewhere(&self, listed: RwSignal<Option<ListSource>>) -> Signal<Option<String>> {
        let ready = self.list_source();
        Signal::derive(move || {
            listed.with(|listed| {
                let listed = listed.as_ref()?;
                ready.with(|now| {
                    let now = now.as_ref().filter(|n| n.target != listed.target)?;
                    Some(crate::words::runners::other_scope(
                        &listed.context.subject,
                        &now.context.subject,
                    ))
                })
            })
        })
    }

    /// The groups for the list's Group column, when the listed scope has groups.
    pub fn list_groups(&self) -> Signal<Option<Vec<GroupInfo>>> {
        let (runners, setup) = (self.runners, self.setup);
        Signal::derive(move || {
            let has_groups = runners
                .source
                .with(|s| s.as_ref().is_some_and(|s| s.target.scope.kind().has_groups()));
            has_groups.then(|| setup.known_groups().unwrap_or_default())
        })
    }

    /// Sends what the form asks for again (a new token, Try again): as the submit button does.
    pub fn submit(&self) {
        self.shell.submit();
    }

    /// What the submit button does once its code is in ([`Shell::submit`] has checked the form,
    /// guarded against a second request and started the request's busy state): the just-in-time
    /// options' checks, then the request and what follows it, once.
    pub(super) fn send(&self, action: Action, valid: ValidForm, token: PinnedToken) {
        // The just-in-time options are checked (and read) for that action only.
        let jit = match (action == Action::JustInTime).then(|| self.jit_validated.get_untracked()) {
            Some(Ok(request)) => Some(request),
            Some(Err(errors)) => {
                self.in_flight.finish();
                focus(first_invalid_option(&errors));
                return;
            }
            None => None,
        };
        let scope = valid.target.scope.clone();
        let api = valid.target.api.to_string();
        self.outcome.set(None);
        // The watch line stood under the last result's command: that result goes, and so does
        // what it said (a success starts a new watch).
        self.watch.stop_with(String::new());
        // The request goes now, in the click's own turn: the cleared result is drawn while it
        // travels, not before it leaves.
        self.run(action, valid, jit, token);
        preferences::save(scope.kind(), &scope.name(), &api);
    }

    /// The request and what follows it, once [`Self::send`] has checked the form.
    fn run(&self, action: Action, valid: ValidForm, jit: Option<JitRequest>, token: PinnedToken) {
        let s = *self;
        start_now(async move {
            let outcome = match jit {
                Some(jit) => s.create_jit(&valid, jit, token).await,
                None => s.create_token(&valid, action, token).await,
            };
            // The countdown starts from this instant, not the last tick.
            s.now.set(clock::now_ms());
            s.after_success(&valid, &outcome, token);
            s.outcome.set(Some(outcome));
            s.in_flight.finish();
        });
    }

    async fn create_token(&self, valid: &ValidForm, action: Action, token: PinnedToken) -> Outcome {
        let (purpose, operation) = if action == Action::Remove {
            (TokenPurpose::Removal, Operation::RemoveToken)
        } else {
            (TokenPurpose::Registration, Operation::RegistrationToken)
        };
        match create_token(&valid.target, &token, purpose).await {
            Ok(token) => Outcome::Token {
                action,
                command: ConfigCommand::new(&valid.web_base, &valid.target.scope, token.token.clone()),
                api: (!valid.target.api.is_default()).then(|| valid.target.api.to_string()),
                scope: valid.target.scope.clone(),
                token,
            },
            Err(error) => Outcome::Failed {
                error,
                context: ErrorContext::of(valid, operation),
            },
        }
    }

    /// A just-in-time runner. When its answer is lost, GitHub may have registered it: the
    /// runner list (one safe request) says whether, and the outcome says so; never "taken".
    async fn create_jit(&self, valid: &ValidForm, jit: JitRequest, token: PinnedToken) -> Outcome {
        let context = ErrorContext::of(
            valid,
            Operation::JustInTime {
                runner: jit.name.clone(),
            },
        );
        let platform = self.setup.platform.get_untracked();
        match generate_jit_config(&valid.target, &token, &jit).await {
            Ok(runner) => Outcome::Jit {
                runner,
                requested: jit.name,
                labels: jit.labels,
                subject: valid.target.scope.to_string(),
                platform,
            },
            Err(error) if matches!(error.kind, ErrorKind::AnswerLost { .. }) => {
                match find_runner(&valid.target, &token, &jit.name).await {
                    Ok(registered) => Outcome::JitLost {
                        name: jit.name,
                        registered,
                        context,
                    },
                    Err(_) => Outcome::Failed { error, context },
                }
            }
            Err(error) => Outcome::Failed { error, context },
        }
    }

    /// After a success: the setup data, then (once the result is on screen) the runner list and
    /// the watch for the runner just added.
    fn after_success(&self, valid: &ValidForm, outcome: &Outcome, token: PinnedToken) {
        let to = valid.target.clone();
        let watched = match outcome {
            Outcome::Token {
                action: Action::Add,
                token,
                ..
            } => {
                let until = token.expires_at.unix_ms();
                self.watched_registration.set_value(Some((to.clone(), until)));
                Some((
                    self.setup.options.with_untracked(|o| o.name.trim().to_string()),
                    Some(until),
                ))
            }
            Outcome::Jit { requested, .. } => {
                self.watched_registration.set_value(None);
                Some((requested.clone(), None))
            }
            Outcome::Token { .. } => {
                self.watched_registration.set_value(None);
                None
            }
            Outcome::JitLost { .. } | Outcome::Failed { .. } => return,
        };
        if !matches!(
            outcome,
            Outcome::Token {
                action: Action::Remove,
                ..
            }
        ) {
            self.setup.load_for(&to, token);
        }
        // The runner list and the watch start once the result is on screen: the token first,
        // then what follows it (scripts/bench: click to result).
        let source = ListSource::of(valid);
        let s = *self;
        after_paint(move || {
            if !token.is_current() {
                return; // Forgotten or replaced meanwhile: nothing may use it.
            }
            s.runners.load(source);
            if let Some((name, until)) = watched {
                s.watch.start(to, Some(name).filter(|n| !n.is_empty()), until);
            }
        });
    }

    /// Removes the just-in-time runner whose answer was lost, then creates it again: one click,
    /// two requests, each sent once.
    pub fn replace_lost_jit(&self) {
        let Some(Outcome::JitLost {
            registered: Some(runner),
            ..
        }) = self.outcome.get_untracked()
        else {
            return;
        };
        let Ok(valid) = self.form.validated.get_untracked() else {
            return;
        };
        if self.in_flight.is_active() {
            return;
        }
        self.in_flight.start();
        let s = *self;
        let token = self.credential().pinned();
        spawn_local(async move {
            let removed = remove_runner(&valid.target, &token, runner.id).await;
            s.in_flight.finish();
            match removed {
                Ok(()) => s.submit(),
                Err(error) => {
                    let context = ErrorContext::of(
                        &valid,
                        Operation::RemoveRunner {
                            runner: runner.name.clone(),
                        },
                    );
                    s.outcome.set(Some(Outcome::Failed { error, context }));
                }
            }
        });
    }
}

/// The id of the first just-in-time option with a message, in page order.
fn first_invalid_option(errors: &OptionErrors) -> &'static str {
    [
        (&errors.name, "runner-name"),
        (&errors.labels, "runner-labels"),
        (&errors.group, "runner-group"),
        (&errors.work, "runner-work"),
    ]
    .into_iter()
    .find_map(|(e, id)| e.as_ref().map(|_| id))
    .unwrap_or("runner-name")
}
