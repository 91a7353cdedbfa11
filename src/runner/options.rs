//! `RunnerOptions`: the `config.sh` flags beyond `--url` and `--token`, validated from what the
//! user typed. An empty value leaves its flag out; invalid combinations are explained, never
//! turned into a script.

use super::platform::ScriptShell;
use crate::github::jit::{DEFAULT_GROUP_ID, DEFAULT_WORK_FOLDER, MAX_LABELS};
use crate::github::{GroupInfo, JitRequest};

/// Longest label `config.sh` accepts.
pub const MAX_LABEL: usize = 256;

/// The options as typed. `labels` holds one label per line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OptionsInput {
    pub name: String,
    pub labels: String,
    pub no_default_labels: bool,
    /// A runner group name; empty means the organization's default group.
    pub group: String,
    pub work: String,
    pub ephemeral: bool,
    pub replace: bool,
    /// `None` until the user sets it: then on exactly when a name is given.
    pub unattended: Option<bool>,
    pub disable_update: bool,
    pub service: bool,
}

/// Validated options: every value non-empty where present, and safe for the target shell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunnerOptions {
    pub name: Option<String>,
    pub labels: Vec<String>,
    pub no_default_labels: bool,
    pub group: Option<String>,
    pub work: Option<String>,
    pub ephemeral: bool,
    pub replace: bool,
    pub unattended: bool,
    pub disable_update: bool,
    pub service: bool,
}

/// One message per invalid option.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OptionErrors {
    pub name: Option<String>,
    pub labels: Option<String>,
    pub no_default_labels: Option<String>,
    pub group: Option<String>,
    pub work: Option<String>,
    pub service: Option<String>,
}

/// Every runner option the page offers, in the order `config.sh`'s flags are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunnerOption {
    Name,
    Labels,
    Group,
    Work,
    NoDefaultLabels,
    Ephemeral,
    Replace,
    Unattended,
    DisableUpdate,
    Service,
}

/// How an option reaches `config.sh`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    /// `--flag VALUE`, left out when empty.
    Valued(&'static str),
    /// `--flag` when on.
    Switch(&'static str),
    /// `--flag` when on, in PowerShell only; elsewhere the option changes the start step.
    WindowsSwitch(&'static str),
}

/// One row of [`OPTIONS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionSpec {
    pub option: RunnerOption,
    /// The link parameter (`?name=...`, `?ephemeral=1`).
    pub link_key: &'static str,
    pub flag: Flag,
    /// The form's label and, for switches, the hint beside it and the control's id.
    pub label: &'static str,
    pub hint: &'static str,
    pub id: &'static str,
}

/// The one table of runner options: the form, links and `config.sh` all read it. A new
/// `config.sh` flag is a row here, a field in [`OptionsInput`] and [`RunnerOptions`], and its arm
/// in their three accessors below.
pub const OPTIONS: [OptionSpec; 10] = {
    const fn spec(
        option: RunnerOption,
        link_key: &'static str,
        flag: Flag,
        label: &'static str,
        hint: &'static str,
        id: &'static str,
    ) -> OptionSpec {
        OptionSpec {
            option,
            link_key,
            flag,
            label,
            hint,
            id,
        }
    }
    use Flag::{Switch, Valued, WindowsSwitch};
    use RunnerOption as O;
    [
        spec(O::Name, "name", Valued("--name"), "Runner name", "", "runner-name"),
        spec(O::Labels, "labels", Valued("--labels"), "Labels", "", "runner-labels"),
        spec(
            O::Group,
            "group",
            Valued("--runnergroup"),
            "Runner group",
            "",
            "runner-group",
        ),
        spec(O::Work, "work", Valued("--work"), "Work folder", "", "runner-work"),
        spec(
            O::NoDefaultLabels,
            "nodefaultlabels",
            Switch("--no-default-labels"),
            "No default labels",
            "",
            "no-default-labels",
        ),
        spec(
            O::Ephemeral,
            "ephemeral",
            Switch("--ephemeral"),
            "Ephemeral",
            "(takes one job, then unregisters)",
            "runner-ephemeral",
        ),
        spec(
            O::Replace,
            "replace",
            Switch("--replace"),
            "Replace existing runner",
            "(with the same name)",
            "runner-replace",
        ),
        spec(
            O::Unattended,
            "unattended",
            Switch("--unattended"),
            "Unattended",
            "(never prompt; on by default when a name is given)",
            "runner-unattended",
        ),
        spec(
            O::DisableUpdate,
            "disableupdate",
            Switch("--disableupdate"),
            "Disable auto-update",
            "",
            "runner-disable-update",
        ),
        spec(
            O::Service,
            "service",
            WindowsSwitch("--runasservice"),
            "Run as a service",
            "",
            "runner-service",
        ),
    ]
};

impl RunnerOption {
    pub fn spec(self) -> &'static OptionSpec {
        // Every option has its row (a unit test checks the table is complete and in order).
        &OPTIONS[self as usize]
    }

    /// The options that are switches, in table order.
    pub fn switches() -> impl Iterator<Item = RunnerOption> {
        OPTIONS
            .iter()
            .filter(|s| !matches!(s.flag, Flag::Valued(_)))
            .map(|s| s.option)
    }
}

