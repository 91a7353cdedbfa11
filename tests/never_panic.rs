//! Never panic: every function that takes text from the user or the network, fed 100,000
//! generated inputs each. With `panic = "abort"` in the page, any panic would kill it, so a
//! panic here is a failure (proptest catches it and shrinks it to a minimal input).
//!
//! Each target prints its case count and time to stderr (`cargo test --test never_panic --
//! --nocapture`); docs/security.md records a run.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use runner_token::deep_link::{share_query, DeepLink};
use runner_token::expiry::{Expiry, Remaining};
use runner_token::form::FormInput;
use runner_token::github::actions::{
    oauth_scopes, parse_jobs, parse_rate_limit, parse_repository, parse_runs, parse_user,
};
use runner_token::github::downloads::parse_downloads;
use runner_token::github::error::ResponseMeta;
use runner_token::github::groups::parse_group_infos;
use runner_token::github::jit::parse_jit_config;
use runner_token::github::pagination::next_link;
use runner_token::github::runner_token::parse_runner_token;
use runner_token::github::runners::parse_runners;
use runner_token::github::scope::parse_address;
use runner_token::github::{AccessToken, ApiBase, ApiError, GroupInfo, PerScope, Scope, ScopeKind, Secret, WebBase};
use runner_token::runner::quote;
use runner_token::runner::{Arch, ConfigCommand, Job, OptionsInput, Os, RunnerPlatform, SetupScript};
use runner_token::words::runners::summary;
use std::time::Instant;

const CASES: u32 = 100_000;

fn run<S: Strategy>(name: &str, strategy: S, f: impl Fn(S::Value)) {
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    let start = Instant::now();
    if let Err(e) = runner.run(&strategy, |v| {
        f(v);
        Ok(())
    }) {
        panic!("{name}: {e}");
    }
    eprintln!("never_panic: {name}: {CASES} cases in {:.2?}", start.elapsed());
}

/// Text a user or server might send: arbitrary Unicode, printable ASCII, or pieces that mean
/// something to these parsers glued together.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "https://",
        "http://",
        "javascript:",
        "api.github.com",
        "/api/v3",
        "ghe.com",
        "api.",
        "@",
        ":",
        "[::1]",
        "127.0.0.1",
        "localhost",
        "%2F",
        "..",
        "/",
        "?",
        "#",
        "ghp_",
        "github_pat_",
        "Bearer ",
        "token ",
        " ",
        "\n",
        "\t",
        "\0",
        "\"",
        "'",
        "\\",
        "$(",
        "`",
        ";",
        "{",
        "}",
        "[",
        "]",
        ",",
        "\"token\":",
        "\"expires_at\":",
        "2026-11-21",
        "T",
        "12:13:35",
        ".123",
        "Z",
        "+05:45",
        "-08:00",
        "null",
        "true",
        "1e309",
        "-",
        "--",
        "é",
        "\u{202e}",
        "\u{1F600}",
        "<",
        ">",
        "rel=\"next\"",
        "9999",
        "00",
    ]);
    prop_oneof![
        any::<String>(),
        "[ -~]{0,80}",
        prop::collection::vec(pieces, 0..16).prop_map(|v| v.concat()),
    ]
}

/// JSON built from the keys the parsers look for, with values of every type.
fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::Value::Number(n.into())),
        text().prop_map(serde_json::Value::String),
    ];
    let keys = prop::sample::select(vec![
        "token",
        "expires_at",
        "message",
        "repositories",
        "permissions",
        "repository_selection",
        "single_file",
        "full_name",
        "html_url",
        "private",
        "os",
        "architecture",
        "download_url",
        "filename",
        "sha256_checksum",
        "runner_groups",
        "name",
        "default",
        "id",
        "temp_download_token",
        "runner",
        "encoded_jit_config",
        "runners",
        "total_count",
        "status",
        "busy",
        "ephemeral",
        "runner_group_id",
        "labels",
    ]);
    let value = leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..8)
                .prop_map(|kv| serde_json::Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    });
    value.prop_map(|v| v.to_string())
}

