//! Why a queued job is still waiting for a runner: the first reason that applies, from the job's
//! `runs-on` labels, the runners the page could read and the rules of their groups. Pure.
//!
//! A runner can take a job when it has every label of the job (ASCII case-insensitive, as GitHub
//! compares them), it is online and idle, and the job's repository may use its group: the group
//! is open to the repository, allows public repositories when the repository is public, and runs
//! the job's workflow when it is restricted to selected workflows.

use crate::github::actions::{RepositoryInfo, WorkflowJob};
use crate::github::{GroupInfo, Runner, Visibility};

/// Where a runner was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// Registered on the repository itself.
    Repository,
    /// In an organization runner group; `open` when the group is visible to the repository.
    Group { group: GroupInfo, open: bool },
}

/// A runner the page read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub runner: Runner,
    pub place: Place,
}

/// Why a job waits: the first that applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Its labels name GitHub-hosted runners. `larger` is a label that asks for a larger runner.
    Hosted {
        labels: Vec<String>,
        larger: Option<String>,
    },
    /// Every matching runner this repository may use is busy (or offline).
    Busy { names: Vec<String> },
    /// Every matching runner this repository may use is offline.
    Offline { names: Vec<String> },
    /// A matching runner is in a group that is not open to the repository.
    GroupClosed {
        runner: String,
        group: String,
        group_id: u64,
        /// The group lists its repositories one by one (`selected`): one can be added to it.
        can_open: bool,
    },
    /// A matching runner is in a group that does not allow public repositories.
    PublicNotAllowed { runner: String, group: String },
    /// A matching runner is in a group restricted to workflows that do not include this one.
    WorkflowNotSelected {
        runner: String,
        group: String,
        workflow: String,
    },
    /// No runner has every label. `missing` are the labels no runner has at all (empty when
    /// each is held by some runner, just never all by one); `closest` is the runner missing the
    /// fewest, with those it misses.
    NoMatch {
        missing: Vec<String>,
        closest: Option<(String, Vec<String>)>,
    },
    /// A matching runner is online and idle: GitHub should assign it shortly.
    Idle { names: Vec<String> },
}

fn has_label(runner: &Runner, label: &str) -> bool {
    runner.labels.iter().any(|l| l.eq_ignore_ascii_case(label))
}

fn matches(runner: &Runner, labels: &[String]) -> bool {
    labels.iter().all(|l| has_label(runner, l))
}

/// A GitHub-hosted image label: `ubuntu-latest`, `windows-2025`, `macos-15-xlarge`, `ubuntu-24.04-arm`...
pub fn is_hosted_image(label: &str) -> bool {
    let l = label.to_ascii_lowercase();
    let Some(rest) = ["ubuntu-", "windows-", "macos-"].iter().find_map(|p| l.strip_prefix(p)) else {
        return false;
    };
    let (version, suffix) = rest.split_once('-').unwrap_or((rest, ""));
    let version_ok = version == "latest"
        || (version.starts_with(|c: char| c.is_ascii_digit())
            && version.chars().all(|c| c.is_ascii_digit() || c == '.'));
    version_ok && ["", "arm", "intel", "large", "xlarge", "11-arm"].contains(&suffix) || l == "windows-11-arm"
}

/// A label that looks like a GitHub-hosted larger runner: an image-like name with more to it
/// (`ubuntu-latest-16-cores`, `windows-2022-8core`).
fn is_larger_runner(label: &str) -> bool {
    let l = label.to_ascii_lowercase();
    !is_hosted_image(&l) && ["ubuntu-", "windows-", "macos-"].iter().any(|p| l.starts_with(p))
}

/// Whether the workflow file `path` (`.github/workflows/ci.yml`) of `repository` is one of the
/// group's selected workflows (`OWNER/REPO/.github/workflows/ci.yml@REF`; any ref counts, as
/// the page does not know which ref the run is for).
pub fn workflow_selected(group: &GroupInfo, repository: &str, path: &str) -> bool {
    let wanted = format!("{repository}/{path}");
    group.selected_workflows.iter().any(|w| {
        let file = w.split_once('@').map_or(w.as_str(), |(f, _)| f);
        file.eq_ignore_ascii_case(&wanted)
    })
}