/// An option's value as typed: text, or a switch (`None`: not set, its default applies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputValue<'a> {
    Text(&'a str),
    Switch(Option<bool>),
}

impl OptionsInput {
    pub fn value(&self, option: RunnerOption) -> InputValue<'_> {
        use InputValue::{Switch, Text};
        match option {
            RunnerOption::Name => Text(&self.name),
            RunnerOption::Labels => Text(&self.labels),
            RunnerOption::Group => Text(&self.group),
            RunnerOption::Work => Text(&self.work),
            RunnerOption::NoDefaultLabels => Switch(Some(self.no_default_labels)),
            RunnerOption::Ephemeral => Switch(Some(self.ephemeral)),
            RunnerOption::Replace => Switch(Some(self.replace)),
            RunnerOption::Unattended => Switch(self.unattended),
            RunnerOption::DisableUpdate => Switch(Some(self.disable_update)),
            RunnerOption::Service => Switch(Some(self.service)),
        }
    }

    /// Sets a text option (labels: one per line).
    pub fn set_text(&mut self, option: RunnerOption, text: String) {
        match option {
            RunnerOption::Name => self.name = text,
            RunnerOption::Labels => self.labels = text,
            RunnerOption::Group => self.group = text,
            RunnerOption::Work => self.work = text,
            switch => self.set_switch(switch, !text.is_empty()),
        }
    }

    pub fn set_switch(&mut self, option: RunnerOption, on: bool) {
        match option {
            RunnerOption::NoDefaultLabels => self.no_default_labels = on,
            RunnerOption::Ephemeral => self.ephemeral = on,
            RunnerOption::Replace => self.replace = on,
            RunnerOption::Unattended => self.unattended = Some(on),
            RunnerOption::DisableUpdate => self.disable_update = on,
            RunnerOption::Service => self.service = on,
            text => self.set_text(text, String::new()),
        }
    }

    /// Whether a switch shows as on: as set, or its default (Unattended: on when a name is given).
    pub fn is_on(&self, option: RunnerOption) -> bool {
        match (option, self.value(option)) {
            (RunnerOption::Unattended, _) => self.unattended(),
            (_, InputValue::Switch(on)) => on.unwrap_or(false),
            (_, InputValue::Text(t)) => !t.trim().is_empty(),
        }
    }
}

impl RunnerOptions {
    /// What `config.sh` gets for `option`: `None` leaves its flag out, `Some(None)` is a switch
    /// that is on, `Some(Some(value))` a flag with its value.
    pub fn flag_value(&self, option: RunnerOption) -> Option<Option<String>> {
        let on = |b: bool| b.then_some(None);
        match option {
            RunnerOption::Name => self.name.clone().map(Some),
            RunnerOption::Labels => (!self.labels.is_empty()).then(|| Some(self.labels.join(","))),
            RunnerOption::Group => self.group.clone().map(Some),
            RunnerOption::Work => self.work.clone().map(Some),
            RunnerOption::NoDefaultLabels => on(self.no_default_labels),
            RunnerOption::Ephemeral => on(self.ephemeral),
            RunnerOption::Replace => on(self.replace),
            RunnerOption::Unattended => on(self.unattended),
            RunnerOption::DisableUpdate => on(self.disable_update),
            RunnerOption::Service => on(self.service),
        }
    }
}

impl OptionsInput {
    /// Whether `--unattended` is on: as set, or on when a name is given.
    pub fn unattended(&self) -> bool {
        self.unattended.unwrap_or(!self.name.trim().is_empty())
    }

