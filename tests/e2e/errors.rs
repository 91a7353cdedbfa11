//! Every error class, one test each: the alert says what happened and what to do, quotes
//! GitHub's message and request id when there is one, and a retry on the same page succeeds.

use crate::page::{check, check_contains, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::World;
use mock_github::scenario::org;
use mock_github::StaticSite;
use std::time::Duration;

/// Where the failing request goes.
#[derive(Clone, Copy)]
pub enum Api {
    /// This test's mock, Enterprise Server layout.
    Mock,
    /// A loopback port nothing listens on.
    ClosedPort,
    /// A real server that does not speak CORS (the page's own static host).
    NoCors,
}

pub struct Case {
    slug: &'static str,
    org: &'static str,
    token: &'static str,
    api: Api,
    /// Texts the alert must contain.
    expect: &'static [&'static str],
    /// A link the alert must offer: (text, href).
    link: Option<(&'static str, &'static str)>,
}

impl Case {
    pub fn name(&self) -> String {
        format!("errors::{}", self.slug)
    }
}

const FINE_GRAINED: &str = "github_pat_11AAE2E0000000000000000";

pub fn cases() -> Vec<Case> {
    let case = |slug, org, expect| Case {
        slug,
        org,
        token: ACCESS_TOKEN,
        api: Api::Mock,
        expect,
        link: None,
    };
    vec![
        Case {
            token: "ghp_e2eToken_revoked",
            ..case(
                "status_401_bad_credentials_says_the_token_was_rejected",
                "octo-org",
                &["401 Bad credentials", "expired or revoked", "Bad credentials"],
            )
        },
        Case {
            link: Some((
                "Authorize this token for single sign-on",
                "https://github.com/orgs/sso-org/sso?authorization_request=AZ1SAML0TOKEN",
            )),
            ..case(
                "status_403_sso_links_to_the_authorization_page",
                org::SSO,
                &["single sign-on", "SAML enforcement"],
            )
        },
        case(
            "status_403_classic_tokens_forbidden_suggests_a_fine_grained_token",
            org::NO_CLASSIC,
            &[
                "does not accept personal access tokens (classic)",
                "Self-hosted runners",
                "forbids access via a personal access tokens (classic)",
            ],
        ),
        case(
            "status_403_token_lifetime_over_the_policy_says_to_shorten_it",
            org::LIFETIME,
            &["longer than its policy allows", "366 days"],
        ),
        case(
            "status_403_missing_scope_names_admin_org_and_the_scopes_the_token_has",
            org::MISSING_PERMISSION,
            &[
                "not allowed to manage the runners of scope-org",
                "admin:org",
                "This token has: read:org, repo",
                "Resource not accessible by personal access token",
            ],
        ),
        Case {
            token: FINE_GRAINED,
            ..case(
                "status_403_missing_permission_names_the_fine_grained_permission",
                org::MISSING_PERMISSION,
                &["Self-hosted runners", "Read and write"],
            )
        },
        case(
            "status_403_not_an_org_owner_says_only_owners_can",
            org::NOT_ADMIN,
            &["not an owner of member-org", "Must have admin rights to Repository."],
        ),
        case(
            "status_403_primary_rate_limit_gives_the_reset_time",
            org::RATE_LIMITED,
            &["rate limit for this token is used up", "Try again after"],
        ),
        case(
            "status_403_secondary_rate_limit_gives_retry_after",
            org::SECONDARY_LIMIT,
            &["secondary rate limit", "Wait 60 seconds"],
        ),
        case(
            "status_429_gives_retry_after",
            org::TOO_MANY,
            &["secondary rate limit", "Wait 30 seconds"],
        ),
        case(
            "status_404_says_wrong_org_or_no_access",
            org::MISSING,
            &[
                "No organization \u{201c}missing-org\u{201d}",
                "GitHub does not say which",
                "Not Found",
            ],
        ),
        case(
            "status_500_with_html_body_says_server_error",
            org::SERVER_ERROR,
            &["internal error (500)", "try again"],
        ),
        case(
            "status_502_says_server_error",
            org::BAD_GATEWAY,
            &["internal error (502)"],
        ),
        case(
            "status_302_redirect_says_check_the_api_url",
            org::REDIRECT,
            &["answered with a redirect", "/api/v3"],
        ),
        case("success_with_html_body_says_not_json", org::NOT_JSON, &["not JSON"]),
        case(
            "success_without_token_says_so",
            org::NO_TOKEN,
            &["no \u{201c}token\u{201d} field"],
        ),
        case("success_with_empty_body_says_so", org::EMPTY_BODY, &["body was empty"]),
        case(
            "success_with_numeric_expiry_says_so",
            org::BAD_EXPIRY,
            &["\u{201c}expires_at\u{201d}"],
        ),
        Case {
            api: Api::ClosedPort,
            ..case(
                "network_failure_names_the_unreachable_api_url",
                "octo-org",
                &["Could not reach http://127.0.0.1:"],
            )
        },
        Case {
            api: Api::NoCors,
            ..case(
                "cors_refusal_names_the_api_url_and_mentions_cors",
                "octo-org",
                &["Could not reach", "CORS"],
            )
        },
        case(
            "timeout_aborts_after_30_seconds_and_says_so",
            org::HANG,
            &["did not answer within 30 seconds"],
        ),
        case(
            "hostile_slow_drip_body_is_cut_off_at_the_time_limit",
            org::DRIP,
            &["did not answer within 30 seconds", "cancelled"],
        ),
        case(
            "hostile_10_mb_success_body_is_refused_by_size",
            org::HUGE,
            &["could not be used", "far more than the API sends here"],
        ),
        case("hostile_truncated_json_says_not_json", org::TRUNCATED, &["not JSON"]),
        case(
            "hostile_null_token_says_there_is_no_token",
            org::NULL_TOKEN,
            &["no \u{201c}token\u{201d} field"],
        ),
        case(
            "hostile_repeated_502_says_server_error_each_time",
            org::DOWN,
            &["internal error (502)"],
        ),
    ]
}

