//! The runner watch's decisions, without a clock or a network: after a runner is added the page
//! polls for it until it connects. [`Watch`] says when to poll, what each answer means, when to
//! back off for a rate limit and when to give up; `state::watch` carries those decisions out.

use crate::github::{ApiError, Polled, Runner, RunnerPage};
use std::time::Duration;

/// How often the page polls by default (each poll is one conditional request).
pub const POLL_EVERY: Duration = Duration::from_secs(5);
/// The shortest and longest wait for a rate limit to reset.
const MIN_BACKOFF_MS: i64 = 1_000;
const MAX_BACKOFF_MS: i64 = 3_600_000;

/// What the watch says, in states; `words::runners::watch_status` puts them in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WatchStatus {
    /// Waiting for the runner named `name` (or, without a name, for a new one) to connect.
    Waiting { name: Option<String> },
    /// GitHub lists the runner, offline.
    Registered { name: String },
    /// The runner is online (and busy, when running a job already). The watch has ended.
    Connected { name: String, busy: bool },
    /// The registration token expired first. The watch has ended.
    Expired { name: Option<String> },
    /// A rate limit holds the watch until `until_ms`.
    RateLimited { name: Option<String>, until_ms: i64 },
    /// A poll failed. The watch has ended.
    Failed { name: Option<String>, error: ApiError },
}

/// What to do next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    /// Send a poll now, conditional on `etag` when there is one.
    Poll { etag: Option<String> },
    /// Read every page of the runner list now and hand it to [`Watch::on_scan`]: watching
    /// without a name, the first page does not hold the whole list (GitHub documents no order,
    /// so a new runner can be on any page).
    Scan,
    /// Poll again after `after`; `status`, when there is one, is what to say meanwhile.
    Wait {
        after: Duration,
        status: Option<WatchStatus>,
    },
    /// Stop watching, saying `status`. `connected`: the runner came online (refresh the list).
    Stop { status: WatchStatus, connected: bool },
}

/// One watch: which runner, until when, and what the polls have learnt so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Watch {
    /// The runner's name; without one, any runner the first answer did not list.
    name: Option<String>,
    /// When the registration token expires (Unix ms): a runner cannot register after that.
    until_ms: Option<i64>,
    poll_every: Duration,
    etag: Option<String>,
    /// Without a name: the ids of every runner the scope had when the watch started.
    baseline: Option<Vec<u64>>,
    /// Without a name: how many runners the last answer said the scope has (`total_count`).
    total: Option<u64>,
}

/// Where the first page leaves a watch without a name.
enum Seen {
    Runner(Runner),
    Nothing,
    /// The list changed beyond the first page (or is longer than it): read all of it.
    Elsewhere,
}

impl Watch {
    pub fn new(name: Option<String>, until_ms: Option<i64>, poll_every: Duration) -> Self {
        let name = name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
        Self {
            name,
            until_ms,
            poll_every,
            etag: None,
            baseline: None,
            total: None,
        }
    }

    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// What to say when the watch starts.
    pub fn starting(&self) -> WatchStatus {
        WatchStatus::Waiting {
            name: self.name.clone(),
        }
    }

    /// Whether to poll now (the tab is visible and no poll is in flight): yes, unless the
    /// registration token has expired.
    pub fn before_poll(&self, now_ms: i64) -> Next {
        if self.until_ms.is_some_and(|until| now_ms >= until) {
            return Next::Stop {
                status: WatchStatus::Expired {
                    name: self.name.clone(),
                },
                connected: false,
            };
        }
        Next::Poll {
            etag: self.etag.clone(),
        }
    }

