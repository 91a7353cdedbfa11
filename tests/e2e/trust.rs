//! Trust: a request that changes something is never sent twice by itself. When its answer is
//! lost the page says so plainly and finds out what happened with safe requests; Forget token
//! leaves nothing that would send the token again. Requests are counted from the browser's own
//! record (the DevTools protocol's Network events), not only from what the mock received.

use crate::page::{check, check_contains, lit, Page, Sent, ACCESS_TOKEN, POLL};
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::fleet::{fleet_scope, LOST_LABEL};
use mock_github::groups::{GROUPS, LOST_GROUP};
use mock_github::scenario::{org, runner, JIT_RUNNER_ID};
use mock_github::Recorded;
use std::time::Duration;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        a_lost_token_answer_is_said_plainly_sent_once_and_another_token_is_one_click_away,
        a_lost_jit_answer_looks_the_runner_up_and_offers_to_remove_it_and_try_again,
        a_lost_jit_answer_for_a_runner_github_never_registered_says_it_is_safe_to_retry,
        a_lost_removal_answer_looks_the_runner_up_and_the_row_follows_github,
        a_lost_label_answer_is_said_as_that_change_and_the_runner_is_read_again,
        a_lost_group_answer_is_said_as_that_change_and_the_groups_are_read_again,
        forget_token_leaves_nothing_that_would_send_it_again,
    ]
}

/// The browser's requests with `method` to a path ending in `tail` (preflights are OPTIONS).
fn sent(page: &Page, method: &str, tail: &str) -> Result<Vec<Sent>> {
    Ok(page
        .sent_to_api()?
        .into_iter()
        .filter(|r| r.method == method && r.url.ends_with(tail))
        .collect())
}

fn a_lost_token_answer_is_said_plainly_sent_once_and_another_token_is_one_click_away(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.create(org::LOST_ANSWER, ACCESS_TOKEN)?;
    let alert = page.alert_containing("may have been created")?.text()?;
    check_contains(&alert, "No answer came back from")?;
    check_contains(&alert, "the registration token may have been created.")?;
    check_contains(&alert, "Nothing was sent twice.")?;
    page.settle()?;
    let tail = format!("/orgs/{}/actions/runners/registration-token", org::LOST_ANSWER);
    check(sent(&page, "POST", &tail)?.len() == 1, "the browser sent the POST once")?;
    check(page.mock.token_requests().len() == 1, "and the mock received it once")?;
    // The page asked the API's root whether the server was there, without the token.
    let probes: Vec<Sent> = page
        .sent_to_api()?
        .into_iter()
        .filter(|r| r.method == "GET" && r.url.ends_with("/api/v3/"))
        .collect();
    check(!probes.is_empty(), "the API root was asked")?;
    check(
        probes.iter().all(|p| p.header("authorization").is_none()),
        "the root is asked without the token",
    )?;
    page.button("Create another token")?.click()?;
    page.wait("a second POST, on the click", Duration::from_secs(10), || {
        Ok((page.mock.token_requests().len() == 2).then_some(()))
    })?;
    page.alert_containing("may have been created")?;
    page.settle()?;
    check(sent(&page, "POST", &tail)?.len() == 2, "one POST per click, never more")
}

fn a_lost_jit_answer_looks_the_runner_up_and_offers_to_remove_it_and_try_again(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit(&format!("?org=octo-org&mode=jit&api={}", page.mock.ghes_url()))?;
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.field("Runner name")?.fill(runner::LOST_REGISTERED)?;
    page.button("Create just-in-time runner")?.click()?;
    let alert = page.alert_containing("was lost on the way")?.text()?;
    check_contains(
        &alert,
        &format!(
            "GitHub registered {} (id {JIT_RUNNER_ID}) in octo-org",
            runner::LOST_REGISTERED
        ),
    )?;
    check(
        !alert.contains("already exists"),
        format!("never called a taken name: {alert}"),
    )?;
    page.settle()?;
    check(page.mock.jit_requests().len() == 1, "one POST reached the mock")?;
    check(
        sent(&page, "POST", "/actions/runners/generate-jitconfig")?.len() == 1,
        "and the browser sent one",
    )?;
    let lookups: Vec<String> = page
        .mock
        .runner_list_requests()
        .into_iter()
        .map(|r| r.path)
        .filter(|p| p.contains(&format!("name={}", runner::LOST_REGISTERED)))
        .collect();
    check(lookups.len() == 1, format!("one look-up by name: {lookups:?}"))?;
    page.button(&format!("Remove {} and create it again", runner::LOST_REGISTERED))?
        .click()?;
    page.wait("the DELETE and a second POST", Duration::from_secs(10), || {
        Ok((page.mock.delete_requests().len() == 1 && page.mock.jit_requests().len() == 2).then_some(()))
    })?;
    let delete = &page.mock.delete_requests()[0];
    check(
        delete.path == format!("/api/v3/orgs/octo-org/actions/runners/{JIT_RUNNER_ID}"),
        format!("the DELETE names the registered runner: {}", delete.path),
    )?;
    page.alert_containing("was lost on the way")?;
    page.settle()?;
    check(
        page.mock.jit_requests().len() == 2 && page.mock.delete_requests().len() == 1,
        "each sent once",
    )?;
    page.button("Change the runner name")?.click()?;
    let focused = page.session.execute("return document.activeElement.id", vec![])?;
    check(
        focused == "runner-name",
        format!("focus moves to the runner name, not {focused}"),
    )
}

