//! The endpoints: one async function per thing the page asks GitHub, each a thin call of the
//! transport ([`send`], or [`all_pages`] for a list) that reads the answer with
//! [`Answer::parse`] into its typed answer. Paths come from [`Endpoint::call`]; headers, time
//! limits and errors from `transport`. The most pages each list follows are named here, beside
//! its endpoint.
//!
//! [`Answer::parse`]: super::transport::Answer::parse

use super::actions::{
    parse_jobs, parse_rate_limit, parse_repository, parse_runs, parse_user, RateLimit, RepositoryInfo, WorkflowJob,
    WorkflowRun,
};
use super::api_base::ApiBase;
use super::body::BodyProblem;
use super::call::{Call, Endpoint, TokenPurpose};
use super::deprecations::{parse_deprecation, Deprecation};
use super::downloads::{parse_downloads, RunnerPackage};
use super::error::{ApiError, ResponseMeta};
use super::groups::{
    parse_group_info, parse_group_infos, parse_members, parse_organization_id, parse_repository_list, parse_total,
    GroupFields, GroupInfo, Member,
};
use super::jit::{parse_jit_config, JitConfig, JitRequest};
use super::runner_token::{parse_runner_token, RunnerToken};
use super::runners::{parse_labels, parse_runners, Polled, Runner, RunnerLabels, RunnerPage};
use super::scope::{Scope, Target};
use super::transport::{all_pages, rehearse, send, TokenSource};

/// `POST {scope}/actions/runners/registration-token` or `.../remove-token`.
pub async fn create_token(
    to: &Target,
    token: &impl TokenSource,
    purpose: TokenPurpose,
) -> Result<RunnerToken, ApiError> {
    let answer = send(&to.api, token, &Endpoint::RunnerToken(purpose).call(&to.scope)).await?;
    answer.parse(parse_runner_token)
}

