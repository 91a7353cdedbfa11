//! The words of the Runners section: the list's summary and progress, the watch's status line,
//! removals, and a list that belongs to another scope than the form names.

use crate::github::{ApiError, Deprecation, Runner};
use crate::runner::bulk::{Failure, Fate, Item};
use crate::runner::watch::WatchStatus;
use crate::words::errors::short_reason;
use crate::words::grammar::{count, thousands};

/// "1,204 runners · 87 online · 12 busy" for `runners`.
pub fn summary<'a>(runners: impl IntoIterator<Item = &'a Runner>) -> String {
    let (mut all, mut online, mut busy) = (0u64, 0u64, 0u64);
    for r in runners {
        all += 1;
        online += u64::from(r.online);
        busy += u64::from(r.online && r.busy);
    }
    format!(
        "{} \u{b7} {} online \u{b7} {} busy",
        count(all, "runner", "runners"),
        thousands(online),
        thousands(busy)
    )
}

/// The summary with the outdated runners counted, when the current version is known and some
/// are behind it: "1,204 runners · 87 online · 12 busy · 40 outdated". A fleet that is up to
/// date (or whose current version is not known yet) reads as before: nothing to act on.
pub fn summary_with_outdated<'a>(runners: impl IntoIterator<Item = &'a Runner>, outdated: Option<u64>) -> String {
    let base = summary(runners);
    match outdated {
        Some(n) if n > 0 => format!("{base} \u{b7} {} outdated", thousands(n)),
        _ => base,
    }
}

/// The Version cell's text: the version, or "never connected".
pub fn version_text(version: Option<&str>) -> &str {
    version.unwrap_or("never connected")
}

/// What the Outdated badge says on demand: the current version and, where GitHub has a
/// schedule for this one, when it stops registering and getting jobs (said in the past once
/// passed): "Current 2.336.0 · registration stopped 1 Jun 2026 · jobs stop 1 Sep 2026".
pub fn outdated_detail(current: Option<&str>, schedule: Option<&Deprecation>, now_ms: i64) -> String {
    let mut detail = format!("Current {}", current.unwrap_or("?"));
    let mut date = |what: &str, past: &str, future: &str, at: Option<crate::expiry::Expiry>| {
        if let Some(at) = at {
            let verb = if at.unix_ms() <= now_ms { past } else { future };
            detail.push_str(&format!(" \u{b7} {what} {verb} {}", at.utc_day()));
        }
    };
    if let Some(s) = schedule {
        date("registration", "stopped", "stops", s.registration);
        date("jobs", "stopped", "stop", s.runtime);
    }
    detail
}

/// A runner's fate in a removal run, in words.
pub fn fate(fate: &Fate) -> String {
    match fate {
        Fate::Removed => "removed".into(),
        Fate::SkippedBusy => "skipped: running a job".into(),
        Fate::SkippedOnline => "skipped: came online".into(),
        Fate::AlreadyGone => "already gone".into(),
        Fate::Failed(why) => format!("failed: {}", failure(why)),
        Fate::NotAttempted => "not attempted".into(),
    }
}

/// Why a runner of a removal run was not removed: "HTTP 500: “Server Error”".
pub fn failure(why: &Failure) -> String {
    match why {
        Failure::CheckFailed(error) => format!("not removed: checking it first failed ({})", short_reason(error)),
        Failure::Refused(error) => short_reason(error),
        Failure::StillListed => "no answer came back, and GitHub still lists it".into(),
    }
}

/// "Removed 37 of 120".
pub fn bulk_progress(removed: usize, total: usize) -> String {
    format!("Removed {} of {}", thousands(removed as u64), thousands(total as u64))
}

/// "about 2 minutes left" for `left` removals at least a second apart ("about 1 second left").
pub fn time_left(left: usize, ms_each: i64) -> String {
    let secs = (left as i64 * ms_each.max(1_000) + 999) / 1_000;
    match secs {
        0 => String::new(),
        s if s < 60 => format!("about {} left", count(s as u64, "second", "seconds")),
        s => format!("about {} left", count(((s + 59) / 60) as u64, "minute", "minutes")),
    }
}

/// The removal confirmation's question: "Remove 6 runners from octo-org?", "Remove 1 runner
/// from octo-org?".
pub fn bulk_question(n: usize, subject: &str) -> String {
    format!("Remove {} from {subject}?", count(n as u64, "runner", "runners"))
}

