//! The Security tab: an exposed organization's every finding, most severe first, with GET
//! requests only; each fix's exact request, sent once, and the finding Fixed after the setting
//! is read again; Cancel sending nothing; a setting the token cannot read shown as not checked
//! (never a clean scope); a clean organization; a lost fix answer said as that change and read
//! again; the Markdown report without the token; a public repository's own runners; an
//! enterprise's group open to public repositories.

use crate::page::{check, check_contains, lit, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::security::security_scope::{
    CLEAN as CLEAN_ORG, ENTERPRISE, LIMITED, LOST as LOST_ORG, ORG as EXPOSED_ORG, PRIVATE_REPO, PUBLIC_REPO,
    UNREADABLE as UNREADABLE_ORG,
};
use mock_github::Recorded;
use serde_json::{json, Value};
use std::time::Duration;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        an_exposed_organization_lists_every_finding_most_severe_first_and_sends_only_gets,
        each_fix_sends_exactly_its_body_once_and_the_finding_shows_fixed,
        cancel_sends_nothing,
        a_setting_the_token_cannot_read_is_not_checked_and_the_scope_is_never_called_clean,
        a_clean_organization_says_so_with_the_number_of_checks_that_passed,
        a_lost_fix_answer_is_said_as_that_change_and_the_setting_is_read_again,
        copy_report_gives_markdown_with_every_finding_and_never_the_token,
        a_public_repository_with_runners_of_its_own_is_high_and_a_private_one_is_clean,
        an_enterprise_group_open_to_public_repositories_is_found,
        while_githubs_rate_limit_holds_no_fix_is_sent_and_its_refusal_is_said_again,
    ]
}

/// The page with `query`'s scope and the token, the Security tab open and its review in.
fn reviewed<'w>(world: &'w World, query: &str) -> Result<Page<'w>> {
    let page = Page::new(world)?;
    page.visit(&format!("?{query}&api={}", page.mock.ghes_url()))?;
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.open_tab("Security")?;
    page.button("Review security")?.click()?;
    page.session.find("//div[@class='review-summary']")?;
    Ok(page)
}

/// The findings table's rows: (severity, setting and subject, what was found).
fn rows(page: &Page) -> Result<Vec<(String, String, String)>> {
    const ROWS: &str = "//table[caption[starts-with(., 'Findings in')]]/tbody/tr";
    let n = page.session.find_all(ROWS)?.len();
    (1..=n)
        .map(|i| {
            let cells = page.session.find_all(&format!("({ROWS})[{i}]/*"))?;
            let text = |i: usize| cells.get(i).map_or(Ok(String::new()), |c| c.text());
            Ok((text(0)?, text(1)?.replace('\n', " "), text(2)?))
        })
        .collect()
}

fn summary(page: &Page) -> Result<String> {
    page.session.find("//p[@class='summary']")?.text()
}

/// Every request the page sent that changes something.
fn writes(page: &Page) -> Vec<Recorded> {
    page.mock
        .requests()
        .into_iter()
        .filter(|r| r.method != "GET" && r.method != "OPTIONS")
        .collect()
}

fn body(r: &Recorded) -> Value {
    serde_json::from_str(&r.body).unwrap_or(Value::Null)
}

/// Clicks the Fix button named `label`, then Apply fix, and waits for `n` writes in all.
fn apply(page: &Page, label: &str, n: usize) -> Result<Vec<Recorded>> {
    page.session
        .find(&format!("//button[@aria-label={}]", lit(label)))?
        .click()?;
    page.session
        .find("//dialog[@open]//button[normalize-space(.)='Apply fix']")?
        .click()?;
    page.session
        .wait_for(&format!("{n} writes"), Duration::from_secs(10), || {
            let w = writes(page);
            Ok((w.len() >= n).then_some(w))
        })
}