/// What a registration-token request runs before and after the network, run without the network
/// (see `ui::result::rehearse_result`): the request is built, without a token, and dropped
/// unsent; the answer is a sample, read as GitHub's would be.
pub fn rehearse_create_token(api: &ApiBase, scope: &Scope) -> Option<RunnerToken> {
    rehearse(api, &Endpoint::RunnerToken(TokenPurpose::Registration).call(scope))?;
    parse_runner_token(r#"{"token":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAA","expires_at":"2100-01-01T00:00:00.000+00:00"}"#).ok()
}

/// `POST {scope}/actions/runners/generate-jitconfig`: registers a single-use runner.
pub async fn generate_jit_config(
    to: &Target,
    token: &impl TokenSource,
    runner: &JitRequest,
) -> Result<JitConfig, ApiError> {
    let call = Endpoint::GenerateJitConfig(runner.clone()).call(&to.scope);
    let answer = send(&to.api, token, &call).await?;
    answer.parse(parse_jit_config)
}

/// Every usable runner package the scope may download, for all platforms.
pub async fn runner_downloads(to: &Target, token: &impl TokenSource) -> Result<Vec<RunnerPackage>, ApiError> {
    let answer = send(&to.api, token, &Endpoint::Downloads.call(&to.scope)).await?;
    answer.parse(parse_downloads)
}

/// Most pages of runner groups [`runner_groups`] follows: 20 pages × 100 = 2,000 groups.
pub const MAX_GROUP_PAGES: usize = 20;

/// Every runner group of the scope with its access settings, every page (`Link: rel="next"` under
/// the API base), up to [`MAX_GROUP_PAGES`]: the groups a runner is put in, the Runner groups
/// tab's list, and the groups whose runners Troubleshoot reads.
pub async fn runner_groups(to: &Target, token: &impl TokenSource) -> Result<Vec<GroupInfo>, ApiError> {
    let first = Endpoint::RunnerGroups.call(&to.scope);
    all_pages(&to.api, token, first, MAX_GROUP_PAGES, parse_group_infos)
        .await
        .map(flat)
}

/// `POST {scope}/actions/runner-groups`: the new group as GitHub made it.
pub async fn create_group(to: &Target, token: &impl TokenSource, fields: GroupFields) -> Result<GroupInfo, ApiError> {
    let answer = send(&to.api, token, &Endpoint::CreateGroup(fields).call(&to.scope)).await?;
    answer.parse(parse_group_info)
}

/// `PATCH {scope}/actions/runner-groups/{group}`: the group as GitHub has it now.
pub async fn update_group(
    to: &Target,
    token: &impl TokenSource,
    group: u64,
    fields: GroupFields,
) -> Result<GroupInfo, ApiError> {
    let answer = send(&to.api, token, &Endpoint::UpdateGroup { group, fields }.call(&to.scope)).await?;
    answer.parse(parse_group_info)
}

/// `DELETE {scope}/actions/runner-groups/{group}` (204).
pub async fn delete_group(to: &Target, token: &impl TokenSource, group: u64) -> Result<(), ApiError> {
    send(&to.api, token, &Endpoint::DeleteGroup(group).call(&to.scope))
        .await
        .map(drop)
}

/// How many runners a group has (`total_count` of its first page).
pub async fn group_runner_count(to: &Target, token: &impl TokenSource, group: u64) -> Result<u64, ApiError> {
    let answer = send(&to.api, token, &Endpoint::GroupRunners(group).call(&to.scope)).await?;
    answer.parse(parse_total)
}

/// Most pages of a group's runners [`group_runners`] follows: 20 pages × 100 = 2,000 runners.
pub const MAX_GROUP_RUNNER_PAGES: usize = 20;

/// Every runner of a group, every page up to [`MAX_GROUP_RUNNER_PAGES`].
pub async fn group_runners(to: &Target, token: &impl TokenSource, group: u64) -> Result<Vec<Runner>, ApiError> {
    let first = Endpoint::GroupRunners(group).call(&to.scope);
    all_pages(&to.api, token, first, MAX_GROUP_RUNNER_PAGES, runners_of)
        .await
        .map(flat)
}

/// Most pages of a group's members [`group_members`] follows: 20 pages × 100 = 2,000
/// repositories (or organizations).
pub const MAX_GROUP_MEMBER_PAGES: usize = 20;

/// A group's repositories (organizations) or organizations (enterprises): `(total, members)`,
/// every page up to [`MAX_GROUP_MEMBER_PAGES`]. The total is the first one a page gives, else
/// the members read.
pub async fn group_members(to: &Target, token: &impl TokenSource, group: u64) -> Result<(u64, Vec<Member>), ApiError> {
    let first = Endpoint::GroupMembers(group).call(&to.scope);
    let pages = all_pages(&to.api, token, first, MAX_GROUP_MEMBER_PAGES, parse_members).await?;
    let total = pages.iter().find_map(|(count, _)| *count);
    let members = flat(pages.into_iter().map(|(_, page)| page).collect());
    let total = total.unwrap_or(members.len() as u64);
    Ok((total, members))
}

/// `PUT .../runner-groups/{group}/repositories` (or `.../organizations`): the whole new list (204).
pub async fn set_group_members(
    to: &Target,
    token: &impl TokenSource,
    group: u64,
    ids: Vec<u64>,
) -> Result<(), ApiError> {
    send(
        &to.api,
        token,
        &Endpoint::SetGroupMembers { group, ids }.call(&to.scope),
    )
    .await
    .map(drop)
}

/// Most pages of an organization's repositories [`org_repositories`] follows: 100 pages × 100 =
/// 10,000 repositories.
pub const MAX_REPO_PAGES: usize = 100;

/// Every repository of the organization, every page up to [`MAX_REPO_PAGES`].
pub async fn org_repositories(to: &Target, token: &impl TokenSource) -> Result<Vec<Member>, ApiError> {
    let first = Endpoint::OrgRepositories.call(&to.scope);
    all_pages(&to.api, token, first, MAX_REPO_PAGES, parse_repository_list)
        .await
        .map(flat)
}

/// The id of the organization `login` (`GET /orgs/{login}`).
pub async fn organization_id(to: &Target, token: &impl TokenSource, login: &str) -> Result<u64, ApiError> {
    let answer = send(
        &to.api,
        token,
        &Endpoint::OrganizationNamed(login.to_string()).call(&to.scope),
    )
    .await?;
    answer.parse(parse_organization_id)
}

/// Most pages of the Runners section's list followed: 200 pages × 100 = 20,000 runners.
/// `state::runners` asks them one at a time through [`runners_page`], so the first page is on
/// screen at once, and stops here.
pub const MAX_RUNNER_LIST_PAGES: usize = 200;

/// One page of the scope's runners: the first (`next` `None`) or the one a previous page named.
/// Also returns the request for the page after it, when there is one under the API base. Its
/// caller follows at most [`MAX_RUNNER_LIST_PAGES`].
pub async fn runners_page(
    to: &Target,
    token: &impl TokenSource,
    next: Option<Call>,
) -> Result<(RunnerPage, Option<Call>), ApiError> {
    let call = next.unwrap_or_else(|| Endpoint::Runners.call(&to.scope));
    let answer = send(&to.api, token, &call).await?;
    let page = answer.parse(parse_runners)?;
    Ok((page, answer.next_page(&to.api)))
}

/// Polls the runner named `name` (or, without a name, the first page of runners). With
/// `etag`, an unchanged answer is a 304 that does not count against the rate limit.
pub async fn poll_runners(
    to: &Target,
    token: &impl TokenSource,
    name: Option<&str>,
    etag: Option<String>,
) -> Result<Polled, ApiError> {
    let endpoint = name.map_or(Endpoint::Runners, |n| Endpoint::RunnerNamed(n.to_string()));
    let call = Call {
        if_none_match: etag,
        ..endpoint.call(&to.scope)
    };
    let answer = send(&to.api, token, &call).await?;
    if answer.status == 304 {
        return Ok(Polled::NotModified);
    }
    let page = answer.parse(parse_runners)?;
    Ok(Polled::Changed {
        page,
        etag: answer.meta.etag,
    })
}

/// The runner named `name` in the scope, if GitHub has one (names compare without case).
pub async fn find_runner(to: &Target, token: &impl TokenSource, name: &str) -> Result<Option<Runner>, ApiError> {
    let answer = send(&to.api, token, &Endpoint::RunnerNamed(name.to_string()).call(&to.scope)).await?;
    let page = answer.parse(parse_runners)?;
    Ok(page.runners.into_iter().find(|r| r.name.eq_ignore_ascii_case(name)))
}

/// `DELETE {scope}/actions/runners/{id}`: 204 when the runner is gone.
pub async fn remove_runner(to: &Target, token: &impl TokenSource, id: u64) -> Result<(), ApiError> {
    send(&to.api, token, &Endpoint::RemoveRunner(id).call(&to.scope))
        .await
        .map(drop)
}

/// Adds custom labels to a runner; GitHub answers with its whole label list.
pub async fn add_labels(
    to: &Target,
    token: &impl TokenSource,
    runner: u64,
    labels: Vec<String>,
) -> Result<RunnerLabels, ApiError> {
    let answer = send(&to.api, token, &Endpoint::AddLabels { runner, labels }.call(&to.scope)).await?;
    answer.parse(parse_labels)
}

/// Removes one custom label from a runner; GitHub answers with its whole label list.
pub async fn remove_label(
    to: &Target,
    token: &impl TokenSource,
    runner: u64,
    label: &str,
) -> Result<RunnerLabels, ApiError> {
    let call = Endpoint::RemoveLabel {
        runner,
        label: label.to_string(),
    }
    .call(&to.scope);
    let answer = send(&to.api, token, &call).await?;
    answer.parse(parse_labels)
}

/// Moves a runner into a runner group (204).
pub async fn move_to_group(to: &Target, token: &impl TokenSource, group: u64, runner: u64) -> Result<(), ApiError> {
    send(&to.api, token, &Endpoint::MoveToGroup { group, runner }.call(&to.scope))
        .await
        .map(drop)
}

/// When GitHub stops registering, and stops sending jobs to, runners of `version`.
pub async fn runner_deprecation(to: &Target, token: &impl TokenSource, version: &str) -> Result<Deprecation, ApiError> {
    let answer = send(
        &to.api,
        token,
        &Endpoint::Deprecation(version.to_string()).call(&to.scope),
    )
    .await?;
    answer.parse(parse_deprecation)
}

/// `GET /user`: the token's account, and the answer's headers (`X-OAuth-Scopes`).
pub async fn account(to: &Target, token: &impl TokenSource) -> Result<(String, ResponseMeta), ApiError> {
    let answer = send(&to.api, token, &Endpoint::User.call(&to.scope)).await?;
    let login = answer.parse(parse_user)?;
    Ok((login, answer.meta))
}

/// `GET /rate_limit` (free of charge).
pub async fn rate_limit(to: &Target, token: &impl TokenSource) -> Result<RateLimit, ApiError> {
    let answer = send(&to.api, token, &Endpoint::RateLimit.call(&to.scope)).await?;
    answer.parse(parse_rate_limit)
}

/// A read request that stands for a permission: its answer's headers when it reads.
pub async fn probe_read(to: &Target, token: &impl TokenSource, endpoint: &Endpoint) -> Result<ResponseMeta, ApiError> {
    send(&to.api, token, &endpoint.call(&to.scope)).await.map(|a| a.meta)
}

/// `GET /repos/{o}/{r}`.
pub async fn repository(to: &Target, token: &impl TokenSource) -> Result<RepositoryInfo, ApiError> {
    let answer = send(&to.api, token, &Endpoint::Repository.call(&to.scope)).await?;
    answer.parse(parse_repository)
}

/// Most queued runs [`queued_runs`] reads: the 100 newest.
pub const MAX_QUEUED_RUNS: usize = 100;

/// Most pages of queued runs [`queued_runs`] follows: GitHub answers 100 a page, so one page
/// holds [`MAX_QUEUED_RUNS`]; a server that answers shorter pages is followed for up to 20.
pub const MAX_QUEUED_RUN_PAGES: usize = 20;

/// The repository's queued workflow runs, newest first (GitHub's order), at most the
/// [`MAX_QUEUED_RUNS`] newest.
pub async fn queued_runs(to: &Target, token: &impl TokenSource) -> Result<Vec<WorkflowRun>, ApiError> {
    let first = Endpoint::QueuedRuns.call(&to.scope);
    let mut runs = flat(all_pages(&to.api, token, first, MAX_QUEUED_RUN_PAGES, parse_runs).await?);
    runs.truncate(MAX_QUEUED_RUNS);
    Ok(runs)
}

/// Most pages of a run's jobs [`run_jobs`] follows: 10 pages × 100 = 1,000 jobs.
pub const MAX_JOB_PAGES: usize = 10;

/// The latest attempt's jobs of a run, every page up to [`MAX_JOB_PAGES`].
pub async fn run_jobs(to: &Target, token: &impl TokenSource, run: u64) -> Result<Vec<WorkflowJob>, ApiError> {
    let first = Endpoint::RunJobs(run).call(&to.scope);
    all_pages(&to.api, token, first, MAX_JOB_PAGES, parse_jobs)
        .await
        .map(flat)
}

/// Most pages of the groups a repository may use [`groups_visible_to`] follows: 20 pages × 100 =
/// 2,000 groups.
pub const MAX_VISIBLE_GROUP_PAGES: usize = 20;

/// The organization's runner groups, with their access settings, that the repository of that
/// name may use, every page up to [`MAX_VISIBLE_GROUP_PAGES`]. All of them, with the same
/// settings, are [`runner_groups`].
pub async fn groups_visible_to(
    to: &Target,
    token: &impl TokenSource,
    repository: &str,
) -> Result<Vec<GroupInfo>, ApiError> {
    let first = Endpoint::GroupsVisibleTo(repository.to_string()).call(&to.scope);
    all_pages(&to.api, token, first, MAX_VISIBLE_GROUP_PAGES, parse_group_infos)
        .await
        .map(flat)
}

/// Most pages of the scope's runners [`all_runners`] follows: 20 pages × 100 = 2,000 runners. It
/// caps the watch's scan for a new runner (`state::watch`, `runner::watch`), which keeps the
/// first page's total rather than the count it read, and Troubleshoot's list of runners.
pub const MAX_ALL_RUNNER_PAGES: usize = 20;

/// Every runner of the scope (the repository's own, for a repository), every page up to
/// [`MAX_ALL_RUNNER_PAGES`], read at once.
pub async fn all_runners(to: &Target, token: &impl TokenSource) -> Result<Vec<Runner>, ApiError> {
    let first = Endpoint::Runners.call(&to.scope);
    all_pages(&to.api, token, first, MAX_ALL_RUNNER_PAGES, runners_of)
        .await
        .map(flat)
}

/// `PUT .../runner-groups/{group}/repositories/{repository}` (204): sent once, never again by itself.
pub async fn open_group_to(to: &Target, token: &impl TokenSource, group: u64, repository: u64) -> Result<(), ApiError> {
    send(
        &to.api,
        token,
        &Endpoint::OpenGroupTo { group, repository }.call(&to.scope),
    )
    .await
    .map(drop)
}

/// The runners of one page of a runners list, without its total.
fn runners_of(body: &str) -> Result<Vec<Runner>, BodyProblem> {
    parse_runners(body).map(|page| page.runners)
}

/// The items of a list's pages, in order.
fn flat<T>(pages: Vec<Vec<T>>) -> Vec<T> {
    pages.into_iter().flatten().collect()
}

/// One of the Actions settings the Security tab reviews (an `Endpoint` of
/// [`super::policies`]: `ActionsPermissions`, `SelfHostedRunnersPolicy`, `ForkPrApproval`,
/// `ForkPrPrivateRepos`, `WorkflowPermissions`, `PublicRepositories`), read by `parse`.
pub async fn setting<T>(
    to: &Target,
    token: &impl TokenSource,
    endpoint: &Endpoint,
    parse: fn(&str) -> Result<T, BodyProblem>,
) -> Result<T, ApiError> {
    let answer = send(&to.api, token, &endpoint.call(&to.scope)).await?;
    answer.parse(parse)
}

/// A Security fix: one `PUT` of a setting, or the `PATCH` of a runner group. Its answer (204,
/// or the group) is not read: the setting is read again afterwards.
pub async fn apply_fix(to: &Target, token: &impl TokenSource, endpoint: &Endpoint) -> Result<(), ApiError> {
    send(&to.api, token, &endpoint.call(&to.scope)).await.map(drop)
}