fn a_lost_jit_answer_for_a_runner_github_never_registered_says_it_is_safe_to_retry(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit(&format!("?repo=octo-org/app&mode=jit&api={}", page.mock.ghes_url()))?;
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.field("Runner name")?.fill(runner::LOST_UNREGISTERED)?;
    page.button("Create just-in-time runner")?.click()?;
    let alert = page.alert_containing("it was not registered")?.text()?;
    check_contains(
        &alert,
        &format!(
            "GitHub has no runner named {} in octo-org/app",
            runner::LOST_UNREGISTERED
        ),
    )?;
    check_contains(&alert, "safe to try again")?;
    page.settle()?;
    check(page.mock.jit_requests().len() == 1, "one POST")?;
    page.button("Try again")?.click()?;
    page.wait("a second POST, on the click", Duration::from_secs(10), || {
        Ok((page.mock.jit_requests().len() == 2).then_some(()))
    })
}

fn a_lost_removal_answer_looks_the_runner_up_and_the_row_follows_github(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.create(fleet_scope::LOST_DELETE, ACCESS_TOKEN)?;
    page.open_tab("Runners")?;
    page.wait_for_text("3 runners")?;
    page.session
        .find("//button[@aria-label='Remove old-runner']")?
        .click()?;
    page.session.find("//dialog[@open]")?;
    page.button("Remove runner")?.click()?;
    // GitHub removed it; the answer was lost; the look-up by name finds nothing: the row goes.
    page.session.find(&format!(
        "//*[@role='status'][normalize-space(.)='Removed old-runner from {}.']",
        fleet_scope::LOST_DELETE
    ))?;
    page.wait_for_text("2 runners")?;
    page.settle()?;
    check(page.mock.delete_requests().len() == 1, "one DELETE reached the mock")?;
    check(
        sent(&page, "DELETE", "/actions/runners/13")?.len() == 1,
        "and the browser sent one",
    )?;
    check(
        page.mock
            .runner_list_requests()
            .iter()
            .any(|r| r.path.ends_with("actions/runners?name=old-runner")),
        "the runner was looked up by name",
    )
}

/// A lost answer to anything but a token request is never worded as a token, and offers none.
fn not_a_token(page: &Page, alert: &str) -> Result<()> {
    check(
        !alert.contains("registration token") && !alert.contains("create another one"),
        format!("worded as a token: {alert}"),
    )?;
    page.assert_absent(
        "//button[normalize-space(.)='Create another token']",
        "Create another token button",
    )
}

/// GitHub adds the label, and its answer is lost: the alert names that change, the POST went
/// once, and the runner was looked up again (a GET after it), its row showing the label.
fn a_lost_label_answer_is_said_as_that_change_and_the_runner_is_read_again(world: &World) -> Result<()> {
    let page = crate::fleet::listed(world, fleet_scope::FLEET)?;
    page.session.find("//*[@aria-label='Edit idle-old']")?.click()?;
    page.session
        .find("//dialog[@open]//h3[normalize-space(.)='Edit idle-old']")?;
    page.field("New labels")?.fill(LOST_LABEL)?;
    page.button("Add labels")?.click()?;
    let alert = page.alert_containing("may have been added")?.text()?;
    check_contains(
        &alert,
        &format!("the label {LOST_LABEL} may have been added to idle-old."),
    )?;
    check_contains(
        &alert,
        "The page has read the runner again: the list shows what GitHub has now.",
    )?;
    not_a_token(&page, &alert)?;
    let tail = "/orgs/fleet-org/actions/runners/21/labels";
    let posts: Vec<Recorded> = page
        .mock
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    check(
        posts.len() == 1 && posts[0].path.ends_with(tail),
        format!(
            "one POST reached the mock: {:?}",
            posts.iter().map(|r| &r.path).collect::<Vec<_>>()
        ),
    )?;
    check(sent(&page, "POST", tail)?.len() == 1, "and the browser sent one")?;
    let reads = page
        .mock
        .runner_list_requests()
        .into_iter()
        .filter(|r| r.path.contains("name=idle-old") && r.at > posts[0].at)
        .count();
    check(reads == 1, format!("{reads} look-ups of idle-old after the POST"))?;
    page.wait("the row with the label GitHub added", Duration::from_secs(5), || {
        Ok(page.runner_labels("idle-old")?.ends_with(LOST_LABEL).then_some(()))
    })
}