fn platform() -> impl Strategy<Value = RunnerPlatform> {
    (0..3usize, 0..3usize).prop_map(|(o, a)| {
        let os = Os::ALL[o];
        RunnerPlatform::new(os, [Arch::X64, Arch::Arm64, Arch::Arm][a])
            .unwrap_or(RunnerPlatform { os, arch: Arch::X64 })
    })
}

#[test]
fn registration_parser_on_any_text() {
    run("parse_runner_token(text)", text(), |s| drop(parse_runner_token(&s)));
}

#[test]
fn registration_parser_on_any_json() {
    run("parse_runner_token(json)", json_text(), |s| {
        drop(parse_runner_token(&s))
    });
}

#[test]
fn runner_list_parser() {
    run(
        "parse_runners + filter + summary",
        (prop_oneof![text(), json_text()], text()),
        |(s, needle)| {
            if let Ok(page) = parse_runners(&s) {
                let needle = needle.to_ascii_lowercase();
                drop(summary(page.runners.iter().filter(|r| r.matches(&needle))));
            }
        },
    );
}

#[test]
fn jit_parser() {
    run(
        "parse_jit_config (text and json)",
        prop_oneof![text(), json_text()],
        |s| drop(parse_jit_config(&s)),
    );
}

#[test]
fn downloads_and_groups_parsers() {
    run(
        "parse_downloads + package lookup + parse_group_infos + next_link",
        (prop_oneof![text(), json_text()], platform()),
        |(s, p)| {
            if let Ok(packages) = parse_downloads(&s) {
                let _ = p.package(&packages);
            }
            drop(parse_group_infos(&s));
            let _ = next_link(&s);
        },
    );
}

#[test]
fn troubleshoot_parsers_and_verdicts() {
    use runner_token::runner::waiting::{verdict, Place, Placed};
    run(
        "parse_repository + parse_runs + parse_jobs + parse_group_infos + parse_user + parse_rate_limit + token headers + verdict",
        (prop_oneof![text(), json_text()], prop::collection::vec(text(), 0..4)),
        |(s, labels)| {
            drop(parse_repository(&s));
            drop(parse_runs(&s));
            drop(parse_user(&s));
            drop(parse_rate_limit(&s));
            let _ = oauth_scopes(&s);
            let groups = parse_group_infos(&s).unwrap_or_default();
            let runners = parse_runners(&s).map(|p| p.runners).unwrap_or_default();
            let placed: Vec<Placed> = runners
                .into_iter()
                .zip(groups.into_iter().map(Some).chain(std::iter::repeat(None)))
                .map(|(runner, group)| Placed {
                    runner,
                    place: group.map_or(Place::Repository, |group| Place::Group { group, open: false }),
                })
                .collect();
            for mut job in parse_jobs(&s).unwrap_or_default() {
                job.labels.extend(labels.iter().cloned());
                let repo = runner_token::github::actions::RepositoryInfo {
                    id: 1,
                    full_name: "o/r".into(),
                    private: false,
                    org_owned: true,
                };
                let _ = verdict(&job, &s, &repo, &placed);
            }
        },
    );
}

