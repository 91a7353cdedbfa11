//! A runner group as the New and Edit forms hold it, and what they send: the checks before
//! anything is sent (a name, each workflow reference `OWNER/REPO/.github/workflows/FILE.yml@REF`),
//! the `POST` body with exactly the fields chosen, and for an edit the `PATCH` of what changed
//! and, when the selection changed, the whole new list for the `PUT`. Pure.

use crate::github::{GroupFields, GroupInfo, Visibility};

/// The form's values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupDraft {
    pub name: String,
    pub visibility: Visibility,
    /// The chosen repositories' (or organizations') ids, used when `visibility` is Selected.
    pub members: Vec<u64>,
    pub allows_public: bool,
    pub restricted: bool,
    /// One workflow reference per line.
    pub workflows: String,
}

/// Why the form cannot be sent, per field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftErrors {
    pub name: Option<String>,
    pub workflows: Option<String>,
}

/// A draft that passed the checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidDraft {
    pub name: String,
    pub visibility: Visibility,
    pub members: Vec<u64>,
    pub allows_public: bool,
    pub restricted: bool,
    pub workflows: Vec<String>,
}

impl GroupDraft {
    /// The form prefilled from `group` and its access list's ids.
    pub fn of(group: &GroupInfo, members: Vec<u64>) -> Self {
        Self {
            name: group.name.clone(),
            visibility: group.visibility,
            members,
            allows_public: group.allows_public_repositories,
            restricted: group.restricted_to_workflows,
            workflows: group.selected_workflows.join("\n"),
        }
    }

    pub fn validate(&self) -> Result<ValidDraft, DraftErrors> {
        let name = self.name.trim();
        let mut errors = DraftErrors::default();
        if name.is_empty() {
            errors.name = Some("Give the group a name.".into());
        }
        let workflows = if self.restricted {
            match parse_workflows(&self.workflows) {
                Ok(list) if list.is_empty() => {
                    errors.workflows =
                        Some("Name at least one workflow, or untick Restrict to selected workflows.".into());
                    Vec::new()
                }
                Ok(list) => list,
                Err(e) => {
                    errors.workflows = Some(e);
                    Vec::new()
                }
            }
        } else {
            Vec::new()
        };
        if errors != DraftErrors::default() {
            return Err(errors);
        }
        let mut members = self.members.clone();
        members.sort_unstable();
        members.dedup();
        Ok(ValidDraft {
            name: name.to_string(),
            visibility: self.visibility,
            members,
            allows_public: self.allows_public,
            restricted: self.restricted,
            workflows,
        })
    }
}

impl ValidDraft {
    /// The `POST` body: the name, the access, the selection (when Selected), the public
    /// repositories choice, the workflow restriction and (when restricted) the workflows.
    pub fn create_fields(&self, enterprise: bool) -> GroupFields {
        let selected = (self.visibility == Visibility::Selected).then(|| self.members.clone());
        GroupFields {
            name: Some(self.name.clone()),
            visibility: Some(self.visibility),
            repository_ids: selected.clone().filter(|_| !enterprise),
            organization_ids: selected.filter(|_| enterprise),
            allows_public_repositories: Some(self.allows_public),
            restricted_to_workflows: Some(self.restricted),
            selected_workflows: self.restricted.then(|| self.workflows.clone()),
        }
    }

    /// The `PATCH` body for an edit of `before`: the name (GitHub requires it) and each field
    /// that changed.
    pub fn patch_fields(&self, before: &ValidDraft) -> GroupFields {
        let changed = |now: bool, then: bool| (now != then).then_some(now);
        let workflows_changed = self.restricted && (self.workflows != before.workflows || !before.restricted);
        GroupFields {
            name: Some(self.name.clone()),
            visibility: (self.visibility != before.visibility).then_some(self.visibility),
            allows_public_repositories: changed(self.allows_public, before.allows_public),
            restricted_to_workflows: changed(self.restricted, before.restricted),
            selected_workflows: workflows_changed.then(|| self.workflows.clone()),
            ..GroupFields::default()
        }
    }

