//! `GET {scope}/actions/runners/deprecations/{version}`: when GitHub stops registering runners of
//! a version and stops sending them jobs. New (2026) and described for GitHub Enterprise Cloud;
//! other servers answer 404, and the page then says only that the runner is outdated.

use super::body::{self, BodyProblem, Scalar};
use crate::expiry::Expiry;
use serde::Deserialize;

/// A version's schedule: either date may be unset.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Deprecation {
    /// From then on, runners of this version cannot register.
    pub registration: Option<Expiry>,
    /// From then on, runners of this version get no jobs.
    pub runtime: Option<Expiry>,
}

#[derive(Deserialize)]
struct DeprecationBody {
    #[serde(default)]
    registration_deprecates_at: Scalar,
    #[serde(default)]
    runtime_deprecates_at: Scalar,
}

pub fn parse_deprecation(text: &str) -> Result<Deprecation, BodyProblem> {
    let b: DeprecationBody = body::parse_object(text)?;
    let date = |s: &Scalar| s.text().and_then(|t| Expiry::parse_rfc3339(t).ok());
    Ok(Deprecation {
        registration: date(&b.registration_deprecates_at),
        runtime: date(&b.runtime_deprecates_at),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_dates_and_leaves_unset_ones_out() {
        let d = parse_deprecation(r#"{"runner_version":"2.320.0","registration_deprecates_at":"2026-06-01T00:00:00Z","runtime_deprecates_at":null}"#)
            .unwrap();
        assert_eq!(
            d.registration.map(|e| e.utc_iso()).as_deref(),
            Some("2026-06-01T00:00:00Z")
        );
        assert_eq!(d.runtime, None);
        assert_eq!(parse_deprecation("{}").unwrap(), Deprecation::default());
        assert_eq!(parse_deprecation("[]"), Err(BodyProblem::NotAnObject));
    }
}
