//! The Troubleshoot tab's sentences: the token report (a one-line verdict, then each fact) and
//! why each waiting job waits.

use super::errors::{lost_change, new_classic_token_text, short_reason};
use super::grammar::{count, plural, thousands};
use crate::form::Action;
use crate::github::access_token::{classic_scope, new_classic_token_url};
use crate::github::token_check::{TokenFacts, TokenVerdict};
use crate::github::{ApiError, ErrorKind, ScopeKind, TokenKind};
use crate::operation::Operation;
use crate::runner::waiting::Verdict;

/// A line of the report: what it is about, what was found, and a link that helps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub topic: &'static str,
    pub text: String,
    pub link: Option<(String, String)>,
}

/// The token report: the verdict first, whether it is good news, then the facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenReport {
    pub verdict: String,
    pub can: bool,
    pub link: Option<(String, String)>,
    pub lines: Vec<Line>,
}

/// What the action does, after "can" or "cannot".
fn doing(action: Action, subject: &str) -> String {
    match action {
        Action::Add => format!("create registration tokens for {subject}"),
        Action::JustInTime => format!("create just-in-time runners for {subject}"),
        Action::Remove => format!("create remove tokens for {subject}"),
    }
}

/// "403 Resource not accessible ...", or what happened when nothing answered.
pub fn refusal(error: &ApiError) -> String {
    match (error.status, &error.message) {
        (Some(status), Some(m)) => format!("{status} {m}"),
        _ => short_reason(error),
    }
}

/// The report on a token for `action` in `subject` (`web` is the server's web address, for
/// the new-token link; `local_time` words a Unix-ms instant).
pub fn token_report(
    facts: &TokenFacts,
    action: Action,
    subject: &str,
    web: &str,
    local_time: &dyn Fn(i64) -> String,
) -> TokenReport {
    let what = doing(action, subject);
    let scope = classic_scope(facts.scope_kind);
    let classic_link = || {
        Some((
            new_classic_token_text(facts.scope_kind),
            new_classic_token_url(web, facts.scope_kind),
        ))
    };
    let (verdict, can, link) = match facts.verdict() {
        TokenVerdict::BadCredentials => (
            format!("This token cannot {what}: GitHub does not accept it (bad, expired or revoked). Paste a current token."),
            false,
            classic_link(),
        ),
        TokenVerdict::KindRefused => (
            format!("This token cannot {what}: GitHub accepts only a classic token (or OAuth token) with {scope} here. Create a classic token with {scope}."),
            false,
            classic_link(),
        ),
        TokenVerdict::SsoRequired { authorize_url } => (
            format!("This token cannot {what} until it is authorized for the organization's SAML single sign-on."),
            false,
            authorize_url.map(|u| ("Authorize the token for single sign-on".to_string(), u)),
        ),
        TokenVerdict::MissingScopes(missing) => {
            let list = missing.join(", ");
            (
                format!("This token cannot {what}: it lacks {list}. Create a classic token with {list}."),
                false,
                classic_link(),
            )
        }
        TokenVerdict::ProbeRefused { what: read, error } => (
            format!("This token cannot {what}: it cannot read {read} ({}).", refusal(&error)),
            false,
            None,
        ),
        TokenVerdict::ReadsOnlyKnown => (
            format!("This token can read what it needs to {what}; whether it may also write cannot be checked from a browser."),
            true,
            None,
        ),
        TokenVerdict::Can => (format!("This token can {what}."), true, None),
    };
    let mut lines = vec![Line {
        topic: "Kind",
        text: facts.kind.label().to_string(),
        link: None,
    }];
    lines.push(Line {
        topic: "Account",
        text: match &facts.account {
            Some(Ok(login)) => login.clone(),
            Some(Err(e)) => format!("cannot read the account: {}", refusal(e)),
            None => "an installation token acts as its app, not as an account".to_string(),
        },
        link: None,
    });
    if matches!(facts.kind, TokenKind::Classic | TokenKind::OAuth) || facts.scopes.is_some() {
        let held = match &facts.scopes {
            Some(s) if s.is_empty() => "none".to_string(),
            Some(s) => s.join(", "),
            None => "not said (no answer carried X-OAuth-Scopes)".to_string(),
        };
        let missing = facts.missing_scopes();
        let need = if missing.is_empty() {
            format!("{held}; needs {scope}: held")
        } else {
            format!("{held}; needs {scope}: missing {}", missing.join(", "))
        };
        lines.push(Line {
            topic: "Scopes",
            text: need,
            link: None,
        });
    }
    let sso = facts.probes.iter().find_map(|p| match &p.result {
        Err(ApiError {
            kind: ErrorKind::SsoRequired { authorize_url },
            ..
        }) => Some(authorize_url.clone()),
        _ => None,
    });
    lines.push(match sso {
        Some(url) => Line {
            topic: "Single sign-on",
            text: "required: the organization enforces SAML SSO and this token is not authorized for it".into(),
            link: url.map(|u| ("Authorize the token".to_string(), u)),
        },
        None => Line {
            topic: "Single sign-on",
            // After the topic "Single sign-on: ", so the topic is not said twice.
            text: "no read was refused for it".into(),
            link: None,
        },
    });
    for probe in &facts.probes {
        lines.push(Line {
            topic: "Reads",
            text: match &probe.result {
                Ok(()) => format!("can read {}", probe.what),
                Err(e) => format!("cannot read {}: {}", probe.what, refusal(e)),
            },
            link: None,
        });
    }
    lines.push(Line {
        topic: "Rate limit",
        text: match &facts.rate {
            Some(Ok(rate)) => {
                let reset = rate
                    .reset
                    .map(|r| format!(", renewed at {}", local_time(r.saturating_mul(1000))));
                format!(
                    "{} of {} requests left{}",
                    thousands(rate.remaining),
                    thousands(rate.limit),
                    reset.unwrap_or_default()
                )
            }
            Some(Err(e)) => format!("cannot read it: {}", refusal(e)),
            None => "not read".into(),
        },
        link: None,
    });
    lines.push(Line {
        topic: "Not checked",
        text: unchecked(facts.kind).into(),
        link: None,
    });
    TokenReport {
        verdict,
        can,
        link,
        lines,
    }
}

