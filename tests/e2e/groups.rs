//! The Runner groups tab: the table of a scope's groups (access, public repositories,
//! workflows, inherited, runners) for an organization and an enterprise; creating a group with
//! exactly the fields chosen, editing one (a PATCH of what changed, a PUT of the whole new
//! selection), deleting one after its confirmation; the Default and inherited groups' limits;
//! a group's runners moved to another group and shown in the Runners tab.

use crate::page::{check, check_contains, lit, Page, ACCESS_TOKEN, OTHER_ACCESS_TOKEN};
use crate::webdriver::{Element, Result};
use crate::{Test, World};
use mock_github::groups::GROUPS;
use mock_github::Recorded;
use serde_json::{json, Value};
use std::time::Duration;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        an_organizations_groups_say_who_may_use_them,
        an_enterprises_groups_count_their_organizations_and_a_repository_is_told_to_use_its_organizations,
        a_new_group_sends_exactly_the_fields_chosen_after_its_workflows_are_checked,
        a_taken_name_is_refused_with_githubs_words,
        an_edit_patches_what_changed_then_puts_the_whole_new_selection,
        the_default_groups_name_and_an_inherited_group_cannot_be_edited,
        a_deletion_is_confirmed_and_names_the_runners_that_move_to_default,
        a_runner_moves_to_another_group_and_the_group_opens_in_the_runners_tab,
        an_enterprise_group_names_organizations_and_an_unknown_one_is_said_before_sending,
        a_group_deleted_meanwhile_is_said_so_and_the_table_loads_again,
        a_token_without_write_permission_is_told_the_scope_it_needs,
        another_token_typed_in_drops_the_table_its_buttons_would_send_it_from,
    ]
}

/// The page with `query`'s scope and the token, the Runner groups tab open and its table in.
pub fn groups_listed<'w>(world: &'w World, query: &str) -> Result<Page<'w>> {
    let page = Page::new(world)?;
    page.visit(&format!("?{query}&api={}", page.mock.ghes_url()))?;
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.open_tab("Runner groups")?;
    page.button("Show runner groups")?.click()?;
    page.session
        .find("//table[caption[starts-with(normalize-space(.), 'Runner groups of')]]")?;
    Ok(page)
}

fn row_xpath(name: &str) -> String {
    format!(
        "//table[caption]//tr[th[@scope='row'][starts-with(normalize-space(.), {})]]",
        lit(name)
    )
}

/// A group's row, its cells' texts once its runner count is in.
fn cells(page: &Page, name: &str) -> Result<Vec<String>> {
    let xpath = format!("{}/*", row_xpath(name));
    page.session
        .wait_for(&format!("{name}'s row, counted"), Duration::from_secs(10), || {
            let cells: Vec<String> = page
                .session
                .find_all(&xpath)?
                .iter()
                .map(|c| c.text())
                .collect::<Result<_>>()?;
            Ok((cells.len() >= 5 && cells[4] != "\u{2026}").then_some(cells))
        })
}

fn labelled<'p>(page: &'p Page, label: &str) -> Result<Element<'p>> {
    page.session.find(&format!("//*[@aria-label={}]", lit(label)))
}

fn dialog_button<'p>(page: &'p Page, name: &str) -> Result<Element<'p>> {
    page.session
        .find(&format!("//dialog[@open]//button[normalize-space(.)={}]", lit(name)))
}

/// The repository checkbox labelled `name` in the open form.
fn repository(page: &Page, name: &str) -> Result<()> {
    page.field("Search repositories")?.fill(name)?;
    page.session
        .find(&format!(
            "//dialog[@open]//fieldset[legend='Repositories']//label[normalize-space(.)={}]/input",
            lit(name)
        ))?
        .click()
}

fn writes(page: &Page) -> Vec<Recorded> {
    page.mock.group_writes()
}

fn body(r: &Recorded) -> Value {
    serde_json::from_str(&r.body).unwrap_or(Value::Null)
}

fn paths(requests: &[Recorded]) -> Vec<String> {
    requests.iter().map(|r| format!("{} {}", r.method, r.path)).collect()
}

fn wait_writes(page: &Page, n: usize) -> Result<Vec<Recorded>> {
    page.session
        .wait_for(&format!("{n} writes"), Duration::from_secs(10), || {
            let w = writes(page);
            Ok((w.len() >= n).then_some(w))
        })
}

