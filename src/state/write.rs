//! Writes, written once for every tab: a request that changes something (POST, PUT, PATCH,
//! DELETE) is sent by a [`Write`], which a place's [`Writes`] hands out one at a time. A write
//! is sent once and never again by itself; it waits for the page-wide [`Pacer`] (writes at least
//! a second apart, whichever tab sends them, and none while GitHub's rate limit holds); its
//! refusal is kept with the operation it answered ([`ErrorContext`]), and it says whether what
//! it may have changed must be read again (the answer was lost, or the thing is gone).
//!
//! The confirmation before a destructive write is the view's ([`crate::ui::widgets`]'s
//! `ConfirmDialog`); the re-check just before it is the caller's read.

use super::credential::{Credential, PinnedToken};
use super::runners::ListSource;
use crate::browser::clock::{now_ms, sleep};
use crate::github::{ApiError, ErrorKind, Target};
use crate::operation::Operation;
use crate::runner::bulk::SPACING_MS;
use crate::words::ErrorContext;
use leptos::prelude::*;
use std::future::Future;

/// When the next write may go: a second after the last one began, and not while a rate limit
/// GitHub named holds (the refusal that named it is kept, to be said again).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pacing {
    last: Option<i64>,
    held: Option<(i64, ApiError)>,
}

impl Pacing {
    /// How long a write asked for at `now_ms` waits, or the refusal that still holds (nothing
    /// is sent until its time).
    pub fn wait(&self, now_ms: i64) -> Result<i64, ApiError> {
        if let Some((until, error)) = &self.held {
            if *until > now_ms {
                return Err(error.clone());
            }
        }
        Ok(self.last.map_or(0, |last| (last + SPACING_MS - now_ms).max(0)))
    }

    /// A write went out at `now_ms`.
    pub fn sent(&mut self, now_ms: i64) {
        self.last = Some(now_ms);
        self.held = None;
    }

    /// A write was refused at `now_ms`: a rate limit holds every later one until its time.
    pub fn refused(&mut self, error: &ApiError, now_ms: i64) {
        if let Some(until) = error.retry_at(now_ms) {
            self.held = Some((until, error.clone()));
        }
    }
}

/// The page's one [`Pacing`], shared by every place that writes.
#[derive(Clone, Copy)]
pub struct Pacer(StoredValue<Pacing>);

impl Pacer {
    pub fn new() -> Self {
        Self(StoredValue::new(Pacing::default()))
    }

    /// Waits for this write's turn and marks it sent; `Err` when a rate limit holds (nothing is
    /// to be sent).
    pub async fn pace(&self) -> Result<(), ApiError> {
        let wait = self.0.with_value(|p| p.wait(now_ms()))?;
        if wait > 0 {
            sleep(wait).await;
        }
        self.sent();
        Ok(())
    }

    /// A write went out now by a flow with its own pacing (the bulk removal).
    pub fn sent(&self) {
        self.0.update_value(|p| p.sent(now_ms()));
    }

    /// A write was refused now.
    pub fn refused(&self, error: &ApiError) {
        self.0.update_value(|p| p.refused(error, now_ms()));
    }
}

impl Default for Pacer {
    fn default() -> Self {
        Self::new()
    }
}

/// One place's writes (a tab, a dialog): one at a time, what the last one said, and its refusal
/// with the operation it answered.
#[derive(Clone, Copy)]
pub struct Writes {
    /// A write is under way: every button that sends one waits.
    pub busy: RwSignal<bool>,
    /// The last write's refusal, with what it was doing.
    pub refusal: RwSignal<Option<(ApiError, ErrorContext)>>,
    /// What the last write did, for the place's live region.
    pub said: RwSignal<String>,
    pacer: Pacer,
    credential: Credential,
}

impl Writes {
    pub fn new(pacer: Pacer, credential: Credential) -> Self {
        Self {
            busy: RwSignal::new(false),
            refusal: RwSignal::new(None),
            said: RwSignal::new(String::new()),
            pacer,
            credential,
        }
    }

