//! The runner list: `GET {scope}/actions/runners?per_page=100` (paginated by `Link`, or
//! filtered with `name=`), read leniently: a runner without an id or a name is left out.

use super::body::{self, BodyProblem, LenientList, Scalar};
use serde::Deserialize;

/// One self-hosted runner as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Runner {
    pub id: u64,
    pub name: String,
    pub os: String,
    pub online: bool,
    pub busy: bool,
    pub ephemeral: bool,
    pub group_id: Option<u64>,
    /// Every label: the read-only ones (`self-hosted`, OS, architecture) and the custom ones.
    pub labels: Vec<String>,
    /// The custom labels, the ones that can be removed.
    pub custom_labels: Vec<String>,
    /// The runner's version (`2.336.0`), `None` until it first connected.
    pub version: Option<String>,
}

/// What the runner is doing, in words (never colour alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunnerStatus {
    Online,
    Offline,
    /// Online and running a job.
    Busy,
}

impl RunnerStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Online => "Online",
            Self::Offline => "Offline",
            Self::Busy => "Busy",
        }
    }
}

impl Runner {
    pub fn status(&self) -> RunnerStatus {
        match (self.online, self.busy) {
            (true, true) => RunnerStatus::Busy,
            (true, false) => RunnerStatus::Online,
            (false, _) => RunnerStatus::Offline,
        }
    }

    /// Whether `needle` (already lower-cased ASCII) is in the name or a label, ignoring ASCII
    /// case. ASCII only: full Unicode case folding would link Unicode's tables into the wasm.
    pub fn matches(&self, needle: &str) -> bool {
        needle.is_empty()
            || contains_ignore_ascii_case(&self.name, needle)
            || self.labels.iter().any(|l| contains_ignore_ascii_case(l, needle))
    }
}

fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.len() <= h.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// One page of the list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunnerPage {
    /// `total_count`: every runner of the scope (or of the name filter), not just this page.
    pub total: Option<u64>,
    pub runners: Vec<Runner>,
}

#[derive(Deserialize)]
struct ListBody {
    #[serde(default)]
    total_count: Scalar,
    #[serde(default)]
    runners: LenientList<RunnerBody>,
}

/// A runner object as GitHub sends it, in the list and in the just-in-time answer alike.
#[derive(Deserialize)]
pub(crate) struct RunnerBody {
    #[serde(default)]
    id: Scalar,
    #[serde(default)]
    name: Scalar,
    #[serde(default)]
    os: Scalar,
    #[serde(default)]
    status: Scalar,
    #[serde(default)]
    busy: Scalar,
    #[serde(default)]
    ephemeral: Scalar,
    #[serde(default)]
    runner_group_id: Scalar,
    #[serde(default)]
    labels: LenientList<LabelBody>,
    #[serde(default)]
    version: Scalar,
}

#[derive(Deserialize)]
struct LabelBody {
    #[serde(default)]
    name: Scalar,
    #[serde(default, rename = "type")]
    kind: Scalar,
}

/// A runner's labels as the labels endpoints answer them: every name, and the custom ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunnerLabels {
    pub all: Vec<String>,
    pub custom: Vec<String>,
}

#[derive(Deserialize)]
struct LabelsBody {
    #[serde(default)]
    labels: LenientList<LabelBody>,
}

fn read_labels(list: Vec<LabelBody>) -> RunnerLabels {
    let mut labels = RunnerLabels::default();
    for l in list {
        let custom = l.kind.text() == Some("custom");
        if let Some(name) = l.name.into_text().filter(|n| !n.is_empty()) {
            if custom {
                labels.custom.push(name.clone());
            }
            labels.all.push(name);
        }
    }
    labels
}

/// The answer to the labels endpoints (`POST`/`DELETE {scope}/actions/runners/{id}/labels...`):
/// the runner's whole label list.
pub fn parse_labels(text: &str) -> Result<RunnerLabels, BodyProblem> {
    let b: LabelsBody = body::parse_object(text)?;
    Ok(read_labels(b.labels.0.ok_or(BodyProblem::MissingLabels)?))
}

