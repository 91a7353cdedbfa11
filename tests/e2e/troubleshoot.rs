//! The Troubleshoot tab: Check token reports what the card's token can do (each token kind, from
//! read requests only, nothing sent on paste), and Find waiting jobs says why each queued job
//! of a repository waits, with Open group behind a confirmation, sent once.

use crate::page::{check, check_contains, lit, region, Page, ACCESS_TOKEN};
use crate::webdriver::Element;
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::scenario::org::{MISSING_PERMISSION, QUIET_REPO, SSO, WAITING_ORG};
use mock_github::troubleshoot::REPOSITORY_ID;
use std::time::Duration;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        a_classic_token_with_its_scope_can_and_only_gets_are_sent_after_the_click,
        a_classic_token_without_admin_org_is_told_which_scope_and_where_to_get_one,
        a_token_that_needs_sso_authorization_gets_the_authorization_link,
        a_fine_grained_token_is_probed_and_a_refused_read_is_named,
        an_enterprise_refuses_a_fine_grained_token,
        every_waiting_job_gets_its_reason_from_gets_only,
        open_group_is_confirmed_sent_once_and_checked_again,
        a_token_without_organization_access_gets_verdicts_from_the_repository_runners_only,
        no_waiting_job_says_so_with_the_time_and_check_again_asks_again,
    ]
}

const FINE_GRAINED: &str = "github_pat_11AE2eFineGrained0123456789abcdef";
const REPO_ONLY: &str = "ghp_e2eRepoOnly0123456789abcdefghijkl";
const NO_ORG: &str = "ghp_e2eNoOrgAccess0123456789abcdefgh";
const REPO: &str = "waiting-org/waiting-repo";

/// The page on the Troubleshoot tab with `org` and `token` in the card.
fn opened<'w>(world: &'w World, org: &str, token: &str) -> Result<Page<'w>> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.fill_form(org, token)?;
    page.open_tab("Troubleshoot")?;
    page.button("Check token")?;
    Ok(page)
}

/// `METHOD path` of every request but preflights, the API prefix dropped.
fn sent(page: &Page) -> Vec<String> {
    page.mock
        .api_requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.path.trim_start_matches("/api/v3")))
        .collect()
}

/// The report's verdict (its first line).
fn verdict(page: &Page) -> Result<String> {
    page.session
        .find("//div[@role='status'][p[@class='alert-title']]//strong")?
        .text()
}

fn check_token(page: &Page) -> Result<String> {
    page.button("Check token")?.click()?;
    page.wait_for_text("Rate limit:")?;
    verdict(page)
}

fn fact(page: &Page, topic: &str) -> Result<String> {
    let items = page.session.find_all(&format!(
        "//ul[@aria-label='What the check found']/li[starts-with(normalize-space(.), {})]",
        lit(&format!("{topic}:"))
    ))?;
    items
        .iter()
        .map(|i| i.text())
        .collect::<Result<Vec<_>>>()
        .map(|t| t.join("\n"))
}

fn link_href(page: &Page, text: &str) -> Result<String> {
    Ok(page
        .session
        .find(&format!("//a[normalize-space(.)={}]", lit(text)))?
        .attribute("href")?
        .unwrap_or_default())
}

fn a_classic_token_with_its_scope_can_and_only_gets_are_sent_after_the_click(world: &World) -> Result<()> {
    let page = opened(world, "octo-org", ACCESS_TOKEN)?;
    page.settle()?;
    check(
        sent(&page).is_empty(),
        format!("sent before Check token: {:?}", sent(&page)),
    )?;
    let v = check_token(&page)?;
    check(
        v == "This token can create registration tokens for octo-org.",
        format!("verdict {v:?}"),
    )?;
    check_contains(&fact(&page, "Account")?, "octocat")?;
    check_contains(
        &fact(&page, "Scopes")?,
        "admin:org, repo, workflow; needs admin:org: held",
    )?;
    check_contains(&fact(&page, "Reads")?, "can read runners")?;
    check_contains(&fact(&page, "Rate limit")?, "4,987 of 5,000 requests left")?;
    check_contains(&fact(&page, "Not checked")?, "its expiry date")?;
    page.settle()?;
    let got = sent(&page);
    check(
        got == [
            "GET /user",
            "GET /orgs/octo-org/actions/runners?per_page=100",
            "GET /rate_limit",
        ],
        format!("requests {got:?}"),
    )
}

fn a_classic_token_without_admin_org_is_told_which_scope_and_where_to_get_one(world: &World) -> Result<()> {
    let page = opened(world, "octo-org", REPO_ONLY)?;
    let v = check_token(&page)?;
    check(
        v == "This token cannot create registration tokens for octo-org: it lacks admin:org. Create a classic token with admin:org.",
        format!("verdict {v:?}"),
    )?;
    check_contains(&fact(&page, "Scopes")?, "repo; needs admin:org: missing admin:org")?;
    check_contains(
        &link_href(&page, "Create a classic token with admin:org")?,
        "/settings/tokens/new?scopes=admin:org",
    )
}

