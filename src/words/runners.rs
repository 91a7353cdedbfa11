//! The words of the Runners section: the list's summary and progress, the watch's status line,
//! removals, and a list that belongs to another scope than the form names.

use crate::github::Runner;
use crate::runner::watch::WatchStatus;
use crate::words::errors::short_reason;

/// "1,204 runners · 87 online · 12 busy" for `runners`.
pub fn summary<'a>(runners: impl IntoIterator<Item = &'a Runner>) -> String {
    let (mut all, mut online, mut busy) = (0u64, 0u64, 0u64);
    for r in runners {
        all += 1;
        online += u64::from(r.online);
        busy += u64::from(r.online && r.busy);
    }
    let noun = if all == 1 { "runner" } else { "runners" };
    format!(
        "{} {noun} \u{b7} {} online \u{b7} {} busy",
        thousands(all),
        thousands(online),
        thousands(busy)
    )
}

/// `1204` → `1,204`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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
    use crate::github::ApiError;

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
    fn progress_counts_with_thousands_separators() {
        assert_eq!(loading(1200, Some(5000)), "Loading runners: 1,200 of 5,000 in\u{2026}");
        assert_eq!(loading(0, None), "Loading runners\u{2026}");
    }
}
