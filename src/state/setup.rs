//! `SetupForm`: the runner setup as the page holds it, outliving any one result: the platform,
//! the options as typed, the output shown, and what GitHub answered for downloads and runner
//! groups (loaded once per API URL and scope).

use super::credential::PinnedToken;
use super::latest::after_paint;
use super::load::Load;
use crate::deep_link::DeepLink;
use crate::github::client::{runner_downloads, runner_groups};
use crate::github::{GroupInfo, RunnerPackage, Target};
use crate::runner::options::InputValue;
use crate::runner::{OptionsInput, Output, RunnerOption, RunnerPlatform};
use crate::words::setup::PackageProblem;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy)]
pub struct SetupForm {
    pub platform: RwSignal<RunnerPlatform>,
    pub options: RwSignal<OptionsInput>,
    /// A just-in-time runner's whole label list, one per line; `None` until edited, meaning
    /// the platform's default labels.
    pub jit_labels: RwSignal<Option<String>>,
    /// Which form of the setup script is shown.
    pub output: RwSignal<Output>,
    /// Every package the downloads answer offers; the chosen platform picks one.
    pub downloads: RwSignal<Load<Vec<RunnerPackage>>>,
    pub groups: RwSignal<Load<Vec<GroupInfo>>>,
    /// The API URL and scope whose downloads and groups were loaded (or are loading).
    loaded_for: StoredValue<Option<Target>>,
}

impl SetupForm {
    pub fn new(link: &DeepLink, detected: RunnerPlatform) -> Self {
        Self {
            platform: RwSignal::new(link.platform(detected)),
            options: RwSignal::new(link.options.clone()),
            jit_labels: RwSignal::new(None),
            output: RwSignal::new(Output::default()),
            downloads: RwSignal::new(Load::Loading),
            groups: RwSignal::new(Load::Loading),
            loaded_for: StoredValue::new(None),
        }
    }

    /// A text option as typed (tracked).
    pub fn text(&self, option: RunnerOption) -> Signal<String> {
        let options = self.options;
        Signal::derive(move || {
            options.with(|o| match o.value(option) {
                InputValue::Text(t) => t.to_string(),
                InputValue::Switch(_) => String::new(),
            })
        })
    }

    pub fn set_text(&self, option: RunnerOption) -> Callback<String> {
        let options = self.options;
        Callback::new(move |text| options.update(|o| o.set_text(option, text)))
    }

    /// Whether a switch shows as on (tracked).
    pub fn is_on(&self, option: RunnerOption) -> Signal<bool> {
        let options = self.options;
        Signal::derive(move || options.with(|o| o.is_on(option)))
    }

    pub fn set_switch(&self, option: RunnerOption) -> Callback<bool> {
        let options = self.options;
        Callback::new(move |on| options.update(|o| o.set_switch(option, on)))
    }

    /// The runner name as typed, trimmed (tracked).
    pub fn name(&self) -> String {
        self.options.with(|o| o.name.trim().to_string())
    }

    /// The options as typed (tracked).
    pub fn input(&self) -> OptionsInput {
        self.options.get()
    }

    /// The just-in-time labels as shown: as edited, or the chosen platform's defaults (tracked).
    pub fn jit_labels_text(&self) -> String {
        self.jit_labels
            .get()
            .unwrap_or_else(|| self.platform.get().default_labels().join("\n"))
    }

    /// The groups when GitHub listed them (tracked), for turning a group name into its id.
    pub fn known_groups(&self) -> Option<Vec<GroupInfo>> {
        self.groups.with(|g| match g {
            Load::Ready(groups) => Some(groups.clone()),
            _ => None,
        })
    }

    /// The package for `platform`, or why there is none: a lookup in the list the client
    /// parsed once (tracked).
    pub fn package(&self, platform: RunnerPlatform) -> Result<RunnerPackage, PackageProblem> {
        self.downloads.with(|d| match d {
            Load::Loading => Err(PackageProblem::Loading),
            Load::Ready(packages) => platform.package(packages).cloned().ok_or(PackageProblem::NotOffered),
            Load::Failed(e) => Err(PackageProblem::Failed(e.clone())),
        })
    }

    /// Fetches the runner downloads and (for organizations and enterprises) groups of `to`,
    /// once per API URL and scope: later calls reuse them unless loading failed. Answers for a
    /// scope the user has since left are dropped.
    pub fn load_for(&self, to: &Target, token: PinnedToken) {
        let reuse = self.loaded_for.with_value(|l| l.as_ref() == Some(to))
            && !self.downloads.with_untracked(Load::failed)
            && !self.groups.with_untracked(Load::failed);
        if reuse {
            return;
        }
        self.loaded_for.set_value(Some(to.clone()));
        self.downloads.set(Load::Loading);
        let has_groups = to.scope.kind().has_groups();
        self.groups.set(if has_groups {
            Load::Loading
        } else {
            Load::Ready(Vec::new())
        });
        let setup = *self;
        let current = move |to: &Target| setup.loaded_for.with_value(|l| l.as_ref() == Some(to));
        let target = to.clone();
        // The requests go once the result that asked for them is on screen: the token and its
        // command first (scripts/bench: click to result), the checksums and groups a frame later.
        after_paint(move || {
            if has_groups {
                let target = target.clone();
                spawn_local(async move {
                    let answer = runner_groups(&target, &token).await;
                    if current(&target) {
                        setup.groups.set(Load::of(answer));
                    }
                });
            }
            spawn_local(async move {
                let answer = runner_downloads(&target, &token).await;
                if current(&target) {
                    setup.downloads.set(Load::of(answer));
                }
            });
        });
    }

    /// Forgets what was loaded, so the next result loads it again (after Forget token).
    pub fn forget(&self) {
        self.loaded_for.set_value(None);
    }
}
