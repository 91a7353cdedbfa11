//! Just-in-time runners: the body of `POST {scope}/actions/runners/generate-jitconfig` and its
//! answer, `{runner: {id, name, ...}, encoded_jit_config}`.

use super::body::{self, BodyProblem, Lenient, Scalar};
use super::runners::RunnerBody;
use super::secret::Secret;
use serde::{Deserialize, Serialize};

/// What GitHub needs to register a single-use runner. `labels` is the runner's whole label list
/// (the default labels are not added for it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JitRequest {
    pub name: String,
    pub runner_group_id: u64,
    pub labels: Vec<String>,
    pub work_folder: String,
}

/// The default group's id: a repository's runners are always in it.
pub const DEFAULT_GROUP_ID: u64 = 1;
/// The runner's own default work folder.
pub const DEFAULT_WORK_FOLDER: &str = "_work";
/// Most labels GitHub takes in one request.
pub const MAX_LABELS: usize = 100;

impl JitRequest {
    /// The request body. Serializing strings, numbers and a list cannot fail; an empty body
    /// (which GitHub would refuse with a 422) stands in for the impossible.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A registered just-in-time runner and the configuration that starts it.
#[derive(Clone, Debug, PartialEq)]
pub struct JitConfig {
    pub runner_id: Option<u64>,
    pub runner_name: Option<String>,
    /// What `run.sh --jitconfig` takes: it registers the runner, so it is as secret as a token.
    pub config: Secret,
}

#[derive(Deserialize)]
struct JitBody {
    #[serde(default)]
    runner: Lenient<RunnerBody>,
    #[serde(default)]
    encoded_jit_config: Scalar,
}

/// Longest configuration accepted: real ones are a few kilobytes of base64.
const MAX_CONFIG: usize = 64 * 1024;

pub fn parse_jit_config(text: &str) -> Result<JitConfig, BodyProblem> {
    let b: JitBody = body::parse_object(text)?;
    // Base64 only: it goes into a shell command, so nothing else may pass.
    let config = b
        .encoded_jit_config
        .into_text()
        .filter(|c| {
            !c.is_empty()
                && c.len() <= MAX_CONFIG
                && c.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        })
        .ok_or(BodyProblem::MissingJitConfig)?;
    let runner = b.runner.0.and_then(RunnerBody::into_runner);
    Ok(JitConfig {
        runner_id: runner.as_ref().map(|r| r.id),
        runner_name: runner.map(|r| r.name),
        config: Secret::new(config),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_body_is_githubs_shape() {
        let r = JitRequest {
            name: "build \"1\"".into(),
            runner_group_id: 7,
            labels: vec!["self-hosted".into(), "X64".into()],
            work_folder: "_work".into(),
        };
        assert_eq!(
            r.to_json(),
            r#"{"name":"build \"1\"","runner_group_id":7,"labels":["self-hosted","X64"],"work_folder":"_work"}"#
        );
    }

    #[test]
    fn reads_the_runner_and_its_configuration() {
        let body = r#"{"runner":{"id":23,"name":"New runner","os":"unknown","status":"offline","busy":false,"labels":[{"id":0,"name":"self-hosted","type":"read-only"}]},"encoded_jit_config":"abc123+/=="}"#;
        let c = parse_jit_config(body).unwrap();
        assert_eq!(
            (c.runner_id, c.runner_name.as_deref(), c.config.expose()),
            (Some(23), Some("New runner"), "abc123+/==")
        );
        let bare = parse_jit_config(r#"{"runner":"?","encoded_jit_config":"QQ=="}"#).unwrap();
        assert_eq!((bare.runner_id, bare.runner_name), (None, None));
    }

    #[test]
    fn a_missing_or_unsafe_configuration_is_refused() {
        for body in [
            r#"{"runner":{}}"#,
            r#"{"encoded_jit_config":""}"#,
            r#"{"encoded_jit_config":5}"#,
            r#"{"encoded_jit_config":"a'; rm -rf ~"}"#,
        ] {
            assert_eq!(parse_jit_config(body), Err(BodyProblem::MissingJitConfig), "{body}");
        }
        assert_eq!(parse_jit_config("[]"), Err(BodyProblem::NotAnObject));
    }

    proptest! {
        #[test]
        fn no_text_makes_the_parser_panic(s in "\\PC{0,200}") {
            let _ = parse_jit_config(&s);
        }

        #[test]
        fn any_request_serializes_to_json_that_reads_back(name in "\\PC{0,40}", labels in prop::collection::vec("\\PC{0,20}", 0..5), id in any::<u64>()) {
            let r = JitRequest { name: name.clone(), runner_group_id: id, labels: labels.clone(), work_folder: "_work".into() };
            let back: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
            prop_assert_eq!(back["name"].as_str(), Some(name.as_str()));
            prop_assert_eq!(back["runner_group_id"].as_u64(), Some(id));
            prop_assert_eq!(back["labels"].as_array().map(Vec::len), Some(labels.len()));
        }
    }
}
