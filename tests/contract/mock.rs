//! Every answer the mock gives: for each of its scenarios (chosen by the scope's name, see
//! tests/mock-github/src/scenario.rs and fleet.rs), each request the page can send in each scope
//! kind, built by the page's own `Endpoint::call`, plus the requests that draw the mock's other
//! statuses (a taken runner name, an unknown group, a busy runner, an unchanged list, the next
//! page of a list). Each layout (github.com's and Enterprise Server's `/api/v3`) gets its own mock.

use crate::expected::SKIPPED;
use crate::spec::Layout;
use mock_github::MockGithub;
use runner_token::github::call::{Call, Method};
use runner_token::github::pagination::next_link;
use runner_token::github::{Endpoint, GroupFields, JitRequest, Scope, ScopeKind, TokenPurpose};
use std::time::Duration;

/// One answer, as received.
#[derive(Clone, Debug)]
pub struct Answer {
    pub layout: Layout,
    pub scenario: String,
    /// What was asked, in words (for messages).
    pub what: String,
    pub method: &'static str,
    /// Under the API base, with the query.
    pub path: String,
    pub status: u16,
    pub body: String,
}

impl Answer {
    /// `/orgs/X/actions/runners` of `/orgs/X/actions/runners?per_page=100`.
    pub fn route(&self) -> &str {
        self.path.split_once('?').map_or(&self.path, |(p, _)| p)
    }

    pub fn is_token_endpoint(&self) -> bool {
        self.route().ends_with("/registration-token") || self.route().ends_with("/remove-token")
    }
}

/// A scenario: the scope name that selects the mock's answers, and the access token sent.
#[derive(Clone, Debug)]
pub struct Scenario {
    pub key: String,
    pub token: Option<&'static str>,
    pub label: String,
}

/// The token sent everywhere but in the two token scenarios: a classic personal access token.
const TOKEN: &str = "ghp_contract0123456789";

/// Every scenario the mock has: the names in `pub mod org` (scenario.rs), `pub mod
/// fleet_scope` (fleet.rs) and `pub mod security_scope` (security.rs), read from the source so that a new one is covered without a word
/// here; plus a plain organization with a good, a revoked and no token.
pub fn scenarios() -> Result<Vec<Scenario>, String> {
    let src = crate::spec::root().join("tests/mock-github/src");
    let mut keys = Vec::new();
    for (file, module) in [
        ("scenario.rs", "pub mod org {"),
        ("fleet.rs", "pub mod fleet_scope {"),
        ("security.rs", "pub mod security_scope {"),
    ] {
        let text = std::fs::read_to_string(src.join(file)).map_err(|e| format!("{file}: {e}"))?;
        let body = text
            .split_once(module)
            .and_then(|(_, rest)| rest.split_once("\n}"))
            .map(|(body, _)| body)
            .ok_or_else(|| format!("{file}: no `{module}`"))?;
        keys.extend(body.lines().filter_map(|l| {
            let l = l.trim().strip_prefix("pub const ")?;
            let (_, value) = l.split_once("&str = \"")?;
            value.strip_suffix("\";").map(String::from)
        }));
    }
    if keys.len() < 40 {
        return Err(format!("only {} scenarios read from the mock's source", keys.len()));
    }
    for (skipped, _) in SKIPPED {
        if !keys.iter().any(|k| k == skipped) {
            return Err(format!("SKIPPED names {skipped}, which the mock no longer has"));
        }
    }
    let mut out: Vec<Scenario> = [
        (Some(TOKEN), "octo-org"),
        (Some("ghp_contract_revoked"), "octo-org (revoked token)"),
        (None, "octo-org (no token)"),
    ]
    .into_iter()
    .map(|(token, label)| Scenario {
        key: "octo-org".into(),
        token,
        label: label.into(),
    })
    .collect();
    out.extend(
        keys.into_iter()
            .filter(|k| !SKIPPED.iter().any(|(s, _)| s == k))
            .map(|key| Scenario {
                label: key.clone(),
                key,
                token: Some(TOKEN),
            }),
    );
    Ok(out)
}