/// What a browser cannot learn about a token of `kind`.
fn unchecked(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Classic | TokenKind::OAuth => "its expiry date: GitHub sends it in a header a browser cannot read. Nothing was written to check it.",
        _ => "its write permissions and its expiry date: GitHub sends neither in a header a browser can read, so only reads were tried. Nothing was written.",
    }
}

/// The heading over the waiting jobs: "1 job waiting", "8 jobs waiting".
pub fn jobs_waiting(n: usize) -> String {
    format!("{} waiting", count(n as u64, "job", "jobs"))
}

/// "waiting 5 minutes" for `ms` milliseconds.
pub fn waited(ms: i64) -> String {
    let minutes = ms.max(0) / 60_000;
    match minutes {
        0 => "waiting less than a minute".into(),
        1 => "waiting 1 minute".into(),
        m if m < 120 => format!("waiting {m} minutes"),
        m if m < 48 * 60 => format!("waiting {} hours", m / 60),
        m => format!("waiting {} days", m / (24 * 60)),
    }
}

fn names(list: &[String]) -> String {
    list.join(", ")
}

fn labels_phrase(list: &[String]) -> String {
    match list {
        [one] => format!("the label {one}"),
        more => format!("the labels {}", names(more)),
    }
}

/// Why a job waits, in words. `repository` is `OWNER/NAME`.
pub fn verdict(v: &Verdict, repository: &str) -> String {
    match v {
        Verdict::Hosted { larger: Some(l), .. } => format!("Not a self-hosted job: it asks for the GitHub-hosted larger runner {l}, which is set up in the organization's settings, not registered here."),
        Verdict::Hosted { labels, .. } => format!(
            "Not a self-hosted job: {} {} GitHub-hosted runners.",
            names(labels),
            plural(labels.len() as u64, "names", "name")
        ),
        Verdict::Busy { names: n } if n.len() == 1 => format!("1 matching runner is busy: {}. The job starts when it is free.", n[0]),
        Verdict::Busy { names: n } => format!("{} matching runners are busy: {}. The job starts when one is free.", n.len(), names(n)),
        Verdict::Offline { names: n } if n.len() == 1 => format!("The matching runner is offline: {}. Start it (./run.sh or its service).", n[0]),
        Verdict::Offline { names: n } => format!("The matching runners are offline: {}. Start one of them (./run.sh or its service).", names(n)),
        Verdict::GroupClosed { runner, group, .. } => format!("{runner} is in group {group}, which is not open to this repository ({repository})."),
        Verdict::PublicNotAllowed { runner, group } => format!("{runner} is in group {group}, which does not allow public repositories, and {repository} is public."),
        Verdict::WorkflowNotSelected { runner, group, workflow } => format!("{runner} is in group {group}, which runs only selected workflows, and {workflow} is not one of them."),
        Verdict::NoMatch { missing, closest } => {
            let first = if missing.is_empty() {
                "No runner has all of this job's labels.".to_string()
            } else {
                format!("No runner has {}.", labels_phrase(missing))
            };
            match closest {
                Some((name, lacks)) => format!("{first} The closest is {name}, which lacks {}.", names(lacks)),
                None => format!("{first} No runner could be read."),
            }
        }
        Verdict::Idle { names: n } => format!("A matching runner is idle and online ({}): GitHub should assign it shortly.", names(n)),
    }
}

