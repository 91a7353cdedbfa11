//! What the contract tests expect NOT to hold, each with its reason. Every entry must still be
//! needed: an absence that turns up described, an alias nothing uses, an off-contract answer that
//! validates, or a skipped scenario the mock no longer has, fails the tests like a new surprise.

/// An operation the page calls that a deployment's description lacks. The page needs a
/// deliberate message for each (GitHub answers 404 there).
pub struct Absence {
    pub deployments: &'static [&'static str],
    pub operations: &'static [&'static str],
    pub reason: &'static str,
}

pub const ABSENT: &[Absence] = &[Absence {
    deployments: &["api.github.com"],
    operations: &[
        "POST /enterprises/{enterprise}/actions/runners/registration-token",
        "POST /enterprises/{enterprise}/actions/runners/remove-token",
        "POST /enterprises/{enterprise}/actions/runners/generate-jitconfig",
        "GET /enterprises/{enterprise}/actions/runners/downloads",
        "GET /enterprises/{enterprise}/actions/runners",
        "DELETE /enterprises/{enterprise}/actions/runners/{runner_id}",
        "GET /enterprises/{enterprise}/actions/runner-groups",
        "POST /enterprises/{enterprise}/actions/runners/{runner_id}/labels",
        "DELETE /enterprises/{enterprise}/actions/runners/{runner_id}/labels/{name}",
        "PUT /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners/{runner_id}",
        "POST /enterprises/{enterprise}/actions/runner-groups",
        "PATCH /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}",
        "DELETE /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}",
        "GET /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners",
        "GET /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations",
        "PUT /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations",
        "GET /enterprises/{enterprise}/actions/permissions",
    ],
    reason: "api.github.com.json describes github.com for personal and organization accounts. Enterprise \
             accounts exist on github.com only with GitHub Enterprise Cloud, whose description (ghec.json, \
             the same server https://api.github.com) has these endpoints. An enterprise scope on github.com \
             therefore works only for an Enterprise Cloud enterprise; any other slug answers 404.",
},
Absence {
    deployments: &["api.github.com", "ghes-3.17", "ghes-3.18", "ghes-3.19"],
    operations: &[
        "GET /repos/{owner}/{repo}/actions/runners/deprecations/{version}",
        "GET /orgs/{org}/actions/runners/deprecations/{version}",
        "GET /enterprises/{enterprise}/actions/runners/deprecations/{version}",
    ],
    reason: "Runner version deprecation schedules are new (2026) and described for GitHub Enterprise Cloud              only. Elsewhere the endpoint answers 404 (or 403), and the Runners tab then quietly shows only              the Outdated mark against the current version, without dates: e2e fleet::the_version_column_marks_             outdated_runners_with_githubs_schedule_where_there_is_one (a version the mock has no schedule for).",
},
Absence {
    deployments: &["ghes-3.17", "ghes-3.18"],
    operations: &[
        "GET /orgs/{org}/actions/permissions/self-hosted-runners",
        "PUT /orgs/{org}/actions/permissions/self-hosted-runners",
        "GET /orgs/{org}/actions/permissions/fork-pr-contributor-approval",
        "PUT /orgs/{org}/actions/permissions/fork-pr-contributor-approval",
        "GET /orgs/{org}/actions/permissions/fork-pr-workflows-private-repos",
        "PUT /orgs/{org}/actions/permissions/fork-pr-workflows-private-repos",
        "GET /repos/{owner}/{repo}/actions/permissions/fork-pr-contributor-approval",
        "PUT /repos/{owner}/{repo}/actions/permissions/fork-pr-contributor-approval",
        "GET /repos/{owner}/{repo}/actions/permissions/fork-pr-workflows-private-repos",
        "PUT /repos/{owner}/{repo}/actions/permissions/fork-pr-workflows-private-repos",
    ],
    reason: "GitHub Enterprise Server describes the repository-level self-hosted runner policy and the two fork \
             pull request policies (contributor approval, workflows in private repositories) from 3.19 on. An \
             older server answers 404 there, which the Security tab must show as a setting the server cannot \
             show, never as a pass, with no fix to offer (the mock's security-unreadable-org answers its \
             self-hosted-runners setting with that 404).",
}];

/// The reason an operation is expected to be absent from a deployment, if it is.
pub fn absence(deployment: &str, operation: &str) -> Option<&'static str> {
    ABSENT
        .iter()
        .find(|a| a.deployments.contains(&deployment) && a.operations.contains(&operation))
        .map(|a| a.reason)
}

/// A path the page requests (by following GitHub's `Link` header) that no description names,
/// and the described operation it is.
pub struct Alias {
    pub method: &'static str,
    pub path: &'static str,
    pub described_path: &'static str,
    pub reason: &'static str,
}

pub const ALIASES: &[Alias] = &[Alias {
    method: "GET",
    path: "/organizations/{org_id}/actions/runner-groups",
    described_path: "/orgs/{org}/actions/runner-groups",
    reason: "GitHub's Link header points an organization's later pages of runner groups at \
             /organizations/{org_id}/... (by id, not login); the descriptions name only /orgs/{org}/..., \
             so those pages are checked against that operation.",
}];