    /// What a poll's answer means.
    pub fn on_answer(&mut self, answer: Result<Polled, ApiError>, now_ms: i64) -> Next {
        let every = self.poll_every;
        let wait = |status| Next::Wait { after: every, status };
        match answer {
            Ok(Polled::NotModified) => wait(None),
            Ok(Polled::Changed { page, etag }) => {
                self.etag = etag;
                match self.seen(page) {
                    Seen::Runner(r) => self.spotted(r),
                    Seen::Nothing => wait(None),
                    Seen::Elsewhere => Next::Scan,
                }
            }
            Err(error) => match error.retry_at(now_ms) {
                Some(until_ms) => Next::Wait {
                    after: Duration::from_millis(
                        until_ms.saturating_sub(now_ms).clamp(MIN_BACKOFF_MS, MAX_BACKOFF_MS) as u64
                    ),
                    status: Some(WatchStatus::RateLimited {
                        name: self.name.clone(),
                        until_ms,
                    }),
                },
                None => Next::Stop {
                    status: WatchStatus::Failed {
                        name: self.name.clone(),
                        error,
                    },
                    connected: false,
                },
            },
        }
    }

    /// What a scan (every page of the list, [`Next::Scan`]) means.
    pub fn on_scan(&mut self, answer: Result<Vec<Runner>, ApiError>, now_ms: i64) -> Next {
        let runners = match answer {
            Ok(runners) => runners,
            Err(error) => return self.on_answer(Err(error), now_ms),
        };
        let wait = Next::Wait {
            after: self.poll_every,
            status: None,
        };
        match &mut self.baseline {
            None => {
                self.baseline = Some(runners.iter().map(|r| r.id).collect());
                wait
            }
            Some(known) => {
                if let Some(runner) = runners.iter().find(|r| !known.contains(&r.id)) {
                    return self.spotted(runner.clone());
                }
                // Gone and replaced meanwhile, or not there yet: these are known now.
                known.extend(runners.iter().map(|r| r.id));
                wait
            }
        }
    }

    /// The watched runner is listed: done if online, else watched by its name from now on (one
    /// small request per poll, whatever the size of the list).
    fn spotted(&mut self, runner: Runner) -> Next {
        if runner.online {
            return Next::Stop {
                status: WatchStatus::Connected {
                    name: runner.name,
                    busy: runner.busy,
                },
                connected: true,
            };
        }
        if self.name.is_none() {
            self.name = Some(runner.name.clone());
            self.etag = None;
        }
        Next::Wait {
            after: self.poll_every,
            status: Some(WatchStatus::Registered { name: runner.name }),
        }
    }

