//! Removing many runners: the run's decisions, without a clock or a network. One removal at a
//! time, at least [`SPACING_MS`] apart (GitHub's guidance for many writes), a rate limit pausing
//! the run until the time GitHub names, Stop sending no more, and an outcome for every runner so
//! that nothing is done twice or lost. `state::fleet` carries the decisions out.

use crate::github::{ApiError, ErrorKind, Runner};

/// The least time between two removals' starts.
pub const SPACING_MS: i64 = 1_000;

/// What happened to one selected runner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fate {
    Removed,
    /// It was running a job: at the re-check before the run, or GitHub's 422 when removing.
    SkippedBusy,
    /// It was offline when selected and online at the re-check: never removed.
    SkippedOnline,
    /// GitHub no longer had it (gone at the re-check, or a 404).
    AlreadyGone,
    /// GitHub refused, the answer was unusable, or the runner is still there after a lost
    /// answer: why, as data (`words::runners` says it).
    Failed(Failure),
    /// The run stopped before it was tried.
    NotAttempted,
}

/// Why a runner was not removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The look-up just before its removal failed, so the removal was not sent.
    CheckFailed(ApiError),
    /// GitHub refused the removal, or its answer could not be used.
    Refused(ApiError),
    /// No answer came back, and GitHub still lists it.
    StillListed,
}

/// One selected runner and what happened to it (`None`: not yet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: u64,
    pub name: String,
    pub fate: Option<Fate>,
}

/// What to do next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RemovalStep {
    /// Remove the runner at `index` once `at_ms` has come (now or later).
    Send { index: usize, at_ms: i64 },
    /// A rate limit holds the run until `until_ms`.
    Paused { until_ms: i64 },
    /// Every runner has its fate.
    Done,
}

/// How a removal's answer came back, as the run needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RemovalAnswer {
    Removed,
    /// No answer came back, and a look-up says whether GitHub still has the runner.
    Lost {
        still_there: bool,
    },
    Refused(ApiError),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BulkRemoval {
    items: Vec<Item>,
    last_start_ms: Option<i64>,
    paused_until: Option<i64>,
    stopped: bool,
    /// Why the run ended early, when it did: the token was cleared or changed.
    pub ended: Option<ApiError>,
}

impl BulkRemoval {
    /// A run over `selected` (id and name), in the order given.
    pub fn new(selected: impl IntoIterator<Item = (u64, String)>) -> Self {
        let items = selected
            .into_iter()
            .map(|(id, name)| Item { id, name, fate: None })
            .collect();
        Self {
            items,
            last_start_ms: None,
            paused_until: None,
            stopped: false,
            ended: None,
        }
    }

    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// Just before the removal at `index` is sent, what GitHub says about that runner now
    /// (looked up by name): `true` when it is still there and offline, so the removal goes.
    /// Otherwise it gets its fate (came online, running a job, gone: a runner of the same name
    /// but another id is someone else's and is not touched), or a rate limit pauses the run
    /// and it is checked again after the pause.
    pub fn checked(&mut self, index: usize, now: Result<Option<&Runner>, &ApiError>, now_ms: i64) -> bool {
        let Some(id) = self.items.get(index).map(|i| i.id) else {
            return false;
        };
        let fate = match now {
            Ok(Some(r)) if r.id != id => Fate::AlreadyGone,
            Ok(Some(r)) if r.online && r.busy => Fate::SkippedBusy,
            Ok(Some(r)) if r.online => Fate::SkippedOnline,
            Ok(Some(_)) => return true,
            Ok(None) => Fate::AlreadyGone,
            Err(error) => match (&error.kind, error.retry_at(now_ms)) {
                (_, Some(until)) => {
                    self.paused_until = Some(until.max(now_ms + SPACING_MS));
                    return false;
                }
                (ErrorKind::TokenForgotten | ErrorKind::TokenChanged, _) => {
                    self.end(error.clone());
                    return false;
                }
                _ => Fate::Failed(Failure::CheckFailed(error.clone())),
            },
        };
        self.items[index].fate = Some(fate);
        false
    }

    fn end(&mut self, why: ApiError) {
        self.ended = Some(why);
        self.stop();
    }

    /// The next thing to do at `now_ms`.
    pub fn next(&self, now_ms: i64) -> RemovalStep {
        if self.stopped {
            return RemovalStep::Done;
        }
        let Some(index) = self.items.iter().position(|i| i.fate.is_none()) else {
            return RemovalStep::Done;
        };
        if let Some(until_ms) = self.paused_until.filter(|u| *u > now_ms) {
            return RemovalStep::Paused { until_ms };
        }
        let at_ms = self
            .last_start_ms
            .map_or(now_ms, |last| (last + SPACING_MS).max(now_ms));
        RemovalStep::Send { index, at_ms }
    }