    pub fn validate(&self, shell: ScriptShell) -> Result<RunnerOptions, OptionErrors> {
        let name = text_value("The runner name", &self.name, shell);
        let labels = parse_labels(&self.labels, shell);
        let group = text_value("The runner group", &self.group, shell);
        let work = text_value("The work folder", &self.work, shell);
        let mut errors = OptionErrors {
            name: name.as_ref().err().cloned(),
            labels: labels.as_ref().err().cloned(),
            group: group.as_ref().err().cloned(),
            work: work.as_ref().err().cloned(),
            ..OptionErrors::default()
        };
        if self.no_default_labels && labels.as_ref().is_ok_and(Vec::is_empty) {
            errors.no_default_labels = Some(
                "No default labels needs at least one label of your own: a runner without labels can never be chosen by a workflow.".into(),
            );
        }
        if self.ephemeral && self.service {
            errors.service = Some(
                "An ephemeral runner takes one job and then unregisters; as a service it would keep restarting without a registration. Choose one of the two.".into(),
            );
        }
        match (name, labels, group, work) {
            (Ok(name), Ok(labels), Ok(group), Ok(work)) if errors == OptionErrors::default() => Ok(RunnerOptions {
                name,
                labels,
                no_default_labels: self.no_default_labels,
                group,
                work,
                ephemeral: self.ephemeral,
                replace: self.replace,
                unattended: self.unattended(),
                disable_update: self.disable_update,
                service: self.service,
            }),
            _ => Err(errors),
        }
    }
}

impl OptionsInput {
    /// The just-in-time request: the name is required, `labels` (one per line) is the runner's
    /// whole label list, and the group becomes its id. `groups` is the scope's list when it
    /// was loaded; `has_groups` is false for a repository, whose runners are in the default group.
    pub fn jit_request(
        &self,
        labels: &str,
        has_groups: bool,
        groups: Option<&[GroupInfo]>,
    ) -> Result<JitRequest, OptionErrors> {
        let mut errors = OptionErrors::default();
        // JSON carries any text, so no shell's rules apply; control characters are still refused.
        let name = text_value("The runner name", &self.name, ScriptShell::Posix).and_then(|n| {
            n.ok_or_else(|| {
                "A just-in-time runner needs a name: GitHub registers it under that name before it starts.".to_string()
            })
        });
        let labels = parse_labels(labels, ScriptShell::Posix).and_then(|l| match l.len() {
            0 => Err("Give the runner at least one label, or no workflow can choose it. self-hosted and the OS and architecture are the usual ones.".into()),
            n if n > MAX_LABELS => Err(format!("GitHub takes at most {MAX_LABELS} labels; there are {n}.")),
            _ => Ok(l),
        });
        let work = text_value("The work folder", &self.work, ScriptShell::Posix);
        let group = if has_groups {
            group_id(self.group.trim(), groups)
        } else {
            Ok(DEFAULT_GROUP_ID)
        };
        errors.name = name.as_ref().err().cloned();
        errors.labels = labels.as_ref().err().cloned();
        errors.work = work.as_ref().err().cloned();
        errors.group = group.as_ref().err().cloned();
        match (name, labels, work, group) {
            (Ok(name), Ok(labels), Ok(work), Ok(runner_group_id)) => Ok(JitRequest {
                name,
                runner_group_id,
                labels,
                work_folder: work.unwrap_or_else(|| DEFAULT_WORK_FOLDER.to_string()),
            }),
            _ => Err(errors),
        }
    }
}

/// The id of the group named `name` (empty: the default group) in `groups`.
fn group_id(name: &str, groups: Option<&[GroupInfo]>) -> Result<u64, String> {
    let Some(groups) = groups else {
        return if name.is_empty() {
            Ok(DEFAULT_GROUP_ID)
        } else {
            Err(format!("The runner groups could not be loaded, so \u{201c}{name}\u{201d} cannot be turned into the id GitHub needs. Leave it empty for the default group, or fix the error above and try again."))
        };
    };
    let found = if name.is_empty() {
        groups.iter().find(|g| g.default)
    } else {
        groups.iter().find(|g| g.name.eq_ignore_ascii_case(name))
    };
    match found {
        Some(g) => Ok(g.id),
        None if name.is_empty() => Ok(DEFAULT_GROUP_ID),
        None => Err(format!(
            "There is no runner group named \u{201c}{name}\u{201d} here. Pick one from the list."
        )),
    }
}

impl RunnerOptions {
    /// config.sh stops with `Could not find any self-hosted runner group named "X"` for a group
    /// the organization lacks; once the list of groups is known, say so before any script.
    pub fn check_group<'a>(self, known: impl IntoIterator<Item = &'a str>) -> Result<Self, OptionErrors> {
        match &self.group {
            Some(g) if !known.into_iter().any(|k| k.eq_ignore_ascii_case(g)) => Err(OptionErrors {
                group: Some(format!("There is no runner group named \u{201c}{g}\u{201d} here: config.sh would stop there. Pick one from the list.")),
                ..OptionErrors::default()
            }),
            _ => Ok(self),
        }
    }
}