    /// The whole new list for the `PUT`, when the group is Selected and its selection changed.
    pub fn members_to_set(&self, before: &ValidDraft) -> Option<Vec<u64>> {
        (self.visibility == Visibility::Selected && self.members != before.members).then(|| self.members.clone())
    }
}

/// The workflow references of `text`, one per line (blank lines skipped, repeats dropped), each
/// checked; the first bad one named with its line.
pub fn parse_workflows(text: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        check_workflow_ref(line).map_err(|why| format!("Line {}: {why}", i + 1))?;
        if !out.iter().any(|w| w == line) {
            out.push(line.to_string());
        }
    }
    Ok(out)
}

const WORKFLOW_SHAPE: &str = "write it as OWNER/REPO/.github/workflows/FILE.yml@REF";

/// Whether `s` is a workflow reference GitHub accepts: `OWNER/REPO/.github/workflows/FILE.yml@REF`
/// (or `.yaml`), REF a branch, tag or commit.
pub fn check_workflow_ref(s: &str) -> Result<(), String> {
    let Some((path, git_ref)) = s.split_once('@') else {
        return Err(format!(
            "\u{201c}{s}\u{201d} has no @REF (a branch, tag or commit): {WORKFLOW_SHAPE}."
        ));
    };
    let parts: Vec<&str> = path.split('/').collect();
    let [owner, repo, dot_github, workflows, file] = parts.as_slice() else {
        return Err(format!(
            "\u{201c}{path}\u{201d} is not a workflow file's path: {WORKFLOW_SHAPE}."
        ));
    };
    let owner_ok = !owner.is_empty()
        && owner.len() <= 39
        && owner.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !owner.starts_with('-');
    if !owner_ok {
        return Err(format!(
            "\u{201c}{owner}\u{201d} is not an account name: {WORKFLOW_SHAPE}."
        ));
    }
    let repo_ok = !repo.is_empty()
        && *repo != "."
        && *repo != ".."
        && repo.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    if !repo_ok {
        return Err(format!(
            "\u{201c}{repo}\u{201d} is not a repository name: {WORKFLOW_SHAPE}."
        ));
    }
    if *dot_github != ".github" || *workflows != "workflows" {
        return Err(format!(
            "workflows live in .github/workflows/, not {dot_github}/{workflows}/: {WORKFLOW_SHAPE}."
        ));
    }
    let stem = file.strip_suffix(".yml").or_else(|| file.strip_suffix(".yaml"));
    if stem.is_none_or(str::is_empty) {
        return Err(format!(
            "\u{201c}{file}\u{201d} is not a .yml or .yaml file: {WORKFLOW_SHAPE}."
        ));
    }
    let bad_ref = git_ref.is_empty()
        || git_ref.contains("..")
        || git_ref.ends_with('/')
        || git_ref.ends_with(".lock")
        || git_ref.starts_with('/')
        || git_ref
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "~^:?*[\\@".contains(c));
    if bad_ref {
        return Err(format!("\u{201c}{git_ref}\u{201d} is not a branch, tag or commit."));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "octo-org/app/.github/workflows/deploy.yml@main";

    #[test]
    fn workflow_references_must_name_a_workflow_file_and_a_ref() {
        for good in [
            GOOD,
            "octo-org/app.js/.github/workflows/ci.yaml@refs/tags/v1.2",
            "a/b_c/.github/workflows/x.yml@0123456789abcdef0123456789abcdef01234567",
        ] {
            assert_eq!(check_workflow_ref(good), Ok(()), "{good}");
        }
        for (bad, says) in [
            ("octo-org/app/.github/workflows/deploy.yml", "no @REF"),
            ("octo-org/app/deploy.yml@main", "not a workflow file's path"),
            ("octo-org/app/.github/actions/deploy.yml@main", ".github/workflows/"),
            ("octo-org/app/.github/workflows/deploy.json@main", "not a .yml or .yaml"),
            ("octo-org/app/.github/workflows/.yml@main", "not a .yml or .yaml"),
            ("octo org/app/.github/workflows/d.yml@main", "not an account name"),
            ("octo-org/a$p/.github/workflows/d.yml@main", "not a repository name"),
            ("octo-org/app/.github/workflows/d.yml@", "not a branch"),
            ("octo-org/app/.github/workflows/d.yml@a..b", "not a branch"),
            ("octo-org/app/.github/workflows/d.yml@ma in", "not a branch"),
        ] {
            let err = check_workflow_ref(bad).unwrap_err();
            assert!(err.contains(says), "{bad}: {err}");
        }
    }

    #[test]
    fn workflows_are_read_one_per_line_and_the_bad_line_is_named() {
        let text = format!("\n{GOOD}\n  {GOOD}  \nother/repo/.github/workflows/b.yml@v1\n");
        assert_eq!(
            parse_workflows(&text).unwrap(),
            [GOOD, "other/repo/.github/workflows/b.yml@v1"]
        );
        let err = parse_workflows(&format!("{GOOD}\nnope")).unwrap_err();
        assert!(err.starts_with("Line 2: "), "{err}");
    }

    #[test]
    fn a_name_is_needed_and_restricting_needs_a_workflow() {
        let draft = GroupDraft {
            restricted: true,
            ..GroupDraft::default()
        };
        let errors = draft.validate().unwrap_err();
        assert!(errors.name.is_some() && errors.workflows.is_some());
        let ok = GroupDraft {
            name: " Deploy ".into(),
            workflows: "anything: not checked when unrestricted".into(),
            ..GroupDraft::default()
        };
        assert_eq!(ok.validate().unwrap().name, "Deploy");
    }

    #[test]
    fn a_new_group_sends_exactly_what_was_chosen() {
        let draft = GroupDraft {
            name: "Deploy".into(),
            visibility: Visibility::Selected,
            members: vec![9, 3, 9],
            restricted: true,
            workflows: GOOD.into(),
            ..GroupDraft::default()
        };
        let valid = draft.validate().unwrap();
        let body: serde_json::Value = serde_json::from_str(&valid.create_fields(false).to_json()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"name": "Deploy", "visibility": "selected", "selected_repository_ids": [3, 9],
                "allows_public_repositories": false, "restricted_to_workflows": true, "selected_workflows": [GOOD]})
        );
        let all = GroupDraft {
            name: "Open".into(),
            members: vec![3],
            ..GroupDraft::default()
        };
        let fields = all.validate().unwrap().create_fields(true);
        assert_eq!((fields.repository_ids, fields.organization_ids), (None, None));
        let ent = GroupDraft {
            visibility: Visibility::Selected,
            ..all
        };
        assert_eq!(
            ent.validate().unwrap().create_fields(true).organization_ids,
            Some(vec![3])
        );
    }

    #[test]
    fn an_edit_sends_the_name_and_what_changed_and_the_whole_new_selection() {
        let group = GroupInfo {
            id: 2,
            name: "Linux".into(),
            visibility: Visibility::Selected,
            ..GroupInfo::default()
        };
        let before = GroupDraft::of(&group, vec![1, 2]).validate().unwrap();
        let same = GroupDraft::of(&group, vec![2, 1]).validate().unwrap();
        assert_eq!(
            same.patch_fields(&before),
            GroupFields {
                name: Some("Linux".into()),
                ..GroupFields::default()
            }
        );
        assert_eq!(
            same.members_to_set(&before),
            None,
            "the same selection, in another order"
        );
        let mut draft = GroupDraft::of(&group, vec![1, 2, 5]);
        draft.allows_public = true;
        let after = draft.validate().unwrap();
        let patch = after.patch_fields(&before);
        assert_eq!(
            (
                patch.allows_public_repositories,
                patch.visibility,
                patch.restricted_to_workflows
            ),
            (Some(true), None, None)
        );
        assert_eq!(after.members_to_set(&before), Some(vec![1, 2, 5]));
        let mut opened = GroupDraft::of(&group, vec![1, 2]);
        opened.visibility = Visibility::All;
        let opened = opened.validate().unwrap();
        assert_eq!(opened.patch_fields(&before).visibility, Some(Visibility::All));
        assert_eq!(opened.members_to_set(&before), None, "All needs no list");
    }
}
