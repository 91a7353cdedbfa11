//! The mock's runner groups, kept per organization and per enterprise: listed (paginated by
//! `Link`), created, edited and deleted (its runners going back to the Default group), each
//! group's repository or organization list read and replaced, its runners listed; enterprise
//! groups shared with an organization show there as `inherited`; a name already taken is
//! refused with a 409, as GitHub does; a group named [`LOST_GROUP`] is created or saved and its
//! answer lost on the way back. Also an organization's repositories and `GET /orgs/{org}`.

use crate::fleet::Fleet;
use crate::scenario::{self, org, Reply};
use serde_json::{json, Value};

/// Scopes with their own groups (the organization `groups-org`, and the enterprise of the same
/// slug): see [`GroupStore::new`].
pub const GROUPS: &str = org::GROUPS;

/// The organizations the mock knows by id (for an enterprise group's list).
pub const KNOWN_ORGS: [&str; 3] = ["groups-org", "octo-org", "acme-labs"];

/// How many repositories [`GROUPS`] has: two pages of a hundred, the second short.
pub const GROUPS_REPOS: u64 = 130;

/// A group name whose creation or save is carried out, and its answer lost on the way back.
pub const LOST_GROUP: &str = "Lost on the way";

const DOCS: &str = "https://docs.github.com/rest/actions/self-hosted-runner-groups";

#[derive(Clone, Debug)]
pub struct MockGroup {
    pub id: u64,
    pub name: String,
    pub visibility: String,
    pub default: bool,
    pub inherited: bool,
    pub allows_public: bool,
    pub restricted: bool,
    pub workflows: Vec<String>,
    /// Repository ids (organizations) or organization ids (enterprises).
    pub members: Vec<u64>,
}

impl MockGroup {
    fn plain(id: u64, name: &str, visibility: &str) -> Self {
        Self {
            id,
            name: name.into(),
            visibility: visibility.into(),
            default: id == 1,
            inherited: false,
            allows_public: false,
            restricted: false,
            workflows: Vec::new(),
            members: Vec::new(),
        }
    }

    fn json(&self, list_url: &str) -> Value {
        json!({
            "id": self.id, "name": self.name, "visibility": self.visibility,
            "default": self.default, "inherited": self.inherited, "allows_public_repositories": self.allows_public,
            "restricted_to_workflows": self.restricted, "selected_workflows": self.workflows,
            "workflow_restrictions_read_only": self.inherited,
            "runners_url": format!("{list_url}/{}/runners", self.id),
        })
    }
}

/// One scope's groups.
#[derive(Debug)]
pub struct GroupStore {
    pub groups: Vec<MockGroup>,
    next_id: u64,
    enterprise: bool,
}

/// The repositories of organization `key`: `(id, name, private)`.
pub fn org_repositories(key: &str) -> Vec<(u64, String, bool)> {
    if let Some(repositories) = crate::security::org_repositories(key) {
        return repositories;
    }
    if key == GROUPS {
        (1..=GROUPS_REPOS)
            .map(|i| (2000 + i, format!("app-{i:03}"), i % 4 == 0))
            .collect()
    } else {
        vec![
            (1296269, "hello-world".into(), false),
            (1296270, "secret-sauce".into(), true),
        ]
    }
}

