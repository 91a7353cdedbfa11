//! Runner groups: `GET {scope}/actions/runner-groups` (organizations and enterprises, paginated
//! by `Link`), read leniently into [`GroupInfo`]: a group without an id or a name is left out.
//! Also what the Runner groups tab sends and reads besides: the bodies of `POST`/`PATCH`
//! ([`GroupFields`]), a group's repositories or organizations, an organization's repositories and
//! an organization's id.

use super::body::{self, BodyProblem, LenientList, Scalar};
use serde::Deserialize;
use serde_json::{Map, Value};

/// Who may send jobs to a group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Visibility {
    /// Every repository (organization) or every organization (enterprise).
    #[default]
    All,
    /// Only those selected.
    Selected,
    /// Only private repositories (organizations only).
    Private,
}

impl Visibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Selected => "selected",
            Self::Private => "private",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "all" => Some(Self::All),
            "selected" => Some(Self::Selected),
            "private" => Some(Self::Private),
            _ => None,
        }
    }
}

/// A runner group with its access settings: the Runner groups tab's rows, the groups Troubleshoot
/// holds a waiting job against, and the groups a just-in-time runner or a runner is put in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct GroupInfo {
    /// What the just-in-time request names the group by.
    pub id: u64,
    pub name: String,
    pub default: bool,
    /// An enterprise's group as an organization sees it: read-only there.
    pub inherited: bool,
    pub visibility: Visibility,
    pub allows_public_repositories: bool,
    pub restricted_to_workflows: bool,
    pub selected_workflows: Vec<String>,
}

#[derive(Deserialize)]
struct InfoBody {
    #[serde(default)]
    id: Scalar,
    #[serde(default)]
    name: Scalar,
    #[serde(default)]
    default: Scalar,
    #[serde(default)]
    inherited: Scalar,
    #[serde(default)]
    visibility: Scalar,
    #[serde(default)]
    allows_public_repositories: Scalar,
    #[serde(default)]
    restricted_to_workflows: Scalar,
    #[serde(default)]
    selected_workflows: Value,
}

impl InfoBody {
    fn info(self) -> Option<GroupInfo> {
        let name = self.name.text().map(str::trim).filter(|n| !n.is_empty())?.to_string();
        let workflows = match self.selected_workflows {
            Value::Array(list) => list.into_iter().filter_map(|v| v.as_str().map(String::from)).collect(),
            _ => Vec::new(),
        };
        Some(GroupInfo {
            id: self.id.id()?,
            name,
            default: self.default.bool().unwrap_or(false),
            inherited: self.inherited.bool().unwrap_or(false),
            visibility: self.visibility.text().and_then(Visibility::parse).unwrap_or_default(),
            allows_public_repositories: self.allows_public_repositories.bool().unwrap_or(false),
            restricted_to_workflows: self.restricted_to_workflows.bool().unwrap_or(false),
            selected_workflows: workflows,
        })
    }
}

#[derive(Deserialize)]
struct InfosBody {
    #[serde(default)]
    runner_groups: LenientList<InfoBody>,
}

/// One page of the runner-groups answer, with each group's access settings.
pub fn parse_group_infos(text: &str) -> Result<Vec<GroupInfo>, BodyProblem> {
    let b: InfosBody = body::parse(text, BodyProblem::MissingRunnerGroups)?;
    let list = b.runner_groups.0.ok_or(BodyProblem::MissingRunnerGroups)?;
    Ok(list.into_iter().filter_map(InfoBody::info).collect())
}

/// One group: the answer to `POST` and `PATCH`.
pub fn parse_group_info(text: &str) -> Result<GroupInfo, BodyProblem> {
    let b: InfoBody = body::parse_object(text)?;
    b.info().ok_or(BodyProblem::MissingGroup)
}