/// Why `job` (of the workflow file `workflow_path`) of `repo` waits, given the runners read.
pub fn verdict(job: &WorkflowJob, workflow_path: &str, repo: &RepositoryInfo, runners: &[Placed]) -> Verdict {
    let labels = &job.labels;
    let matching: Vec<&Placed> = runners.iter().filter(|p| matches(&p.runner, labels)).collect();
    let self_hosted = labels.iter().any(|l| l.eq_ignore_ascii_case("self-hosted"));
    if !self_hosted && matching.is_empty() && !labels.is_empty() {
        let larger = labels.iter().find(|l| is_larger_runner(l)).cloned();
        if larger.is_some() || labels.iter().all(|l| is_hosted_image(l)) {
            return Verdict::Hosted {
                labels: labels.clone(),
                larger,
            };
        }
    }
    // What keeps this repository from a runner's group, if anything.
    let barrier = |p: &Placed| -> Option<Verdict> {
        let Place::Group { group, open } = &p.place else {
            return None;
        };
        let (runner, name) = (p.runner.name.clone(), group.name.clone());
        if !open {
            Some(Verdict::GroupClosed {
                runner,
                group: name,
                group_id: group.id,
                can_open: group.visibility == Visibility::Selected,
            })
        } else if !repo.private && !group.allows_public_repositories {
            Some(Verdict::PublicNotAllowed { runner, group: name })
        } else if group.restricted_to_workflows && !workflow_selected(group, &repo.full_name, workflow_path) {
            Some(Verdict::WorkflowNotSelected {
                runner,
                group: name,
                workflow: workflow_path.to_string(),
            })
        } else {
            None
        }
    };
    let usable: Vec<&Runner> = matching
        .iter()
        .filter(|p| barrier(p).is_none())
        .map(|p| &p.runner)
        .collect();
    let names = |keep: &dyn Fn(&Runner) -> bool| -> Vec<String> {
        usable.iter().filter(|r| keep(r)).map(|r| r.name.clone()).collect()
    };
    if !usable.is_empty() {
        let idle = names(&|r| r.online && !r.busy);
        if !idle.is_empty() {
            return Verdict::Idle { names: idle };
        }
        let busy = names(&|r| r.online && r.busy);
        if !busy.is_empty() {
            return Verdict::Busy { names: busy };
        }
        return Verdict::Offline {
            names: names(&|_| true),
        };
    }
    // Matching runners exist, all kept away: the first rule in GitHub's order that does.
    let barriers: Vec<Verdict> = matching.iter().filter_map(|p| barrier(p)).collect();
    let first = |pick: fn(&Verdict) -> bool| barriers.iter().find(|v| pick(v)).cloned();
    if let Some(v) = first(|v| matches!(v, Verdict::GroupClosed { .. }))
        .or_else(|| first(|v| matches!(v, Verdict::PublicNotAllowed { .. })))
        .or_else(|| first(|v| matches!(v, Verdict::WorkflowNotSelected { .. })))
    {
        return v;
    }
    let missing = labels
        .iter()
        .filter(|l| !runners.iter().any(|p| has_label(&p.runner, l)))
        .cloned()
        .collect();
    let closest = runners
        .iter()
        .map(|p| {
            let lacks: Vec<String> = labels.iter().filter(|l| !has_label(&p.runner, l)).cloned().collect();
            (p.runner.name.clone(), lacks)
        })
        .min_by_key(|(_, lacks)| lacks.len());
    Verdict::NoMatch { missing, closest }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runner(name: &str, labels: &[&str], online: bool, busy: bool) -> Runner {
        Runner {
            id: name.len() as u64,
            name: name.into(),
            os: "linux".into(),
            online,
            busy,
            ephemeral: false,
            group_id: None,
            labels: labels.iter().map(|l| l.to_string()).collect(),
            custom_labels: Vec::new(),
            version: None,
        }
    }

    fn group(name: &str, public: bool, workflows: Option<&[&str]>) -> GroupInfo {
        GroupInfo {
            id: 7,
            name: name.into(),
            visibility: Visibility::Selected,
            allows_public_repositories: public,
            restricted_to_workflows: workflows.is_some(),
            selected_workflows: workflows.unwrap_or_default().iter().map(|w| w.to_string()).collect(),
            ..GroupInfo::default()
        }
    }

    fn job(labels: &[&str]) -> WorkflowJob {
        WorkflowJob {
            id: 1,
            run_id: 2,
            name: "build".into(),
            status: "queued".into(),
            labels: labels.iter().map(|l| l.to_string()).collect(),
            workflow_name: "CI".into(),
            created_ms: None,
            html_url: None,
        }
    }

    fn repo(private: bool) -> RepositoryInfo {
        RepositoryInfo {
            id: 42,
            full_name: "octo-org/app".into(),
            private,
            org_owned: true,
        }
    }

    fn at_repo(r: Runner) -> Placed {
        Placed {
            runner: r,
            place: Place::Repository,
        }
    }

    fn in_group(r: Runner, g: GroupInfo, open: bool) -> Placed {
        Placed {
            runner: r,
            place: Place::Group { group: g, open },
        }
    }

    const CI: &str = ".github/workflows/ci.yml";

    fn why(labels: &[&str], private: bool, runners: &[Placed]) -> Verdict {
        verdict(&job(labels), CI, &repo(private), runners)
    }

    #[test]
    fn hosted_labels_are_not_a_self_hosted_job() {
        assert!(matches!(
            why(&["ubuntu-latest"], true, &[]),
            Verdict::Hosted { larger: None, .. }
        ));
        assert!(matches!(
            why(&["windows-2025"], true, &[]),
            Verdict::Hosted { larger: None, .. }
        ));
        assert_eq!(
            why(&["ubuntu-latest-16-cores"], true, &[]),
            Verdict::Hosted {
                labels: vec!["ubuntu-latest-16-cores".into()],
                larger: Some("ubuntu-latest-16-cores".into())
            }
        );
        // A self-hosted runner that has the label takes it.
        let r = at_repo(runner("box", &["self-hosted", "ubuntu-latest"], true, false));
        assert!(matches!(why(&["ubuntu-latest"], true, &[r]), Verdict::Idle { .. }));
        assert!(!is_hosted_image("gpu") && is_hosted_image("macos-15-xlarge") && is_hosted_image("ubuntu-24.04-arm"));
    }

    #[test]
    fn busy_then_offline_then_idle() {
        let busy = at_repo(runner("b1", &["self-hosted", "Linux"], true, true));
        let off = at_repo(runner("o1", &["self-hosted", "linux"], false, false));
        let idle = at_repo(runner("i1", &["self-hosted", "LINUX"], true, false));
        let labels = ["self-hosted", "linux"];
        assert_eq!(
            why(&labels, true, &[busy.clone(), off.clone()]),
            Verdict::Busy {
                names: vec!["b1".into()]
            }
        );
        assert_eq!(
            why(&labels, true, std::slice::from_ref(&off)),
            Verdict::Offline {
                names: vec!["o1".into()]
            }
        );
        assert_eq!(
            why(&labels, true, &[busy, off, idle]),
            Verdict::Idle {
                names: vec!["i1".into()]
            }
        );
    }

    #[test]
    fn group_rules_in_githubs_order() {
        let r = || runner("g1", &["self-hosted", "gpu"], true, false);
        let labels = ["self-hosted", "gpu"];
        assert_eq!(
            why(&labels, true, &[in_group(r(), group("GPU", true, None), false)]),
            Verdict::GroupClosed {
                runner: "g1".into(),
                group: "GPU".into(),
                group_id: 7,
                can_open: true
            }
        );
        assert_eq!(
            why(&labels, false, &[in_group(r(), group("GPU", false, None), true)]),
            Verdict::PublicNotAllowed {
                runner: "g1".into(),
                group: "GPU".into()
            }
        );
        // A private repository is not held back by the public rule.
        assert!(matches!(
            why(&labels, true, &[in_group(r(), group("GPU", false, None), true)]),
            Verdict::Idle { .. }
        ));
        let restricted = group("GPU", true, Some(&["octo-org/app/.github/workflows/release.yml@main"]));
        assert_eq!(
            why(&labels, true, &[in_group(r(), restricted, true)]),
            Verdict::WorkflowNotSelected {
                runner: "g1".into(),
                group: "GPU".into(),
                workflow: CI.into()
            }
        );
        let selected = group(
            "GPU",
            true,
            Some(&["Octo-Org/App/.github/workflows/ci.yml@refs/heads/main"]),
        );
        assert!(matches!(
            why(&labels, true, &[in_group(r(), selected, true)]),
            Verdict::Idle { .. }
        ));
        // A closed group is named before a public-repository rule of another.
        let both = [
            in_group(r(), group("Public-less", false, None), true),
            in_group(
                runner("g2", &["self-hosted", "gpu"], true, false),
                group("Closed", true, None),
                false,
            ),
        ];
        assert!(matches!(why(&labels, false, &both), Verdict::GroupClosed { group, .. } if group == "Closed"));
    }

    #[test]
    fn no_runner_with_every_label_names_the_closest() {
        let runners = [
            at_repo(runner("a", &["self-hosted", "linux"], true, false)),
            at_repo(runner("b", &["self-hosted"], true, false)),
        ];
        assert_eq!(
            why(&["self-hosted", "linux", "gpu"], true, &runners),
            Verdict::NoMatch {
                missing: vec!["gpu".into()],
                closest: Some(("a".into(), vec!["gpu".into()]))
            }
        );
        assert_eq!(
            why(&["self-hosted", "gpu"], true, &[]),
            Verdict::NoMatch {
                missing: vec!["self-hosted".into(), "gpu".into()],
                closest: None
            }
        );
    }
}