/// Which of a scenario's answers an [`OffContract`] entry covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answers {
    /// The registration and remove token answers only.
    Tokens,
    /// Every answer of that status.
    All,
}

/// A mock scenario that answers unlike GitHub on purpose: a proxy's page, a broken body. Each
/// answer it covers must FAIL validation in every deployment; every other answer must pass.
pub struct OffContract {
    pub scenario: &'static str,
    pub status: u16,
    pub answers: Answers,
    pub reason: &'static str,
}

const PROXY_PAGE: &str = "an HTML error page, as a proxy or a failing server sends it instead of GitHub's JSON";

pub const OFF_CONTRACT: &[OffContract] = &[
    OffContract {
        scenario: "broken-org",
        status: 500,
        answers: Answers::All,
        reason: PROXY_PAGE,
    },
    OffContract {
        scenario: "gateway-org",
        status: 502,
        answers: Answers::All,
        reason: PROXY_PAGE,
    },
    OffContract {
        scenario: "down-org",
        status: 502,
        answers: Answers::All,
        reason: PROXY_PAGE,
    },
    OffContract {
        scenario: "flaky-org",
        status: 502,
        answers: Answers::All,
        reason: PROXY_PAGE,
    },
    OffContract {
        scenario: "html-org",
        status: 201,
        answers: Answers::Tokens,
        reason: "a sign-in proxy's HTML page with a success status",
    },
    OffContract {
        scenario: "no-token-org",
        status: 201,
        answers: Answers::Tokens,
        reason: "a token answer without `token`, which the schema requires",
    },
    OffContract {
        scenario: "empty-org",
        status: 201,
        answers: Answers::Tokens,
        reason: "an empty body with a success status",
    },
    OffContract {
        scenario: "bad-expiry-org",
        status: 201,
        answers: Answers::Tokens,
        reason: "`expires_at` as a number, where the schema has a date-time string",
    },
    OffContract {
        scenario: "truncated-org",
        status: 201,
        answers: Answers::Tokens,
        reason: "JSON cut off mid-string",
    },
    OffContract {
        scenario: "null-token-org",
        status: 201,
        answers: Answers::Tokens,
        reason: "`token: null`, where the schema has a string",
    },
    OffContract {
        scenario: "thousand-repos-org",
        status: 201,
        answers: Answers::Tokens,
        reason: "benchmark only: its 1,000 repositories carry just the fields the page reads (189 KB). \
                 GitHub's schema wants full repository objects (73 required fields; scoped-org's are about \
                 5 KB each): 1,000 of them would be about 5 MB, five times the page's body limit \
                 (github::body::MAX_BODY, 1 MiB), which about 200 full objects already reach.",
    },
];

/// The index of the entry that says an answer is off-contract on purpose, if any.
pub fn off_contract(scenario: &str, status: u16, token_endpoint: bool) -> Option<usize> {
    OFF_CONTRACT
        .iter()
        .position(|o| o.scenario == scenario && o.status == status && (o.answers == Answers::All || token_endpoint))
}

/// Mock scenarios the contract tests do not request, and why.
pub const SKIPPED: &[(&str, &str)] = &[
    ("hang-org", "never answers: the page's time limit is what it tests"),
    ("drip-org", "sends its body one byte a second, forever"),
    (
        "lost-answer-org",
        "loses its answers on purpose: the connection breaks mid-body (e2e trust::*)",
    ),
    (
        "lost-delete-org",
        "loses its removals' answers on purpose: the connection breaks before a byte (e2e trust::*)",
    ),
    (
        "security-limited-org",
        "refuses its settings' PUTs with a secondary rate limit on purpose (e2e security::*); its reads are \
         security-org's, which is requested",
    ),
    (
        "security-lost-org",
        "loses the answers of its settings' PUTs and runner groups' PATCHes on purpose (the connection \
         breaks); its reads are security-org's, which is requested",
    ),
];

/// Every expected exception with its reason, for the coverage file.
pub fn markdown() -> String {
    let mut out =
        String::from("\n## Expected exceptions (tests/contract/expected.rs)\n\nAbsent from a description:\n\n");
    for a in ABSENT {
        for op in a.operations {
            out.push_str(&format!("- {}: `{op}`\n", a.deployments.join(", ")));
        }
        out.push_str(&format!("\n  Why: {}\n\n", a.reason));
    }
    out.push_str("Paths no description names:\n\n");
    for a in ALIASES {
        out.push_str(&format!(
            "- `{} {}`, checked as `{} {}`: {}\n",
            a.method, a.path, a.method, a.described_path, a.reason
        ));
    }
    out.push_str("\nMock answers unlike GitHub's on purpose (each must fail validation):\n\n");
    for o in OFF_CONTRACT {
        let which = match o.answers {
            Answers::Tokens => "token answers",
            Answers::All => "every answer",
        };
        out.push_str(&format!("- `{}` {} ({which}): {}\n", o.scenario, o.status, o.reason));
    }
    out.push_str("\nMock scenarios not requested:\n\n");
    for (s, why) in SKIPPED {
        out.push_str(&format!("- `{s}`: {why}\n"));
    }
    out
}