/// The fields of a `POST .../runner-groups` or `PATCH .../runner-groups/{id}` body: only those
/// set are sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupFields {
    pub name: Option<String>,
    pub visibility: Option<Visibility>,
    /// `selected_repository_ids` (organizations, `POST` only).
    pub repository_ids: Option<Vec<u64>>,
    /// `selected_organization_ids` (enterprises, `POST` only).
    pub organization_ids: Option<Vec<u64>>,
    pub allows_public_repositories: Option<bool>,
    pub restricted_to_workflows: Option<bool>,
    pub selected_workflows: Option<Vec<String>>,
}

impl GroupFields {
    pub fn to_json(&self) -> String {
        let mut m = Map::new();
        if let Some(name) = &self.name {
            m.insert("name".into(), Value::from(name.as_str()));
        }
        if let Some(v) = self.visibility {
            m.insert("visibility".into(), Value::from(v.as_str()));
        }
        if let Some(ids) = &self.repository_ids {
            m.insert("selected_repository_ids".into(), Value::from(ids.clone()));
        }
        if let Some(ids) = &self.organization_ids {
            m.insert("selected_organization_ids".into(), Value::from(ids.clone()));
        }
        if let Some(b) = self.allows_public_repositories {
            m.insert("allows_public_repositories".into(), Value::from(b));
        }
        if let Some(b) = self.restricted_to_workflows {
            m.insert("restricted_to_workflows".into(), Value::from(b));
        }
        if let Some(w) = &self.selected_workflows {
            m.insert("selected_workflows".into(), Value::from(w.clone()));
        }
        Value::Object(m).to_string()
    }
}

/// A repository or an organization a group can be opened to: its id and its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub id: u64,
    /// A repository's name (without the owner), or an organization's login.
    pub name: String,
    /// Repositories only.
    pub private: bool,
}

#[derive(Deserialize)]
struct MemberBody {
    #[serde(default)]
    id: Scalar,
    #[serde(default)]
    name: Scalar,
    #[serde(default)]
    login: Scalar,
    #[serde(default)]
    private: Scalar,
}

impl MemberBody {
    fn member(self) -> Option<Member> {
        let name = self.name.text().or(self.login.text())?.trim().to_string();
        (!name.is_empty()).then_some(())?;
        Some(Member {
            id: self.id.id()?,
            name,
            private: self.private.bool().unwrap_or(false),
        })
    }
}

#[derive(Deserialize)]
struct MembersBody {
    #[serde(default)]
    total_count: Scalar,
    #[serde(default)]
    repositories: LenientList<MemberBody>,
    #[serde(default)]
    organizations: LenientList<MemberBody>,
}

/// A page of `GET .../runner-groups/{id}/repositories` or `.../organizations`:
/// `(total_count, members)`.
pub fn parse_members(text: &str) -> Result<(Option<u64>, Vec<Member>), BodyProblem> {
    let b: MembersBody = body::parse_object(text)?;
    let list = b
        .repositories
        .0
        .or(b.organizations.0)
        .ok_or(BodyProblem::MissingMembers)?;
    Ok((
        b.total_count.id(),
        list.into_iter().filter_map(MemberBody::member).collect(),
    ))
}

/// A page of `GET /orgs/{org}/repos`: a plain list of repositories.
pub fn parse_repository_list(text: &str) -> Result<Vec<Member>, BodyProblem> {
    let list: LenientList<MemberBody> = body::parse(text, BodyProblem::NotAList)?;
    let list = list.0.ok_or(BodyProblem::NotAList)?;
    Ok(list.into_iter().filter_map(MemberBody::member).collect())
}

/// `GET /orgs/{org}`: the organization's id.
pub fn parse_organization_id(text: &str) -> Result<u64, BodyProblem> {
    let b: MemberBody = body::parse_object(text)?;
    b.id.id().ok_or(BodyProblem::MissingGroup)
}