impl GroupStore {
    /// What a scope starts with: the names of `scenario::runner_group_names`, Default open to
    /// all and the others to a selection; [`GROUPS`] has its own.
    pub fn new(key: &str, enterprise: bool) -> Self {
        use crate::security::{self, security_scope};
        let public = |id, name: &str| MockGroup {
            allows_public: true,
            ..MockGroup::plain(id, name, "all")
        };
        let groups = if enterprise && key == security_scope::ENTERPRISE {
            vec![
                MockGroup::plain(1, "Default", "all"),
                public(security::ENTERPRISE_PUBLIC_GROUP_ID, security::ENTERPRISE_PUBLIC_GROUP),
            ]
        } else if !enterprise && [security_scope::ORG, security_scope::LOST, security_scope::LIMITED].contains(&key) {
            vec![
                MockGroup::plain(1, "Default", "all"),
                public(security::PUBLIC_GROUP_ID, security::PUBLIC_GROUP),
            ]
        } else if !enterprise && [security_scope::CLEAN, security_scope::UNREADABLE].contains(&key) {
            vec![
                MockGroup::plain(1, "Default", "all"),
                MockGroup::plain(2, "builders", "selected"),
            ]
        } else if key == GROUPS && enterprise {
            vec![
                MockGroup::plain(1, "Default", "all"),
                MockGroup {
                    members: KNOWN_ORGS.iter().map(|o| scenario::org_id(o)).collect(),
                    ..MockGroup::plain(2, "Shared builders", "selected")
                },
            ]
        } else if key == GROUPS {
            vec![
                MockGroup {
                    allows_public: true,
                    ..MockGroup::plain(1, "Default", "all")
                },
                MockGroup {
                    members: vec![2001, 2002],
                    ..MockGroup::plain(2, "Linux builders", "selected")
                },
                MockGroup {
                    restricted: true,
                    workflows: vec![
                        "groups-org/app-001/.github/workflows/release.yml@main".into(),
                        "groups-org/app-002/.github/workflows/release.yml@v2".into(),
                    ],
                    ..MockGroup::plain(3, "Release runners", "private")
                },
                MockGroup {
                    inherited: true,
                    ..MockGroup::plain(4, "Enterprise pool", "all")
                },
            ]
        } else {
            scenario::runner_group_names(key)
                .iter()
                .enumerate()
                .map(|(i, name)| MockGroup::plain(i as u64 + 1, name, if i == 0 { "all" } else { "selected" }))
                .collect()
        };
        Self {
            next_id: groups.len() as u64 + 10,
            groups,
            enterprise,
        }
    }

    pub fn exists(&self, id: u64) -> bool {
        self.groups.iter().any(|g| g.id == id)
    }

    /// Every group as GitHub lists them.
    pub fn list(&self, list_url: &str) -> Vec<Value> {
        self.groups.iter().map(|g| g.json(list_url)).collect()
    }

    fn taken(&self, name: &str, except: Option<u64>) -> Option<Reply> {
        self.groups
            .iter()
            .any(|g| Some(g.id) != except && g.name.eq_ignore_ascii_case(name.trim()))
            .then(|| {
                scenario::error(
                    409,
                    &format!("A runner group with the name '{}' already exists.", name.trim()),
                    DOCS,
                )
            })
    }

    fn body(text: &str) -> Option<serde_json::Map<String, Value>> {
        serde_json::from_str::<Value>(text).ok()?.as_object().cloned()
    }

    fn apply(g: &mut MockGroup, b: &serde_json::Map<String, Value>) {
        if let Some(name) = b.get("name").and_then(Value::as_str) {
            g.name = name.trim().to_string();
        }
        if let Some(v) = b.get("visibility").and_then(Value::as_str) {
            g.visibility = v.to_string();
        }
        if let Some(p) = b.get("allows_public_repositories").and_then(Value::as_bool) {
            g.allows_public = p;
        }
        if let Some(r) = b.get("restricted_to_workflows").and_then(Value::as_bool) {
            g.restricted = r;
        }
        if let Some(w) = b.get("selected_workflows").and_then(Value::as_array) {
            g.workflows = w.iter().filter_map(|v| v.as_str().map(String::from)).collect();
        }
    }

    fn ids(b: &serde_json::Map<String, Value>, key: &str) -> Option<Vec<u64>> {
        b.get(key)?
            .as_array()
            .map(|l| l.iter().filter_map(Value::as_u64).collect())
    }

    /// `POST {scope}/actions/runner-groups`: 201 with the group.
    pub fn create(&mut self, body: &str, list_url: &str) -> Reply {
        let Some(b) = Self::body(body) else {
            return scenario::error(400, "Problems parsing JSON", DOCS);
        };
        let Some(name) = b.get("name").and_then(Value::as_str).filter(|n| !n.trim().is_empty()) else {
            return scenario::error(422, "Invalid request.\n\n\"name\" wasn't supplied.", DOCS);
        };
        if let Some(taken) = self.taken(name, None) {
            return taken;
        }
        self.next_id += 1;
        let mut g = MockGroup::plain(self.next_id, name, "all");
        Self::apply(&mut g, &b);
        let key = if self.enterprise {
            "selected_organization_ids"
        } else {
            "selected_repository_ids"
        };
        g.members = Self::ids(&b, key).unwrap_or_default();
        let json = g.json(list_url);
        let lost = g.name == LOST_GROUP;
        self.groups.push(g);
        let answer = Reply::json_text(201, json.to_string());
        if lost {
            answer.lost()
        } else {
            answer
        }
    }