pub fn run(world: &World, case: &Case) -> Result<()> {
    let page = Page::new(world)?;
    // A plain static server on an origin of its own: it answers, but without CORS headers.
    let no_cors = StaticSite::start(env!("CARGO_MANIFEST_DIR")).map_err(|e| e.to_string())?;
    let api = match case.api {
        Api::Mock => page.mock.ghes_url(),
        Api::ClosedPort => format!("http://127.0.0.1:{}/api/v3", closed_port()?),
        Api::NoCors => format!("{}/api/v3", no_cors.url()),
    };
    page.visit(&format!("?api={api}"))?;
    page.submit(case.org, case.token)?;
    let alert = page
        .session
        .wait_for("an alert", Duration::from_secs(40), || {
            Ok(page.session.find_all("//div[@role='alert']")?.into_iter().next())
        })
        .map_err(|e| {
            format!(
                "{}\nbrowser console:\n{}",
                e.message().map_or("", |m| m),
                page.console().unwrap_or_default().join("\n")
            )
        })?;
    let text = alert.text()?;
    for expected in case.expect {
        check_contains(&text, expected)?;
    }
    // A hang has no answer, and an opaque redirect no readable headers.
    if matches!(case.api, Api::Mock) && ![org::HANG, org::REDIRECT, org::DRIP].contains(&case.org) {
        check_contains(&text, "Request ID: C0DE:")?;
    }
    if let Some((link_text, href)) = case.link {
        let link = page
            .session
            .find(&format!("//div[@role='alert']//a[normalize-space(.)='{link_text}']"))?;
        check(
            link.attribute("href")?.as_deref() == Some(href),
            format!("link goes to {href}"),
        )?;
    }
    check(
        page.button("Create registration token")?.is_enabled()?,
        "the button is usable again",
    )?;
    if case.org == org::DOWN {
        // Failing again is reported again, not swallowed or stuck.
        page.button("Create registration token")?.click()?;
        page.wait("a second 502", Duration::from_secs(10), || {
            Ok((page.mock.token_requests().len() == 2).then_some(()))
        })?;
        page.alert_containing("internal error (502)")?;
    }

    // The page stays usable: a corrected retry succeeds and the alert goes away.
    page.field("API URL")?.fill(&page.mock.ghes_url())?;
    page.create("octo-org", ACCESS_TOKEN)?;
    page.wait_for_text("Registration token for octo-org")?;
    check(
        page.alerts()?.is_empty(),
        "the old alert is gone after a successful retry",
    )
}

fn closed_port() -> Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}
