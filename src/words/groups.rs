//! The words of the Runner groups tab: each group's access, public repositories and workflows
//! in the table, why a group cannot be edited or deleted, the deletion's confirmation, and the
//! group runners dialog's link to the Runners tab.

use crate::github::{ApiError, ErrorKind, GroupInfo, Visibility};
use crate::words::grammar::possessive;

/// The Access cell: "All repositories", "Selected repositories (12)", "Private repositories";
/// for an enterprise "All organizations", "Selected organizations (3)". `count` is the
/// selection's size once loaded.
pub fn access(visibility: Visibility, enterprise: bool, count: Option<u64>) -> String {
    let noun = if enterprise { "organizations" } else { "repositories" };
    match visibility {
        Visibility::All => format!("All {noun}"),
        Visibility::Selected => match count {
            Some(n) => format!("Selected {noun} ({n})"),
            None => format!("Selected {noun}"),
        },
        Visibility::Private => "Private repositories".into(),
    }
}

/// The group runners dialog's link: "Show Default's runners in the Runners tab", "Show Linux
/// builders' runners in the Runners tab".
pub fn show_in_runners_tab(group: &str) -> String {
    format!("Show {} runners in the Runners tab", possessive(group))
}

/// The Public repositories cell.
pub fn public(allowed: bool) -> &'static str {
    if allowed {
        "Allowed"
    } else {
        "Not allowed"
    }
}

/// The Workflows cell: "Any" or "Selected (2)".
pub fn workflows(group: &GroupInfo) -> String {
    if group.restricted_to_workflows {
        format!("Selected ({})", group.selected_workflows.len())
    } else {
        "Any".into()
    }
}

/// Why `group` cannot be edited here, if it cannot.
pub fn not_editable(group: &GroupInfo) -> Option<&'static str> {
    group.inherited.then_some(
        "An Inherited group belongs to the enterprise and is shared with this organization: it is read-only here. Edit it in the enterprise's Runner groups tab.",
    )
}

/// Whether the table marks `group` with a Default badge: not when its name says it already
/// (GitHub's default group is named "Default", and that name cannot be changed).
pub fn marked_default(group: &GroupInfo) -> bool {
    group.default && !says_default(&group.name)
}

/// Whether a group's name is "Default", in any case and spacing: then calling it the default
/// again (a badge, "(default)") repeats it.
pub fn says_default(name: &str) -> bool {
    name.trim().eq_ignore_ascii_case("default")
}

/// Why the name field is locked, if it is.
pub fn name_locked(group: &GroupInfo) -> Option<&'static str> {
    group
        .default
        .then_some("The Default group's name cannot be changed: GitHub keeps it.")
}

/// Why `group` cannot be deleted here, if it cannot.
pub fn not_deletable(group: &GroupInfo) -> Option<&'static str> {
    if group.default {
        Some("The Default group cannot be deleted: runners that leave another group go there.")
    } else {
        not_editable(group)
    }
}

/// The repository chooser's count: "None chosen yet", "1 chosen", "12 chosen".
pub fn chosen_count(n: usize) -> String {
    match n {
        0 => "None chosen yet".into(),
        n => format!("{n} chosen"),
    }
}

/// The deletion's confirmation: what happens to the group's runners.
pub fn delete_consequence(runners: Option<u64>) -> String {
    match runners {
        Some(0) => "It has no runners.".into(),
        Some(1) => "Its 1 runner moves to the Default group.".into(),
        Some(n) => format!("Its {n} runners move to the Default group."),
        None => "Its runners, if any, move to the Default group.".into(),
    }
}

/// An organization name on the enterprise form that GitHub does not know.
pub fn no_such_organization(name: &str) -> String {
    format!("There is no organization named \u{201c}{name}\u{201d} (or this token cannot see it). Check the name; nothing was sent.")
}