fn an_organizations_groups_say_who_may_use_them(world: &World) -> Result<()> {
    let page = groups_listed(world, &format!("org={GROUPS}"))?;
    let headers: Vec<String> = page
        .session
        .find_all("//table[caption]/thead//th")?
        .iter()
        .map(|h| h.text())
        .collect::<Result<_>>()?;
    check(
        headers[..5] == ["Name", "Access", "Public repositories", "Workflows", "Runners"],
        format!("column headers {headers:?}"),
    )?;
    // GitHub's default group is named Default: no badge repeats it.
    let default = cells(&page, "Default")?;
    check(
        default[..5] == ["Default", "All repositories", "Allowed", "Any", "2"],
        format!("Default: {default:?}"),
    )?;
    let linux = cells(&page, "Linux builders")?;
    page.wait("the selection's size", Duration::from_secs(10), || {
        Ok(cells(&page, "Linux builders")?[1].contains("(2)").then_some(()))
    })?;
    check(
        cells(&page, "Linux builders")?[..5]
            == ["Linux builders", "Selected repositories (2)", "Not allowed", "Any", "1"],
        format!("Linux builders: {linux:?}"),
    )?;
    let release = cells(&page, "Release runners")?;
    check(
        release[..5]
            == [
                "Release runners",
                "Private repositories",
                "Not allowed",
                "Selected (2)",
                "0",
            ],
        format!("Release runners: {release:?}"),
    )?;
    let pool = cells(&page, "Enterprise pool")?;
    check(
        pool[0] == "Enterprise pool Inherited",
        format!("Enterprise pool: {pool:?}"),
    )?;
    // Why a row lacks Edit or Delete is said once, under the table, not in the rows.
    let notes = page.session.find("//div[@class='table-notes']")?.text()?;
    check_contains(&notes, "read-only here")?;
    check_contains(&notes, "The Default group cannot be deleted")?;
    check(
        !pool[5].contains("read-only") && !default[5].contains("cannot"),
        format!("a sentence in an Actions cell: {:?} / {:?}", pool[5], default[5]),
    )?;
    page.assert_absent(
        "//*[@aria-label='Edit Enterprise pool']",
        "an Edit button for an inherited group",
    )?;
    page.assert_absent(
        "//*[@aria-label='Delete Default']",
        "a Delete button for the Default group",
    )?;
    // Every runner count, one group at a time; the groups list once.
    let counts = page
        .mock
        .requests()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path.contains("/runners?per_page=100") && r.path.contains("runner-groups/"))
        .count();
    check(counts == 4, format!("{counts} runner counts asked, not 4"))
}

fn an_enterprises_groups_count_their_organizations_and_a_repository_is_told_to_use_its_organizations(
    world: &World,
) -> Result<()> {
    let page = groups_listed(world, &format!("enterprise={GROUPS}"))?;
    check(
        cells(&page, "Default")?[1] == "All organizations",
        "an enterprise's Default group is open to all organizations",
    )?;
    page.wait("the organizations' count", Duration::from_secs(10), || {
        Ok((cells(&page, "Shared builders")?[1] == "Selected organizations (3)").then_some(()))
    })?;
    let repo = Page::new(world)?;
    repo.visit(&format!("?repo={GROUPS}/app-001&api={}", repo.mock.ghes_url()))?;
    repo.open_tab("Runner groups")?;
    repo.wait_for_text("a repository uses its organization's groups")?;
    repo.assert_absent(
        "//button[normalize-space(.)='Show runner groups']",
        "Show runner groups for a repository",
    )
}