/// One label per line; blank lines are skipped and repeats removed (GitHub matches labels
/// without regard to case, so `GPU` repeats `gpu`).
pub fn parse_labels(text: &str, shell: ScriptShell) -> Result<Vec<String>, String> {
    let mut labels: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.contains(',') {
            return Err(format!("\u{201c}{line}\u{201d} contains a comma, which separates labels for config.sh: put each label on its own line."));
        }
        if line.chars().count() > MAX_LABEL {
            return Err(format!(
                "A label is {} characters long; config.sh accepts at most {MAX_LABEL}.",
                line.chars().count()
            ));
        }
        let label = text_value("A label", line, shell)?.unwrap_or_default();
        if !labels.iter().any(|l| l.eq_ignore_ascii_case(&label)) {
            labels.push(label);
        }
    }
    Ok(labels)
}

/// A trimmed free-text value: `None` when empty. Control characters (line breaks, tabs, NUL)
/// never belong in these values. On Windows, `config.cmd` is a batch file: cmd.exe re-reads its
/// arguments and would expand `%` or act on `&`, `|`, `<`, `>`, `^` and `"`, whatever
/// PowerShell's quoting did, so those characters are refused there.
fn text_value(what: &str, value: &str, shell: ScriptShell) -> Result<Option<String>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().any(char::is_control) {
        return Err(format!("{what} contains a line break, tab or other control character."));
    }
    if shell == ScriptShell::PowerShell {
        if let Some(c) = value.chars().find(|c| "%&|<>^\"".contains(*c)) {
            return Err(format!(
                "{what} contains \u{201c}{c}\u{201d}, which cmd.exe would misread when PowerShell passes it to config.cmd. Leave it out on Windows."
            ));
        }
    }
    Ok(Some(value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> OptionsInput {
        OptionsInput::default()
    }

    #[test]
    fn the_table_has_every_option_once_in_order() {
        for (i, spec) in OPTIONS.iter().enumerate() {
            assert_eq!(spec.option as usize, i, "{spec:?} is out of place");
        }
        let mut keys: Vec<_> = OPTIONS.iter().map(|s| s.link_key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), OPTIONS.len(), "link keys are unique");
        let mut input = OptionsInput::default();
        for spec in &OPTIONS {
            match input.value(spec.option) {
                InputValue::Text(_) => input.set_text(spec.option, format!("v-{}", spec.link_key)),
                InputValue::Switch(_) => input.set_switch(spec.option, true),
            }
        }
        for spec in &OPTIONS {
            assert!(input.is_on(spec.option), "{:?} was set through the table", spec.option);
        }
    }

    #[test]
    fn empty_input_means_no_flags() {
        assert_eq!(input().validate(ScriptShell::Posix), Ok(RunnerOptions::default()));
    }

    #[test]
    fn labels_are_one_per_line_trimmed_and_without_repeats() {
        assert_eq!(
            parse_labels(" gpu \n\nlinux-large\nGPU\n", ScriptShell::Posix).unwrap(),
            ["gpu", "linux-large"]
        );
        assert!(parse_labels("a,b", ScriptShell::Posix).unwrap_err().contains("comma"));
        assert!(parse_labels(&"x".repeat(257), ScriptShell::Posix)
            .unwrap_err()
            .contains("at most 256"));
        assert_eq!(parse_labels(&"x".repeat(256), ScriptShell::Posix).unwrap().len(), 1);
        assert!(parse_labels("tab\there", ScriptShell::Posix)
            .unwrap_err()
            .contains("control character"));
    }

    #[test]
    fn unattended_follows_the_name_until_set() {
        let named = OptionsInput {
            name: "build-01".into(),
            ..input()
        };
        assert!(named.unattended());
        assert!(!input().unattended());
        assert!(!OptionsInput {
            unattended: Some(false),
            ..named.clone()
        }
        .unattended());
        assert!(OptionsInput {
            unattended: Some(true),
            ..input()
        }
        .unattended());
        assert!(named.validate(ScriptShell::Posix).unwrap().unattended);
    }

    #[test]
    fn no_default_labels_needs_a_label() {
        let bad = OptionsInput {
            no_default_labels: true,
            ..input()
        };
        assert!(bad
            .validate(ScriptShell::Posix)
            .unwrap_err()
            .no_default_labels
            .unwrap()
            .contains("at least one label"));
        let good = OptionsInput {
            no_default_labels: true,
            labels: "gpu".into(),
            ..input()
        };
        assert!(good.validate(ScriptShell::Posix).unwrap().no_default_labels);
    }

    #[test]
    fn an_ephemeral_service_is_refused() {
        let bad = OptionsInput {
            ephemeral: true,
            service: true,
            ..input()
        };
        assert!(bad
            .validate(ScriptShell::Posix)
            .unwrap_err()
            .service
            .unwrap()
            .contains("ephemeral"));
    }

    #[test]
    fn shell_metacharacters_are_kept_for_posix_and_cmd_ones_refused_on_windows() {
        let wild = OptionsInput {
            name: "a'b $(id) `x` ; && |".into(),
            ..input()
        };
        assert_eq!(
            wild.validate(ScriptShell::Posix).unwrap().name.as_deref(),
            Some("a'b $(id) `x` ; && |")
        );
        let errors = wild.validate(ScriptShell::PowerShell).unwrap_err();
        assert!(errors.name.unwrap().contains("cmd.exe"));
        let ok = OptionsInput {
            name: "build 01 $x 'q'".into(),
            work: "D:\\runner\\_work".into(),
            ..input()
        };
        assert!(ok.validate(ScriptShell::PowerShell).is_ok());
    }

    #[test]
    fn a_group_the_organization_lacks_is_caught_before_config_sh() {
        let o = OptionsInput {
            group: "Release".into(),
            ..input()
        }
        .validate(ScriptShell::Posix)
        .unwrap();
        assert!(o.clone().check_group(["Default", "release"]).is_ok());
        assert!(o
            .check_group(["Default"])
            .unwrap_err()
            .group
            .unwrap()
            .contains("no runner group named"));
        assert!(
            RunnerOptions::default().check_group([]).is_ok(),
            "the default group needs no check"
        );
    }

    #[test]
    fn a_just_in_time_request_needs_a_name_and_a_label_and_names_its_group_by_id() {
        let groups = [
            GroupInfo {
                id: 1,
                name: "Default".into(),
                default: true,
                ..GroupInfo::default()
            },
            GroupInfo {
                id: 7,
                name: "GPU".into(),
                default: false,
                ..GroupInfo::default()
            },
        ];
        let named = OptionsInput {
            name: " jit-1 ".into(),
            ..input()
        };
        let r = named
            .jit_request("self-hosted\nLinux\nX64\nlinux", true, Some(&groups))
            .unwrap();
        assert_eq!(
            r,
            JitRequest {
                name: "jit-1".into(),
                runner_group_id: 1,
                labels: vec!["self-hosted".into(), "Linux".into(), "X64".into()],
                work_folder: "_work".into()
            }
        );
        let gpu = OptionsInput {
            group: "gpu".into(),
            work: "w".into(),
            ..named.clone()
        }
        .jit_request("a", true, Some(&groups))
        .unwrap();
        assert_eq!((gpu.runner_group_id, gpu.work_folder.as_str()), (7, "w"));
        assert!(OptionsInput {
            group: "Nope".into(),
            ..named.clone()
        }
        .jit_request("a", true, Some(&groups))
        .unwrap_err()
        .group
        .unwrap()
        .contains("no runner group"));
        assert!(OptionsInput {
            group: "GPU".into(),
            ..named.clone()
        }
        .jit_request("a", true, None)
        .unwrap_err()
        .group
        .unwrap()
        .contains("could not be loaded"));
        assert_eq!(
            OptionsInput {
                group: "ignored".into(),
                ..named.clone()
            }
            .jit_request("a", false, None)
            .unwrap()
            .runner_group_id,
            1
        );
        let errors = input().jit_request("", true, Some(&groups)).unwrap_err();
        assert!(errors.name.unwrap().contains("needs a name") && errors.labels.unwrap().contains("at least one label"));
        let many: Vec<String> = (0..101).map(|i| format!("l{i}")).collect();
        assert!(named
            .jit_request(&many.join("\n"), false, None)
            .unwrap_err()
            .labels
            .unwrap()
            .contains("at most 100"));
        assert!(named.jit_request(&many[..100].join("\n"), false, None).is_ok());
    }

    #[test]
    fn control_characters_are_refused_everywhere() {
        let bad = OptionsInput {
            name: "a\nb".into(),
            group: "g\u{0}".into(),
            ..input()
        };
        let errors = bad.validate(ScriptShell::Posix).unwrap_err();
        assert!(errors.name.is_some() && errors.group.is_some());
    }
}