    /// A write begins with the token now in the field, unless one is under way (`None`: the
    /// click is ignored, as its disabled button says). What the last one said is cleared.
    pub fn begin(&self) -> Option<Write> {
        if self.busy.get_untracked() {
            return None;
        }
        self.clear();
        self.busy.set(true);
        Some(Write {
            writes: *self,
            token: self.credential.pinned(),
        })
    }

    /// A write of `operation` to where `source` came from (a list's scope): the target, the
    /// words for its failure, and the write; `None` when nothing is listed or a write is under
    /// way.
    pub fn begin_at(&self, source: Option<ListSource>, operation: Operation) -> Option<(Target, ErrorContext, Write)> {
        let source = source?;
        let write = self.begin()?;
        let context = source.doing(operation);
        Some((source.target, context, write))
    }

    /// Forgets what the last write said and its refusal (a dialog opening fresh).
    pub fn clear(&self) {
        self.refusal.set(None);
        self.said.set(String::new());
    }
}

/// The answer to a refused write: whether what it may have changed is to be read again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused {
    /// The answer was lost (the write may have been carried out) or the thing written is gone:
    /// what it touched is to be read again (safe requests; the write is never sent again), with
    /// the write's token, while the field still holds it.
    pub read_again: bool,
}

/// A write under way; dropping it ends it (the place is no longer busy).
pub struct Write {
    writes: Writes,
    /// The token the write (and its follow-up reads) sends.
    pub token: PinnedToken,
}

impl Write {
    /// Sends `request` once, at its turn: a second after the page's last write, never while a
    /// rate limit holds (then the refusal that named it comes back, and nothing is sent).
    pub async fn send<T>(&self, request: impl Future<Output = Result<T, ApiError>>) -> Result<T, ApiError> {
        self.writes.pacer.pace().await?;
        let answer = request.await;
        if let Err(error) = &answer {
            self.writes.pacer.refused(error);
        }
        answer
    }

    /// The write is done (or ended in words the place chose): the place says so.
    pub fn done(self, said: impl Into<String>) {
        self.writes.said.set(said.into());
    }

    /// The write was refused (or its answer lost): kept with what it was doing.
    pub fn refused(self, error: ApiError, context: ErrorContext) -> Refused {
        let read_again = self.token.is_current() && may_have_changed(&error);
        self.writes.refusal.set(Some((error, context)));
        Refused { read_again }
    }
}

impl Drop for Write {
    fn drop(&mut self) {
        self.writes.busy.try_set(false);
    }
}

/// Whether a refusal leaves GitHub's state unknown or changed: a lost answer (the write may have
/// been carried out), or the thing written to is gone.
pub fn may_have_changed(error: &ApiError) -> bool {
    matches!(error.kind, ErrorKind::AnswerLost { .. } | ErrorKind::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_go_a_second_apart_and_not_while_a_rate_limit_holds() {
        let mut p = Pacing::default();
        assert_eq!(p.wait(5_000), Ok(0), "the first write goes at once");
        p.sent(5_000);
        assert_eq!(p.wait(5_300), Ok(700));
        assert_eq!(p.wait(7_000), Ok(0));
        // A secondary rate limit: Retry-After 30 seconds.
        let limited = ApiError {
            kind: ErrorKind::SecondaryRateLimit { retry_after: Some(30) },
            status: Some(403),
            message: None,
            request_id: None,
        };
        p.refused(&limited, 7_000);
        assert_eq!(p.wait(20_000), Err(limited.clone()), "nothing is sent until its time");
        assert_eq!(p.wait(37_000), Ok(0));
        // Any other refusal holds nothing.
        let mut q = Pacing::default();
        q.refused(&ApiError::token_changed(), 0);
        assert_eq!(q.wait(0), Ok(0));
    }

    #[test]
    fn a_lost_answer_or_a_vanished_thing_is_read_again() {
        assert!(may_have_changed(&ApiError::answer_lost("u", None)));
        assert!(!may_have_changed(&ApiError::token_changed()));
    }
}