/// Every answer for every scenario, in a stable order.
pub fn collect(scenarios: &[Scenario]) -> Result<Vec<Answer>, String> {
    let mocks = Layout::ALL
        .iter()
        .map(|&layout| {
            let mock = MockGithub::start().map_err(|e| format!("cannot start the mock: {e}"))?;
            Ok((layout, mock))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let jobs: Vec<(Layout, String, &Scenario)> = mocks
        .iter()
        .flat_map(|(layout, mock)| {
            let base = match layout {
                Layout::Cloud => mock.url(),
                Layout::Server => mock.ghes_url(),
            };
            scenarios.iter().map(move |s| (*layout, base.clone(), s))
        })
        .collect();
    // Several scenarios at once, the slow one (its groups answer 4 s late) first.
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| jobs[i].2.key != mock_github::scenario::org::SLOW_GROUPS);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<Vec<Answer>> = vec![Vec::new(); jobs.len()];
    std::thread::scope(|threads| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let (jobs, order, next) = (&jobs, &order, &next);
                threads.spawn(move || {
                    let agent = agent();
                    let mut done = Vec::new();
                    while let Some(&i) = order.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
                        let (layout, base, s) = &jobs[i];
                        done.push((i, exercise(&agent, *layout, base, s)));
                    }
                    done
                })
            })
            .collect();
        for h in handles {
            for (i, answers) in h.join().unwrap_or_default() {
                results[i] = answers;
            }
        }
    });
    drop(mocks);
    Ok(results.into_iter().flatten().collect())
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}

struct Client<'a> {
    agent: &'a ureq::Agent,
    layout: Layout,
    base: &'a str,
    scenario: &'a Scenario,
    answers: Vec<Answer>,
}

/// What came back for a request, for the requests that depend on it.
struct Got {
    status: u16,
    etag: Option<String>,
    link: Option<String>,
    /// The runner a just-in-time answer registered.
    runner_id: Option<u64>,
}

impl Client<'_> {
    fn send(&mut self, what: &str, call: &Call) -> Got {
        let url = format!("{}{}", self.base, call.path);
        let mut req = ureq::http::Request::builder()
            .method(call.method.as_str())
            .uri(&url)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28");
        if let Some(token) = self.scenario.token {
            req = req.header("Authorization", format!("Bearer {token}"));
        }
        if let Some(etag) = &call.if_none_match {
            req = req.header("If-None-Match", etag);
        }
        if call.body.is_some() {
            req = req.header("Content-Type", "application/json");
        }
        let sent = req
            .body(call.body.clone().unwrap_or_default())
            .map_err(|e| e.to_string())
            .and_then(|r| self.agent.run(r).map_err(|e| e.to_string()));
        let (status, headers, body) = match sent {
            Ok(mut res) => {
                let body = res
                    .body_mut()
                    .with_config()
                    .limit(64 << 20)
                    .read_to_string()
                    .unwrap_or_else(|e| format!("<unreadable body: {e}>"));
                (res.status().as_u16(), res.headers().clone(), body)
            }
            Err(e) => (0, Default::default(), format!("<no answer: {e}>")),
        };
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(String::from);
        let runner_id = serde_json::from_str::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v["runner"]["id"].as_u64())
            .filter(|_| status == 201);
        self.answers.push(Answer {
            layout: self.layout,
            scenario: self.scenario.label.clone(),
            what: what.to_string(),
            method: call.method.as_str(),
            path: call.path.clone(),
            status,
            body,
        });
        Got {
            status,
            etag: header("etag"),
            link: header("link"),
            runner_id,
        }
    }

    /// The next pages the page would fetch: at most two, and only under the API base.
    fn follow(&mut self, what: &str, mut got: Got) {
        for _ in 0..2 {
            let Some(next) = got
                .link
                .as_deref()
                .and_then(next_link)
                .and_then(|u| u.strip_prefix(self.base))
            else {
                return;
            };
            let call = Call::get(next.to_string());
            got = self.send(&format!("{what}, next page"), &call);
        }
    }
}

fn scope(kind: ScopeKind, key: &str) -> Option<Scope> {
    match kind {
        ScopeKind::Repository => Scope::parse(kind, &format!("octo-org/{key}")).ok(),
        _ => Scope::parse(kind, key).ok(),
    }
}

fn jit(name: &str, group: u64, labels: &[&str]) -> Endpoint {
    Endpoint::GenerateJitConfig(JitRequest {
        name: name.into(),
        runner_group_id: group,
        labels: labels.iter().map(|l| l.to_string()).collect(),
        work_folder: "_work".into(),
    })
}