/// A poll's answer: unchanged since the version named, or a new page and its version.
#[derive(Clone, Debug, PartialEq)]
pub enum Polled {
    NotModified,
    Changed { page: RunnerPage, etag: Option<String> },
}

pub fn parse_runners(text: &str) -> Result<RunnerPage, BodyProblem> {
    let b: ListBody = body::parse_object(text)?;
    let list = b.runners.0.ok_or(BodyProblem::MissingRunners)?;
    let runners = list.into_iter().filter_map(RunnerBody::into_runner).collect();
    Ok(RunnerPage {
        total: b.total_count.id(),
        runners,
    })
}

impl RunnerBody {
    /// The runner, when it has an id and a name: without them it can be neither shown nor removed.
    pub(crate) fn into_runner(self) -> Option<Runner> {
        let labels = read_labels(self.labels.0.unwrap_or_default());
        let version = self.version.into_text().filter(|v| !v.is_empty() && v.len() <= 40);
        Some(Runner {
            id: self.id.id()?,
            name: self.name.into_text().filter(|n| !n.is_empty())?,
            os: self.os.into_text().unwrap_or_default(),
            online: self.status.text() == Some("online"),
            busy: self.busy.bool().unwrap_or(false),
            ephemeral: self.ephemeral.bool().unwrap_or(false),
            group_id: self.runner_group_id.id(),
            labels: labels.all,
            custom_labels: labels.custom,
            version,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const BODY: &str = r#"{"total_count":3,"runners":[
        {"id":23,"name":"MBP","os":"macos","status":"online","busy":true,"ephemeral":false,"runner_group_id":1,
         "labels":[{"id":5,"name":"self-hosted","type":"read-only"},{"id":7,"name":"MacOS","type":"read-only"},{"id":20,"name":"gpu","type":"custom"}]},
        {"id":24,"name":"iMac","os":"macos","status":"offline","busy":false,"ephemeral":true,"labels":[]},
        {"name":"no-id"}, 7, {"id":25,"name":"","status":"online"}]}"#;

    #[test]
    fn reads_githubs_list_and_skips_what_cannot_be_shown() {
        let page = parse_runners(BODY).unwrap();
        assert_eq!(page.total, Some(3));
        assert_eq!(page.runners.len(), 2);
        let mbp = &page.runners[0];
        assert_eq!(
            (mbp.id, mbp.name.as_str(), mbp.status(), mbp.group_id),
            (23, "MBP", RunnerStatus::Busy, Some(1))
        );
        assert_eq!(mbp.labels, ["self-hosted", "MacOS", "gpu"]);
        assert_eq!(
            (page.runners[1].status(), page.runners[1].ephemeral),
            (RunnerStatus::Offline, true)
        );
        assert_eq!(parse_runners(r#"{"total_count":0}"#), Err(BodyProblem::MissingRunners));
        assert_eq!(parse_runners("[]"), Err(BodyProblem::NotAnObject));
    }

    #[test]
    fn filters_by_name_or_label_ignoring_case() {
        let page = parse_runners(BODY).unwrap();
        let shown = |needle: &str| {
            page.runners
                .iter()
                .filter(|r| r.matches(needle))
                .map(|r| r.name.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(shown("gpu"), ["MBP"]);
        assert_eq!(shown("mac"), ["MBP", "iMac"]);
        assert_eq!(shown("imac"), ["iMac"]);
        assert_eq!(shown(""), ["MBP", "iMac"]);
        assert!(shown("nothing").is_empty());
    }

    proptest! {
        #[test]
        fn no_text_makes_the_parser_panic(s in "\\PC{0,200}", needle in "\\PC{0,5}") {
            if let Ok(page) = parse_runners(&s) {
                for r in &page.runners {
                    let _ = r.matches(&needle.to_ascii_lowercase());
                }
            }
        }
    }
}
