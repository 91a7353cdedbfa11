//! What the Troubleshoot tab reads, typed: a repository (`GET /repos/{o}/{r}`), its workflow runs
//! and their jobs, the account (`GET /user`) and the rate limit (`GET /rate_limit`). Read
//! leniently: an item without an id is left out. Runner groups with their access rules are the
//! Runner groups tab's [`GroupInfo`](super::GroupInfo).

use super::body::{self, BodyProblem, LenientList, Scalar};
use crate::expiry::Expiry;
use serde::Deserialize;

/// A repository as far as a waiting job needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepositoryInfo {
    pub id: u64,
    pub full_name: String,
    pub private: bool,
    /// Owned by an organization (which may have runner groups), not a user.
    pub org_owned: bool,
}

/// One workflow run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkflowRun {
    pub id: u64,
    /// The workflow's name.
    pub name: String,
    /// The workflow file, `.github/workflows/ci.yml`.
    pub path: String,
    pub created_ms: Option<i64>,
}

/// One job of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkflowJob {
    pub id: u64,
    pub run_id: u64,
    pub name: String,
    pub status: String,
    /// Its `runs-on` labels.
    pub labels: Vec<String>,
    pub workflow_name: String,
    pub created_ms: Option<i64>,
    pub html_url: Option<String>,
}

/// `GET /rate_limit`'s core budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateLimit {
    pub limit: u64,
    pub remaining: u64,
    /// Unix seconds.
    pub reset: Option<i64>,
}

/// A list of texts, read from any value: what is not a list is empty, items that are not text
/// are skipped.
#[derive(Default)]
struct Texts(Vec<String>);

impl<'de> Deserialize<'de> for Texts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextsVisitor;
        impl<'de> serde::de::Visitor<'de> for TextsVisitor {
            type Value = Texts;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Texts, A::Error> {
                let mut texts = Vec::new();
                while let Some(item) = seq.next_element::<Scalar>()? {
                    texts.extend(item.into_text());
                }
                Ok(Texts(texts))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Texts, A::Error> {
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Texts::default())
            }
            fn visit_unit<E>(self) -> Result<Texts, E> {
                Ok(Texts::default())
            }
            fn visit_bool<E>(self, _: bool) -> Result<Texts, E> {
                Ok(Texts::default())
            }
            fn visit_i64<E>(self, _: i64) -> Result<Texts, E> {
                Ok(Texts::default())
            }
            fn visit_u64<E>(self, _: u64) -> Result<Texts, E> {
                Ok(Texts::default())
            }
            fn visit_f64<E>(self, _: f64) -> Result<Texts, E> {
                Ok(Texts::default())
            }
            fn visit_str<E>(self, _: &str) -> Result<Texts, E> {
                Ok(Texts::default())
            }
        }
        d.deserialize_any(TextsVisitor)
    }
}

#[derive(Deserialize)]
struct RepoBody {
    #[serde(default)]
    id: Scalar,
    #[serde(default)]
    full_name: Scalar,
    #[serde(default)]
    private: Scalar,
    #[serde(default)]
    owner: body::Lenient<OwnerBody>,
}

#[derive(Deserialize)]
struct OwnerBody {
    #[serde(default, rename = "type")]
    kind: Scalar,
    #[serde(default)]
    login: Scalar,
}

pub fn parse_repository(text: &str) -> Result<RepositoryInfo, BodyProblem> {
    let b: RepoBody = body::parse_object(text)?;
    let owner = b.owner.0;
    Ok(RepositoryInfo {
        id: b.id.id().ok_or(BodyProblem::MissingField("id"))?,
        full_name: b.full_name.into_text().ok_or(BodyProblem::MissingField("full_name"))?,
        // A repository whose privacy is not said is treated as public: the stricter case.
        private: b.private.bool().unwrap_or(false),
        org_owned: owner.is_some_and(|o| o.kind.text() == Some("Organization") && o.login.text().is_some()),
    })
}

#[derive(Deserialize)]
struct RunsBody {
    #[serde(default)]
    workflow_runs: LenientList<RunBody>,
}

#[derive(Deserialize)]
struct RunBody {
    #[serde(default)]
    id: Scalar,
    #[serde(default)]
    name: Scalar,
    #[serde(default)]
    path: Scalar,
    #[serde(default)]
    created_at: Scalar,
}

fn time(s: &Scalar) -> Option<i64> {
    Expiry::parse_rfc3339(s.text()?).ok().map(Expiry::unix_ms)
}

pub fn parse_runs(text: &str) -> Result<Vec<WorkflowRun>, BodyProblem> {
    let b: RunsBody = body::parse_object(text)?;
    let list = b.workflow_runs.0.ok_or(BodyProblem::MissingField("workflow_runs"))?;
    Ok(list
        .into_iter()
        .filter_map(|r| {
            Some(WorkflowRun {
                id: r.id.id()?,
                created_ms: time(&r.created_at),
                name: r.name.into_text().unwrap_or_default(),
                path: r.path.into_text().unwrap_or_default(),
            })
        })
        .collect())
}

#[derive(Deserialize)]
struct JobsBody {
    #[serde(default)]
    jobs: LenientList<JobBody>,
}

#[derive(Deserialize)]
struct JobBody {
    #[serde(default)]
    id: Scalar,
    #[serde(default)]
    run_id: Scalar,
    #[serde(default)]
    name: Scalar,
    #[serde(default)]
    status: Scalar,
    #[serde(default)]
    labels: Texts,
    #[serde(default)]
    workflow_name: Scalar,
    #[serde(default)]
    created_at: Scalar,
    #[serde(default)]
    html_url: Scalar,
}

