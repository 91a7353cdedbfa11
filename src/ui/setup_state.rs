//! The runner-setup state App owns, so it outlives any one result: the platform, the options as
//! typed, and what GitHub answered for downloads and runner groups.

use super::error_alert::short_reason;
use super::output_block::Output;
use crate::deep_link::DeepLink;
use crate::github::{ApiError, RunnerGroup, RunnerPackage};
use crate::runner::{OptionsInput, RunnerPlatform};
use leptos::prelude::*;

const START_AT_RUN: &str =
    "The steps start in the runner's folder: download and extract the runner into a folder first.";

/// What to say about the package of a script: why it is missing, or that it has no checksum.
pub fn download_note(package: &Result<RunnerPackage, String>) -> Option<String> {
    match package {
        Ok(p) if p.sha256.is_none() => Some(
            "GitHub's downloads answer gave no usable SHA-256 for this package, so the script cannot verify it: compare it with the checksum on the runner's release page before running it.".to_string(),
        ),
        Ok(_) => None,
        Err(note) => Some(note.clone()),
    }
}

/// An answer that is on its way, arrived, or failed.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

impl<T> Load<T> {
    pub fn failed(&self) -> bool {
        matches!(self, Load::Failed(_))
    }
}

/// One signal per option, so each control updates only what reads it.
#[derive(Clone, Copy)]
pub struct SetupForm {
    pub platform: RwSignal<RunnerPlatform>,
    pub name: RwSignal<String>,
    pub labels: RwSignal<String>,
    /// A just-in-time runner's whole label list, one per line; `None` until edited, meaning
    /// the platform's default labels.
    pub jit_labels: RwSignal<Option<String>>,
    pub no_default_labels: RwSignal<bool>,
    pub group: RwSignal<String>,
    pub work: RwSignal<String>,
    pub ephemeral: RwSignal<bool>,
    pub replace: RwSignal<bool>,
    pub unattended: RwSignal<Option<bool>>,
    pub disable_update: RwSignal<bool>,
    pub service: RwSignal<bool>,
    /// Which form of the setup script is shown.
    pub output: RwSignal<Output>,
    /// Every package the downloads answer offers; the chosen platform picks one.
    pub downloads: RwSignal<Load<Vec<RunnerPackage>>>,
    pub groups: RwSignal<Load<Vec<RunnerGroup>>>,
}

impl SetupForm {
    pub fn new(link: &DeepLink, detected: RunnerPlatform) -> Self {
        let o = link.options.clone();
        Self {
            platform: RwSignal::new(link.platform(detected)),
            name: RwSignal::new(o.name),
            labels: RwSignal::new(o.labels),
            jit_labels: RwSignal::new(None),
            no_default_labels: RwSignal::new(o.no_default_labels),
            group: RwSignal::new(o.group),
            work: RwSignal::new(o.work),
            ephemeral: RwSignal::new(o.ephemeral),
            replace: RwSignal::new(o.replace),
            unattended: RwSignal::new(o.unattended),
            disable_update: RwSignal::new(o.disable_update),
            service: RwSignal::new(o.service),
            output: RwSignal::new(Output::default()),
            downloads: RwSignal::new(Load::Loading),
            groups: RwSignal::new(Load::Loading),
        }
    }

    /// The options as typed (a tracked read of every option).
    pub fn input(&self) -> OptionsInput {
        OptionsInput {
            name: self.name.get(),
            labels: self.labels.get(),
            no_default_labels: self.no_default_labels.get(),
            group: self.group.get(),
            work: self.work.get(),
            ephemeral: self.ephemeral.get(),
            replace: self.replace.get(),
            unattended: self.unattended.get(),
            disable_update: self.disable_update.get(),
            service: self.service.get(),
        }
    }

    /// The just-in-time labels as shown: as edited, or the chosen platform's defaults.
    pub fn jit_labels_text(&self) -> String {
        self.jit_labels
            .get()
            .unwrap_or_else(|| self.platform.get().default_labels().join("\n"))
    }

    /// The groups when GitHub listed them (tracked), for turning a group name into its id.
    pub fn known_groups(&self) -> Option<Vec<RunnerGroup>> {
        self.groups.with(|g| match g {
            Load::Ready(groups) => Some(groups.clone()),
            _ => None,
        })
    }

    /// The package for `platform`, or why there is none: a lookup in the list the client
    /// parsed once (tracked).
    pub fn package(&self, platform: RunnerPlatform) -> Result<RunnerPackage, String> {
        let name = format!("{} {}", platform.os.label(), platform.arch.label());
        self.downloads.with(|d| match d {
            Load::Loading => Err(format!("Loading the runner package for {name}\u{2026}")),
            Load::Ready(packages) => platform.package(packages).cloned().ok_or_else(|| {
                format!("GitHub's downloads answer has no usable runner package for {name}. {START_AT_RUN}")
            }),
            Load::Failed(e) => Err(format!(
                "The runner downloads could not be loaded ({}). {START_AT_RUN}",
                short_reason(e)
            )),
        })
    }

    /// The options as typed, without subscribing (for event handlers).
    pub fn input_untracked(&self) -> OptionsInput {
        untrack(|| self.input())
    }
}
