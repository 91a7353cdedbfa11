//! Runner groups: `GET {scope}/actions/runner-groups` (organizations and enterprises, paginated
//! by `Link`), read leniently: a group without an id or a name is left out.

use super::body::{self, BodyProblem, LenientList, Scalar};
use serde::Deserialize;

/// One runner group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunnerGroup {
    /// What the just-in-time request names the group by.
    pub id: u64,
    pub name: String,
    pub default: bool,
}

#[derive(Deserialize)]
struct GroupsBody {
    #[serde(default)]
    runner_groups: LenientList<GroupBody>,
}

#[derive(Deserialize)]
struct GroupBody {
    #[serde(default)]
    id: Scalar,
    #[serde(default)]
    name: Scalar,
    #[serde(default)]
    default: Scalar,
}

/// One page of the runner-groups answer.
pub fn parse_runner_groups(text: &str) -> Result<Vec<RunnerGroup>, BodyProblem> {
    let b: GroupsBody = body::parse(text, BodyProblem::MissingRunnerGroups)?;
    let list = b.runner_groups.0.ok_or(BodyProblem::MissingRunnerGroups)?;
    Ok(list
        .into_iter()
        .filter_map(|g| {
            let name = g.name.text().map(str::trim).filter(|n| !n.is_empty())?.to_string();
            Some(RunnerGroup {
                id: g.id.id()?,
                name,
                default: g.default.bool().unwrap_or(false),
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_runner_groups_and_the_default() {
        let body = r#"{"total_count":2,"runner_groups":[{"id":1,"name":"Default","visibility":"all","default":true,"inherited":false},{"id":2,"name":"Release runners","visibility":"selected","default":false}]}"#;
        let groups = parse_runner_groups(body).unwrap();
        assert_eq!(
            groups,
            [
                RunnerGroup {
                    id: 1,
                    name: "Default".into(),
                    default: true
                },
                RunnerGroup {
                    id: 2,
                    name: "Release runners".into(),
                    default: false
                }
            ]
        );
        assert_eq!(
            parse_runner_groups(r#"{"total_count":0}"#),
            Err(BodyProblem::MissingRunnerGroups)
        );
    }

    proptest! {
        #[test]
        fn no_text_makes_the_parser_panic(s in "\\PC{0,200}") {
            let _ = parse_runner_groups(&s);
        }
    }
}