fn a_new_group_sends_exactly_the_fields_chosen_after_its_workflows_are_checked(world: &World) -> Result<()> {
    let page = groups_listed(world, &format!("org={GROUPS}"))?;
    page.button("New runner group")?.click()?;
    page.session
        .find("//dialog[@open]//h3[normalize-space(.)='New runner group']")?;
    page.field("Name")?.fill("Deploy")?;
    page.radio("Access", "Selected repositories")?.click()?;
    // app-125 is on the second page of the organization's repositories.
    repository(&page, "app-125")?;
    repository(&page, "app-003")?;
    page.session
        .find("//dialog[@open]//*[@role='status'][normalize-space(.)='2 chosen']")?;
    page.field("Restrict to selected workflows")?.click()?;
    page.field("Workflows")?.fill("groups-org/app-003/deploy.yml@main")?;
    dialog_button(&page, "Create group")?.click()?;
    page.wait_for_text("Line 1: \u{201c}groups-org/app-003/deploy.yml\u{201d} is not a workflow file's path")?;
    page.settle()?;
    check(writes(&page).is_empty(), "a bad workflow reference is sent")?;
    page.field("Workflows")?
        .fill("groups-org/app-003/.github/workflows/deploy.yml@main")?;
    dialog_button(&page, "Create group")?.click()?;
    let sent = wait_writes(&page, 1)?;
    check(
        paths(&sent) == [format!("POST /api/v3/orgs/{GROUPS}/actions/runner-groups")],
        format!("{:?}", paths(&sent)),
    )?;
    check(
        body(&sent[0])
            == json!({"name": "Deploy", "visibility": "selected", "selected_repository_ids": [2003, 2125],
                "allows_public_repositories": false, "restricted_to_workflows": true,
                "selected_workflows": ["groups-org/app-003/.github/workflows/deploy.yml@main"]}),
        format!("the body: {}", sent[0].body),
    )?;
    page.assert_absent("//dialog[@open]", "an open dialog after Create group")?;
    page.wait("the new group's selection", Duration::from_secs(10), || {
        Ok((cells(&page, "Deploy")?[1] == "Selected repositories (2)").then_some(()))
    })?;
    page.settle()?;
    check(
        writes(&page).len() == 1,
        "one request for a new group with its repositories",
    )
}

fn a_taken_name_is_refused_with_githubs_words(world: &World) -> Result<()> {
    let page = groups_listed(world, &format!("org={GROUPS}"))?;
    page.button("New runner group")?.click()?;
    page.field("Name")?.fill("linux builders")?;
    dialog_button(&page, "Create group")?.click()?;
    let alert = page.alert_containing("GitHub refused the group (409)")?.text()?;
    check_contains(&alert, "choose another name")?;
    check_contains(
        &alert,
        "\u{201c}A runner group with the name 'linux builders' already exists.\u{201d}",
    )?;
    page.session.find("//dialog[@open]")?;
    page.settle()?;
    check(writes(&page).len() == 1, "the POST sent once, not again by itself")
}

fn an_edit_patches_what_changed_then_puts_the_whole_new_selection(world: &World) -> Result<()> {
    let page = groups_listed(world, &format!("org={GROUPS}"))?;
    cells(&page, "Linux builders")?;
    labelled(&page, "Edit Linux builders")?.click()?;
    page.session
        .find("//dialog[@open]//*[@role='status'][normalize-space(.)='2 chosen']")?;
    check(
        page.field("Name")?.property("value")? == "Linux builders",
        "the form is prefilled",
    )?;
    repository(&page, "app-001")?; // unticked
    repository(&page, "app-010")?;
    page.field("Allow public repositories")?.click()?;
    dialog_button(&page, "Save")?.click()?;
    let sent = wait_writes(&page, 2)?;
    check(
        paths(&sent)
            == [
                format!("PATCH /api/v3/orgs/{GROUPS}/actions/runner-groups/2"),
                format!("PUT /api/v3/orgs/{GROUPS}/actions/runner-groups/2/repositories"),
            ],
        format!("{:?}", paths(&sent)),
    )?;
    check(
        body(&sent[0]) == json!({"name": "Linux builders", "allows_public_repositories": true}),
        format!("the PATCH: {}", sent[0].body),
    )?;
    check(
        body(&sent[1]) == json!({"selected_repository_ids": [2002, 2010]}),
        format!("the PUT: {}", sent[1].body),
    )?;
    let gap = sent[1].at.duration_since(sent[0].at);
    check(gap >= Duration::from_millis(950), format!("the writes {gap:?} apart"))?;
    page.wait("the saved settings", Duration::from_secs(10), || {
        Ok((cells(&page, "Linux builders")?[2] == "Allowed").then_some(()))
    })?;
    // Nothing changed: the name alone, and no PUT.
    labelled(&page, "Edit Linux builders")?.click()?;
    page.session
        .find("//dialog[@open]//*[@role='status'][normalize-space(.)='2 chosen']")?;
    dialog_button(&page, "Save")?.click()?;
    let sent = wait_writes(&page, 3)?;
    page.settle()?;
    check(
        writes(&page).len() == 3 && body(&sent[2]) == json!({"name": "Linux builders"}),
        format!("{:?}", paths(&writes(&page))),
    )
}