    /// `PATCH {scope}/actions/runner-groups/{id}`: 200 with the group.
    pub fn update(&mut self, id: u64, body: &str, list_url: &str) -> Reply {
        let Some(b) = Self::body(body) else {
            return scenario::error(400, "Problems parsing JSON", DOCS);
        };
        if !self.exists(id) {
            return scenario::error(404, "Not Found", DOCS);
        }
        if let Some(name) = b.get("name").and_then(Value::as_str) {
            if let Some(taken) = self.taken(name, Some(id)) {
                return taken;
            }
        }
        let Some(g) = self.groups.iter_mut().find(|g| g.id == id) else {
            return scenario::error(404, "Not Found", DOCS);
        };
        if g.inherited {
            return scenario::error(403, "Resource not accessible by personal access token", DOCS);
        }
        Self::apply(g, &b);
        let answer = Reply::json_text(200, g.json(list_url).to_string());
        if g.name == LOST_GROUP {
            answer.lost()
        } else {
            answer
        }
    }

    /// `DELETE {scope}/actions/runner-groups/{id}`: 204, its runners back in the Default group.
    pub fn delete(&mut self, id: u64, fleet: &mut Fleet) -> Reply {
        match self.groups.iter().position(|g| g.id == id) {
            None => scenario::error(404, "Not Found", DOCS),
            Some(i) if self.groups[i].default || self.groups[i].inherited => {
                scenario::error(422, "The default runner group cannot be deleted.", DOCS)
            }
            Some(i) => {
                self.groups.remove(i);
                for r in fleet.runners.iter_mut().filter(|r| r.group == id) {
                    r.group = 1;
                }
                Reply::no_content()
            }
        }
    }

    /// `GET .../runner-groups/{id}/repositories` or `.../organizations`.
    pub fn members(&self, id: u64, key: &str) -> Reply {
        let Some(g) = self.groups.iter().find(|g| g.id == id) else {
            return scenario::error(404, "Not Found", DOCS);
        };
        if self.enterprise {
            let orgs: Vec<Value> = g
                .members
                .iter()
                .map(|&oid| {
                    let login = KNOWN_ORGS
                        .iter()
                        .find(|o| scenario::org_id(o) == oid)
                        .map_or_else(|| format!("org-{oid}"), |o| o.to_string());
                    organization_simple(&login, oid)
                })
                .collect();
            Reply::json_text(
                200,
                json!({ "total_count": orgs.len(), "organizations": orgs }).to_string(),
            )
        } else {
            let known = org_repositories(key);
            let repos: Vec<Value> = g
                .members
                .iter()
                .map(|&rid| {
                    let (name, private) = known
                        .iter()
                        .find(|(i, _, _)| *i == rid)
                        .map_or_else(|| (format!("repo-{rid}"), false), |(_, n, p)| (n.clone(), *p));
                    scenario::repository(key, &name, rid, private)
                })
                .collect();
            Reply::json_text(
                200,
                json!({ "total_count": repos.len(), "repositories": repos }).to_string(),
            )
        }
    }

    /// `PUT .../runner-groups/{id}/repositories` (or `.../organizations`): 204.
    pub fn set_members(&mut self, id: u64, body: &str) -> Reply {
        let key = if self.enterprise {
            "selected_organization_ids"
        } else {
            "selected_repository_ids"
        };
        let Some(ids) = Self::body(body).and_then(|b| Self::ids(&b, key)) else {
            return scenario::error(422, &format!("Invalid request.\n\n\"{key}\" wasn't supplied."), DOCS);
        };
        match self.groups.iter_mut().find(|g| g.id == id) {
            Some(g) => {
                g.members = ids;
                Reply::no_content()
            }
            None => scenario::error(404, "Not Found", DOCS),
        }
    }

