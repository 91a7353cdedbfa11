//! The runner-setup state App owns, so it outlives any one result: the platform, the options as
//! typed, and what GitHub answered for downloads and runner groups.

use crate::deep_link::DeepLink;
use crate::github::{ApiError, RunnerGroup, RunnerPackage};
use crate::runner::{OptionsInput, RunnerPlatform};
use leptos::prelude::*;

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
    pub no_default_labels: RwSignal<bool>,
    pub group: RwSignal<String>,
    pub work: RwSignal<String>,
    pub ephemeral: RwSignal<bool>,
    pub replace: RwSignal<bool>,
    pub unattended: RwSignal<Option<bool>>,
    pub disable_update: RwSignal<bool>,
    pub service: RwSignal<bool>,
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
            no_default_labels: RwSignal::new(o.no_default_labels),
            group: RwSignal::new(o.group),
            work: RwSignal::new(o.work),
            ephemeral: RwSignal::new(o.ephemeral),
            replace: RwSignal::new(o.replace),
            unattended: RwSignal::new(o.unattended),
            disable_update: RwSignal::new(o.disable_update),
            service: RwSignal::new(o.service),
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

    /// The options as typed, without subscribing (for event handlers).
    pub fn input_untracked(&self) -> OptionsInput {
        untrack(|| self.input())
    }
}