    /// The removal at `index` started at `now_ms`.
    pub fn started(&mut self, now_ms: i64) {
        self.last_start_ms = Some(now_ms);
        self.paused_until = None;
    }

    /// What the removal at `index` answered at `now_ms`. A rate limit leaves the runner to be
    /// tried again after the pause (GitHub refused it, so nothing was done).
    pub fn answered(&mut self, index: usize, answer: RemovalAnswer, now_ms: i64) {
        let fate = match answer {
            RemovalAnswer::Removed | RemovalAnswer::Lost { still_there: false } => Fate::Removed,
            RemovalAnswer::Lost { still_there: true } => Fate::Failed(Failure::StillListed),
            RemovalAnswer::Refused(error) => match (&error.kind, error.retry_at(now_ms)) {
                (_, Some(until)) => {
                    self.paused_until = Some(until.max(now_ms + SPACING_MS));
                    return;
                }
                (ErrorKind::NotFound, _) => Fate::AlreadyGone,
                (ErrorKind::Unprocessable, _) => Fate::SkippedBusy,
                (ErrorKind::TokenForgotten | ErrorKind::TokenChanged, _) => {
                    self.end(error);
                    return;
                }
                _ => Fate::Failed(Failure::Refused(error)),
            },
        };
        if let Some(item) = self.items.get_mut(index) {
            item.fate = Some(fate);
        }
    }

    /// Stop: no more removals; those not tried are not attempted.
    pub fn stop(&mut self) {
        self.stopped = true;
    }

    /// The fate of each runner, the untried ones marked not attempted: the report.
    pub fn report(&self) -> Vec<Item> {
        self.items
            .iter()
            .map(|i| Item {
                fate: Some(i.fate.clone().unwrap_or(Fate::NotAttempted)),
                ..i.clone()
            })
            .collect()
    }

    /// (removed, done, total): removed so far, runners with a fate, all.
    pub fn progress(&self) -> (usize, usize, usize) {
        let removed = self.items.iter().filter(|i| i.fate == Some(Fate::Removed)).count();
        let done = self.items.iter().filter(|i| i.fate.is_some()).count();
        (removed, done, self.items.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::error::ResponseMeta;

    fn runner(id: u64, online: bool, busy: bool) -> Runner {
        Runner {
            id,
            name: format!("r{id}"),
            os: "Linux".into(),
            online,
            busy,
            ephemeral: false,
            group_id: Some(1),
            labels: vec![],
            custom_labels: vec![],
            version: None,
        }
    }

    fn refused(status: u16, headers: &[(&str, &str)], message: &str) -> RemovalAnswer {
        let meta = ResponseMeta::from_headers(|n| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(n))
                .map(|(_, v)| v.to_string())
        });
        RemovalAnswer::Refused(ApiError::from_response(
            status,
            &meta,
            &format!("{{\"message\":\"{message}\"}}"),
        ))
    }

    fn run(n: u64) -> BulkRemoval {
        BulkRemoval::new((1..=n).map(|i| (i, format!("r{i}"))))
    }

    #[test]
    fn removals_go_one_at_a_time_at_least_a_second_apart() {
        let mut b = run(3);
        assert_eq!(b.next(0), RemovalStep::Send { index: 0, at_ms: 0 });
        b.started(0);
        b.answered(0, RemovalAnswer::Removed, 200);
        assert_eq!(
            b.next(200),
            RemovalStep::Send { index: 1, at_ms: 1_000 },
            "not before a second after the first began"
        );
        b.started(1_000);
        b.answered(1, RemovalAnswer::Removed, 3_500);
        assert_eq!(
            b.next(3_500),
            RemovalStep::Send { index: 2, at_ms: 3_500 },
            "a slow answer needs no extra wait"
        );
        b.started(3_500);
        b.answered(2, RemovalAnswer::Removed, 3_600);
        assert_eq!(b.next(3_600), RemovalStep::Done);
        assert_eq!(b.progress(), (3, 3, 3));
    }