    /// `GET .../runner-groups/{id}/runners`.
    pub fn runners(&self, id: u64, fleet: &Fleet) -> Reply {
        if !self.exists(id) {
            return scenario::error(404, "Not Found", DOCS);
        }
        let runners: Vec<Value> = fleet
            .runners
            .iter()
            .filter(|r| r.group == id)
            .map(|r| r.json(std::time::Instant::now()))
            .collect();
        Reply::json_text(
            200,
            json!({ "total_count": runners.len(), "runners": runners }).to_string(),
        )
    }
}

/// `GET /orgs/{org}/repos?[type=T&]per_page=N&page=P`, `type` `public` or `private` keeping
/// only those (any other: all); `list_url` is where the `Link` header points.
pub fn repositories_page(key: &str, kind: Option<&str>, per_page: usize, page: usize, list_url: &str) -> Reply {
    let all: Vec<_> = org_repositories(key)
        .into_iter()
        .filter(|(_, _, private)| match kind {
            Some("public") => !private,
            Some("private") => *private,
            _ => true,
        })
        .collect();
    let per_page = per_page.clamp(1, 100);
    let page = page.max(1);
    let pages = all.len().div_ceil(per_page).max(1);
    let list_url = match kind {
        Some(kind) => format!("{list_url}?type={kind}&"),
        None => format!("{list_url}?"),
    };
    let items: Vec<Value> = all
        .iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .map(|(id, name, private)| scenario::repository(key, name, *id, *private))
        .collect();
    let reply = Reply::json_text(200, Value::Array(items).to_string());
    if page < pages {
        reply.header(
            "Link",
            format!(
                "<{list_url}per_page={per_page}&page={}>; rel=\"next\", <{list_url}per_page={per_page}&page={pages}>; rel=\"last\"",
                page + 1
            ),
        )
    } else {
        reply
    }
}

/// An organization as GitHub's `organization-simple` schema has it.
pub fn organization_simple(login: &str, id: u64) -> Value {
    let api = format!("https://api.github.com/orgs/{login}");
    json!({
        "login": login, "id": id, "node_id": "MDEyOk9yZ2FuaXphdGlvbjE=", "url": api,
        "repos_url": format!("{api}/repos"), "events_url": format!("{api}/events"), "hooks_url": format!("{api}/hooks"),
        "issues_url": format!("{api}/issues"), "members_url": format!("{api}/members{{/member}}"),
        "public_members_url": format!("{api}/public_members{{/member}}"),
        "avatar_url": "https://github.com/images/error/octocat_happy.gif", "description": null,
    })
}

/// `GET /orgs/{org}`: the organization (`public_repos` counting its public repositories), or 404
/// for [`org::MISSING`] and names starting `no-such-`.
pub fn organization(login: &str) -> Reply {
    if login == org::MISSING || login.starts_with("no-such-") {
        return scenario::error(
            404,
            "Not Found",
            "https://docs.github.com/rest/orgs/orgs#get-an-organization",
        );
    }
    let mut o = organization_simple(login, scenario::org_id(login));
    for (k, v) in [
        ("html_url", json!(format!("https://github.com/{login}"))),
        ("has_organization_projects", json!(true)),
        ("has_repository_projects", json!(true)),
        (
            "public_repos",
            json!(org_repositories(login)
                .iter()
                .filter(|(_, _, private)| !private)
                .count()),
        ),
        ("public_gists", json!(0)),
        ("followers", json!(0)),
        ("following", json!(0)),
        ("type", json!("Organization")),
        ("created_at", json!("2011-01-26T19:01:12Z")),
        ("updated_at", json!("2026-11-20T18:14:10Z")),
        ("archived_at", Value::Null),
    ] {
        o[k] = v;
    }
    Reply::json_text(200, o.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lost_group_is_created_or_saved_before_its_answer_is_lost() {
        let mut store = GroupStore::new(GROUPS, false);
        let body = format!("{{\"name\":\"{LOST_GROUP}\"}}");
        let created = store.create(&body, "http://m/x");
        assert!(created.lost && created.status == 201);
        assert!(store.groups.iter().any(|g| g.name == LOST_GROUP));
        let mut store = GroupStore::new(GROUPS, false);
        let saved = store.update(2, &body, "http://m/x");
        assert!(saved.lost && saved.status == 200);
        assert!(!store.update(3, r#"{"name":"Release"}"#, "http://m/x").lost);
    }
}
