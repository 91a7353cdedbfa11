//! The `runs-on` line that sends a workflow job to exactly this runner: its labels as a YAML
//! flow sequence, each quoted where YAML would otherwise misread it.

use super::options::RunnerOptions;
use super::platform::RunnerPlatform;
use super::quote;

/// `runs-on: [self-hosted, Linux, X64, gpu]`.
pub fn runs_on(labels: &[String]) -> String {
    let items: Vec<String> = labels.iter().map(|l| yaml_scalar(l)).collect();
    format!("runs-on: [{}]", items.join(", "))
}

impl RunnerOptions {
    /// The labels the runner will have: the platform's defaults (unless turned off) and the
    /// custom ones, each once (GitHub matches labels without regard to case).
    pub fn workflow_labels(&self, platform: RunnerPlatform) -> Vec<String> {
        let defaults = platform.default_labels().map(String::from);
        let defaults = if self.no_default_labels {
            Vec::new()
        } else {
            defaults.to_vec()
        };
        let mut labels: Vec<String> = Vec::new();
        for label in defaults.into_iter().chain(self.labels.iter().cloned()) {
            if !labels.iter().any(|l| l.eq_ignore_ascii_case(&label)) {
                labels.push(label);
            }
        }
        labels
    }
}

/// A label as it can stand in a flow sequence: plain when it is a simple word YAML reads as a
/// string, else double-quoted with escapes.
fn yaml_scalar(label: &str) -> String {
    // YAML 1.1 readers take these as booleans or null; 1.2 readers some of them.
    const RESERVED: [&str; 9] = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"];
    let plain = label.starts_with(|c: char| c.is_ascii_alphabetic())
        && label.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        && !RESERVED.iter().any(|r| r.eq_ignore_ascii_case(label));
    if plain {
        return label.to_string();
    }
    quote::yaml(label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runner::platform::{Arch, Os};
    use proptest::prelude::*;

    fn parsed(line: &str) -> Vec<String> {
        let value: serde_yaml::Value = serde_yaml::from_str(line).expect("valid YAML");
        value["runs-on"]
            .as_sequence()
            .expect("a list")
            .iter()
            .map(|v| v.as_str().expect("each label a string").to_string())
            .collect()
    }

    #[test]
    fn default_and_custom_labels_make_one_list() {
        let o = RunnerOptions {
            labels: vec!["gpu".into(), "linux".into()],
            ..RunnerOptions::default()
        };
        let platform = RunnerPlatform {
            os: Os::Linux,
            arch: Arch::X64,
        };
        assert_eq!(
            runs_on(&o.workflow_labels(platform)),
            "runs-on: [self-hosted, Linux, X64, gpu]"
        );
        let only = RunnerOptions {
            no_default_labels: true,
            ..o
        };
        assert_eq!(runs_on(&only.workflow_labels(platform)), "runs-on: [gpu, linux]");
    }

    #[test]
    fn words_yaml_would_misread_are_quoted() {
        let labels: Vec<String> = [
            "yes",
            "On",
            "null",
            "1.0",
            "0x1f",
            "-x",
            "a b",
            "a: b",
            "#x",
            "a, b",
            "[x]",
            "*x",
            "\"q\"",
            "back\\slash",
            "é",
        ]
        .map(String::from)
        .to_vec();
        let line = runs_on(&labels);
        assert!(
            line.starts_with("runs-on: [\"yes\", \"On\", \"null\", \"1.0\", \"0x1f\""),
            "{line}"
        );
        assert_eq!(parsed(&line), labels);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn any_labels_parse_back_to_the_same_list(labels in prop::collection::vec("\\PC{1,24}", 1..6)) {
            prop_assert_eq!(parsed(&runs_on(&labels)), labels);
        }
    }
}