#[test]
fn security_parsers_review_and_words() {
    use runner_token::github::policies::{
        parse_actions_permissions, parse_fork_approval, parse_fork_private, parse_has_public_repositories,
        parse_self_hosted_runners, parse_workflow_permissions,
    };
    use runner_token::github::ScopeKind;
    use runner_token::runner::review::{checks, review, Facts};
    use runner_token::words::security::{found, not_checked, report, summary};
    use std::collections::BTreeSet;
    run(
        "policies parsers + review + words: every check passed, found or not checked, never two",
        (prop_oneof![text(), json_text()], 0..3usize),
        |(s, k)| {
            let kind = [ScopeKind::Organization, ScopeKind::Repository, ScopeKind::Enterprise][k];
            let org = kind == ScopeKind::Organization;
            let org_or_repo = kind != ScopeKind::Enterprise;
            let facts = Facts {
                kind,
                groups: kind.has_groups().then(|| parse_group_infos(&s).map_err(bad)),
                runners: parse_runners(&s).map(|p| p.runners).map_err(bad),
                public_repositories: org.then(|| parse_has_public_repositories(&s).map_err(bad)),
                repository: (kind == ScopeKind::Repository).then(|| parse_repository(&s).map_err(bad)),
                self_hosted: org.then(|| parse_self_hosted_runners(&s).map_err(bad)),
                fork_approval: org_or_repo.then(|| parse_fork_approval(&s).map_err(bad)),
                fork_private: org_or_repo.then(|| parse_fork_private(&s).map_err(bad)),
                workflow: org_or_repo.then(|| parse_workflow_permissions(&s).map_err(bad)),
                actions: parse_actions_permissions(&s).map_err(bad),
                current_version: parse_downloads(&s)
                    .map(|p| p.iter().find_map(|p| p.version().map(String::from)))
                    .map_err(bad),
            };
            let r = review(&facts);
            let passed: BTreeSet<_> = r.passed.iter().copied().collect();
            let unread: BTreeSet<_> = r.not_checked.iter().map(|n| n.check).collect();
            let found_in: BTreeSet<_> = r.findings.iter().map(|f| f.check).collect();
            assert!(passed.is_disjoint(&unread) && passed.is_disjoint(&found_in) && unread.is_disjoint(&found_in));
            let all: BTreeSet<_> = passed.union(&unread).chain(found_in.iter()).copied().collect();
            assert_eq!(all, checks(kind).into_iter().collect::<BTreeSet<_>>());
            assert!(!r.is_clean() || (r.findings.is_empty() && r.not_checked.is_empty()));
            // Nothing unread is a pass: a check whose setting could not be read is not passed.
            use runner_token::runner::review::Check;
            let failed = |read: Option<bool>| read == Some(true);
            let unread_of = |c: Check| match c {
                Check::RepositoryRunners => failed(facts.self_hosted.as_ref().map(Result::is_err)),
                Check::ForkApproval => failed(facts.fork_approval.as_ref().map(Result::is_err)),
                Check::ForkPrivate => failed(facts.fork_private.as_ref().map(Result::is_err)),
                Check::DefaultPermissions | Check::ApprovePullRequests => {
                    failed(facts.workflow.as_ref().map(Result::is_err))
                }
                Check::AllowedActions => facts.actions.is_err(),
                Check::RunnerVersions => facts.runners.is_err() || !matches!(facts.current_version, Ok(Some(_))),
                Check::PublicGroups => failed(facts.groups.as_ref().map(Result::is_err)),
                Check::ReachableRunners | Check::PublicRepository => false,
            };
            for c in &r.passed {
                assert!(!unread_of(*c), "{c:?} passed though its setting was not read");
            }
            for f in &r.findings {
                let _ = found(f, "o");
                if let Some(fix) = &f.fix {
                    let _ = fix.endpoint();
                }
            }
            for n in &r.not_checked {
                let _ = not_checked(n.check, &n.error, kind);
            }
            let said = summary(&r, "o");
            assert!(!said.starts_with("No findings") || r.is_clean());
            let _ = report(&r, "o", kind, &[]);
        },
    );
}

/// A body that could not be read, as the client says it.
fn bad(problem: runner_token::github::body::BodyProblem) -> runner_token::github::ApiError {
    runner_token::github::ApiError::bad_body(200, &Default::default(), problem)
}

#[test]
fn error_mapping_on_any_answer() {
    let headers = prop::collection::vec(prop::option::of(text()), 8);
    run(
        "ApiError::from_response",
        (any::<u16>(), headers, prop_oneof![text(), json_text()]),
        |(status, h, body)| {
            let meta = ResponseMeta {
                request_id: h[0].clone(),
                sso: h[1].clone(),
                oauth_scopes: h[2].clone(),
                ratelimit_remaining: h[3].clone(),
                ratelimit_reset: h[4].clone(),
                retry_after: h[5].clone(),
                link: h[6].clone(),
                etag: h[7].clone(),
            };
            let e = ApiError::from_response(status, &meta, &body);
            drop(runner_token::words::explain(&e, &context(), &|ms| ms.to_string()));
        },
    );
}

fn context() -> runner_token::words::ErrorContext {
    runner_token::words::ErrorContext {
        operation: runner_token::operation::Operation::JustInTime {
            runner: "build-1".into(),
        },
        subject: "octo-org".into(),
        kind: ScopeKind::Organization,
        api: "https://api.github.com".into(),
        web: "https://github.com".into(),
        token_kind: runner_token::github::TokenKind::Classic,
    }
}