/// A write's refusal that the tab words itself: a duplicate name (409 or 422, GitHub's own
/// words quoted) and a group gone meanwhile (404). `None`: the general explanation fits.
pub fn refusal(error: &ApiError, group: Option<&str>) -> Option<(String, String)> {
    let quoted = error
        .message
        .as_deref()
        .map_or_else(String::new, |m| format!(" GitHub said: \u{201c}{m}\u{201d}"));
    match error.kind {
        ErrorKind::Conflict | ErrorKind::Unprocessable => Some((
            format!(
                "GitHub refused the group{}.",
                error.status.map_or_else(String::new, |s| format!(" ({s})"))
            ),
            format!("A group of that name may exist already: choose another name.{quoted}"),
        )),
        ErrorKind::NotFound => Some((
            match group {
                Some(g) => format!("The group {g} is no longer there (404)."),
                None => "The group is no longer there (404).".into(),
            },
            "It was probably deleted meanwhile; the list has been loaded again.".into(),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_is_said_in_words_for_organizations_and_enterprises() {
        assert_eq!(access(Visibility::All, false, None), "All repositories");
        assert_eq!(
            access(Visibility::Selected, false, Some(12)),
            "Selected repositories (12)"
        );
        assert_eq!(access(Visibility::Private, false, None), "Private repositories");
        assert_eq!(access(Visibility::All, true, None), "All organizations");
        assert_eq!(
            access(Visibility::Selected, true, Some(3)),
            "Selected organizations (3)"
        );
    }

    #[test]
    fn the_default_and_inherited_groups_say_why_they_are_locked() {
        let default = GroupInfo {
            default: true,
            ..GroupInfo::default()
        };
        assert!(name_locked(&default).is_some() && not_editable(&default).is_none());
        assert!(not_deletable(&default)
            .unwrap()
            .contains("Default group cannot be deleted"));
        let inherited = GroupInfo {
            inherited: true,
            ..GroupInfo::default()
        };
        assert!(not_editable(&inherited).unwrap().contains("read-only"));
        assert_eq!(delete_consequence(Some(2)), "Its 2 runners move to the Default group.");
        assert_eq!(workflows(&GroupInfo::default()), "Any");
    }

    #[test]
    fn the_default_badge_is_not_set_beside_a_name_that_says_it() {
        let group = |name: &str, default| GroupInfo {
            name: name.into(),
            default,
            ..GroupInfo::default()
        };
        assert!(!marked_default(&group("Default", true)));
        assert!(!marked_default(&group("default ", true)));
        assert!(marked_default(&group("Standard", true)));
        assert!(!marked_default(&group("Linux builders", false)));
    }

    #[test]
    fn the_chooser_counts_what_is_chosen() {
        assert_eq!(chosen_count(0), "None chosen yet");
        assert_eq!(chosen_count(1), "1 chosen");
        assert_eq!(chosen_count(12), "12 chosen");
    }

    #[test]
    fn the_runners_tab_link_uses_the_groups_possessive() {
        assert_eq!(
            show_in_runners_tab("Default"),
            "Show Default's runners in the Runners tab"
        );
        assert_eq!(
            show_in_runners_tab("Linux builders"),
            "Show Linux builders' runners in the Runners tab"
        );
        assert_eq!(show_in_runners_tab("GPUS"), "Show GPUS' runners in the Runners tab");
    }

    #[test]
    fn a_duplicate_name_quotes_github_and_a_vanished_group_says_so() {
        let meta = crate::github::error::ResponseMeta::default();
        let taken = ApiError::from_response(409, &meta, r#"{"message":"Name has already been taken"}"#);
        let (title, next) = refusal(&taken, None).unwrap();
        assert!(
            title.contains("409") && next.contains("\u{201c}Name has already been taken\u{201d}"),
            "{next}"
        );
        let gone = ApiError::from_response(404, &meta, r#"{"message":"Not Found"}"#);
        assert!(refusal(&gone, Some("Deploy")).unwrap().0.contains("Deploy"));
        let denied = ApiError::from_response(500, &meta, "");
        assert_eq!(refusal(&denied, None), None);
    }
}