    #[test]
    fn the_check_before_each_removal_skips_runners_that_came_online_or_are_busy_or_gone() {
        let mut b = run(6);
        let check = |b: &mut BulkRemoval, i: usize, r: Option<Runner>| b.checked(i, Ok(r.as_ref()), 0);
        assert!(
            check(&mut b, 0, Some(runner(1, false, false))),
            "still offline: removed"
        );
        assert!(!check(&mut b, 1, Some(runner(2, true, false))));
        assert!(!check(&mut b, 2, Some(runner(3, true, true))));
        assert!(!check(&mut b, 3, None));
        assert!(
            !check(&mut b, 4, Some(runner(99, false, false))),
            "the same name, another runner"
        );
        let fates: Vec<_> = b.items().iter().map(|i| i.fate.clone()).collect();
        assert_eq!(
            fates,
            [
                None,
                Some(Fate::SkippedOnline),
                Some(Fate::SkippedBusy),
                Some(Fate::AlreadyGone),
                Some(Fate::AlreadyGone),
                None
            ]
        );
        assert_eq!(b.next(0), RemovalStep::Send { index: 0, at_ms: 0 });
        let RemovalAnswer::Refused(limit) = refused(
            403,
            &[("Retry-After", "3")],
            "You have exceeded a secondary rate limit.",
        ) else {
            unreachable!()
        };
        assert!(!b.checked(5, Err(&limit), 0));
        assert_eq!(b.items()[5].fate, None, "checked again after the pause");
        assert_eq!(b.next(0), RemovalStep::Paused { until_ms: 3_000 });
        let RemovalAnswer::Refused(broken) = refused(500, &[], "Server Error") else {
            unreachable!()
        };
        assert!(!b.checked(5, Err(&broken), 3_000));
        assert_eq!(
            b.items()[5].fate,
            Some(Fate::Failed(Failure::CheckFailed(broken))),
            "not removed: the check failed"
        );
        assert!(!b.checked(0, Err(&ApiError::token_forgotten()), 3_000));
        assert_eq!(b.next(3_000), RemovalStep::Done);
        assert!(b.ended.is_some());
    }

    #[test]
    fn rate_limits_pause_the_run_and_the_refused_runner_is_tried_again() {
        let mut b = run(2);
        b.started(0);
        b.answered(
            0,
            refused(
                403,
                &[("Retry-After", "2")],
                "You have exceeded a secondary rate limit.",
            ),
            100,
        );
        assert_eq!(b.next(100), RemovalStep::Paused { until_ms: 2_100 });
        assert_eq!(
            b.next(2_100),
            RemovalStep::Send { index: 0, at_ms: 2_100 },
            "the same runner, again"
        );
        b.started(2_100);
        b.answered(
            0,
            refused(
                403,
                &[("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "10")],
                "API rate limit exceeded",
            ),
            2_200,
        );
        assert_eq!(
            b.next(2_200),
            RemovalStep::Paused { until_ms: 10_000 },
            "until X-RateLimit-Reset"
        );
        b.started(10_000);
        b.answered(
            0,
            refused(403, &[], "You have exceeded a secondary rate limit."),
            10_100,
        );
        assert_eq!(
            b.next(10_100),
            RemovalStep::Paused { until_ms: 70_100 },
            "a minute when GitHub names no time"
        );
    }

    #[test]
    fn refusals_become_fates_and_stop_leaves_the_rest_not_attempted() {
        let mut b = run(5);
        b.answered(
            0,
            refused(422, &[], "Bad request - Runner \\\"r1\\\" is still running a job\\\""),
            0,
        );
        b.answered(1, refused(404, &[], "Not Found"), 0);
        b.answered(2, refused(500, &[], "Server Error"), 0);
        b.answered(3, RemovalAnswer::Lost { still_there: true }, 0);
        b.stop();
        let report: Vec<_> = b.report().into_iter().map(|i| i.fate.unwrap()).collect();
        assert_eq!(report[0], Fate::SkippedBusy);
        assert_eq!(report[1], Fate::AlreadyGone);
        assert!(
            matches!(&report[2], Fate::Failed(Failure::Refused(e)) if e.status == Some(500)),
            "{:?}",
            report[2]
        );
        assert_eq!(report[3], Fate::Failed(Failure::StillListed));
        assert_eq!(report[4], Fate::NotAttempted);
        assert_eq!(b.next(0), RemovalStep::Done);
    }

    #[test]
    fn a_forgotten_or_changed_token_ends_the_run_and_keeps_which() {
        for error in [ApiError::token_forgotten(), ApiError::token_changed()] {
            let mut b = run(2);
            b.answered(0, RemovalAnswer::Refused(error.clone()), 0);
            assert_eq!(b.next(0), RemovalStep::Done);
            assert_eq!(b.ended.as_ref(), Some(&error));
            assert_eq!(b.report()[0].fate, Some(Fate::NotAttempted));
            // The same when the check before the removal finds the token gone.
            let mut b = run(2);
            assert!(!b.checked(0, Err(&error), 0));
            assert_eq!(b.ended.as_ref(), Some(&error));
        }
    }
}