/// GitHub creates the group, and its answer is lost: the alert names that change, the POST
/// went once, and the groups were read again (a GET after it), the table showing the group.
fn a_lost_group_answer_is_said_as_that_change_and_the_groups_are_read_again(world: &World) -> Result<()> {
    let page = crate::groups::groups_listed(world, &format!("org={GROUPS}"))?;
    page.button("New runner group")?.click()?;
    page.session
        .find("//dialog[@open]//h3[normalize-space(.)='New runner group']")?;
    page.field("Name")?.fill(LOST_GROUP)?;
    page.session
        .find("//dialog[@open]//button[normalize-space(.)='Create group']")?
        .click()?;
    let alert = page.alert_containing("may have been created")?.text()?;
    check_contains(&alert, &format!("the group {LOST_GROUP} may have been created."))?;
    check_contains(&alert, "The page has read the groups again")?;
    not_a_token(&page, &alert)?;
    let writes = page.mock.group_writes();
    let tail = format!("/orgs/{GROUPS}/actions/runner-groups");
    check(
        writes.len() == 1 && writes[0].method == "POST" && writes[0].path.ends_with(&tail),
        format!(
            "one write reached the mock: {:?}",
            writes.iter().map(|r| &r.path).collect::<Vec<_>>()
        ),
    )?;
    check(sent(&page, "POST", &tail)?.len() == 1, "and the browser sent one")?;
    let list = format!("{tail}?");
    let reads = page
        .mock
        .group_requests()
        .into_iter()
        .filter(|r| (r.path.ends_with(&tail) || r.path.contains(&list)) && r.at > writes[0].at)
        .count();
    check(reads >= 1, "the groups were read again after the POST")?;
    page.wait(
        "the table with the group GitHub created",
        Duration::from_secs(5),
        || {
            let row = format!(
                "//table[caption]//tr[th[@scope='row'][starts-with(normalize-space(.), {})]]",
                lit(LOST_GROUP)
            );
            Ok((!page.session.find_all(&row)?.is_empty()).then_some(()))
        },
    )
}

fn forget_token_leaves_nothing_that_would_send_it_again(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit(&format!("?api={}&name=never-comes", page.mock.ghes_url()))?;
    page.create("octo-org", ACCESS_TOKEN)?;
    page.open_tab("Runners")?;
    page.wait_for_text("3 runners")?;
    // Setup data (downloads, groups), the list and the watch have all used the token.
    page.wait("the watch's polls", Duration::from_secs(5), || {
        Ok((page
            .mock
            .runner_list_requests()
            .iter()
            .filter(|r| r.path.contains("name=never-comes"))
            .count()
            >= 2)
            .then_some(()))
    })?;
    page.button("Forget token")?.click()?;
    page.wait_for_text("Forgotten:")?;
    // What was already under way when the token went may finish; nothing may start after it.
    page.settle()?;
    let before = page.sent()?.len();
    // Everything that could send it again: a just-in-time form (which loads groups), a
    // renamed runner (which restarts the watch), time for polls, Show runners.
    page.open_tab("Register")?;
    page.radio("Action", "Add a just-in-time runner")?.click()?;
    page.field("Runner name")?.fill("renamed-runner")?;
    std::thread::sleep(POLL * 8);
    page.open_tab("Runners")?;
    check(
        !page.button("Show runners")?.is_enabled()?,
        "Show runners has no token to send",
    )?;
    page.settle()?;
    let after: Vec<String> = page.sent()?[before..]
        .iter()
        .map(|r| format!("{} {}", r.method, r.url))
        .collect();
    check(
        after.is_empty(),
        format!("no request of any kind after Forget token: {after:?}"),
    )?;
    let carrying = page
        .sent()?
        .iter()
        .skip(before)
        .filter(|r| r.header("authorization").is_some())
        .count();
    check(carrying == 0, "none carries the token")
}