fn an_exposed_organization_lists_every_finding_most_severe_first_and_sends_only_gets(world: &World) -> Result<()> {
    let page = reviewed(world, &format!("org={EXPOSED_ORG}"))?;
    let rows = rows(&page)?;
    let severities: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    let rank = |s: &str| ["High", "Medium", "Low"].iter().position(|x| *x == s);
    check(
        severities.iter().all(|s| rank(s).is_some()) && severities.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        format!("severities as words, most severe first: {severities:?}"),
    )?;
    let has = |severity: &str, setting: &str| rows.iter().any(|r| r.0 == severity && r.1.starts_with(setting));
    for (severity, setting) in [
        ("High", "Allow public repositories runner group public-builders"),
        ("High", "Allow public repositories runner pub-runner"),
        ("High", "Fork pull request workflows from outside collaborators"),
        ("High", "Fork pull request workflows in private repositories"),
        ("Medium", "Repository-level self-hosted runners"),
        ("Medium", "Workflow permissions"),
        ("Medium", "Allow GitHub Actions to create and approve pull requests"),
        ("Medium", "Runner version runner pub-runner"),
        ("Low", "Actions permissions"),
    ] {
        check(has(severity, setting), format!("{severity} {setting} in {rows:#?}"))?;
    }
    // The ephemeral runner in the same group is not named: it keeps nothing between jobs.
    check(
        !rows.iter().any(|r| r.1.contains("pub-ephemeral")),
        "the ephemeral runner is not a finding",
    )?;
    let fixes = page
        .session
        .find_all("//table//button[starts-with(@aria-label, 'Fix ')]")?;
    check(
        fixes.len() == 6,
        format!("six findings have a Fix button, found {}", fixes.len()),
    )?;
    check_contains(&summary(&page)?, "9 findings")?;
    page.settle()?;
    check(
        writes(&page).is_empty(),
        format!("a review only reads: {:?}", writes(&page)),
    )
}

fn each_fix_sends_exactly_its_body_once_and_the_finding_shows_fixed(world: &World) -> Result<()> {
    let page = reviewed(world, &format!("org={EXPOSED_ORG}"))?;
    let at = format!("/api/v3/orgs/{EXPOSED_ORG}");
    let fixes = [
        (
            "Fix Allow public repositories for runner group public-builders",
            "PATCH",
            format!("{at}/actions/runner-groups/2"),
            json!({"name": "public-builders", "allows_public_repositories": false}),
        ),
        (
            "Fix Repository-level self-hosted runners for security-org",
            "PUT",
            format!("{at}/actions/permissions/self-hosted-runners"),
            json!({"enabled_repositories": "none"}),
        ),
        (
            "Fix Fork pull request workflows from outside collaborators for security-org",
            "PUT",
            format!("{at}/actions/permissions/fork-pr-contributor-approval"),
            json!({"approval_policy": "all_external_contributors"}),
        ),
        (
            "Fix Fork pull request workflows in private repositories for security-org",
            "PUT",
            format!("{at}/actions/permissions/fork-pr-workflows-private-repos"),
            json!({
                "run_workflows_from_fork_pull_requests": true,
                "send_write_tokens_to_workflows": false,
                "send_secrets_and_variables": false,
                "require_approval_for_fork_pr_workflows": false,
            }),
        ),
        (
            "Fix Workflow permissions for security-org",
            "PUT",
            format!("{at}/actions/permissions/workflow"),
            json!({"default_workflow_permissions": "read", "can_approve_pull_request_reviews": true}),
        ),
        // After the fix above, read again: the default is read now, and is sent back as read.
        (
            "Fix Allow GitHub Actions to create and approve pull requests for security-org",
            "PUT",
            format!("{at}/actions/permissions/workflow"),
            json!({"default_workflow_permissions": "read", "can_approve_pull_request_reviews": false}),
        ),
    ];
    for (n, (label, method, path, expected)) in fixes.iter().enumerate() {
        let sent = apply(&page, label, n + 1)?;
        let last = &sent[n];
        check(
            last.method == *method && last.path == *path && body(last) == *expected,
            format!("{label}: sent {} {} {}", last.method, last.path, last.body),
        )?;
        let setting = label
            .trim_start_matches("Fix ")
            .split(" for ")
            .next()
            .unwrap_or_default();
        page.wait_for_text(&format!("Fixed: {setting}"))?;
        // Read again after the write.
        let after = page.mock.requests();
        let write_at = after.iter().rposition(|r| r.method == *method).unwrap_or(0);
        check(
            after[write_at..].iter().any(|r| r.method == "GET"),
            format!("{label}: the setting is read again after the write"),
        )?;
    }
    page.settle()?;
    let sent = writes(&page);
    check(
        sent.len() == fixes.len(),
        format!("each fix once: {} writes", sent.len()),
    )?;
    // Writes a second apart.
    let fixed = page
        .session
        .find_all("//table//span[contains(@class,'badge')][normalize-space(.)='Fixed']")?;
    check(
        fixed.len() == fixes.len(),
        format!("{} findings show Fixed", fixed.len()),
    )?;
    page.assert_absent("//table//button[starts-with(@aria-label, 'Fix ')]", "a Fix button left")
}