/// The removal confirmation's button: "Remove 6 runners", "Remove 1 runner".
pub fn bulk_confirm(n: usize) -> String {
    format!("Remove {}", count(n as u64, "runner", "runners"))
}

/// How a removal run goes, said in the confirmation (of one runner, or of several).
pub fn bulk_how(n: usize) -> &'static str {
    if n == 1 {
        "Just before the removal the page asks GitHub about that runner again: if it has come online or is running a job, it is skipped, never removed. Stop ends the run; the report says what happened to it."
    } else {
        "They are removed one at a time, a second apart. Just before each removal the page asks GitHub about that runner again: one that has come online or is running a job is skipped, never removed. Stop ends the run; the report says what happened to each."
    }
}

/// The report's first line: "Removed X · skipped Y · failed Z · not attempted W".
pub fn bulk_summary(report: &[Item]) -> String {
    let count = |f: &dyn Fn(&Fate) -> bool| report.iter().filter(|i| i.fate.as_ref().is_some_and(f)).count();
    let removed = count(&|f| *f == Fate::Removed);
    let skipped = count(&|f| matches!(f, Fate::SkippedBusy | Fate::SkippedOnline | Fate::AlreadyGone));
    let failed = count(&|f| matches!(f, Fate::Failed(_)));
    let untried = count(&|f| *f == Fate::NotAttempted);
    format!("Removed {removed} \u{b7} skipped {skipped} \u{b7} failed {failed} \u{b7} not attempted {untried}")
}

/// Why a removal run ended before its end: "The run ended early: the access token was cleared.
/// Paste the token again to remove the runners not attempted."
pub fn bulk_ended(why: &ApiError) -> String {
    format!(
        "The run ended early: {}. Paste the token again to remove the runners not attempted.",
        short_reason(why)
    )
}