#[test]
fn url_derivation() {
    run(
        "ApiBase::parse + web_base + relative, WebBase::parse",
        (text(), text()),
        |(a, b)| {
            if let Ok(api) = ApiBase::parse(&a) {
                drop(api.web_base());
                let _ = api.relative(&b);
                drop(api.endpoint(&b));
            }
            drop(WebBase::parse(&b));
        },
    );
}

#[test]
fn form_validation() {
    let fields = (text(), text(), text(), text(), 0..3usize);
    run(
        "FormInput::validate (every scope, token, api, server) + parse_address",
        fields,
        |(name, token, api, server, k)| {
            drop(parse_address(&name));
            drop(AccessToken::parse(&token));
            let kind = ScopeKind::ALL[k];
            if let Ok(scope) = Scope::parse(kind, &name) {
                drop(scope.api_path());
                drop(scope.to_string());
            }
            let form = FormInput {
                kind,
                scope: PerScope::from_fn(|_| name.clone()),
                api,
                server,
            };
            if let Ok(valid) = form.validate(&token) {
                drop(valid.target.scope.runner_url(&valid.web_base));
            }
        },
    );
}

#[test]
fn options_and_script_building() {
    let input = (
        text(),
        text(),
        text(),
        text(),
        prop::collection::vec(any::<bool>(), 7),
        prop::option::of(any::<bool>()),
    );
    run(
        "OptionsInput::validate + SetupScript (steps, full text)",
        (input, platform(), text()),
        |((name, labels, group, work, b, unattended), p, token)| {
            let input = OptionsInput {
                name,
                labels,
                group,
                work,
                unattended,
                no_default_labels: b[0],
                ephemeral: b[1],
                replace: b[2],
                disable_update: b[3],
                service: b[4],
            };
            let groups = [GroupInfo {
                id: 1,
                name: "Default".into(),
                default: true,
                ..GroupInfo::default()
            }];
            if let Ok(jit) = input.jit_request(&input.labels, b[5], Some(&groups)) {
                drop(jit.to_json());
            }
            if let Ok(options) = input.validate(p.os.shell()) {
                let command = ConfigCommand {
                    url: "https://github.com/octo-org".into(),
                    token: Secret::new(token.clone()),
                };
                let jobs = [
                    Job::Configure { command, options },
                    Job::JustInTime {
                        config: Secret::new(token.clone()),
                        name: "jit-1".into(),
                    },
                    Job::Remove {
                        token: Secret::new(token),
                        service: b[4],
                    },
                ];
                for job in jobs {
                    let script = SetupScript {
                        platform: p,
                        package: None,
                        job,
                    };
                    drop(script.full_text(b[5]));
                    drop(script.steps(b[6]));
                    drop(script.main_command(b[6]));
                }
            }
        },
    );
}

#[test]
fn quoting() {
    run("quote::posix + quote::powershell", text(), |s| {
        drop(quote::posix(&s));
        drop(quote::powershell(&s));
    });
}

#[test]
fn expiry_parsing() {
    run(
        "Expiry::parse_rfc3339 + Remaining",
        (text(), any::<i64>()),
        |(s, now)| {
            if let Ok(e) = Expiry::parse_rfc3339(&s) {
                drop(e.utc_iso());
                drop(e.utc_text());
                drop(Remaining::at(e, now).to_string());
            }
        },
    );
}

#[test]
fn deep_links() {
    let pairs = prop::collection::vec((text(), text()), 0..8);
    run(
        "DeepLink::from_pairs + platform + share_query",
        (pairs, platform()),
        |(pairs, p)| {
            let link = DeepLink::from_pairs(&pairs, |s| s.to_string());
            let chosen = link.platform(p);
            let scope = (
                link.scope.unwrap_or_default(),
                link.names.organization.as_deref().unwrap_or(""),
            );
            drop(share_query(
                scope,
                link.action.unwrap_or_default(),
                link.api.as_deref(),
                chosen,
                &link.options,
                |s| s.to_string(),
            ));
        },
    );
}