fn a_token_that_needs_sso_authorization_gets_the_authorization_link(world: &World) -> Result<()> {
    let page = opened(world, SSO, ACCESS_TOKEN)?;
    let v = check_token(&page)?;
    check(
        v == "This token cannot create registration tokens for sso-org until it is authorized for the organization's SAML single sign-on.",
        format!("verdict {v:?}"),
    )?;
    check(
        link_href(&page, "Authorize the token for single sign-on")?
            == "https://github.com/orgs/sso-org/sso?authorization_request=AZ1SAML0TOKEN",
        "the authorization link",
    )?;
    check_contains(&fact(&page, "Single sign-on")?, "required")
}

fn a_fine_grained_token_is_probed_and_a_refused_read_is_named(world: &World) -> Result<()> {
    let page = opened(world, MISSING_PERMISSION, FINE_GRAINED)?;
    let v = check_token(&page)?;
    check(
        v == "This token cannot create registration tokens for scope-org: it cannot read runners (403 Resource not accessible by personal access token).",
        format!("verdict {v:?}"),
    )?;
    check_contains(&fact(&page, "Kind")?, "Fine-grained personal access token")?;
    check_contains(
        &fact(&page, "Reads")?,
        "cannot read runners: 403 Resource not accessible by personal access token",
    )?;
    check(
        fact(&page, "Scopes")?.is_empty(),
        "a fine-grained token shows no scopes",
    )?;
    check_contains(
        &fact(&page, "Not checked")?,
        "its write permissions and its expiry date",
    )?;
    check(
        page.mock.api_requests().iter().all(|r| r.method == "GET"),
        format!("only GETs: {:?}", sent(&page)),
    )
}

fn an_enterprise_refuses_a_fine_grained_token(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.radio("Runner scope", "Enterprise")?.click()?;
    page.field("Enterprise")?.fill("acme")?;
    page.field("Access token")?.fill(FINE_GRAINED)?;
    page.open_tab("Troubleshoot")?;
    let v = check_token(&page)?;
    check(
        v == "This token cannot create registration tokens for the enterprise acme: GitHub accepts only a classic token (or OAuth token) with manage_runners:enterprise here. Create a classic token with manage_runners:enterprise.",
        format!("verdict {v:?}"),
    )
}

/// The page with [`REPO`] in the card's Repository scope, its waiting jobs found.
fn found<'w>(world: &'w World, token: &str) -> Result<Page<'w>> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.radio("Runner scope", "Repository")?.click()?;
    page.field("Repository")?.fill(REPO)?;
    page.field("Access token")?.fill(token)?;
    page.open_tab("Troubleshoot")?;
    // Prefilled from the card's Repository scope.
    let field = repo_field(&page)?;
    check(
        field.property("value")? == REPO,
        "the Repository field is prefilled from the card",
    )?;
    page.button("Find waiting jobs")?.click()?;
    page.wait_for_text("8 jobs waiting")?;
    Ok(page)
}

/// The tab's own Repository field (the card has one too).
fn repo_field<'p>(page: &'p Page) -> Result<Element<'p>> {
    let section = region("Troubleshoot");
    page.session.find(&format!(
        "{section}//input[@id={section}//label[normalize-space(.)='Repository']/@for]"
    ))
}

/// The verdict of the waiting job named `job`.
fn job_verdict(page: &Page, job: &str) -> Result<String> {
    page.session
        .find(&format!(
            "//ul[@aria-label='Waiting jobs']/li[p/strong[normalize-space(.)={}]]/p[@class='verdict']",
            lit(job)
        ))?
        .text()
}