fn the_default_groups_name_and_an_inherited_group_cannot_be_edited(world: &World) -> Result<()> {
    let page = groups_listed(world, &format!("org={GROUPS}"))?;
    labelled(&page, "Edit Default")?.click()?;
    page.session
        .find("//dialog[@open]//h3[normalize-space(.)='Edit Default']")?;
    check(
        !page.field("Name")?.is_enabled()?,
        "the Default group's name can be typed in",
    )?;
    page.wait_for_text("The Default group's name cannot be changed")?;
    dialog_button(&page, "Cancel")?.click()?;
    page.assert_absent("//dialog[@open]", "an open dialog after Cancel")?;
    cells(&page, "Enterprise pool")?;
    check_contains(
        &page.session.find("//div[@class='table-notes']")?.text()?,
        "belongs to the enterprise",
    )?;
    check(writes(&page).is_empty(), "nothing written")
}

fn a_deletion_is_confirmed_and_names_the_runners_that_move_to_default(world: &World) -> Result<()> {
    let page = groups_listed(world, &format!("org={GROUPS}"))?;
    cells(&page, "Linux builders")?;
    labelled(&page, "Delete Linux builders")?.click()?;
    page.session.find(&format!(
        "//dialog[@open]//h3[normalize-space(.)='Delete the group Linux builders from {GROUPS}?']"
    ))?;
    page.wait_for_text("Its 1 runner moves to the Default group.")?;
    dialog_button(&page, "Cancel")?.click()?;
    page.settle()?;
    check(writes(&page).is_empty(), "Cancel deleted the group")?;
    labelled(&page, "Delete Linux builders")?.click()?;
    dialog_button(&page, "Delete group")?.click()?;
    let sent = wait_writes(&page, 1)?;
    check(
        paths(&sent) == [format!("DELETE /api/v3/orgs/{GROUPS}/actions/runner-groups/2")],
        format!("{:?}", paths(&sent)),
    )?;
    page.wait_for_text("Deleted the group Linux builders.")?;
    page.wait("its runner in Default", Duration::from_secs(10), || {
        Ok((cells(&page, "Default")?[4] == "3").then_some(()))
    })?;
    page.assert_absent(&row_xpath("Linux builders"), "the deleted group's row")
}

fn a_runner_moves_to_another_group_and_the_group_opens_in_the_runners_tab(world: &World) -> Result<()> {
    let page = groups_listed(world, &format!("org={GROUPS}"))?;
    cells(&page, "Default")?;
    labelled(&page, "Runners of Default")?.click()?;
    page.session
        .find("//dialog[@open]//h3[normalize-space(.)='Runners of Default']")?;
    page.choose("Move build-01 to group", "Release runners")?;
    page.session
        .find("//dialog[@open]//li[strong='build-01']//button[normalize-space(.)='Move']")?
        .click()?;
    page.wait_for_text("Moved build-01 to Release runners.")?;
    let sent = writes(&page);
    check(
        paths(&sent) == [format!("PUT /api/v3/orgs/{GROUPS}/actions/runner-groups/3/runners/11")],
        format!("{:?}", paths(&sent)),
    )?;
    page.assert_absent(
        "//dialog[@open]//li[strong='build-01']",
        "the moved runner still listed",
    )?;
    page.session
        .find("//dialog[@open]//a[normalize-space(.)=\"Show Default's runners in the Runners tab\"]")?
        .click()?;
    page.wait("the Runners tab", Duration::from_secs(10), || {
        Ok(page
            .session
            .find_all("//*[@role='tab'][@aria-selected='true'][normalize-space(.)='Runners']")?
            .first()
            .map(|_| ()))
    })?;
    page.wait_for_text("Only the runners of the group Default.")?;
    page.session
        .find("//table[caption]//tr[th[@scope='row'][starts-with(normalize-space(.), 'old-runner')]]")?;
    page.assert_absent(
        "//table[caption]//tr[th[@scope='row'][starts-with(normalize-space(.), 'build-0')]]",
        "runners of other groups under the group's filter",
    )?;
    page.button("Show every group")?.click()?;
    page.session
        .find("//table[caption]//tr[th[@scope='row'][starts-with(normalize-space(.), 'build-02')]]")
        .map(drop)
}

