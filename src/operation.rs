//! `Operation`: what the page asked GitHub to do, named with what the words for its failure
//! need (the runner, the labels, the group). A failure is described by the operation that
//! failed, never by whatever the Register form's action happens to be. Pure data: `state` names
//! the operation where it sends the request, `words::errors` says it.

/// Every request the page sends, as its failure is worded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Operation {
    /// Create a registration token (the Register form's Add).
    RegistrationToken,
    /// Create a remove token (the Register form's Remove).
    RemoveToken,
    /// Register a just-in-time runner named `runner`.
    JustInTime { runner: String },
    /// List the scope's runners (every page).
    ListRunners,
    /// Look a runner up by name (before a removal, after a lost answer).
    FindRunner { runner: String },
    /// Remove the runner `runner` for good.
    RemoveRunner { runner: String },
    /// Add custom `labels` to `runner`.
    AddLabels { runner: String, labels: Vec<String> },
    /// Remove the custom label `label` from `runner`.
    RemoveLabel { runner: String, label: String },
    /// Move `runner` into the runner group `group`.
    MoveRunner { runner: String, group: String },
    /// List the scope's runner groups.
    LoadGroups,
    /// Read `group`'s repositories (or organizations) for its form.
    LoadGroupMembers { group: String },
    /// List `group`'s runners.
    LoadGroupRunners { group: String },
    /// List the organization's repositories, for a group's chooser.
    LoadRepositories,
    /// Find the organization `login` (an enterprise group's access list).
    FindOrganization { login: String },
    /// Create the runner group `group`.
    CreateGroup { group: String },
    /// Save the settings of the runner group `group` (its name before the save).
    UpdateGroup { group: String },
    /// Replace the repositories (or organizations) that may use `group` (its name as saved).
    SetGroupMembers { group: String },
    /// Delete the runner group `group`.
    DeleteGroup { group: String },
    /// Open the organization's runner group `group` to `repository` (Troubleshoot).
    OpenGroup { group: String, repository: String },
    /// Check token: what the token can read.
    CheckToken,
    /// Find waiting jobs: a repository's queued jobs and the runners that could take them.
    FindWaitingJobs,
    /// Review security: read the scope's Actions settings.
    ReviewSecurity,
    /// A Security fix: change `setting` (GitHub's words) for `subject`.
    ApplyFix { setting: String, subject: String },
}

impl Operation {
    /// Whether it mints a runner token: then a lost answer is harmless and another token is
    /// one click away.
    pub fn is_token(&self) -> bool {
        matches!(self, Self::RegistrationToken | Self::RemoveToken)
    }

    /// The runner it is about, if one.
    pub fn runner(&self) -> Option<&str> {
        match self {
            Self::JustInTime { runner }
            | Self::FindRunner { runner }
            | Self::RemoveRunner { runner }
            | Self::AddLabels { runner, .. }
            | Self::RemoveLabel { runner, .. }
            | Self::MoveRunner { runner, .. } => Some(runner),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_two_token_requests_are_tokens() {
        let labels = Operation::AddLabels {
            runner: "build-01".into(),
            labels: vec!["gpu".into()],
        };
        assert!(Operation::RegistrationToken.is_token() && Operation::RemoveToken.is_token());
        assert!(!labels.is_token() && !Operation::ListRunners.is_token());
        assert!(!Operation::JustInTime { runner: "j".into() }.is_token());
        assert_eq!(labels.runner(), Some("build-01"));
        assert_eq!(Operation::DeleteGroup { group: "g".into() }.runner(), None);
    }
}