fn cancel_sends_nothing(world: &World) -> Result<()> {
    let page = reviewed(world, &format!("org={EXPOSED_ORG}"))?;
    page.session
        .find("//button[@aria-label='Fix Workflow permissions for security-org']")?
        .click()?;
    let dialog = page.session.find("//dialog[@open]")?;
    let text = dialog.text()?;
    for needed in [
        "Change Workflow permissions for security-org?",
        "Now",
        "Read and write permissions",
        "After",
        "Read repository contents and packages permissions",
        "fail",
    ] {
        check_contains(&text, needed)?;
    }
    page.session
        .find("//dialog[@open]//button[normalize-space(.)='Cancel']")?
        .click()?;
    page.assert_absent("//dialog[@open]", "an open dialog after Cancel")?;
    check(writes(&page).is_empty(), "Cancel sends nothing")
}

fn a_setting_the_token_cannot_read_is_not_checked_and_the_scope_is_never_called_clean(world: &World) -> Result<()> {
    let page = reviewed(world, &format!("org={UNREADABLE_ORG}"))?;
    let summary = summary(&page)?;
    check_contains(&summary, "not checked")?;
    check(!summary.contains("No findings"), format!("never clean: {summary}"))?;
    let unread: Vec<String> = page
        .session
        .find_all("//h3[.='Not checked']/following-sibling::ul[1]/li")?
        .iter()
        .map(|li| li.text())
        .collect::<Result<_>>()?;
    let joined = unread.join("\n");
    check_contains(
        &joined,
        "Fork pull request workflows from outside collaborators: the token cannot read it",
    )?;
    check_contains(&joined, "Administration: read")?;
    check_contains(&joined, "Repository-level self-hosted runners: GitHub answered 404")?;
    check(unread.len() == 3, format!("three settings not checked: {unread:#?}"))
}

fn a_clean_organization_says_so_with_the_number_of_checks_that_passed(world: &World) -> Result<()> {
    let page = reviewed(world, &format!("org={CLEAN_ORG}"))?;
    check(
        summary(&page)? == format!("No findings in {CLEAN_ORG}: all 9 checks passed."),
        format!("summary: {}", summary(&page)?),
    )?;
    page.assert_absent("//table[caption[starts-with(., 'Findings in')]]", "a findings table")?;
    page.assert_absent("//h3[.='Not checked']", "a Not checked list")
}