/// Said when a part of the repository's runners could not be read.
pub fn unread(part: &str, error: &ApiError, scope: &str) -> String {
    let why = match (&error.kind, error.status) {
        (ErrorKind::MissingPermission { .. } | ErrorKind::NotOrgAdmin | ErrorKind::Forbidden, _) | (_, Some(404)) => {
            format!("the token lacks {scope} (or access to it)")
        }
        _ => refusal(error),
    };
    format!("Cannot read {part}: {why}; the verdicts consider the repository's runners only.")
}

/// The confirmation before a group is opened to a repository.
pub fn open_group_question(group: &str, repository: &str) -> String {
    format!("Open runner group {group} to {repository}?")
}

/// What opening the group did.
pub fn opened(group: &str, repository: &str) -> String {
    format!("Runner group {group} is now open to {repository}. Checked again below.")
}

/// What opening the group did not do; when its answer was lost, what it may have done (the
/// page has checked again).
pub fn not_opened(group: &str, repository: &str, error: &ApiError) -> String {
    let operation = Operation::OpenGroup {
        group: group.to_string(),
        repository: repository.to_string(),
    };
    match lost_change(&operation, ScopeKind::Organization) {
        Some((what, next)) if matches!(error.kind, ErrorKind::AnswerLost { .. }) => {
            format!("No answer came back: {what}. {next}")
        }
        _ => format!("Runner group {group} was not opened: {}.", refusal(error)),
    }
}