/// The report as tab-separated lines: name, id, outcome, reason.
pub fn bulk_tsv(report: &[Item]) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    report
        .iter()
        .map(|i| {
            let (outcome, reason) = match i.fate.as_ref().unwrap_or(&Fate::NotAttempted) {
                Fate::Removed => ("removed", String::new()),
                Fate::SkippedBusy => ("skipped", "running a job".into()),
                Fate::SkippedOnline => ("skipped", "came online".into()),
                Fate::AlreadyGone => ("skipped", "already gone".into()),
                Fate::Failed(why) => ("failed", failure(why)),
                Fate::NotAttempted => ("not attempted", String::new()),
            };
            format!("{}\t{}\t{outcome}\t{}", clean(&i.name), i.id, clean(&reason))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The confirmation's list: the first 20 names, then "and M more".
pub fn some_names(names: &[String]) -> String {
    const SHOWN: usize = 20;
    let mut text = names.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if names.len() > SHOWN {
        text.push_str(&format!(" and {} more", thousands((names.len() - SHOWN) as u64)));
    }
    text
}

/// The watch's status line for `status`; `local_time` turns Unix ms into the reader's local time.
pub fn watch_status(status: &WatchStatus, local_time: &dyn Fn(i64) -> String) -> String {
    let who = |name: &Option<String>, fallback: &str| name.clone().unwrap_or_else(|| fallback.to_string());
    match status {
        WatchStatus::Waiting { name } => format!("Waiting for {} to connect\u{2026}", who(name, "a new runner")),
        WatchStatus::Registered { name } => format!("{name} is registered; waiting for it to connect\u{2026}"),
        WatchStatus::Connected { name, busy: true } => format!("{name} is busy: it is running a job."),
        WatchStatus::Connected { name, busy: false } => format!("{name} is online."),
        WatchStatus::Expired { name } => format!(
            "The registration token expired before {} connected; watching stopped. Create a new token to register it.",
            who(name, "the new runner")
        ),
        WatchStatus::RateLimited { name, until_ms } => format!(
            "GitHub's rate limit was reached; watching for {} resumes at {}.",
            who(name, "the new runner"),
            local_time(*until_ms)
        ),
        WatchStatus::Failed { name, error } => format!(
            "Watching for {} stopped: {}. Refresh the list to look again.",
            who(name, "the new runner"),
            short_reason(error)
        ),
    }
}

/// Said when the watch is stopped by hand.
pub const WATCH_STOPPED: &str = "Stopped watching.";
/// Said when the watch stops because the access token was cleared.
pub const WATCH_TOKEN_CLEARED: &str = "Stopped watching: the access token was cleared.";

/// The watch's line when another token was put in the field: the watch sends only its own.
pub const WATCH_TOKEN_CHANGED: &str =
    "Stopped watching: the access token was changed, and a watch sends only the token it started with.";

/// The progress line while pages load.
pub fn loading(loaded: u64, total: Option<u64>) -> String {
    match total {
        Some(total) => format!(
            "Loading runners: {} of {} in\u{2026}",
            thousands(loaded),
            thousands(total)
        ),
        None => "Loading runners\u{2026}".to_string(),
    }
}

/// When the list on screen belongs to another scope than the form names now.
pub fn other_scope(listed: &str, named: &str) -> String {
    format!("This list shows the runners of {listed}; the form now names {named}. Show runners lists those.")
}

/// Said after a removal.
pub fn removed(runner: &str, subject: &str) -> String {
    format!("Removed {runner} from {subject}.")
}

/// Said when a removal was refused.
pub fn not_removed(runner: &str) -> String {
    format!("{runner} was not removed.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::error::ResponseMeta;

    #[test]
    fn the_watch_says_each_state_in_words() {
        let t = |ms: i64| format!("T{ms}");
        let named = Some("build-7".to_string());
        assert_eq!(
            watch_status(&WatchStatus::Waiting { name: None }, &t),
            "Waiting for a new runner to connect\u{2026}"
        );
        assert_eq!(
            watch_status(&WatchStatus::Waiting { name: named.clone() }, &t),
            "Waiting for build-7 to connect\u{2026}"
        );
        assert_eq!(
            watch_status(
                &WatchStatus::Connected {
                    name: "b".into(),
                    busy: true
                },
                &t
            ),
            "b is busy: it is running a job."
        );
        assert_eq!(
            watch_status(
                &WatchStatus::Connected {
                    name: "b".into(),
                    busy: false
                },
                &t
            ),
            "b is online."
        );
        assert!(watch_status(
            &WatchStatus::RateLimited {
                name: named.clone(),
                until_ms: 9
            },
            &t
        )
        .ends_with("resumes at T9."));
        let failed = WatchStatus::Failed {
            name: named,
            error: ApiError::network("https://x"),
        };
        assert_eq!(
            watch_status(&failed, &t),
            "Watching for build-7 stopped: could not reach https://x. Refresh the list to look again."
        );
        assert!(watch_status(&WatchStatus::Expired { name: None }, &t).contains("before the new runner connected"));
    }

    #[test]
    fn the_version_cell_names_the_current_version_and_the_schedule() {
        use crate::expiry::Expiry;
        let june = Expiry::parse_rfc3339("2026-06-01T00:00:00Z").unwrap();
        let sept = Expiry::parse_rfc3339("2026-09-01T00:00:00Z").unwrap();
        let schedule = Deprecation {
            registration: Some(june),
            runtime: Some(sept),
        };
        let july = Expiry::parse_rfc3339("2026-07-01T00:00:00Z").unwrap().unix_ms();
        assert_eq!(version_text(None), "never connected");
        assert_eq!(version_text(Some("2.336.0")), "2.336.0");
        assert_eq!(
            outdated_detail(Some("2.336.0"), Some(&schedule), july),
            "Current 2.336.0 \u{b7} registration stopped 1 Jun 2026 \u{b7} jobs stop 1 Sep 2026"
        );
        assert_eq!(outdated_detail(Some("2.336.0"), None, july), "Current 2.336.0");
    }

    #[test]
    fn the_summary_counts_outdated_runners_only_when_some_are_behind() {
        let runner = |online, busy| crate::github::Runner {
            id: 1,
            name: "r".into(),
            os: "Linux".into(),
            online,
            busy,
            ephemeral: false,
            group_id: None,
            labels: vec![],
            custom_labels: vec![],
            version: None,
        };
        let fleet = [runner(true, true), runner(true, false), runner(false, false)];
        let base = "3 runners \u{b7} 2 online \u{b7} 1 busy";
        assert_eq!(summary(&fleet[..1]), "1 runner \u{b7} 1 online \u{b7} 1 busy");
        assert_eq!(summary_with_outdated(&fleet, None), base);
        assert_eq!(summary_with_outdated(&fleet, Some(0)), base);
        assert_eq!(
            summary_with_outdated(&fleet, Some(1_204)),
            format!("{base} \u{b7} 1,204 outdated")
        );
    }

    /// GitHub's refusal with `status` and no message.
    fn http(status: u16) -> ApiError {
        ApiError::from_response(status, &ResponseMeta::default(), "")
    }

    #[test]
    fn each_reason_a_runner_was_not_removed_is_said_in_words() {
        let failed = |why| fate(&Fate::Failed(why));
        assert_eq!(
            failed(Failure::CheckFailed(ApiError::network("https://api.github.com"))),
            "failed: not removed: checking it first failed (could not reach https://api.github.com)"
        );
        let refused = ApiError::from_response(500, &ResponseMeta::default(), r#"{"message":"Server Error"}"#);
        assert_eq!(
            failed(Failure::Refused(refused)),
            "failed: HTTP 500: \u{201c}Server Error\u{201d}"
        );
        assert_eq!(
            failed(Failure::StillListed),
            "failed: no answer came back, and GitHub still lists it"
        );
    }

    #[test]
    fn a_run_ended_by_the_token_says_whether_it_was_cleared_or_changed() {
        assert_eq!(
            bulk_ended(&ApiError::token_forgotten()),
            "The run ended early: the access token was cleared. Paste the token again to remove the runners not attempted."
        );
        assert!(
            bulk_ended(&ApiError::token_changed()).starts_with("The run ended early: the access token was changed.")
        );
    }

    #[test]
    fn a_removal_run_is_reported_in_words_and_as_tab_separated_lines() {
        let item = |id, name: &str, fate| Item {
            id,
            name: name.into(),
            fate: Some(fate),
        };
        let report = [
            item(1, "a", Fate::Removed),
            item(2, "b\tc", Fate::SkippedBusy),
            item(3, "d", Fate::Failed(Failure::Refused(http(500)))),
            item(4, "e", Fate::NotAttempted),
            item(5, "f", Fate::SkippedOnline),
        ];
        assert_eq!(
            bulk_summary(&report),
            "Removed 1 \u{b7} skipped 2 \u{b7} failed 1 \u{b7} not attempted 1"
        );
        assert_eq!(
            bulk_tsv(&report),
            "a\t1\tremoved\t\nb c\t2\tskipped\trunning a job\nd\t3\tfailed\tHTTP 500\ne\t4\tnot attempted\t\nf\t5\tskipped\tcame online"
        );
        assert_eq!(bulk_progress(37, 1200), "Removed 37 of 1,200");
        assert_eq!(time_left(90, 1000), "about 2 minutes left");
        assert_eq!(time_left(5, 1000), "about 5 seconds left");
        let names: Vec<String> = (1..=23).map(|i| format!("r{i}")).collect();
        assert!(some_names(&names).ends_with("r20 and 3 more"));
    }

    #[test]
    fn a_removal_run_of_one_runner_or_one_second_is_said_in_the_singular() {
        assert_eq!(time_left(1, 1000), "about 1 second left");
        assert_eq!(time_left(60, 1000), "about 1 minute left");
        assert_eq!(time_left(61, 1000), "about 2 minutes left");
        assert_eq!(time_left(0, 1000), "");
        assert_eq!(bulk_question(6, "octo-org"), "Remove 6 runners from octo-org?");
        assert_eq!(bulk_question(1, "octo-org"), "Remove 1 runner from octo-org?");
        assert_eq!(bulk_confirm(1_204), "Remove 1,204 runners");
        assert_eq!(bulk_confirm(1), "Remove 1 runner");
        assert!(bulk_how(1).ends_with("what happened to it.") && !bulk_how(1).contains("They are"));
        assert!(bulk_how(2).starts_with("They are removed one at a time"));
    }

    #[test]
    fn progress_counts_with_thousands_separators() {
        assert_eq!(loading(1200, Some(5000)), "Loading runners: 1,200 of 5,000 in\u{2026}");
        assert_eq!(loading(0, None), "Loading runners\u{2026}");
    }
}