pub fn parse_jobs(text: &str) -> Result<Vec<WorkflowJob>, BodyProblem> {
    let b: JobsBody = body::parse_object(text)?;
    let list = b.jobs.0.ok_or(BodyProblem::MissingField("jobs"))?;
    Ok(list
        .into_iter()
        .filter_map(|j| {
            let labels = j.labels.0;
            Some(WorkflowJob {
                id: j.id.id()?,
                run_id: j.run_id.id().unwrap_or(0),
                created_ms: time(&j.created_at),
                name: j.name.into_text().unwrap_or_default(),
                status: j.status.into_text().unwrap_or_default(),
                labels,
                workflow_name: j.workflow_name.into_text().unwrap_or_default(),
                // Only a web address is a link.
                html_url: j
                    .html_url
                    .into_text()
                    .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            })
        })
        .collect())
}

#[derive(Deserialize)]
struct UserBody {
    #[serde(default)]
    login: Scalar,
}

/// The account's login.
pub fn parse_user(text: &str) -> Result<String, BodyProblem> {
    let b: UserBody = body::parse_object(text)?;
    b.login.into_text().ok_or(BodyProblem::MissingField("login"))
}

#[derive(Deserialize)]
struct RateBody {
    #[serde(default)]
    resources: body::Lenient<Resources>,
    #[serde(default)]
    rate: body::Lenient<Budget>,
}

#[derive(Deserialize)]
struct Resources {
    #[serde(default)]
    core: body::Lenient<Budget>,
}

#[derive(Deserialize)]
struct Budget {
    #[serde(default)]
    limit: Scalar,
    #[serde(default)]
    remaining: Scalar,
    #[serde(default)]
    reset: Scalar,
}

/// The core budget (`resources.core`, else the older `rate`).
pub fn parse_rate_limit(text: &str) -> Result<RateLimit, BodyProblem> {
    let b: RateBody = body::parse_object(text)?;
    let budget = b
        .resources
        .0
        .and_then(|r| r.core.0)
        .or(b.rate.0)
        .ok_or(BodyProblem::MissingField("resources"))?;
    Ok(RateLimit {
        limit: budget.limit.id().ok_or(BodyProblem::MissingField("limit"))?,
        remaining: budget.remaining.id().ok_or(BodyProblem::MissingField("remaining"))?,
        reset: budget.reset.id().and_then(|r| i64::try_from(r).ok()),
    })
}

/// The scopes of `X-OAuth-Scopes` (`"admin:org, repo"`); an empty header is a token with none.
pub fn oauth_scopes(header: &str) -> Vec<String> {
    header
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_a_repository_its_runs_and_their_jobs() {
        let repo = parse_repository(
            r#"{"id":42,"full_name":"octo-org/app","private":false,"owner":{"login":"octo-org","type":"Organization"}}"#,
        )
        .unwrap();
        assert_eq!(
            repo,
            RepositoryInfo {
                id: 42,
                full_name: "octo-org/app".into(),
                private: false,
                org_owned: true
            }
        );
        let user_repo =
            parse_repository(r#"{"id":1,"full_name":"me/x","private":true,"owner":{"login":"me","type":"User"}}"#)
                .unwrap();
        assert!(!user_repo.org_owned && user_repo.private);
        assert_eq!(
            parse_repository(r#"{"full_name":"a/b"}"#),
            Err(BodyProblem::MissingField("id"))
        );

        let runs = parse_runs(r#"{"total_count":2,"workflow_runs":[{"id":7,"name":"CI","path":".github/workflows/ci.yml","created_at":"2026-12-01T10:00:00Z"},{"name":"no id"}]}"#).unwrap();
        assert_eq!(runs.len(), 1);
        assert_eq!((runs[0].id, runs[0].path.as_str()), (7, ".github/workflows/ci.yml"));
        assert_eq!(runs[0].created_ms, Some(1_796_119_200_000));

        let jobs = parse_jobs(r#"{"jobs":[{"id":9,"run_id":7,"name":"build","status":"queued","labels":["self-hosted","gpu",3],"workflow_name":"CI","html_url":"javascript:alert(1)"}]}"#).unwrap();
        assert_eq!(jobs[0].labels, ["self-hosted", "gpu"]);
        assert_eq!(jobs[0].html_url, None);
        assert_eq!(parse_jobs("{}"), Err(BodyProblem::MissingField("jobs")));
    }

    #[test]
    fn reads_the_account_the_rate_limit_and_token_headers() {
        assert_eq!(parse_user(r#"{"login":"octocat"}"#).unwrap(), "octocat");
        let rate = parse_rate_limit(r#"{"resources":{"core":{"limit":5000,"remaining":4999,"reset":1764583200,"used":1}},"rate":{"limit":1,"remaining":0}}"#).unwrap();
        assert_eq!(
            (rate.limit, rate.remaining, rate.reset),
            (5000, 4999, Some(1_764_583_200))
        );
        assert_eq!(
            oauth_scopes("admin:org, repo,  workflow"),
            ["admin:org", "repo", "workflow"]
        );
        assert!(oauth_scopes("").is_empty());
    }

    proptest! {
        #[test]
        fn no_text_makes_a_parser_panic(s in "\\PC{0,200}") {
            let _ = parse_repository(&s);
            let _ = parse_runs(&s);
            let _ = parse_jobs(&s);
            let _ = parse_rate_limit(&s);
        }
    }
}
