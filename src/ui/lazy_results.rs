//! The result panels in their own wasm chunk, `results`: a token's ([`ResultPanel`] with the
//! runner setup, its outputs and the removal steps) and a just-in-time runner's ([`JitPanel`]).
//! Nothing on the first screen needs them; `App` prefetches the chunk once the form is valid.

use super::jit_panel::JitPanel;
use super::lazy::split_view;
use super::result_panel::ResultPanel;
use super::setup_state::SetupForm;
use crate::github::client::TokenPurpose;
use crate::github::{JitConfig, RegistrationToken, Scope};
use crate::runner::{ConfigCommand, RunnerPlatform};
use leptos::prelude::*;

split_view! {
    chunk = results, prefetch = prefetch_results;
    /// [`ResultPanel`], from the `results` chunk.
    #[allow(clippy::too_many_arguments)]
    pub fn token_result(
        token: RegistrationToken,
        purpose: TokenPurpose,
        command: ConfigCommand,
        scope: Scope,
        api: Option<String>,
        setup: SetupForm,
        now: Signal<i64>,
        on_renew: Callback<()>,
    ) {
        view! { <ResultPanel token=token purpose=purpose command=command scope=scope api=api setup=setup now=now on_renew=on_renew /> }
    }
}

split_view! {
    chunk = results, prefetch = prefetch_jit_result;
    /// [`JitPanel`], from the `results` chunk.
    pub fn jit_result(
        runner: JitConfig,
        requested: String,
        labels: Vec<String>,
        subject: String,
        platform: RunnerPlatform,
        setup: SetupForm,
    ) {
        view! { <JitPanel runner=runner requested=requested labels=labels subject=subject platform=platform setup=setup /> }
    }
}