fn an_enterprise_group_names_organizations_and_an_unknown_one_is_said_before_sending(world: &World) -> Result<()> {
    let page = groups_listed(world, &format!("enterprise={GROUPS}"))?;
    page.button("New runner group")?.click()?;
    page.field("Name")?.fill("Shared deploy")?;
    page.radio("Access", "Selected organizations")?.click()?;
    page.field("Organizations")?.fill("octo-org\nno-such-org")?;
    dialog_button(&page, "Create group")?.click()?;
    page.wait_for_text("There is no organization named \u{201c}no-such-org\u{201d}")?;
    page.settle()?;
    check(writes(&page).is_empty(), "a group sent with an unknown organization")?;
    page.field("Organizations")?.fill("octo-org\nacme-labs")?;
    dialog_button(&page, "Create group")?.click()?;
    let sent = wait_writes(&page, 1)?;
    let ids = |login: &str| mock_github::scenario::org_id(login);
    let mut want = vec![ids("octo-org"), ids("acme-labs")];
    want.sort_unstable();
    check(
        paths(&sent) == [format!("POST /api/v3/enterprises/{GROUPS}/actions/runner-groups")],
        format!("{:?}", paths(&sent)),
    )?;
    check(
        body(&sent[0])
            == json!({"name": "Shared deploy", "visibility": "selected", "selected_organization_ids": want,
                "allows_public_repositories": false, "restricted_to_workflows": false}),
        format!("the body: {}", sent[0].body),
    )
}

fn a_group_deleted_meanwhile_is_said_so_and_the_table_loads_again(world: &World) -> Result<()> {
    let page = groups_listed(world, &format!("org={GROUPS}"))?;
    cells(&page, "Release runners")?;
    labelled(&page, "Edit Release runners")?.click()?;
    page.session
        .find("//dialog[@open]//h3[normalize-space(.)='Edit Release runners']")?;
    // Someone else deletes it meanwhile (straight to the mock, not through the page).
    let gone = page.session.execute_async(
        "const done = arguments[arguments.length - 1];\
         fetch(arguments[0], { method: 'DELETE', headers: { Authorization: 'Bearer ' + arguments[1] } })\
           .then(r => done(r.status), e => done(String(e)));",
        vec![
            json!(format!(
                "{}/orgs/{GROUPS}/actions/runner-groups/3",
                page.mock.ghes_url()
            )),
            json!(ACCESS_TOKEN),
        ],
    )?;
    check(gone == 204, format!("the deletion behind the page's back: {gone}"))?;
    page.field("Allow public repositories")?.click()?;
    dialog_button(&page, "Save")?.click()?;
    let alert = page.alert_containing("no longer there (404)")?.text()?;
    check_contains(&alert, "deleted meanwhile")?;
    page.wait("the table without it", Duration::from_secs(10), || {
        Ok(page
            .session
            .find_all(&row_xpath("Release runners"))?
            .is_empty()
            .then_some(()))
    })?;
    let patches = writes(&page).into_iter().filter(|r| r.method == "PATCH").count();
    check(patches == 1, format!("{patches} PATCHes: sent again?"))
}

fn a_token_without_write_permission_is_told_the_scope_it_needs(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit(&format!(
        "?org={}&api={}",
        mock_github::scenario::org::GROUPS_DENIED,
        page.mock.ghes_url()
    ))?;
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.open_tab("Runner groups")?;
    page.button("Show runner groups")?.click()?;
    let alert = page.alert_containing("The token is not allowed")?.text()?;
    check_contains(&alert, "admin:org")?;
    page.assert_absent("//table[caption]", "a table of groups after a 403")
}

/// The table belongs to the token it was loaded with: typed over with another one (select all,
/// type), the table goes, so none of its buttons (Refresh, Edit, Delete, Move) can send the new
/// token to where the old one was sent; Show runner groups loads it again with the new one.
fn another_token_typed_in_drops_the_table_its_buttons_would_send_it_from(world: &World) -> Result<()> {
    let page = groups_listed(world, &format!("org={GROUPS}"))?;
    page.field("Access token")?.fill(OTHER_ACCESS_TOKEN)?;
    page.open_tab("Runner groups")?;
    page.wait("the table to go", Duration::from_secs(5), || {
        Ok(page.session.find_all("//table[caption]")?.is_empty().then_some(()))
    })?;
    check(
        page.sent_with_token(OTHER_ACCESS_TOKEN) == 0,
        "nothing was sent with the new token by itself",
    )?;
    page.button("Show runner groups")?.click()?;
    page.session
        .find("//table[caption[starts-with(normalize-space(.), 'Runner groups of')]]")?;
    check(
        page.sent_with_token(OTHER_ACCESS_TOKEN) >= 1,
        "Show runner groups sent the new token",
    )
}