    /// What `page` (the first page, or the runners of the watched name) shows: the runner by
    /// name (ignoring case); without a name, one the scope did not have when the watch started.
    fn seen(&mut self, page: RunnerPage) -> Seen {
        if let Some(name) = &self.name {
            return match page.runners.into_iter().find(|r| r.name.eq_ignore_ascii_case(name)) {
                Some(r) => Seen::Runner(r),
                None => Seen::Nothing,
            };
        }
        let partial = page.total.is_some_and(|t| t > page.runners.len() as u64);
        let total_changed = page.total.is_some() && page.total != self.total;
        // The total as the first page says it, not as a scan counted it: a scan stops at
        // `all_runners`' cap (`github::client::MAX_ALL_RUNNER_PAGES`), and must not make every
        // later poll scan again.
        self.total = page.total;
        let Some(known) = &self.baseline else {
            if partial {
                return Seen::Elsewhere;
            }
            self.baseline = Some(page.runners.iter().map(|r| r.id).collect());
            return Seen::Nothing;
        };
        if let Some(r) = page.runners.iter().find(|r| !known.contains(&r.id)) {
            return Seen::Runner(r.clone());
        }
        if partial && total_changed {
            return Seen::Elsewhere;
        }
        Seen::Nothing
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::error::ResponseMeta;

    const EVERY: Duration = Duration::from_millis(250);

    fn runner(id: u64, name: &str, online: bool, busy: bool) -> Runner {
        Runner {
            id,
            name: name.into(),
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

    fn page(runners: Vec<Runner>) -> Result<Polled, ApiError> {
        Ok(Polled::Changed {
            page: RunnerPage {
                total: Some(runners.len() as u64),
                runners,
            },
            etag: Some("\"v1\"".into()),
        })
    }

    #[test]
    fn a_named_runner_goes_from_waiting_to_registered_to_online_and_the_etag_is_kept() {
        let mut w = Watch::new(Some(" build-7 ".into()), Some(10_000), EVERY);
        assert_eq!(
            w.starting(),
            WatchStatus::Waiting {
                name: Some("build-7".into())
            }
        );
        assert_eq!(w.before_poll(0), Next::Poll { etag: None });
        assert_eq!(
            w.on_answer(page(vec![]), 0),
            Next::Wait {
                after: EVERY,
                status: None
            }
        );
        assert_eq!(
            w.before_poll(1),
            Next::Poll {
                etag: Some("\"v1\"".into())
            }
        );
        assert_eq!(
            w.on_answer(Ok(Polled::NotModified), 1),
            Next::Wait {
                after: EVERY,
                status: None
            }
        );
        assert_eq!(
            w.on_answer(page(vec![runner(7, "BUILD-7", false, false)]), 2),
            Next::Wait {
                after: EVERY,
                status: Some(WatchStatus::Registered { name: "BUILD-7".into() })
            }
        );
        assert_eq!(
            w.on_answer(page(vec![runner(7, "build-7", true, true)]), 3),
            Next::Stop {
                status: WatchStatus::Connected {
                    name: "build-7".into(),
                    busy: true
                },
                connected: true
            }
        );
    }

    #[test]
    fn without_a_name_the_first_answer_is_the_baseline_and_a_new_runner_is_the_one() {
        let mut w = Watch::new(None, None, EVERY);
        assert_eq!(
            w.on_answer(page(vec![runner(1, "old", true, false)]), 0),
            Next::Wait {
                after: EVERY,
                status: None
            }
        );
        let next = w.on_answer(
            page(vec![runner(1, "old", true, false), runner(2, "fresh", true, false)]),
            1,
        );
        assert_eq!(
            next,
            Next::Stop {
                status: WatchStatus::Connected {
                    name: "fresh".into(),
                    busy: false
                },
                connected: true
            }
        );
    }

    #[test]
    fn the_watch_gives_up_when_the_registration_token_expires() {
        let w = Watch::new(Some("x".into()), Some(5_000), EVERY);
        assert_eq!(w.before_poll(4_999), Next::Poll { etag: None });
        assert_eq!(
            w.before_poll(5_000),
            Next::Stop {
                status: WatchStatus::Expired { name: Some("x".into()) },
                connected: false
            }
        );
    }

    #[test]
    fn a_rate_limit_holds_the_watch_until_it_resets_within_bounds() {
        let mut w = Watch::new(Some("x".into()), None, EVERY);
        let limited = |headers: &[(&str, &str)]| {
            let meta = ResponseMeta::from_headers(|n| {
                headers
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(n))
                    .map(|(_, v)| v.to_string())
            });
            Err(ApiError::from_response(
                403,
                &meta,
                r#"{"message":"You have exceeded a secondary rate limit."}"#,
            ))
        };
        let now = 1_700_000_000_000;
        let primary = w.on_answer(
            limited(&[("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1700000003")]),
            now,
        );
        assert_eq!(
            primary,
            Next::Wait {
                after: Duration::from_secs(3),
                status: Some(WatchStatus::RateLimited {
                    name: Some("x".into()),
                    until_ms: 1_700_000_003_000
                })
            }
        );
        let secondary = w.on_answer(limited(&[("Retry-After", "0")]), now);
        assert!(
            matches!(secondary, Next::Wait { after, .. } if after == Duration::from_secs(1)),
            "at least a second"
        );
        let far = w.on_answer(
            limited(&[("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1800000000")]),
            now,
        );
        assert!(
            matches!(far, Next::Wait { after, .. } if after == Duration::from_secs(3600)),
            "at most an hour between looks"
        );
        let none = w.on_answer(limited(&[]), now);
        assert!(
            matches!(none, Next::Wait { after, .. } if after == Duration::from_secs(60)),
            "a minute when GitHub names no time"
        );
    }

    #[test]
    fn any_other_failure_ends_the_watch() {
        let mut w = Watch::new(None, None, EVERY);
        let next = w.on_answer(Err(ApiError::network("https://api.github.com")), 0);
        assert!(
            matches!(
                next,
                Next::Stop {
                    status: WatchStatus::Failed { .. },
                    connected: false
                }
            ),
            "{next:?}"
        );
    }

    /// A first page of the list: `runners`, out of `total`.
    fn first_page(runners: Vec<Runner>, total: u64) -> Result<Polled, ApiError> {
        Ok(Polled::Changed {
            page: RunnerPage {
                total: Some(total),
                runners,
            },
            etag: Some(format!("\"v{total}\"")),
        })
    }

    fn fleet(ids: std::ops::Range<u64>) -> Vec<Runner> {
        ids.map(|id| runner(id, &format!("old-{id}"), true, false)).collect()
    }

    fn quiet() -> Next {
        Next::Wait {
            after: EVERY,
            status: None,
        }
    }

    #[test]
    fn without_a_name_a_list_longer_than_a_page_is_read_whole_and_a_new_runner_on_a_later_page_is_found() {
        let mut w = Watch::new(None, None, EVERY);
        // 150 runners: the first page is not the list, so the baseline is every page.
        assert_eq!(w.on_answer(first_page(fleet(1..101), 150), 0), Next::Scan);
        assert_eq!(w.on_scan(Ok(fleet(1..151)), 0), quiet());
        // Nothing changed: no scan.
        assert_eq!(w.on_answer(first_page(fleet(1..101), 150), 0), quiet());
        // One more runner, not on the first page: read the list again, and there it is.
        assert_eq!(w.on_answer(first_page(fleet(1..101), 151), 0), Next::Scan);
        let mut all = fleet(1..151);
        all.push(runner(9_001, "fresh", false, false));
        assert_eq!(
            w.on_scan(Ok(all), 0),
            Next::Wait {
                after: EVERY,
                status: Some(WatchStatus::Registered { name: "fresh".into() })
            }
        );
        // From now on it is watched by its name: one small request per poll, unconditional at first.
        assert_eq!(w.name(), Some("fresh"));
        assert_eq!(w.before_poll(0), Next::Poll { etag: None });
        assert_eq!(
            w.on_answer(page(vec![runner(9_001, "fresh", true, true)]), 0),
            Next::Stop {
                status: WatchStatus::Connected {
                    name: "fresh".into(),
                    busy: true
                },
                connected: true
            }
        );
    }

    #[test]
    fn without_a_name_a_scan_that_finds_nothing_new_keeps_watching_and_a_failed_scan_is_a_failed_poll() {
        let mut w = Watch::new(None, None, EVERY);
        assert_eq!(w.on_answer(first_page(fleet(1..101), 120), 0), Next::Scan);
        assert_eq!(w.on_scan(Ok(fleet(1..121)), 0), quiet());
        // One removed: the total changed, a scan shows nothing new, the next poll does not scan.
        assert_eq!(w.on_answer(first_page(fleet(1..101), 119), 0), Next::Scan);
        assert_eq!(w.on_scan(Ok(fleet(1..120)), 0), quiet());
        assert_eq!(w.on_answer(first_page(fleet(1..101), 119), 0), quiet());
        assert_eq!(w.name(), None);
        // A scan capped short of the total (all_runners reads at most 2,000 runners,
        // `github::client::MAX_ALL_RUNNER_PAGES`) does not make the next unchanged first page
        // scan again.
        let mut big = Watch::new(None, None, EVERY);
        assert_eq!(big.on_answer(first_page(fleet(1..101), 5_000), 0), Next::Scan);
        assert_eq!(big.on_scan(Ok(fleet(1..2_001)), 0), quiet());
        assert_eq!(big.on_answer(first_page(fleet(1..101), 5_000), 0), quiet());
        let failed = w.on_scan(Err(ApiError::network("https://api.github.com")), 0);
        assert!(matches!(failed, Next::Stop { connected: false, .. }), "{failed:?}");
    }
}