/// No queued job at the time of the check.
pub fn none_waiting(repository: &str, at: &str) -> String {
    format!("No job of {repository} is waiting for a runner (checked at {at}).")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::actions::RateLimit;
    use crate::github::token_check::Probe;

    fn facts(kind: TokenKind, scopes: Option<&[&str]>) -> TokenFacts {
        TokenFacts {
            kind,
            scope_kind: ScopeKind::Organization,
            account: Some(Ok("octocat".into())),
            scopes: scopes.map(|s| s.iter().map(|s| s.to_string()).collect()),
            probes: vec![Probe {
                what: "runners",
                result: Ok(()),
            }],
            rate: Some(Ok(RateLimit {
                limit: 5000,
                remaining: 4999,
                reset: Some(10),
            })),
        }
    }

    #[test]
    fn the_verdict_comes_first_with_the_fix() {
        let r = token_report(
            &facts(TokenKind::Classic, Some(&["repo"])),
            Action::Add,
            "octo-org",
            "https://github.com",
            &|ms| format!("T{ms}"),
        );
        assert_eq!(r.verdict, "This token cannot create registration tokens for octo-org: it lacks admin:org. Create a classic token with admin:org.");
        assert_eq!(
            r.link.unwrap().1,
            "https://github.com/settings/tokens/new?scopes=admin:org&description=Runner%20registration"
        );
        assert!(r
            .lines
            .iter()
            .any(|l| l.text == "repo; needs admin:org: missing admin:org"));
        assert!(r
            .lines
            .iter()
            .any(|l| l.text == "4,999 of 5,000 requests left, renewed at T10000"));
        let ok = token_report(
            &facts(TokenKind::Classic, Some(&["admin:org"])),
            Action::Add,
            "octo-org",
            "https://github.com",
            &|_| String::new(),
        );
        assert_eq!(ok.verdict, "This token can create registration tokens for octo-org.");
        let fine = token_report(
            &facts(TokenKind::FineGrained, None),
            Action::Remove,
            "octo-org",
            "https://github.com",
            &|_| String::new(),
        );
        assert!(fine.verdict.contains("cannot be checked from a browser"));
        assert!(!fine.lines.iter().any(|l| l.topic == "Scopes"));
        assert!(fine
            .lines
            .iter()
            .any(|l| l.text.contains("write permissions and its expiry date")));
    }

    #[test]
    fn the_single_sign_on_line_does_not_say_its_topic_again() {
        let sso_line = |facts: &TokenFacts| {
            let r = token_report(facts, Action::Add, "octo-org", "https://github.com", &|_| String::new());
            r.lines.into_iter().find(|l| l.topic == "Single sign-on").unwrap().text
        };
        let fine = facts(TokenKind::Classic, Some(&["admin:org"]));
        assert_eq!(sso_line(&fine), "no read was refused for it");
        let meta =
            crate::github::error::ResponseMeta::from_headers(|h| (h == "x-github-sso").then(|| "required".into()));
        let refused = TokenFacts {
            probes: vec![Probe {
                what: "runners",
                result: Err(ApiError::from_response(403, &meta, "")),
            }],
            ..fine
        };
        let text = sso_line(&refused);
        assert!(
            text.starts_with("required: ") && !text.to_lowercase().contains("single sign-on"),
            "{text}"
        );
    }

    #[test]
    fn one_runner_one_label_or_one_job_is_said_in_the_singular() {
        let v = Verdict::Offline {
            names: vec!["mac-1".into()],
        };
        assert_eq!(
            verdict(&v, "o/r"),
            "The matching runner is offline: mac-1. Start it (./run.sh or its service)."
        );
        let v = Verdict::Offline {
            names: vec!["mac-1".into(), "mac-2".into()],
        };
        assert_eq!(
            verdict(&v, "o/r"),
            "The matching runners are offline: mac-1, mac-2. Start one of them (./run.sh or its service)."
        );
        let hosted = |labels: &[&str]| Verdict::Hosted {
            labels: labels.iter().map(|l| l.to_string()).collect(),
            larger: None,
        };
        assert_eq!(
            verdict(&hosted(&["ubuntu-latest"]), "o/r"),
            "Not a self-hosted job: ubuntu-latest names GitHub-hosted runners."
        );
        assert_eq!(
            verdict(&hosted(&["ubuntu-latest", "ubuntu-24.04"]), "o/r"),
            "Not a self-hosted job: ubuntu-latest, ubuntu-24.04 name GitHub-hosted runners."
        );
        assert_eq!(jobs_waiting(1), "1 job waiting");
        assert_eq!(jobs_waiting(8), "8 jobs waiting");
    }

    #[test]
    fn waiting_jobs_are_said_plainly() {
        assert_eq!(waited(30_000), "waiting less than a minute");
        assert_eq!(waited(12 * 60_000), "waiting 12 minutes");
        assert_eq!(waited(5 * 3_600_000), "waiting 5 hours");
        let v = Verdict::Busy {
            names: vec!["a".into(), "b".into()],
        };
        assert_eq!(
            verdict(&v, "o/r"),
            "2 matching runners are busy: a, b. The job starts when one is free."
        );
        let v = Verdict::NoMatch {
            missing: vec!["gpu".into()],
            closest: Some(("box".into(), vec!["gpu".into()])),
        };
        assert_eq!(
            verdict(&v, "o/r"),
            "No runner has the label gpu. The closest is box, which lacks gpu."
        );
    }

    #[test]
    fn a_lost_open_group_answer_says_it_may_have_been_opened_and_that_the_page_checked_again() {
        let lost = ApiError::answer_lost("https://api.github.com", None);
        assert_eq!(
            not_opened("Deploy", "octo-org/app", &lost),
            "No answer came back: runner group Deploy may have been opened to octo-org/app. The page has checked again: the jobs below show what GitHub has now."
        );
        let refused = ApiError::from_response(
            403,
            &crate::github::error::ResponseMeta::default(),
            r#"{"message":"Must have admin rights"}"#,
        );
        assert_eq!(
            not_opened("Deploy", "octo-org/app", &refused),
            "Runner group Deploy was not opened: 403 Must have admin rights."
        );
    }
}