/// `total_count` of a list answer (a group's runners).
pub fn parse_total(text: &str) -> Result<u64, BodyProblem> {
    let b: MembersBody = body::parse_object(text)?;
    b.total_count.id().ok_or(BodyProblem::MissingRunners)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_each_groups_access_settings() {
        let body = r#"{"total_count":2,"runner_groups":[{"id":1,"name":"Default","visibility":"all","default":true,"inherited":false,"allows_public_repositories":true},
            {"id":4,"name":"Deploy","visibility":"private","default":false,"inherited":true,"restricted_to_workflows":true,"selected_workflows":["o/r/.github/workflows/d.yml@main",7]},
            {"id":"x","name":"no id"}]}"#;
        let groups = parse_group_infos(body).unwrap();
        assert_eq!(groups.len(), 2);
        assert_eq!((groups[0].id, groups[0].name.as_str()), (1, "Default"));
        assert_eq!(
            (groups[1].id, groups[1].name.as_str(), groups[1].default),
            (4, "Deploy", false)
        );
        assert_eq!(
            parse_group_infos(r#"{"total_count":0}"#),
            Err(BodyProblem::MissingRunnerGroups)
        );
        assert!(groups[0].default && groups[0].allows_public_repositories && groups[0].visibility == Visibility::All);
        assert_eq!(groups[1].visibility, Visibility::Private);
        assert!(groups[1].inherited && groups[1].restricted_to_workflows);
        assert_eq!(groups[1].selected_workflows, ["o/r/.github/workflows/d.yml@main"]);
        // What Troubleshoot holds a waiting job against: a selected group (one it can open to the
        // repository) that refuses public repositories.
        let gpu = &parse_group_infos(r#"{"total_count":1,"runner_groups":[{"id":3,"name":"GPU","visibility":"selected","allows_public_repositories":false,"restricted_to_workflows":true,"selected_workflows":["octo-org/app/.github/workflows/ci.yml@main"]}]}"#).unwrap()[0];
        assert_eq!(gpu.visibility, Visibility::Selected);
        assert!(gpu.restricted_to_workflows && !gpu.allows_public_repositories);
        assert_eq!(gpu.selected_workflows, ["octo-org/app/.github/workflows/ci.yml@main"]);
        assert_eq!(parse_group_info(r#"{"id":9,"name":"New"}"#).unwrap().name, "New");
        assert_eq!(parse_group_info(r#"{"id":9}"#), Err(BodyProblem::MissingGroup));
    }

    #[test]
    fn bodies_carry_only_the_fields_set() {
        let fields = GroupFields {
            name: Some("Deploy".into()),
            visibility: Some(Visibility::Selected),
            repository_ids: Some(vec![3, 5]),
            ..GroupFields::default()
        };
        let sent: Value = serde_json::from_str(&fields.to_json()).unwrap();
        assert_eq!(
            sent,
            serde_json::json!({"name": "Deploy", "visibility": "selected", "selected_repository_ids": [3, 5]})
        );
        assert_eq!(GroupFields::default().to_json(), "{}");
    }

    #[test]
    fn reads_members_repository_lists_and_an_organization_id() {
        let (total, repos) =
            parse_members(r#"{"total_count":12,"repositories":[{"id":3,"name":"app","private":true},{"name":"x"}]}"#)
                .unwrap();
        assert_eq!((total, repos.len(), repos[0].private), (Some(12), 1, true));
        let (_, orgs) = parse_members(r#"{"total_count":1,"organizations":[{"id":8,"login":"octo"}]}"#).unwrap();
        assert_eq!(orgs[0].name, "octo");
        assert_eq!(parse_members(r#"{"total_count":1}"#), Err(BodyProblem::MissingMembers));
        assert_eq!(parse_repository_list(r#"[{"id":1,"name":"a"}]"#).unwrap()[0].id, 1);
        assert_eq!(parse_organization_id(r#"{"login":"octo","id":77}"#), Ok(77));
        assert_eq!(parse_total(r#"{"total_count":4,"runners":[]}"#), Ok(4));
    }

    proptest! {
        #[test]
        fn no_text_makes_the_parser_panic(s in "\\PC{0,200}") {
            let _ = parse_group_infos(&s);
            let _ = parse_group_info(&s);
            let _ = parse_members(&s);
            let _ = parse_repository_list(&s);
        }
    }
}