fn a_lost_fix_answer_is_said_as_that_change_and_the_setting_is_read_again(world: &World) -> Result<()> {
    let page = reviewed(world, &format!("org={LOST_ORG}"))?;
    let label = format!("Fix Workflow permissions for {LOST_ORG}");
    let sent = apply(&page, &label, 1)?;
    let alert = page.alert_containing("may have been applied")?.text()?;
    check_contains(&alert, "Workflow permissions")?;
    check(
        !alert.contains("token may have been created"),
        format!("said as that change: {alert}"),
    )?;
    page.assert_absent(
        "//button[normalize-space(.)='Create another token']",
        "a Create another token button",
    )?;
    let requests = page.mock.requests();
    let put = requests.iter().position(|r| r.method == "PUT").unwrap_or(usize::MAX);
    check(
        requests
            .iter()
            .skip(put)
            .any(|r| r.method == "GET" && r.path.ends_with("/actions/permissions/workflow")),
        "the setting is read again after the lost answer",
    )?;
    // The mock applied it: what GitHub says now is that the finding is gone.
    page.wait_for_text("Fixed")?;
    page.settle()?;
    check(
        writes(&page).len() == 1 && sent[0].path.ends_with("/actions/permissions/workflow"),
        format!("one write, never sent again: {:?}", writes(&page)),
    )
}

fn copy_report_gives_markdown_with_every_finding_and_never_the_token(world: &World) -> Result<()> {
    let page = reviewed(world, &format!("org={EXPOSED_ORG}"))?;
    page.button("Copy report")?.click()?;
    page.wait_for_text("Copied the review as Markdown")?;
    let md = page.clipboard()?;
    check(
        md.starts_with(&format!("# Security review of {EXPOSED_ORG}\n")),
        format!("a heading first: {md}"),
    )?;
    let items = md.lines().filter(|l| l.starts_with("- **")).count();
    check(items == 9, format!("one item per finding (9): {md}"))?;
    check_contains(
        &md,
        "- **High**: Allow public repositories (runner group public-builders).",
    )?;
    check(!md.contains(ACCESS_TOKEN), "the report never holds the token")
}

fn a_public_repository_with_runners_of_its_own_is_high_and_a_private_one_is_clean(world: &World) -> Result<()> {
    let page = reviewed(world, &format!("repo=octo-org/{PUBLIC_REPO}"))?;
    let rows = rows(&page)?;
    check(
        rows.iter().any(|r| {
            r.0 == "High"
                && r.1.starts_with("Self-hosted runners of a public repository")
                && r.1.contains("repo-runner")
        }),
        format!("the public repository's runner is named: {rows:#?}"),
    )?;
    let private = reviewed(world, &format!("repo=octo-org/{PRIVATE_REPO}"))?;
    check_contains(&summary(&private)?, "No findings")
}

fn an_enterprise_group_open_to_public_repositories_is_found(world: &World) -> Result<()> {
    let page = reviewed(world, &format!("enterprise={ENTERPRISE}"))?;
    let rows = rows(&page)?;
    check(
        rows.iter()
            .any(|r| r.0 == "High" && r.1.starts_with("Allow public repositories runner group ent-public")),
        format!("the enterprise group: {rows:#?}"),
    )?;
    check(
        page.session
            .find_all("//button[@aria-label='Fix Allow public repositories for runner group ent-public']")?
            .len()
            == 1,
        "an enterprise group has its fix",
    )
}

/// A write refused by GitHub's secondary rate limit (`Retry-After: 60`) holds every later write
/// of the page until then: the next fix sends nothing and says the limit again.
fn while_githubs_rate_limit_holds_no_fix_is_sent_and_its_refusal_is_said_again(world: &World) -> Result<()> {
    let page = reviewed(world, &format!("org={LIMITED}"))?;
    apply(&page, &format!("Fix Workflow permissions for {LIMITED}"), 1)?;
    page.alert_containing("rate limit")?;
    // Another fix, at once: the page does not send it.
    page.session
        .find(&format!(
            "//button[@aria-label='Fix Repository-level self-hosted runners for {LIMITED}']"
        ))?
        .click()?;
    page.session
        .find("//dialog[@open]//button[normalize-space(.)='Apply fix']")?
        .click()?;
    page.assert_absent("//dialog[@open]", "an open dialog after Apply fix")?;
    page.alert_containing("rate limit")?;
    check(
        writes(&page).len() == 1,
        format!("one write while the limit holds: {:?}", writes(&page)),
    )
}