fn exercise(agent: &ureq::Agent, layout: Layout, base: &str, scenario: &Scenario) -> Vec<Answer> {
    let mut c = Client {
        agent,
        layout,
        base,
        scenario,
        answers: Vec::new(),
    };
    if scenario.label == "octo-org" {
        c.send("the API root", &Call::root());
    }
    // huge-org's 10 MB answer is the same for every token endpoint and layout: one is enough.
    let huge = scenario.key == mock_github::scenario::org::HUGE;
    for kind in ScopeKind::ALL {
        let Some(scope) = scope(kind, &scenario.key) else {
            continue;
        };
        // slow-groups-org answers like any organization, 4 s late: once is enough for the wait.
        if scenario.key == mock_github::scenario::org::SLOW_GROUPS && kind != ScopeKind::Organization {
            continue;
        }
        if huge {
            if kind == ScopeKind::Organization && layout == Layout::Cloud {
                c.send(
                    "a registration token",
                    &Endpoint::RunnerToken(TokenPurpose::Registration).call(&scope),
                );
            }
            continue;
        }
        for endpoint in Endpoint::samples() {
            if endpoint == Endpoint::Root || !endpoint.kinds().contains(&kind) {
                continue;
            }
            // `RunnerToken(Registration)`, `RemoveRunner(23)`; the long ones by their variant alone.
            let name = format!("{endpoint:?}");
            let short = if name.len() <= 32 {
                &name
            } else {
                name.split('(').next().unwrap_or_default()
            };
            let what = format!("{short} for the {}", kind.noun());
            let call = endpoint.call(&scope);
            let got = c.send(&what, &call);
            match endpoint {
                Endpoint::Runners if got.status == 200 => {
                    // The page's next poll: unchanged, so a 304.
                    let again = Call {
                        if_none_match: got.etag.clone(),
                        ..call
                    };
                    c.send(&format!("{what}, unchanged"), &again);
                    c.follow(&what, got);
                }
                Endpoint::RunnerGroups => c.follow(&what, got),
                // A setting written: what the page reads next, the setting as changed.
                Endpoint::SetSelfHostedRunnersPolicy(_) => {
                    c.send(
                        &format!("{what}, read again"),
                        &Endpoint::SelfHostedRunnersPolicy.call(&scope),
                    );
                }
                Endpoint::SetForkPrApproval(_) => {
                    c.send(&format!("{what}, read again"), &Endpoint::ForkPrApproval.call(&scope));
                }
                Endpoint::SetForkPrPrivateRepos(_) => {
                    c.send(
                        &format!("{what}, read again"),
                        &Endpoint::ForkPrPrivateRepos.call(&scope),
                    );
                }
                Endpoint::SetWorkflowPermissions(_) => {
                    c.send(
                        &format!("{what}, read again"),
                        &Endpoint::WorkflowPermissions.call(&scope),
                    );
                }
                _ => {}
            }
        }
        // A just-in-time runner of this kind's own, removed again: the page's create and remove.
        let created = c.send(
            &format!("a just-in-time runner ({})", kind.noun()),
            &jit(
                &format!("contract-{}", kind.noun()),
                1,
                &["self-hosted", "Linux", "X64"],
            )
            .call(&scope),
        );
        if let Some(id) = created.runner_id {
            c.send(
                &format!("removing it ({})", kind.noun()),
                &Endpoint::RemoveRunner(id).call(&scope),
            );
        }
        // The mock's other answers to requests the page sends.
        let more = [
            (
                "a just-in-time runner with a taken name",
                jit(mock_github::scenario::runner::TAKEN, 1, &["a"]),
            ),
            ("a just-in-time runner in no group", jit("contract-1", 99, &["a"])),
            ("a just-in-time runner in group 4", jit("contract-2", 4, &["a"])),
            ("a just-in-time runner without labels", jit("contract-3", 1, &[])),
            ("removing a busy runner", Endpoint::RemoveRunner(12)),
            ("removing an idle runner", Endpoint::RemoveRunner(11)),
        ];
        for (what, endpoint) in more {
            c.send(&format!("{what} ({})", kind.noun()), &endpoint.call(&scope));
        }
        if kind.has_groups() {
            // A taken group name (409), a group that is not there (404), an organization that
            // does not exist (404).
            let taken = Endpoint::CreateGroup(GroupFields {
                name: Some("Default".into()),
                ..GroupFields::default()
            });
            c.send(
                &format!("a runner group with a taken name ({})", kind.noun()),
                &taken.call(&scope),
            );
            let gone = Endpoint::UpdateGroup {
                group: 999,
                fields: GroupFields {
                    name: Some("Gone".into()),
                    ..GroupFields::default()
                },
            };
            c.send(
                &format!("editing a runner group that is gone ({})", kind.noun()),
                &gone.call(&scope),
            );
            if kind == ScopeKind::Enterprise {
                let missing = Endpoint::OrganizationNamed("no-such-org".into());
                c.send("an organization that does not exist", &missing.call(&scope));
            }
        }
        // Bodies the page never sends, for the mock's remaining refusals.
        let path = jit("x", 1, &["a"]).call(&scope).path;
        for (what, body) in [
            (
                "a just-in-time runner without a group",
                r#"{"name":"contract-4","labels":["a"]}"#,
            ),
            ("a just-in-time request that is not JSON", "{"),
        ] {
            let call = Call {
                method: Method::Post,
                path: path.clone(),
                body: Some(body.into()),
                if_none_match: None,
            };
            c.send(&format!("{what} ({})", kind.noun()), &call);
        }
    }
    c.answers
}