fn every_waiting_job_gets_its_reason_from_gets_only(world: &World) -> Result<()> {
    let page = found(world, ACCESS_TOKEN)?;
    let want = [
        ("lint", "Not a self-hosted job: ubuntu-latest names GitHub-hosted runners."),
        ("build-arm", "2 matching runners are busy: arm-1, arm-2. The job starts when one is free."),
        ("mac", "The matching runner is offline: mac-1. Start it (./run.sh or its service)."),
        ("gpu-train", "gpu-1 is in group GPU, which is not open to this repository (waiting-org/waiting-repo)."),
        ("windows", "win-1 is in group Private only, which does not allow public repositories, and waiting-org/waiting-repo is public."),
        ("deploy", "deploy-1 is in group Release, which runs only selected workflows, and .github/workflows/deploy.yml is not one of them."),
        ("cuda", "No runner has the label cuda. The closest is arm-1, which lacks cuda."),
        ("test", "A matching runner is idle and online (linux-1): GitHub should assign it shortly."),
    ];
    for (job, said) in want {
        let got = job_verdict(&page, job)?;
        check(got == said, format!("{job}: {got:?}, expected {said:?}"))?;
    }
    let line = page
        .session
        .find("//ul[@aria-label='Waiting jobs']/li[p/strong[normalize-space(.)='cuda']]/p[1]")?
        .text()?;
    check_contains(
        &line,
        "cuda \u{b7} CI \u{b7} self-hosted, linux, cuda \u{b7} waiting 12 minutes",
    )?;
    check(
        link_href(&page, "Open the job")
            .is_ok_and(|h| h.starts_with("https://github.com/waiting-org/waiting-repo/actions/runs/")),
        "each job links to GitHub",
    )?;
    page.settle()?;
    let repo = "/repos/waiting-org/waiting-repo";
    let mut expected = vec![
        format!("GET {repo}"),
        format!("GET {repo}/actions/runs?status=queued&per_page=100"),
        format!("GET {repo}/actions/runs?status=queued&per_page=100&page=2"),
        format!("GET {repo}/actions/runs?status=queued&per_page=100&page=3"),
    ];
    expected.extend(
        (101..=108)
            .rev()
            .map(|id| format!("GET {repo}/actions/runs/{id}/jobs?filter=latest&per_page=100")),
    );
    expected.push(format!("GET {repo}/actions/runners?per_page=100"));
    expected.push("GET /orgs/waiting-org/actions/runner-groups?per_page=100&visible_to_repository=waiting-repo".into());
    expected.push("GET /orgs/waiting-org/actions/runner-groups?per_page=100".into());
    expected.extend((1..=4).map(|id| format!("GET /orgs/waiting-org/actions/runner-groups/{id}/runners?per_page=100")));
    let got = sent(&page);
    check(
        got == expected,
        format!("requests:\n{got:#?}\nexpected:\n{expected:#?}"),
    )
}

fn open_group_is_confirmed_sent_once_and_checked_again(world: &World) -> Result<()> {
    let page = found(world, ACCESS_TOKEN)?;
    let open = format!("Open GPU to {REPO}");
    // Cancel sends nothing.
    page.button(&open)?.click()?;
    page.session.find(&format!(
        "//dialog[@open]//h3[normalize-space(.)={}]",
        lit(&format!("Open runner group GPU to {REPO}?"))
    ))?;
    page.session
        .find("//dialog[@open]//button[normalize-space(.)='Cancel']")?
        .click()?;
    page.settle()?;
    check(page.mock.open_group_requests().is_empty(), "Cancel sent a request")?;
    page.button(&open)?.click()?;
    page.session
        .find("//dialog[@open]//button[normalize-space(.)='Open GPU']")?
        .click()?;
    page.wait_for_text("Runner group GPU is now open to waiting-org/waiting-repo.")?;
    page.wait("the check again", Duration::from_secs(10), || {
        Ok(job_verdict(&page, "gpu-train")
            .is_ok_and(|v| v.starts_with("A matching runner is idle and online (gpu-1)"))
            .then_some(()))
    })?;
    page.settle()?;
    let puts = page.mock.open_group_requests();
    check(puts.len() == 1, format!("{} PUTs", puts.len()))?;
    check(
        puts[0].path == format!("/api/v3/orgs/{WAITING_ORG}/actions/runner-groups/2/repositories/{REPOSITORY_ID}")
            && puts[0].body.is_empty(),
        format!("the PUT: {} {:?}", puts[0].path, puts[0].body),
    )?;
    let others: Vec<String> = sent(&page).into_iter().filter(|r| !r.starts_with("GET ")).collect();
    check(others.len() == 1, format!("writes: {others:?}"))
}

fn a_token_without_organization_access_gets_verdicts_from_the_repository_runners_only(world: &World) -> Result<()> {
    let page = found(world, NO_ORG)?;
    page.wait_for_text(
        "Cannot read the organization's runner groups: the token lacks admin:org (or access to it); the verdicts consider the repository's runners only.",
    )?;
    let gpu = job_verdict(&page, "gpu-train")?;
    check(
        gpu.starts_with("No runner has the label gpu."),
        format!("gpu-train: {gpu:?}"),
    )?;
    check(
        !sent(&page).iter().any(|r| r.contains("/runner-groups/")),
        "no group's runners were asked for without the groups",
    )
}

fn no_waiting_job_says_so_with_the_time_and_check_again_asks_again(world: &World) -> Result<()> {
    let page = opened(world, WAITING_ORG, ACCESS_TOKEN)?;
    // A pasted address works as in the card.
    repo_field(&page)?.fill(&format!("https://github.com/{WAITING_ORG}/{QUIET_REPO}/actions"))?;
    page.button("Find waiting jobs")?.click()?;
    page.wait_for_text(&format!(
        "No job of {WAITING_ORG}/{QUIET_REPO} is waiting for a runner (checked at"
    ))?;
    check(
        repo_field(&page)?.property("value")? == format!("{WAITING_ORG}/{QUIET_REPO}"),
        "the pasted address became OWNER/NAME",
    )?;
    let runs = |p: &Page| sent(p).iter().filter(|r| r.contains("/actions/runs?")).count();
    page.settle()?;
    check(runs(&page) == 1, "one look at the runs")?;
    page.button("Check again")?.click()?;
    page.wait("a second look", Duration::from_secs(10), || {
        Ok((runs(&page) == 2).then_some(()))
    })?;
    Ok(())
}
